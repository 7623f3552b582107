import { expect } from 'chai';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import {
  workflow,
  task,
  pause,
  sleep,
  taskContext,
  createRuntime,
  ExecutionStateError,
  type ExecutionContext,
  type Runtime,
  type TestClock,
} from 'flux-actors';
import { STORE_KINDS, tempDir, testRuntime, useTestClock } from '../fixtures/runtimes.js';
import { signal, until, untilEvent } from '../fixtures/wait-for.js';

for (const kind of STORE_KINDS) {
  describe(`cancellation (${kind} store)`, function () {
    this.timeout(20_000);
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });

    it('cancels a running execution: the task sees its signal aborted, the log records each step', async () => {
      let sawAbort = false;
      const running = signal();
      const waitsForever = task(async function waitsForAbort() {
        running.resolve();
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
      await running.promise;
      const cancelled = await flow.cancel(handle.executionId, { runtime });
      expect(cancelled.state).to.equal('cancelled');
      expect(cancelled.isCancelled).to.equal(true);
      expect(cancelled.hasFinished).to.equal(true);
      expect(sawAbort).to.equal(true);
      expect(cancelled.events.find((e) => e.type === 'TASK_CANCELLED')!.name).to.equal('waitsForAbort');
      expect((await handle.result()).state).to.equal('cancelled');
      // The task returned after all: its result is recorded after the cancellation, and changes nothing.
      await untilEvent(runtime, handle.executionId, (e) => e.type === 'TASK_COMPLETED' && e.name === 'waitsForAbort');
      const stored = await runtime.inspect(handle.executionId);
      expect(stored.state).to.equal('cancelled');
      expect(stored.events.map((e) => e.type).slice(-4)).to.deep.equal([
        'WORKFLOW_CANCELLING',
        'TASK_CANCELLED',
        'WORKFLOW_CANCELLED',
        'TASK_COMPLETED',
      ]);
      expect(stored.events.at(-1)!.value).to.equal('stopped');
    });

    it('stops pending retries and sleeps', async () => {
      let attempts = 0;
      const retrying = task.withOptions({ retryMaxAttempts: 5, retryDelay: 50 })(
        async function retriesUntilCancelled() {
          attempts++;
          throw new Error('not yet');
        },
      );
      const flow = workflow(async function sleepsAndRetries() {
        await Promise.all([retrying(), sleep('10s')]);
      });
      const handle = await flow.start(undefined, { runtime });
      await untilEvent(runtime, handle.executionId, (e) => e.type === 'TASK_RETRY_STARTED'); // its backoff is armed
      const before = clock.now();
      await runtime.cancel(handle.executionId);
      expect(clock.now(), 'the cancel waited for no timer').to.equal(before);
      expect(clock.pending, 'the backoff and the sleep are cleared').to.equal(0);
      await clock.advance('1h'); // past every backoff and the sleep: what was not stopped would run now
      expect(attempts).to.equal(1);
    });

    it('cancels a paused execution, which then never resumes', async () => {
      const flow = workflow(async function pausedThenCancelled() {
        return await pause('approval');
      });
      const paused = await flow.run(undefined, { runtime });
      const cancelled = await flow.cancel(paused.executionId, { runtime });
      expect(cancelled.state).to.equal('cancelled');
      expect(cancelled.events.map((e) => e.type).slice(-2)).to.deep.equal([
        'WORKFLOW_CANCELLING',
        'WORKFLOW_CANCELLED',
      ]);
      const error = await flow.resume(paused.executionId, 'late', { runtime }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ExecutionStateError);
      expect(error).to.include({ state: 'cancelled' });
    });

    it('records nothing more for a task whose body stops with the cancellation itself', async () => {
      const running = signal();
      const obeys = task(async function obeysSignal() {
        const { signal } = taskContext();
        await new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
      });
      // Stops a turn after `obeys` does, and returns: its result is recorded (late), and comes after
      // obeys's through the same executor, so once it is in the log, obeys's has been dealt with.
      const witness = task(async function witnessesTheCancel() {
        running.resolve();
        const { signal } = taskContext();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => setImmediate(resolve)));
        return 'witnessed';
      });
      const flow = workflow(async function cancelledWhileObeying() {
        await Promise.all([obeys(), witness()]);
      });
      const handle = await flow.start(undefined, { runtime });
      await running.promise;
      await runtime.cancel(handle.executionId);
      await untilEvent(
        runtime,
        handle.executionId,
        (e) => e.type === 'TASK_COMPLETED' && e.name === 'witnessesTheCancel',
      );
      const types = (await runtime.inspect(handle.executionId)).events.map((e) => `${e.type} ${e.name}`);
      expect(types.slice(-5)).to.deep.equal([
        'WORKFLOW_CANCELLING cancelledWhileObeying',
        'TASK_CANCELLED obeysSignal',
        'TASK_CANCELLED witnessesTheCancel',
        'WORKFLOW_CANCELLED cancelledWhileObeying',
        'TASK_COMPLETED witnessesTheCancel',
      ]);
      expect(types.filter((t) => t.startsWith('TASK_FAILED'))).to.deep.equal([]);
    });

    it('rolls back completed tasks, newest first, only when asked', async () => {
      const undone: string[] = [];
      const reserve = task.withOptions({ rollback: async (item: string) => void undone.push(item) })(
        async function reserveItem(item: string) {
          return `reserved ${item}`;
        },
      );
      let blocking = signal();
      const blocks = task(async function blocksUntilCancelled() {
        blocking.resolve();
        const { signal } = taskContext();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      });
      const flow = workflow(async function reservesThenWaits() {
        await reserve('seat');
        await reserve('meal');
        await blocks();
      });
      const plain = await flow.start(undefined, { runtime });
      await blocking.promise;
      await flow.cancel(plain.executionId, { runtime });
      expect(undone).to.deep.equal([]);

      blocking = signal();
      const asked = await flow.start(undefined, { runtime });
      await blocking.promise;
      // A second cancel while the rollbacks run joins the first.
      const [ctx, again] = await Promise.all([
        flow.cancel(asked.executionId, { runtime, rollback: true }),
        (async () => {
          await null;
          return flow.cancel(asked.executionId, { runtime, rollback: true });
        })(),
      ]);
      expect(ctx.state).to.equal('cancelled');
      expect(again.state).to.equal('cancelled');
      expect(undone).to.deep.equal(['meal', 'seat']);
      const types = ctx.events.map((e) => e.type);
      expect(types.filter((t) => t === 'TASK_ROLLBACK_COMPLETED')).to.have.length(2);
      expect(types.indexOf('TASK_ROLLBACK_STARTED')).to.be.above(types.indexOf('WORKFLOW_CANCELLING'));
      expect(types.lastIndexOf('TASK_ROLLBACK_COMPLETED')).to.be.below(types.indexOf('WORKFLOW_CANCELLED'));
    });

    it('with rollback, also rolls back the task it interrupted, after its TASK_CANCELLED, newest first', async () => {
      const undone: string[] = [];
      let charging!: () => void;
      const charged = new Promise<void>((resolve) => (charging = resolve));
      const reserve = task.withOptions({ rollback: async (item: string) => void undone.push(`release ${item}`) })(
        async function reserveBeforeCharge(item: string) {
          return item;
        },
      );
      const charge = task.withOptions({ rollback: async (amount: number) => void undone.push(`refund ${amount}`) })(
        async function chargeInterrupted(amount: number) {
          charging(); // part of its effect is done when the cancel comes
          const { signal } = taskContext();
          await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
          return amount;
        },
      );
      const flow = workflow(async function reservesThenCharges() {
        await reserve('seat');
        await charge(40);
      });
      const handle = await flow.start(undefined, { runtime });
      await charged;
      const ctx = await flow.cancel(handle.executionId, { runtime, rollback: true });
      expect(undone).to.deep.equal(['refund 40', 'release seat']);
      const steps = ctx.events
        .filter(
          (e) =>
            e.type === 'TASK_CANCELLED' || e.type.startsWith('TASK_ROLLBACK_') || e.type.startsWith('WORKFLOW_CANCEL'),
        )
        .map((e) => `${e.type} ${e.name}`);
      expect(steps).to.deep.equal([
        'WORKFLOW_CANCELLING reservesThenCharges',
        'TASK_CANCELLED chargeInterrupted',
        'TASK_ROLLBACK_STARTED chargeInterrupted',
        'TASK_ROLLBACK_COMPLETED chargeInterrupted',
        'TASK_ROLLBACK_STARTED reserveBeforeCharge',
        'TASK_ROLLBACK_COMPLETED reserveBeforeCharge',
        'WORKFLOW_CANCELLED reservesThenCharges',
      ]);
    });

    it('cancels from inside the body, while the machine is still taking a transition, and a second cancel joins', async () => {
      let cancelling: Promise<unknown> | undefined;
      const flow = workflow(async function cancelsItself(ctx: ExecutionContext) {
        cancelling = runtime.cancel(ctx.executionId);
        await pause('never reached');
      });
      const handle = await flow.start(undefined, { runtime });
      const [first, second] = await Promise.all([
        cancelling,
        runtime.cancel(handle.executionId).catch((e: unknown) => e),
      ]);
      expect((first as { state: string }).state).to.equal('cancelled');
      // The second either joined the cancel under way or found it done.
      expect((second as { state: string }).state).to.equal('cancelled');
    });

    it('refuses to cancel a cancelled execution', async () => {
      const flow = workflow(async function cancelledTwice() {
        return await pause('p');
      });
      const paused = await flow.run(undefined, { runtime });
      await runtime.cancel(paused.executionId);
      const error = await runtime.cancel(paused.executionId).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ExecutionStateError);
      expect(error).to.include({ state: 'cancelled' });
    });

    it('refuses to cancel a finished execution, saying its state', async () => {
      const flow = workflow(async function finishesFirst() {
        return 'done';
      });
      const ctx = await flow.run(undefined, { runtime });
      const error = await flow.cancel(ctx.executionId, { runtime }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ExecutionStateError);
      expect((error as Error).message).to.contain('is succeeded; only a running or paused execution can be cancelled');
    });
  });
}

