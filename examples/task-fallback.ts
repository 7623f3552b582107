/** A call that fails; its fallback's result becomes the task's result. */
import { workflow, task } from 'flux-actors';
import { isMain } from './main.js';

export const fetchQuote = task.withOptions({ fallback: async (sku: string) => ({ sku, price: 10, source: 'cache' }) })(
  async function fetchQuote(sku: string): Promise<{ sku: string; price: number; source: string }> {
    throw new Error(`pricing service down for ${sku}`);
  },
);

export const taskFallback = workflow(async function taskFallback() {
  return await fetchQuote('ab-1');
});

if (isMain(import.meta.url)) console.log((await taskFallback.run()).output);
