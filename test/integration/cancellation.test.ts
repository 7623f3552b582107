import { expect } from 'chai';
import { workflow, task, pause, sleep, taskContext, ExecutionStateError, type Runtime } from 'flux-actors';
import { STORE_KINDS, testRuntime, useRuntime } from '../fixtures/runtimes.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const kind of STORE_KINDS) {
  describe(`cancellation (${kind} store)`, function () {
    this.timeout(20_000);
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it('cancels a running execution: the task sees its signal aborted, the log records each step', async () => {
      let sawAbort = false;
      const waitsForever = task(async function waitsForAbort() {
        const { signal } = taskContext();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        sawAbort = signal.aborted;
        return 'stopped';
      });
      const first = task(async function doneBeforeCancel() {
        return 1;
      });
      const flow = workflow(async function cancellable() {
        await first();
        return await waitsForever();
      });
      const handle = await flow.start(undefined, { runtime });
      await delay(20);
      const cancelled = await flow.cancel(handle.executionId, { runtime });
      expect(cancelled.state).to.equal('cancelled');
      expect(cancelled.isCancelled).to.equal(true);
      expect(cancelled.hasFinished).to.equal(true);
      expect(sawAbort).to.equal(true);
      expect(cancelled.events.map((e) => e.type).slice(-3)).to.deep.equal(['WORKFLOW_CANCELLING', 'TASK_CANCELLED', 'WORKFLOW_CANCELLED']);
      expect(cancelled.events.find((e) => e.type === 'TASK_CANCELLED')!.name).to.equal('waitsForAbort');
      expect((await handle.result()).state).to.equal('cancelled');
      expect((await runtime.inspect(handle.executionId)).state).to.equal('cancelled');
    });

    it('stops pending retries and sleeps', async () => {
      let attempts = 0;
      const retrying = task.withOptions({ retryMaxAttempts: 5, retryDelay: 50 })(async function retriesUntilCancelled() {
        attempts++;
        throw new Error('not yet');
      });
      const flow = workflow(async function sleepsAndRetries() {
        await Promise.all([retrying(), sleep('10s')]);
      });
      const handle = await flow.start(undefined, { runtime });
      await delay(20);
      const started = Date.now();
      await runtime.cancel(handle.executionId);
      expect(Date.now() - started).to.be.below(1000);
      await delay(150);
      expect(attempts).to.equal(1);
    });

    it('cancels a paused execution, which then never resumes', async () => {
      const flow = workflow(async function pausedThenCancelled() {
        return await pause('approval');
      });
      const paused = await flow.run(undefined, { runtime });
      const cancelled = await flow.cancel(paused.executionId, { runtime });
      expect(cancelled.state).to.equal('cancelled');
      expect(cancelled.events.map((e) => e.type).slice(-2)).to.deep.equal(['WORKFLOW_CANCELLING', 'WORKFLOW_CANCELLED']);
      const error = await flow.resume(paused.executionId, 'late', { runtime }).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(ExecutionStateError);
      expect(error).to.include({ state: 'cancelled' });
    });

    it('refuses to cancel a finished execution, saying its state', async () => {
      const flow = workflow(async function finishesFirst() {
        return 'done';
      });
      const ctx = await flow.run(undefined, { runtime });
      const error = await flow.cancel(ctx.executionId, { runtime }).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(ExecutionStateError);
      expect((error as Error).message).to.contain('is succeeded; only a running or paused execution can be cancelled');
    });
  });
}

describe('cancelling right as a run settles', () => {
  it('waits for the settling run, then cancels a paused execution or refuses a finished one', async () => {
    const { runtime, dispose } = await testRuntime('sqlite');
    const pauses = workflow(async function pausesAtOnce() {
      return await pause('p');
    });
    const handle = await pauses.start(undefined, { runtime });
    for (let i = 0; i < 50; i++) await null; // the run has paused and is committing its events
    expect((await runtime.cancel(handle.executionId)).state).to.equal('cancelled');
    const finishes = workflow(async function finishesAtOnce() {
      return 'done';
    });
    const done = await finishes.start(undefined, { runtime });
    for (let i = 0; i < 50; i++) await null;
    const error = await runtime.cancel(done.executionId).then(() => undefined, (e: unknown) => e);
    expect(error).to.be.instanceOf(ExecutionStateError);
    await dispose();
  });
});
