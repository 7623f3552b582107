/** Retries first; only when they are exhausted does the fallback run. */
import { workflow, task } from 'flux-actors';
import { isMain } from './main.js';

export const unreliable = task.withOptions({
  retryMaxAttempts: 2,
  retryDelay: 5,
  fallback: async () => 'fallback value',
})(async function unreliable() {
  throw new Error('still failing');
});

export const fallbackAfterRetry = workflow(async function fallbackAfterRetry() {
  return await unreliable();
});

if (isMain(import.meta.url)) {
  const ctx = await fallbackAfterRetry.run();
  console.log(ctx.output, ctx.events.map((e) => e.type).join(' '));
}
