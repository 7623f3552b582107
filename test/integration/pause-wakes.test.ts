import { expect } from 'chai';
import {
  createRuntime,
  type FluxError,
  parallel,
  pause,
  ResumeTargetError,
  sleep,
  task,
  TestClock,
  workflow,
  type ExecutionContext,
  type ExecutionEvent,
  type PauseOutcome,
  type Runtime,
} from 'flux-actors';
import { join } from 'node:path';
import { TEST_EPOCH, tempDir, useTestClock, type StoreKind } from '../fixtures/runtimes.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const at = (event: ExecutionEvent | undefined): number => Date.parse(event!.time) - TEST_EPOCH;
const find = (ctx: ExecutionContext, type: string, name?: string) =>
  ctx.events.find((e) => e.type === type && (name === undefined || e.name === name));

let shipped: string[] = [];
const ship = task(async function ship(what: string) {
  shipped.push(what);
  return `shipped ${what}`;
});

/** The approval with a deadline, in one call. */
const approval = workflow(async function approval(ctx: ExecutionContext<string>) {
  const order = ctx.input;
  const answer = await pause<boolean>('approve', { order }, { timeout: '2d' });
  if (!answer.resumed) return `expired at ${answer.at}`;
  return answer.value ? await ship(order) : 'rejected';
});

const remindLater = workflow(async function remindLater() {
  const woke = await pause('snooze', undefined, { after: '3h' });
  return woke;
});

const wakesAtNoon = workflow(async function wakesAtNoon() {
  return await pause('noon', undefined, { until: '2030-01-01T12:00:00' });
});

const twoApprovals = workflow(async function twoApprovals() {
  const [legal, finance] = await parallel([
    () => pause<string>('legal', 'contract'),
    () => pause<string>('finance', 'budget'),
  ]);
  return `${legal}+${finance}`;
});

/** A pause raced against a durable sleep: whichever comes first. */
const raceOfWaits = workflow(async function raceOfWaits() {
  return await Promise.race([pause<string>('ok'), sleep('1d').then(() => 'slept')]);
});

const waitsForAnother = workflow(async function waitsForAnother(ctx: ExecutionContext<string>) {
  return await pause('other', undefined, { onComplete: ctx.input });
});
const quick = workflow(async function quick() {
  return await pause<string>('go');
});

/** Advances the clock by `by` and waits for the execution's next pause or end. */
async function afterAdvance(runtime: Runtime, clock: TestClock, by: string | number, executionId: string) {
  await clock.advance(by);
  return clock.skipUntil(runtime.result(executionId, { until: 'finished' }));
}

for (const kind of ['memory', 'sqlite'] as StoreKind[]) {
  describe(`pauses that wake themselves (${kind} store)`, () => {
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });
    beforeEach(() => {
      shipped = [];
    });

    it("times an approval out after '2d', with a typed result", async () => {
      const paused = await approval.run('order-1', { runtime });
      expect(paused.state).to.equal('paused');
      expect(paused.output).to.deep.equal({ order: 'order-1' });
      expect((await runtime.list({ state: 'paused' }))[0]?.wakeAt).to.equal(TEST_EPOCH + 2 * DAY);
      await clock.advance(2 * DAY - 1);
      expect((await runtime.inspect(paused.executionId)).state, 'a millisecond early').to.equal('paused');
      const ctx = await afterAdvance(runtime, clock, 1, paused.executionId);
      expect(ctx.output).to.equal(`expired at ${new Date(TEST_EPOCH + 2 * DAY).toISOString()}`);
      expect(find(ctx, 'TASK_RESUMED')?.value).to.deep.equal({
        resumed: false,
        woke: 'timeout',
        at: new Date(TEST_EPOCH + 2 * DAY).toISOString(),
      });
      expect(at(find(ctx, 'WORKFLOW_RESUMED'))).to.equal(2 * DAY);
      expect(shipped).to.deep.equal([]);
      const record = (await runtime.list()).find((r) => r.executionId === paused.executionId);
      expect(record?.wakeAt, 'its timer is gone').to.equal(undefined);
    });

    it('takes a resume that comes before the deadline, and the timer then does nothing', async () => {
      const paused = await approval.run('order-2', { runtime });
      await clock.advance('1d');
      const ctx = await runtime.resume(paused.executionId, true);
      expect(ctx.output).to.equal('shipped order-2');
      expect(find(ctx, 'TASK_RESUMED')?.value).to.deep.equal({ resumed: true, value: true });
      await clock.advance('2d');
      const after = await runtime.inspect(paused.executionId);
      expect(after.events.length, 'nothing written by the old timer').to.equal(ctx.events.length);
      expect(shipped).to.deep.equal(['order-2']);
    });

    it("wakes a pause 'after' a delay resolved when first recorded, and 'until' an instant (UTC)", async () => {
      await clock.advance('1h');
      const snoozed = await remindLater.run(undefined, { runtime });
      const noon = await wakesAtNoon.run(undefined, { runtime });
      const woke = await afterAdvance(runtime, clock, '3h', snoozed.executionId);
      expect(woke.output).to.deep.equal({
        resumed: false,
        woke: 'after',
        at: new Date(TEST_EPOCH + 4 * HOUR).toISOString(),
      });
      expect((await runtime.inspect(noon.executionId)).state).to.equal('paused');
      const atNoon = await afterAdvance(runtime, clock, '8h', noon.executionId);
      expect((atNoon.output as PauseOutcome).resumed).to.equal(false);
      expect(at(find(atNoon, 'WORKFLOW_RESUMED'))).to.equal(12 * HOUR);
    });

    it('resumes two named pauses in either order; without a name it is refused, naming them', async () => {
      for (const [first, second] of [
        ['legal', 'finance'],
        ['finance', 'legal'],
      ] as const) {
        const paused = await twoApprovals.run(undefined, { runtime });
        expect(paused.state).to.equal('paused');
        const refused = await runtime.resume(paused.executionId, 'x').catch((e: unknown) => e);
        expect(refused).to.be.instanceOf(ResumeTargetError);
        expect((refused as FluxError).code).to.equal('AMBIGUOUS_RESUME');
        expect((refused as Error).message)
          .to.include("'legal'")
          .and.include("'finance'");
        const unknown = await runtime.resume(paused.executionId, 'x', { pause: 'hr' }).catch((e: unknown) => e);
        expect((unknown as FluxError).code).to.equal('PAUSE_NOT_PENDING');
        const half = await runtime.resume(paused.executionId, `${first} ok`, { pause: first });
        expect(half.state, `after ${first}`).to.equal('paused');
        const done = await runtime.resume(paused.executionId, `${second} ok`);
        expect(done.state).to.equal('succeeded');
        expect(done.output).to.equal('legal ok+finance ok');
        expect(done.events.filter((e) => e.type === 'TASK_PAUSED')).to.have.length(2);
      }
    });

    it('lets a durable sleep win a race against a pause, on the clock', async () => {
      const paused = await raceOfWaits.run(undefined, { runtime });
      expect(paused.state).to.equal('paused');
      const ctx = await afterAdvance(runtime, clock, '1d', paused.executionId);
      expect(ctx.output).to.equal('slept');
      expect(at(find(ctx, 'TASK_COMPLETED', 'sleep'))).to.equal(DAY);
    });

    it('lets a pause win a race against a durable sleep', async () => {
      const paused = await raceOfWaits.run(undefined, { runtime });
      const ctx = await runtime.resume(paused.executionId, 'approved');
      expect(ctx.output).to.equal('approved');
    });

    it('wakes an onComplete pause when the other execution ends, and at once if it had', async () => {
      const other = await quick.run(undefined, { runtime });
      const waiting = await waitsForAnother.run(other.executionId, { runtime });
      expect(waiting.state).to.equal('paused');
      await runtime.resume(other.executionId, 'done');
      const woke = await clock.skipUntil(runtime.result(waiting.executionId, { until: 'finished' }));
      expect(woke.output).to.include({ resumed: false, woke: 'onComplete', state: 'succeeded' });
      const late = await waitsForAnother.run(other.executionId, { runtime });
      const lateWoke = await clock.skipUntil(runtime.result(late.executionId, { until: 'finished' }));
      expect(lateWoke.output).to.include({ woke: 'onComplete', state: 'succeeded' });
    });

    it('refuses wake options that are not exactly one condition', async () => {
      const bad = workflow(async function badWake() {
        return await pause('x', undefined, { after: '1h', until: Date.now() } as never);
      });
      const ctx = await bad.run(undefined, { runtime });
      expect(ctx.state).to.equal('failed');
      expect(ctx.error?.code).to.equal('INVALID_PAUSE');
    });
  });
}

