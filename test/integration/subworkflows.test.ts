import { expect } from 'chai';
import { executionJson } from '../../control/execution-json.js';
import {
  workflow,
  task,
  pause,
  call,
  createRuntime,
  ExecutionError,
  taskContext,
  type ExecutionContext,
  type Runtime,
} from 'flux-actors';
import { STORE_KINDS, testRuntime, useRuntime } from '../fixtures/runtimes.js';
import { signal, until, untilState } from '../fixtures/wait-for.js';

/** A task body that runs until its execution stops waiting for it (its signal is aborted). */
async function untilAborted(): Promise<void> {
  const { signal } = taskContext();
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
}

let childRuns = 0;
const double = task(async function doubleIt(n: number) {
  childRuns++;
  return n * 2;
});
const child = workflow(async function childDoubles(ctx: ExecutionContext<number>) {
  return await double(ctx.input);
});
const failingChild = workflow(async function childFails(ctx: ExecutionContext<number>) {
  if (ctx.input < 0) throw new RangeError(`negative: ${ctx.input}`);
  return ctx.input;
});
const pausingChild = workflow(async function childAsks(ctx: ExecutionContext<string>) {
  const answer = await pause<string>('approve', { asking: ctx.input });
  return `${ctx.input}:${answer}`;
});
const twoPauseChild = workflow(async function childAsksTwice() {
  const a = await pause<number>('first');
  const b = await pause<number>('second');
  return a + b;
});

