/** A large output is kept in files; the event log records only a reference to it. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workflow, task, LocalFileStorage, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const storage = new LocalFileStorage(join(tmpdir(), 'flux-actors-outputs'));

export const buildDataset = task.withOptions({ outputStorage: storage })(async function buildDataset(size: number) {
  return Array.from({ length: size }, (_, i) => ({ id: i, value: i * i }));
});

export const outputStorage = workflow(async function outputStorage(ctx: ExecutionContext<number>) {
  const rows = await buildDataset(ctx.input);
  return rows.length;
});

if (isMain(import.meta.url)) {
  const ctx = await outputStorage.run(10_000);
  console.log(ctx.output, ctx.events.find((e) => e.type === 'TASK_COMPLETED')!.value);
}