describe('a wake timer in a SQLite file', () => {
  it('fires in the next process that opens the store, after the one that paused is gone', async () => {
    const path = join(tempDir(), 'flux.db');
    const clock = new TestClock(TEST_EPOCH);
    const first = await createRuntime({ store: { sqlite: path }, clock });
    const paused = await approval.run('order-3', { runtime: first });
    await first.close();
    await clock.advance('3d'); // nobody runs meanwhile
    const second = await createRuntime({ store: { sqlite: path }, clock });
    try {
      const ctx = await clock.skipUntil(second.result(paused.executionId, { until: 'finished' }));
      expect(ctx.output).to.equal(`expired at ${new Date(TEST_EPOCH + 3 * DAY).toISOString()}`);
    } finally {
      await second.close();
    }
  });
});

describe('a pause beside running calls (memory store)', () => {
  let runtime: Runtime;
  beforeEach(async () => {
    runtime = await createRuntime({ store: 'memory' });
  });
  afterEach(() => runtime.close());

  let runs = 0;
  let release: () => void = () => {};
  const slowSibling = task(async function slowSibling() {
    runs++;
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return 'sibling done';
  });
  const besideSibling = workflow(async function approvalBesideSibling() {
    const [sibling, answer] = await Promise.all([slowSibling(), pause<string>('approve')]);
    return `${sibling} + ${answer}`;
  });

  it('is reported paused at once, not after the sibling (Flux: test_pause_is_not_delayed_by_running_siblings)', async () => {
    runs = 0;
    const paused = await besideSibling.run(undefined, { runtime });
    expect(paused.state, 'the sibling is still running').to.equal('paused');
    expect(runs).to.equal(1);
    release();
    const done = await runtime.resume(paused.executionId, 'yes');
    expect(done.output).to.equal('sibling done + yes');
    expect(runs, 'the sibling ran once').to.equal(1);
  });

  it('resumed before the sibling ends: the new run takes the running sibling over, it is not run again', async () => {
    runs = 0;
    const paused = await besideSibling.run(undefined, { runtime });
    const resumed = runtime.resume(paused.executionId, 'early');
    release();
    const done = await resumed;
    expect(done.output).to.equal('sibling done + early');
    expect(runs).to.equal(1);
    const starts = done.events.filter((e) => e.type === 'TASK_STARTED' && e.name === 'slowSibling');
    expect(starts, 'its command was not sent again').to.have.length(1);
    const order = done.events.map((e) => e.type);
    expect(order.indexOf('WORKFLOW_PAUSED')).to.be.below(order.indexOf('TASK_COMPLETED'));
  });
});
