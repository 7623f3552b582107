import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRuntime,
  pause,
  task,
  taskContext,
  workflow,
  StoreFullError,
  type ExecutionContext,
  type ExecutionEvent,
  type Runtime,
} from 'flux-actors';
import { SqliteStore } from '../../runtime/stores/sqlite-store.js';
import type { StoredEvent } from '../../runtime/engine/events.js';
import { tempDir } from '../fixtures/runtimes.js';

/** How often each step of each execution ran: `<execution id>:<step>` → runs. */
const runs = new Map<string, number>();
const counted = (step: string) => {
  const key = `${taskContext().executionId}:${step}`;
  runs.set(key, (runs.get(key) ?? 0) + 1);
};

const CHUNK = 'x'.repeat(6_000);
const chunk = task(async function fullStoreChunk(i: number) {
  counted(`chunk${i}`);
  await new Promise((resolve) => setImmediate(resolve)); // each step in a commit of its own
  return `${i}${CHUNK}`;
});
const bulky = workflow(async function fullStoreBulky(ctx: ExecutionContext<number>) {
  let total = 0;
  for (let i = 0; i < ctx.input; i++) total += (await chunk(i)).length;
  return total;
});

const small = task(async function fullStoreSmall(x: number) {
  counted('small');
  await new Promise((resolve) => setImmediate(resolve)); // its outcome in a commit after the start's
  return x + 1;
});
/** Hangs (until its signal is aborted) while `hanging.now`; the store is full when its start is written. */
const hanging = { now: true, aborted: 0 };
const forever = task(async function fullStoreForever(payload: string) {
  counted('forever');
  if (!hanging.now) return payload.length;
  const { signal } = taskContext();
  return new Promise<number>((_, reject) =>
    signal.addEventListener('abort', () => {
      hanging.aborted++;
      reject(signal.reason as Error);
    }),
  );
});
/** Its input is small; the argument of its second step is not. */
const stuck = workflow(async function fullStoreStuck(ctx: ExecutionContext<number>) {
  const one = await small(1);
  return one + (await forever('y'.repeat(ctx.input)));
});

/** A task whose outputs are memoised across executions (the task cache, in the same store). */
const memo = task.withOptions({ cache: true })(async function fullStoreMemo(n: number) {
  await new Promise((resolve) => setImmediate(resolve));
  return 'z'.repeat(n);
});
const memoised = workflow(async function fullStoreMemoised(ctx: ExecutionContext<number>) {
  return (await memo(ctx.input)).length;
});

const approval = workflow(async function fullStoreApproval(ctx: ExecutionContext<number>) {
  const first = await small(ctx.input);
  const answer = await pause<string>('approve');
  return `${first}:${answer.length}`;
});

const BIG = 'y'.repeat(40_000);
const measure = workflow(async function fullStoreMeasure(ctx: ExecutionContext<string>) {
  return ctx.input.length;
});

async function failure(promise: Promise<unknown>): Promise<StoreFullError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected the store to be full').to.be.instanceOf(StoreFullError);
  return error as StoreFullError;
}

/** The log as stored: numbered 1..n with no gap, and the index agrees with it. */
async function expectConsistent(runtime: Runtime, executionId: string): Promise<ExecutionEvent[]> {
  const ctx = await runtime.inspect(executionId);
  expect(ctx.events.map((e) => e.id)).to.deep.equal(ctx.events.map((_, i) => `${executionId}:${i + 1}`));
  const [record] = (await runtime.list()).filter((r) => r.executionId === executionId);
  expect(record?.state).to.equal(ctx.state);
  return ctx.events;
}

const completedSteps = (events: readonly ExecutionEvent[]) =>
  events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.sourceId);

/**
 * A store with no room left (a full disk, or the cap `maxBytes` puts on the database, which these
 * tests use) must give whoever asked a `StoreFullError` naming the execution, never crash the
 * process, stall, or leave a log half written; once there is room the executions go on from where
 * they stopped.
 */