for (const kind of STORE_KINDS) {
  describe(`sub-workflows (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it('runs a child execution with its own id and log, linked both ways', async () => {
      const parent = workflow(async function parentCalls(ctx: ExecutionContext<number>) {
        return (await call(child, ctx.input)) + 1;
      });
      const ctx = await parent.run(20, { runtime });
      expect(ctx.output).to.equal(41);
      const link = ctx.events.find((e) => e.type === 'CHILD_WORKFLOW_STARTED')!;
      const childId = (link.value as { executionId: string }).executionId;
      expect(childId).to.not.equal(ctx.executionId);
      expect(link.name).to.equal('childDoubles');
      const childCtx = await runtime.inspect(childId);
      expect(childCtx.state).to.equal('succeeded');
      expect(childCtx.output).to.equal(40);
      expect(childCtx.input).to.equal(20);
      const calledBy = childCtx.events.find((e) => e.type === 'WORKFLOW_CALLED_BY')!;
      expect(calledBy.value).to.deep.equal({ executionId: ctx.executionId, callId: link.sourceId });
      // The parent's step completed with the child's output.
      expect(ctx.events.find((e) => e.type === 'TASK_COMPLETED' && e.sourceId === link.sourceId)!.value).to.equal(40);
      // As the CLI, the HTTP API and the page show them: each links to the other.
      expect(executionJson(ctx, false)).to.deep.include({ children: [childId] });
      expect(executionJson(childCtx, false)).to.deep.include({
        calledBy: { executionId: ctx.executionId, callId: link.sourceId },
      });
    });

    it('calls its children anew in a new run of its id (allowIfFinished): their ids name the run', async () => {
      const parent = workflow(async function parentRunsTwice(ctx: ExecutionContext<number>) {
        return (await call(child, ctx.input)) + 1;
      });
      const id = `twice-${Math.random().toString(36).slice(2)}`;
      await parent.run(5, { runtime, executionId: id });
      const again = await parent.run(5, { runtime, executionId: id, idReuse: 'allowIfFinished' });
      expect(again.output).to.equal(11);
      const children = again.events
        .filter((e) => e.type === 'CHILD_WORKFLOW_STARTED')
        .map((e) => (e.value as { executionId: string }).executionId);
      expect(children).to.have.length(2);
      expect(children[1]).to.not.equal(children[0]);
      expect(children[1]).to.contain(`${id}-r2-`);
      for (const childId of children) expect((await runtime.inspect(childId)).state).to.equal('succeeded');
    });

    it("gives the parent the child's failure as an ExecutionError naming the child", async () => {
      let caught: unknown;
      const parent = workflow(async function parentCatches() {
        try {
          await call(failingChild, -3);
        } catch (error) {
          caught = error;
          return 'handled';
        }
        return 'not reached';
      });
      const ctx = await parent.run(undefined, { runtime });
      expect(ctx.output).to.equal('handled');
      expect(caught).to.be.instanceOf(ExecutionError);
      const error = caught as ExecutionError;
      expect(error.code).to.equal('CHILD_WORKFLOW_FAILED');
      expect(error.message).to.contain('negative: -3');
      const childId = error.details!.executionId as string;
      expect(error.executionId).to.equal(childId);
      expect((await runtime.inspect(childId)).state).to.equal('failed');
      // On replay the same error comes back, without running the child again.
      const uncaught = workflow.withOptions({ name: 'parentFailsToo' })(async () => call(failingChild, -1));
      const failed = await uncaught.run(undefined, { runtime });
      expect(failed.state).to.equal('failed');
      expect(failed.error!.name).to.equal('ExecutionError');
      expect(failed.error!.code).to.equal('CHILD_WORKFLOW_FAILED');
    });

    it('does not run a finished child again when the parent replays', async () => {
      const parent = workflow(async function parentPausesAfterChild(ctx: ExecutionContext<number>) {
        const doubled = await call(child, ctx.input);
        const extra = await pause<number>('more');
        return doubled + extra;
      });
      childRuns = 0;
      const paused = await parent.run(5, { runtime });
      expect(paused.state).to.equal('paused');
      expect(childRuns).to.equal(1);
      const done = await runtime.resume(paused.executionId, 100);
      expect(done.output).to.equal(110);
      expect(childRuns).to.equal(1);
      expect((await runtime.list({ workflow: 'childDoubles' })).length).to.equal(1);
    });

    it('pauses the parent when the child pauses; resuming the child resumes the parent', async () => {
      const parent = workflow(async function parentOfAsker(ctx: ExecutionContext<string>) {
        return `parent(${await call(pausingChild, ctx.input)})`;
      });
      const paused = await parent.run('order-1', { runtime });
      expect(paused.state).to.equal('paused');
      expect(paused.output).to.deep.equal({ asking: 'order-1' });
      const childId = (paused.events.find((e) => e.type === 'CHILD_WORKFLOW_STARTED')!.value as { executionId: string })
        .executionId;
      expect((await runtime.inspect(childId)).state).to.equal('paused');

      const childDone = await runtime.resume(childId, 'yes');
      expect(childDone.output).to.equal('order-1:yes');
      const parentDone = await runtime.inspect(paused.executionId);
      expect(parentDone.state).to.equal('succeeded');
      expect(parentDone.output).to.equal('parent(order-1:yes)');
    });

    it("resuming the parent passes the value to the child's pause, pause after pause", async () => {
      const parent = workflow(async function parentOfTwoPauses() {
        return (await call(twoPauseChild, undefined)) * 10;
      });
      const first = await parent.run(undefined, { runtime });
      expect(first.state).to.equal('paused');
      const second = await runtime.resume(first.executionId, 2);
      expect(second.state).to.equal('paused');
      const done = await runtime.resume(first.executionId, 3);
      expect(done.state).to.equal('succeeded');
      expect(done.output).to.equal(50);
    });

    it('map runs children concurrently and returns every context, failed ones included', async () => {
      const parent = workflow(async function parentMaps(ctx: ExecutionContext<number[]>) {
        const contexts = await failingChild.map(ctx.input);
        return contexts.map((c) =>
          c.hasSucceeded ? { ok: c.output } : { failed: c.error!.message, id: c.executionId, input: c.input },
        );
      });
      const ctx = await parent.run([1, -2, 3], { runtime });
      expect(ctx.state).to.equal('succeeded');
      const [one, two, three] = ctx.output as Array<Record<string, unknown>>;
      expect(one).to.deep.equal({ ok: 1 });
      expect(three).to.deep.equal({ ok: 3 });
      expect(two!.failed).to.equal('negative: -2');
      expect(two!.input).to.equal(-2);
      expect((await runtime.inspect(two!.id as string)).state).to.equal('failed');
    });

    it('cancelling the parent cancels the child it waits on', async () => {
      const running = signal();
      const slow = task(async function slowInChild() {
        running.resolve();
        await untilAborted();
      });
      const slowChild = workflow(async function childIsSlow() {
        await slow();
      });
      const parent = workflow(async function parentOfSlow() {
        await call(slowChild, undefined);
      });
      const handle = await parent.start(undefined, { runtime });
      await running.promise;
      const cancelled = await runtime.cancel(handle.executionId);
      expect(cancelled.state).to.equal('cancelled');
      const childId = (
        cancelled.events.find((e) => e.type === 'CHILD_WORKFLOW_STARTED')!.value as { executionId: string }
      ).executionId;
      // The child's cancel goes on after the parent's: it ends cancelled (a test timeout says it did not).
      await untilState(runtime, childId, 'cancelled');
      expect((await runtime.inspect(childId)).events.map((e) => e.type)).to.include('TASK_CANCELLED');
    });

    it('cancelling a paused parent cancels its paused child', async () => {
      const parent = workflow(async function pausedParentCancelled() {
        return call(pausingChild, 'x');
      });
      const paused = await parent.run(undefined, { runtime });
      const childId = (paused.events.find((e) => e.type === 'CHILD_WORKFLOW_STARTED')!.value as { executionId: string })
        .executionId;
      expect((await runtime.cancel(paused.executionId)).state).to.equal('cancelled');
      expect((await runtime.inspect(childId)).state).to.equal('cancelled');
    });
  });
}

describe('sub-workflows after a crash', () => {
  it('a recovered parent picks up the same child and recovers it, running only what had not completed', async () => {
    const first = await testRuntime('sqlite');
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const runs: string[] = [];
    const finishing = signal();
    const prepare = task(async function prepareInChild() {
      runs.push('prepare');
      return 'prepared';
    });
    let inFirstProcess = true;
    const finish = task(async function finishInChild() {
      runs.push('finish');
      finishing.resolve();
      if (inFirstProcess) await blocked; // the first process never gets past this
      return 'finished';
    });
    const crashChild = workflow(async function crashChild() {
      await prepare();
      return finish();
    });
    const crashParent = workflow(async function crashParent() {
      return `parent got ${await call(crashChild, undefined)}`;
    });
    const handle = await crashParent.start(undefined, { runtime: first.runtime });
    await finishing.promise;
    expect(runs).to.deep.equal(['prepare', 'finish']);

    // Another process takes over: the same store, the first driver presumed dead.
    inFirstProcess = false;
    const second = await createRuntime({ store: { sqlite: first.dbPath! } });
    const recovered = await crashParent.run(undefined, { executionId: handle.executionId, runtime: second });
    expect(recovered.state).to.equal('succeeded');
    expect(recovered.output).to.equal('parent got finished');
    expect(runs).to.deep.equal(['prepare', 'finish', 'finish']);
    expect((await second.list({ workflow: 'crashChild' })).length).to.equal(1);
    await second.close();
    release();
    await first.dispose();
  });
});

describe('sub-workflows: races found in review', () => {
  let runtime: Runtime;
  useRuntime('memory', (r) => (runtime = r));

  it('cancelling a running parent cancels a child that paused while the parent waited on something else', async () => {
    const slow = task(async function slowBesideChild() {
      await untilAborted(); // still running when the parent is cancelled
      return 'slow';
    });
    const parent = workflow(async function parentWithPausedChild() {
      return Promise.all([call(pausingChild, 'p'), slow()]);
    });
    const handle = await parent.start(undefined, { runtime });
    const childId = await childOf(runtime, handle.executionId);
    await untilState(runtime, childId, 'paused');
    expect((await runtime.cancel(handle.executionId)).state).to.equal('cancelled');
    expect((await runtime.inspect(childId)).state).to.equal('cancelled');
  });

  it('a parent that pauses on a child which already finished wakes itself', async () => {
    const slowDone = signal();
    const slow = task(async function slowParentStep() {
      await slowDone.promise; // until the child has finished
      return 1;
    });
    const parent = workflow(async function parentStillBusy() {
      const [answer] = await Promise.all([call(pausingChild, 'x'), slow()]);
      return `parent got ${answer}`;
    });
    const handle = await parent.start(undefined, { runtime });
    const childId = await childOf(runtime, handle.executionId);
    await untilState(runtime, childId, 'paused');
    // The child is resumed and finishes while its parent is still running its other step.
    expect((await runtime.resume(childId, 'yes')).state).to.equal('succeeded');
    slowDone.resolve();
    const settled = await handle.result();
    expect(settled.state).to.equal('paused'); // it paused on the child, not knowing
    await untilState(runtime, handle.executionId, 'succeeded'); // it wakes itself
    const done = await runtime.inspect(handle.executionId);
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal('parent got x:yes');
  });

  it('call() outside a workflow throws the same ExecutionError a workflow body gets', async () => {
    const error = await call(failingChild, -5, { runtime }).then(
      () => undefined,
      (e: unknown) => e as ExecutionError,
    );
    expect(error).to.be.instanceOf(ExecutionError);
    expect(error!.code).to.equal('CHILD_WORKFLOW_FAILED');
    expect(error!.message).to.contain('negative: -5');
    expect((error!.details!.error as { name: string }).name).to.equal('RangeError');
  });
});

/** The id of the child a parent started, once it is listed. */
function childOf(runtime: Runtime, parentId: string): Promise<string> {
  return until(async () =>
    (await runtime.list({ workflow: 'childAsks' })).map((r) => r.executionId).find((id) => id.startsWith(parentId)),
  );
}
