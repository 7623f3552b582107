/** Start a long execution, learn its id, cancel it: the running task sees its signal aborted. */
import { workflow, task, taskContext, createRuntime } from 'flux-actors';
import { isMain } from './main.js';

export const longReport = task(async function longReport() {
  const { signal } = taskContext();
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  return signal.aborted ? 'stopped' : 'finished';
});

export const cancellation = workflow(async function cancellation() {
  return await longReport();
});

if (isMain(import.meta.url)) {
  const runtime = await createRuntime({ store: 'memory' });
  const handle = await cancellation.start(undefined, { runtime });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const ctx = await cancellation.cancel(handle.executionId, { runtime });
  console.log(ctx.state, ctx.events.map((e) => e.type).join(' '));
}