describe('security: a full store is an error, never a crash or a stall', function () {
  this.timeout(20_000);
  let dir: string;
  let db: string;
  const unexpected: unknown[] = [];
  const record = (error: unknown) => void unexpected.push(error);
  const runtimes: Runtime[] = [];
  const open = async (options: { maxBytes?: number } = {}) => {
    const runtime = await createRuntime({ store: { sqlite: db, ...options } });
    runtimes.push(runtime);
    return runtime;
  };

  before(() => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  after(() => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });
  beforeEach(() => {
    dir = tempDir('flux-full-');
    db = join(dir, 'flux.db');
    runs.clear();
    hanging.now = true;
    hanging.aborted = 0;
  });
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()));
    rmSync(dir, { recursive: true, force: true });
    expect(unexpected.splice(0), 'unhandled rejections or uncaught exceptions').to.deep.equal([]);
  });

  it('an oversized input cannot crash the runtime: start refuses it with STORE_FULL and nothing of it is written', async () => {
    const runtime = await open({ maxBytes: 1 }); // as full as it is now
    const refused = await failure(runtime.start(measure, BIG));
    expect(refused.code).to.equal('STORE_FULL');
    expect(refused.executionId).to.be.a('string');
    expect(refused.message).to.contain(refused.executionId!).and.to.contain('the store is full');
    expect(refused.message, 'a caller (over HTTP too) learns nothing of where the file is').to.not.contain(dir);
    const lookup = await runtime.inspect(refused.executionId!).then(
      () => undefined,
      (e: { code: string }) => e.code,
    );
    expect(lookup).to.equal('EXECUTION_NOT_FOUND');
    expect(await runtime.list()).to.deep.equal([]);
    expect((await failure(measure.run(BIG, { runtime }))).code).to.equal('STORE_FULL');
    // The runtime goes on: what fits is written.
    expect((await runtime.run(approval, 1)).state).to.equal('paused');
  });

  it('runs that fill the store stop with STORE_FULL, their logs whole up to where they stopped; with room again they finish, no completed step run twice', async () => {
    const first = await open({ maxBytes: 160 * 1024 });
    const starts = await Promise.allSettled(Array.from({ length: 8 }, () => first.start(bulky, 5)));
    const started = starts.filter((s) => s.status === 'fulfilled').map((s) => s.value);
    const results = await Promise.allSettled(started.map((handle) => handle.result()));
    const stopped: string[] = [];
    for (const [i, result] of results.entries()) {
      if (result.status === 'fulfilled') {
        expect(result.value.output).to.equal(5 * (CHUNK.length + 1));
        continue;
      }
      expect(result.reason).to.be.instanceOf(StoreFullError);
      expect((result.reason as StoreFullError).executionId).to.equal(started[i]!.executionId);
      stopped.push(started[i]!.executionId);
    }
    for (const refused of starts.filter((s) => s.status === 'rejected'))
      expect(refused.reason).to.be.instanceOf(StoreFullError);
    expect(stopped.length, 'the cap must stop some runs part-way').to.be.greaterThan(1);
    const before = new Map<string, string[]>();
    for (const executionId of stopped) {
      const events = await expectConsistent(first, executionId);
      expect((await first.inspect(executionId)).state).to.equal('running');
      before.set(executionId, completedSteps(events));
    }
    expect(
      [...before.values()].some((steps) => steps.length > 0),
      'some stopped after completing steps',
    ).to.equal(true);
    await first.close();

    // Room again (the cap raised): one is continued by hand, the others by a recovery pass.
    const second = await open();
    const [byHand, ...rest] = stopped;
    const continued = await bulky.run(5, { runtime: second, executionId: byHand! });
    const report = await second.recover();
    expect(report.recovered.map((h) => h.executionId).sort()).to.deep.equal([...rest].sort());
    const finished = [continued, ...(await Promise.all(report.recovered.map((h) => h.result())))];
    for (const ctx of finished) {
      expect(ctx.state).to.equal('succeeded');
      expect(ctx.output).to.equal(5 * (CHUNK.length + 1));
      const events = await expectConsistent(second, ctx.executionId);
      expect(completedSteps(events)).to.have.length(5);
      for (const step of before.get(ctx.executionId)!) {
        const [i] = events.find((e) => e.sourceId === step && e.type === 'TASK_STARTED')!.value as [number];
        expect(runs.get(`${ctx.executionId}:chunk${i}`), `${step} completed before the store was full`).to.equal(1);
      }
    }
  });

  it("one execution's oversized write costs no other execution of the same commit its events", async () => {
    const store = new SqliteStore(db, { maxBytes: 1 });
    try {
      const event = (valueJson: string): StoredEvent => ({
        seq: 1,
        type: 'WORKFLOW_STARTED',
        sourceId: 'x',
        name: 'w',
        valueJson,
        time: 1,
      });
      const [before, huge, after] = ['a', 'b', 'c'].map((id) => store.writer(id));
      before!.append(event('"small"'));
      huge!.append(event(JSON.stringify(BIG)));
      after!.append(event('"small"'));
      const [a, b, c] = await Promise.allSettled([before!.commit(), huge!.commit(), after!.commit()]);
      expect(b.status === 'rejected' && b.reason)
        .to.be.instanceOf(StoreFullError)
        .and.to.include({ executionId: 'b' });
      expect([a.status, c.status]).to.deep.equal(['fulfilled', 'fulfilled']);
      expect((await store.load('a')).map((e) => e.valueJson)).to.deep.equal(['"small"']);
      expect(await store.load('b')).to.deep.equal([]);
      expect((await store.load('c')).map((e) => e.valueJson)).to.deep.equal(['"small"']);
    } finally {
      await store.close();
    }
  });

  it("a run waiting on a task that never ends stops with STORE_FULL as soon as the task's start cannot be written, and stops the task", async () => {
    const runtime = await open({ maxBytes: 1 });
    const error = await failure(stuck.run(BIG.length, { runtime }));
    const { executionId } = error;
    expect(executionId).to.be.a('string');
    expect(hanging.aborted).to.equal(1);
    const events = await expectConsistent(runtime, executionId!);
    // The small step's outcome and the big step's start were one commit: neither was written.
    expect(events.map((e) => `${e.type} ${e.name}`)).to.deep.equal([
      'WORKFLOW_STARTED fullStoreStuck',
      'TASK_STARTED fullStoreSmall',
    ]);
    await runtime.close();

    hanging.now = false;
    const again = await open();
    const done = await stuck.run(BIG.length, { runtime: again, executionId: executionId! });
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal(2 + BIG.length);
    expect(runs.get(`${executionId}:small`)).to.equal(2); // in flight as far as the log knew: at least once more
    expect(runs.get(`${executionId}:forever`)).to.equal(2);
  });

  it('a task output that can be neither memoised nor recorded crashes nothing: the run stops with STORE_FULL', async () => {
    const runtime = await open({ maxBytes: 1 });
    const error = await failure(memoised.run(BIG.length, { runtime }));
    expect((await runtime.inspect(error.executionId!)).state).to.equal('running');
    // The process-wide handlers (see afterEach) saw no unhandled rejection from the cache's write.
  });

  it('a resume that cannot be written fails with STORE_FULL and leaves the execution paused, to be resumed once there is room', async () => {
    const setup = await open();
    const paused = await approval.run(1, { runtime: setup });
    expect(paused.state).to.equal('paused');
    await setup.close();

    const full = await open({ maxBytes: 1 });
    const error = await failure(approval.resume(paused.executionId, BIG, { runtime: full }));
    expect(error.executionId).to.equal(paused.executionId);
    expect((await full.inspect(paused.executionId)).state).to.equal('paused');
    await expectConsistent(full, paused.executionId);
    await full.close();

    const roomy = await open();
    const done = await approval.resume(paused.executionId, BIG, { runtime: roomy });
    expect(done.output).to.equal(`2:${BIG.length}`);
    expect(runs.get(`${paused.executionId}:small`)).to.equal(1);
  });
});