describe('a cancel with rollbacks left half done by its driver', () => {
  it('is finished by the next driver, which does not roll back again what was interrupted and already rolled back', async () => {
    const dir = tempDir();
    const db = join(dir, 'flux.db');
    const first = await createRuntime({ store: { sqlite: db } });
    const second = await createRuntime({ store: { sqlite: db } });
    const undone: string[] = [];
    let hangs = true;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let paying!: () => void;
    const paid = new Promise<void>((resolve) => (paying = resolve));
    const book = task.withOptions({
      rollback: async (room: string) => {
        undone.push(`unbook ${room}`);
        if (hangs) {
          hangs = false;
          await released; // the first driver stops here, as if it died
        }
      },
    })(async function bookBeforePaying(room: string) {
      return room;
    });
    const pay = task.withOptions({ rollback: async (amount: number) => void undone.push(`refund ${amount}`) })(
      async function payInterrupted(_amount: number) {
        paying();
        const { signal } = taskContext();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      },
    );
    const flow = workflow(async function booksThenPays() {
      await book('room 7');
      await pay(90);
    });
    try {
      const handle = await flow.start(undefined, { runtime: first });
      await paid;
      const abandoned = first
        .cancel(handle.executionId, undefined, { rollback: true })
        .catch((error: unknown) => error);
      // Newest first: the interrupted payment's rollback settles, then the booking's hangs.
      await until(async () =>
        (await first.inspect(handle.executionId)).events.find(
          (e) => e.type === 'TASK_ROLLBACK_STARTED' && e.name === 'bookBeforePaying',
        ),
      );
      expect((await second.inspect(handle.executionId)).state).to.equal('cancelling');

      const done = await flow.run(undefined, { runtime: second, executionId: handle.executionId });
      expect(done.state).to.equal('cancelled');
      const types = done.events.map((e) => `${e.type} ${e.name}`);
      expect(types.filter((t) => t === 'TASK_ROLLBACK_COMPLETED payInterrupted')).to.have.length(1);
      expect(types.filter((t) => t === 'TASK_ROLLBACK_COMPLETED bookBeforePaying')).to.have.length(1);
      // Settled before the first driver stopped: never again; running then: once more.
      expect(undone).to.deep.equal(['refund 90', 'unbook room 7', 'unbook room 7']);
      release();
      expect(await abandoned).to.be.instanceOf(Error); // the first driver's next write is refused
    } finally {
      release();
      await Promise.all([first.close(), second.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The run driving an execution in this runtime, as far as a test may look into it. */
function runOf(runtime: Runtime, executionId: string): { settling: boolean } | undefined {
  return (runtime as unknown as { active: Map<string, { settling: boolean }> }).active.get(executionId);
}

/** Waits, a promise job at a time, until the run has paused or ended and is committing its last events. */
async function untilSettling(runtime: Runtime, executionId: string): Promise<void> {
  // Its commit waits for a turn of the event loop (the SQLite store's group commit), and a pause is
  // reported one check phase after the body's last continuation (the drain): promise jobs, and one
  // check-phase callback queued behind the drain's, reach the window before the commit's turn.
  for (let jobs = 0; !runOf(runtime, executionId)?.settling; jobs++) {
    expect(jobs, 'the run never settled within the turn').to.be.below(10_000);
    if (jobs === 5_000) await new Promise((resolve) => setImmediate(resolve));
    else await null;
  }
}

describe('cancelling right as a run settles', () => {
  it('waits for the settling run, then cancels a paused execution or refuses a finished one', async () => {
    const { runtime, dispose } = await testRuntime('sqlite');
    // Each body goes on when the test says: after its start is durable, so its end is committed apart.
    let go = signal();
    const pauses = workflow(async function pausesAtOnce() {
      await go.promise;
      return await pause('p');
    });
    const handle = await pauses.start(undefined, { runtime });
    go.resolve();
    await untilSettling(runtime, handle.executionId); // the run has paused and is committing its events
    expect((await runtime.cancel(handle.executionId)).state).to.equal('cancelled');
    go = signal();
    const finishes = workflow(async function finishesAtOnce() {
      await go.promise;
      return 'done';
    });
    const done = await finishes.start(undefined, { runtime });
    go.resolve();
    await untilSettling(runtime, done.executionId);
    const error = await runtime.cancel(done.executionId).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ExecutionStateError);
    await dispose();
  });
});
