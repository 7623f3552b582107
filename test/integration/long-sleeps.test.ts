import { expect } from 'chai';
import { join } from 'node:path';
import {
  call,
  createRuntime,
  ExecutionStateError,
  sleep,
  task,
  TestClock,
  workflow,
  type ExecutionContext,
  type ExecutionEvent,
  type Runtime,
} from 'flux-actors';
import { TEST_EPOCH, tempDir, useTestClock, type StoreKind } from '../fixtures/runtimes.js';
import { nextTurn, untilState } from '../fixtures/wait-for.js';

const DAY = 24 * 3_600_000;
const at = (event: ExecutionEvent | undefined): number => Date.parse(event!.time) - TEST_EPOCH;
const find = (ctx: ExecutionContext, type: string, name?: string) =>
  ctx.events.find((e) => e.type === type && (name === undefined || e.name === name));

let runs = 0;
const count = task(async function countRuns() {
  return ++runs;
});

const month = workflow(async function sleepsAMonth() {
  const before = await count();
  await sleep('30d');
  return [before, await count()];
});

const parentOfSleeper = workflow(async function parentOfSleeper() {
  return await call(month, undefined);
});

for (const kind of ['memory', 'sqlite'] as StoreKind[]) {
  describe(`a long sleep parks its execution (${kind} store)`, () => {
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });
    beforeEach(() => {
      runs = 0;
    });

    it("is 'waiting' with its timer in the store, no driver holds it, and it wakes on time", async () => {
      const handle = await month.start(undefined, { runtime });
      // Parked: the index says so, with its wake time; the handle waits on past it.
      for (;;) {
        const state = (await runtime.inspect(handle.executionId)).state;
        if (state === 'waiting') break;
        expect(state).to.equal('running');
        await nextTurn();
      }
      const record = (await runtime.list()).find((r) => r.executionId === handle.executionId);
      expect(record).to.include({ state: 'waiting', wakeAt: TEST_EPOCH + 30 * DAY });
      const refused = await runtime.resume(handle.executionId, 'now').catch((e: unknown) => e);
      expect(refused).to.be.instanceOf(ExecutionStateError);
      const ctx = await clock.skipUntil(handle.result());
      expect(ctx.output).to.deep.equal([1, 2]);
      expect(runs, 'the task before the sleep ran once').to.equal(2);
      expect(at(find(ctx, 'WORKFLOW_WAITING'))).to.equal(0);
      expect(at(find(ctx, 'TASK_COMPLETED', 'sleep'))).to.equal(30 * DAY);
      expect(at(find(ctx, 'WORKFLOW_COMPLETED'))).to.equal(30 * DAY);
    });

    it('keeps a short sleep in the process: it does not park', async () => {
      const short = workflow(async function sleepsBriefly() {
        await sleep('2s');
        return 'rested';
      });
      const ctx = await clock.skipUntil(short.run(undefined, { runtime }));
      expect(ctx.output).to.equal('rested');
      expect(find(ctx, 'WORKFLOW_WAITING')).to.equal(undefined);
    });

    it("leaves a parent's step open while its child is parked, and both end when it wakes", async () => {
      const ctx = await clock.skipUntil(parentOfSleeper.run(undefined, { runtime }));
      expect(ctx.state).to.equal('succeeded');
      expect(ctx.output).to.deep.equal([1, 2]);
    });

    it('cancels a parked execution, and its timer then does nothing', async () => {
      const handle = await month.start(undefined, { runtime });
      await untilState(runtime, handle.executionId, 'waiting');
      const cancelled = await runtime.cancel(handle.executionId);
      expect(cancelled.state).to.equal('cancelled');
      await clock.advance('31d');
      expect((await runtime.inspect(handle.executionId)).events.length).to.equal(cancelled.events.length);
    });
  });
}

describe('a parked sleep in a SQLite file', () => {
  it("wakes on time in another process after the one that started it died: sleep('30d')", async () => {
    runs = 0;
    const path = join(tempDir(), 'flux.db');
    const clock = new TestClock(TEST_EPOCH);
    const first = await createRuntime({ store: { sqlite: path }, clock });
    const handle = await month.start(undefined, { runtime: first });
    await untilState(first, handle.executionId, 'waiting');
    await first.close(); // as good as dead: nothing of it runs from here
    const second = await createRuntime({ store: { sqlite: path }, clock });
    try {
      const ctx = await clock.skipUntil(second.result(handle.executionId, { until: 'finished' }));
      expect(ctx.output).to.deep.equal([1, 2]);
      expect(at(find(ctx, 'WORKFLOW_RESUMED')), 'woken at its due time').to.equal(30 * DAY);
      expect(runs).to.equal(2);
    } finally {
      await second.close();
    }
  });
});

describe('parkAfterMs', () => {
  it('parks a sleep only from the length given', async () => {
    const clock = new TestClock(TEST_EPOCH);
    const runtime = await createRuntime({ store: 'memory', clock, parkAfterMs: DAY });
    try {
      const ctx = await clock.skipUntil(month.run(undefined, { runtime }));
      expect(find(ctx, 'WORKFLOW_WAITING'), 'a 30-day sleep parks past a day').to.not.equal(undefined);
      const short = workflow(async function sleepsHours() {
        await sleep('12h');
        return 'done';
      });
      const kept = await clock.skipUntil(short.run(undefined, { runtime }));
      expect(find(kept, 'WORKFLOW_WAITING'), 'twelve hours stay in the process').to.equal(undefined);
    } finally {
      await runtime.close();
    }
  });
});
