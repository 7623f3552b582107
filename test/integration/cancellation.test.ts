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
} from 'flux-actors';
import { STORE_KINDS, tempDir, testRuntime, useRuntime } from '../fixtures/runtimes.js';

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
      expect(cancelled.events.find((e) => e.type === 'TASK_CANCELLED')!.name).to.equal('waitsForAbort');
      expect((await handle.result()).state).to.equal('cancelled');
      // The task returned after all: its result is recorded after the cancellation, and changes nothing.
      await delay(20);
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
      const obeys = task(async function obeysSignal() {
        const { signal } = taskContext();
        await new Promise<void>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error)));
      });
      const flow = workflow(async function cancelledWhileObeying() {
        await obeys();
      });
      const handle = await flow.start(undefined, { runtime });
      await delay(20);
      await runtime.cancel(handle.executionId);
      await delay(20);
      const types = (await runtime.inspect(handle.executionId)).events.map((e) => e.type);
      expect(types.slice(-3)).to.deep.equal(['WORKFLOW_CANCELLING', 'TASK_CANCELLED', 'WORKFLOW_CANCELLED']);
      expect(types).to.not.include('TASK_FAILED');
    });

    it('rolls back completed tasks, newest first, only when asked', async () => {
      const undone: string[] = [];
      const reserve = task.withOptions({ rollback: async (item: string) => void undone.push(item) })(
        async function reserveItem(item: string) {
          return `reserved ${item}`;
        },
      );
      const blocks = task(async function blocksUntilCancelled() {
        const { signal } = taskContext();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      });
      const flow = workflow(async function reservesThenWaits() {
        await reserve('seat');
        await reserve('meal');
        await blocks();
      });
      const plain = await flow.start(undefined, { runtime });
      await delay(20);
      await flow.cancel(plain.executionId, { runtime });
      expect(undone).to.deep.equal([]);

      const asked = await flow.start(undefined, { runtime });
      await delay(20);
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

async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
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
    const error = await runtime.cancel(done.executionId).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ExecutionStateError);
    await dispose();
  });
});
