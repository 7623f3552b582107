import { expect } from 'chai';
import { join } from 'node:path';
import {
  connectClient,
  createRuntime,
  DefinitionError,
  now,
  startWorker,
  TestClock,
  pause,
  sleep,
  task,
  workflow,
  type ExecutionContext,
  type ExecutionEvent,
  type Runtime,
} from 'flux-actors';
import { sharedNatsServer, STORE_KINDS, TEST_EPOCH, tempDir, useTestClock } from '../fixtures/runtimes.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When an event was recorded, in ms after TEST_EPOCH (where every test clock here starts). */
const at = (event: ExecutionEvent | undefined): number => Date.parse(event!.time) - TEST_EPOCH;

const find = (ctx: ExecutionContext, type: string, name?: string) =>
  ctx.events.find((e) => e.type === type && (name === undefined || e.name === name));

/** Runs `work` on the clock, skipping time; fails if that took a second of real time or more. */
async function quickly<T>(clock: TestClock, work: Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await clock.skipUntil(work);
  expect(performance.now() - started, 'real milliseconds').to.be.below(1000);
  return result;
}

const weekLong = workflow(async function weekLong() {
  await sleep('7d');
  return 'a week later';
});

let failuresLeft = 0;
const flakyHourly = task.withOptions({ retryMaxAttempts: 3, retryDelay: '1h' })(async function flakyHourly() {
  if (failuresLeft-- > 0) throw new Error('not yet');
  return 'third time lucky';
});
const retriesHourly = workflow(async function retriesHourly() {
  return await flakyHourly();
});

const neverReturns = task.withOptions({ timeout: '30m' })(async function neverReturns() {
  await new Promise(() => {});
});
const timesOut = workflow(async function timesOut() {
  await neverReturns();
});

const sleepsInATask = task(async function sleepsInATask() {
  await sleep('2h');
  return 'rested';
});
const callsSleepyTask = workflow(async function callsSleepyTask() {
  return await sleepsInATask();
});

const readsTheTime = workflow(async function readsTheTime() {
  const before = await now();
  await sleep('1d');
  const after = await now();
  return [before.toISOString(), after.toISOString()];
});

const sleepsThroughAPause = workflow(async function sleepsThroughAPause() {
  const [, value] = await Promise.all([sleep('1h'), pause<string>('approval')]);
  return value;
});

