/** cache: true memoises a task across executions by its name and arguments. */
import { workflow, task, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export let expensiveCalls = 0;

export const expensiveLookup = task.withOptions({ cache: true })(async function expensiveLookup(key: string) {
  expensiveCalls++;
  return `value of ${key}`;
});

export const taskCache = workflow(async function taskCache(ctx: ExecutionContext<string>) {
  return await expensiveLookup(ctx.input);
});

if (isMain(import.meta.url)) {
  await taskCache.run('a');
  await taskCache.run('a');
  console.log(`two executions, ${expensiveCalls} computation(s)`);
}
