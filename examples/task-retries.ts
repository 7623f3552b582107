/** A call that fails twice and then works: retried with backoff (10 ms, then 20 ms). */
import { workflow, task, taskContext } from 'flux-actors';
import { isMain } from './main.js';

export const flakyService = task.withOptions({ retryMaxAttempts: 3, retryDelay: 10, retryBackoff: 2 })(
  async function flakyService() {
    const { attempt } = taskContext();
    if (attempt < 3) throw new Error(`service unavailable (attempt ${attempt})`);
    return `ok on attempt ${attempt}`;
  },
);

export const taskRetries = workflow(async function taskRetries() {
  return await flakyService();
});

if (isMain(import.meta.url)) {
  const ctx = await taskRetries.run();
  console.log(ctx.output, ctx.events.map((e) => e.type).join(' '));
}
