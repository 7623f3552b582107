/** A task that calls tasks: each inner call is a durable step of its own, recorded under the outer one. */
import { workflow, task, createRuntime, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const fetchPrice = task(async function fetchPrice(item: string) {
  return item.length * 10;
});

export const applyDiscount = task(async function applyDiscount(price: number) {
  return Math.round(price * 0.9);
});

/** The outer task: its inner calls are recorded, so a retry of it does not run them again. */
export const quote = task(async function quote(items: string[]) {
  let total = 0;
  for (const item of items) total += await applyDiscount(await fetchPrice(item));
  return total;
});

export const nestedTasks = workflow(async function nestedTasks(ctx: ExecutionContext<string[]>) {
  return await quote(ctx.input);
});

if (isMain(import.meta.url)) {
  const runtime = await createRuntime({ store: 'memory' });
  const ctx = await nestedTasks.run(['tea', 'coffee'], { runtime });
  console.log(ctx.output);
  for (const e of ctx.events) if (e.type === 'TASK_COMPLETED') console.log(' ', e.sourceId, '→', e.value);
}
