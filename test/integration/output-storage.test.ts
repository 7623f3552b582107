import { expect } from 'chai';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { workflow, task, pause, LocalFileStorage, type ExecutionContext, type Runtime } from 'flux-actors';
import { STORE_KINDS, tempDir, testRuntime } from '../fixtures/runtimes.js';

for (const kind of STORE_KINDS) {
  describe(`output storage (${kind} store)`, () => {
    let runtime: Runtime;
    let dispose: () => Promise<void>;
    let dir: string;
    beforeEach(async () => {
      ({ runtime, dispose } = await testRuntime(kind));
      dir = tempDir('flux-outputs-');
    });
    afterEach(async () => {
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps a task output out of the log, records a reference, and replays the stored value', async () => {
      const storage = new LocalFileStorage(dir);
      let runs = 0;
      const report = task.withOptions({ outputStorage: storage })(async function bigReport(rows: number) {
        runs++;
        return { rows: Array.from({ length: rows }, (_, i) => `row ${i}`) };
      });
      const flow = workflow(async function reportFlow(ctx: ExecutionContext<number>) {
        const r = await report(ctx.input);
        await pause('review');
        return r.rows.length;
      });
      const paused = await flow.run(1000, { runtime });
      const completed = paused.events.find((e) => e.type === 'TASK_COMPLETED' && e.name === 'bigReport')!;
      const reference = (completed.value as { $fluxOutput: { storage: string; location: string } }).$fluxOutput;
      expect(reference.storage).to.equal('local-file');
      expect(existsSync(reference.location)).to.equal(true);
      expect(JSON.stringify(paused.events)).to.not.contain('row 999');
      expect(readFileSync(reference.location, 'utf8')).to.contain('row 999');
      const done = await flow.resume(paused.executionId, null, { runtime });
      expect(done.output).to.equal(1000);
      expect(runs).to.equal(1);
    });

    it('keeps a workflow output in storage and reads it back for ctx.output', async () => {
      const storage = new LocalFileStorage(dir);
      const flow = workflow.withOptions({ outputStorage: storage })(async function storedOutputFlow(
        ctx: ExecutionContext<string>,
      ) {
        return { greeting: `hello ${ctx.input}`, padding: 'x'.repeat(10_000) };
      });
      const ctx = await flow.run('ada', { runtime });
      expect((ctx.output as { greeting: string }).greeting).to.equal('hello ada');
      const last = ctx.events.at(-1)!;
      expect(last.type).to.equal('WORKFLOW_COMPLETED');
      expect(JSON.stringify(last.value)).to.contain('$fluxOutput').and.not.contain('xxxx');
      expect(((await runtime.inspect(ctx.executionId)).output as { greeting: string }).greeting).to.equal('hello ada');
      expect(existsSync(join(dir, ctx.executionId))).to.equal(true);
    });

    it('fails the call with a clear error when a stored output has gone', async () => {
      const storage = new LocalFileStorage(dir);
      const value = task.withOptions({ outputStorage: storage })(async function vanishingValue() {
        return 42;
      });
      const flow = workflow(async function vanishingFlow() {
        const v = await value();
        await pause('p');
        return v;
      });
      const paused = await flow.run(undefined, { runtime });
      rmSync(dir, { recursive: true, force: true });
      const done = await flow.resume(paused.executionId, null, { runtime });
      expect(done.error).to.include({ code: 'OUTPUT_UNAVAILABLE' });
    });
  });
}
