/** An attempt that runs past its timeout fails with ExecutionTimeoutError; its signal is aborted. */
import { workflow, task, taskContext } from 'flux-actors';
import { isMain } from './main.js';

export const longComputation = task.withOptions({ timeout: '30ms' })(async function longComputation() {
  const { signal } = taskContext();
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
  return 'stopped early';
});

export const taskTimeout = workflow(async function taskTimeout() {
  return await longComputation();
});

if (isMain(import.meta.url)) console.log((await taskTimeout.run()).error);
