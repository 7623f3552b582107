/** An attempt that takes too long times out, which counts as a failure: the fallback answers. */
import { workflow, task } from 'flux-actors';
import { isMain } from './main.js';

export const slowSearch = task.withOptions({
  timeout: '50ms',
  fallback: async (query: string) => [`cached result for ${query}`],
})(async function slowSearch(query: string) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  return [`fresh result for ${query}`];
});

export const fallbackAfterTimeout = workflow(async function fallbackAfterTimeout() {
  return await slowSearch('flux');
});

if (isMain(import.meta.url)) console.log((await fallbackAfterTimeout.run()).output);