for (const kind of STORE_KINDS) {
  describe(`a test clock skips time (${kind} store)`, () => {
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });

    it("finishes sleep('7d') in milliseconds, with the times a week apart", async () => {
      const ctx = await quickly(clock, weekLong.run(undefined, { runtime }));
      expect(ctx.output).to.equal('a week later');
      expect(at(find(ctx, 'TASK_STARTED', 'sleep'))).to.equal(0);
      expect(at(find(ctx, 'TASK_COMPLETED', 'sleep'))).to.equal(7 * DAY);
      expect(at(find(ctx, 'WORKFLOW_COMPLETED'))).to.equal(7 * DAY);
      expect(clock.now() - TEST_EPOCH).to.equal(7 * DAY);
    });

    it('waits out retry backoffs of an hour and more, in milliseconds', async () => {
      failuresLeft = 2;
      const ctx = await quickly(clock, retriesHourly.run(undefined, { runtime }));
      expect(ctx.output).to.equal('third time lucky');
      const retries = ctx.events
        .filter((e) => e.type === 'TASK_RETRY_STARTED')
        .map((e) => e.value as { attempt: number; delay: number; error: { name: string; message: string } })
        .map(({ attempt, delay, error }) => ({ attempt, delay, error: { name: error.name, message: error.message } }));
      expect(retries).to.deep.equal([
        { attempt: 2, delay: HOUR, error: { name: 'Error', message: 'not yet' } },
        { attempt: 3, delay: 2 * HOUR, error: { name: 'Error', message: 'not yet' } },
      ]);
      // The third attempt ran after both backoffs (1 h, then 2 h: the default doubling).
      expect(at(find(ctx, 'TASK_RETRY_COMPLETED')) - at(find(ctx, 'TASK_STARTED'))).to.equal(3 * HOUR);
    });

    it('times a task out after 30 minutes, in milliseconds', async () => {
      const ctx = await quickly(clock, timesOut.run(undefined, { runtime }));
      expect(ctx.state).to.equal('failed');
      const failed = find(ctx, 'TASK_FAILED', 'neverReturns');
      expect(failed?.value).to.include({ name: 'ExecutionTimeoutError', code: 'TIMEOUT' });
      expect(at(failed)).to.equal(30 * MINUTE);
    });

    it("lets a task body's own sleep wait on the runtime's clock", async () => {
      const ctx = await quickly(clock, callsSleepyTask.run(undefined, { runtime }));
      expect(ctx.output).to.equal('rested');
      expect(at(find(ctx, 'TASK_COMPLETED', 'sleepsInATask'))).to.equal(2 * HOUR);
    });

    it("gives now() the clock's time, recorded", async () => {
      const ctx = await quickly(clock, readsTheTime.run(undefined, { runtime }));
      expect(ctx.output).to.deep.equal([new Date(TEST_EPOCH).toISOString(), new Date(TEST_EPOCH + DAY).toISOString()]);
      const times = ctx.events.filter((e) => e.type === 'TASK_COMPLETED' && e.name === 'now').map((e) => e.value);
      expect(times).to.deep.equal([TEST_EPOCH, TEST_EPOCH + DAY]);
    });

    it('resumed after a pause, waits only for what remains of a sleep', async () => {
      const handle = await sleepsThroughAPause.start(undefined, { runtime });
      const paused = await clock.skipUntil(handle.result());
      expect(paused.state).to.equal('paused');
      await clock.advance('40m'); // the pause lasts 40 minutes
      const resumedAt = clock.now();
      const ctx = await quickly(clock, runtime.resume(handle.executionId, 'yes'));
      expect(ctx.output).to.equal('yes');
      expect(clock.now() - resumedAt, 'what remained of the hour').to.equal(20 * MINUTE);
      expect(at(find(ctx, 'TASK_COMPLETED', 'sleep'))).to.equal(HOUR);
    });
  });
}

describe('a test clock on a NATS worker', function () {
  this.timeout(30_000);

  it("runs the worker's executions and tasks on it: a week and an hour of backoff, skipped", async () => {
    const { url } = await sharedNatsServer();
    const clock = new TestClock(TEST_EPOCH);
    const nats = { servers: url, prefix: `clocked${process.pid}`, secretKeyFile: join(tempDir(), 'secret.key') };
    const worker = await startWorker({ nats: { ...nats, clock }, workflows: [weekLong, retriesHourly] });
    // The client drives nothing: it waits on real time, for what the worker records.
    const client = await connectClient(nats);
    try {
      const slept = await client.start(weekLong);
      const ctx = await quickly(clock, client.result(slept, { timeoutMs: 10_000 }));
      expect(ctx.output).to.equal('a week later');
      expect(at(find(ctx, 'WORKFLOW_COMPLETED'))).to.equal(7 * DAY);
      failuresLeft = 1;
      const retried = await client.start(retriesHourly);
      const done = await quickly(clock, client.result(retried, { timeoutMs: 10_000 }));
      expect(at(find(done, 'TASK_RETRY_COMPLETED')) - at(find(done, 'TASK_STARTED'))).to.equal(HOUR);
    } finally {
      await client.close();
      await worker.stop();
    }
  });
});

describe('createRuntime with a clock', () => {
  it('refuses two different clocks (clock, and nats.clock)', async () => {
    const error = await createRuntime({
      nats: { servers: 'nats://127.0.0.1:1', clock: new TestClock() },
      clock: new TestClock(),
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DefinitionError);
    expect((error as Error).message).to.match(/two clocks/);
  });
});
