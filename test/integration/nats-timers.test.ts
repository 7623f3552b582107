/**
 * Durable timers on NATS: kept in the timers bucket, fired by whichever worker sees them due as a
 * wake command (one per timer revision), taken by a worker that serves the workflow.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import {
  connectClient,
  parallel,
  pause,
  ResumeTargetError,
  sleep,
  startWorker,
  task,
  TestClock,
  workflow,
  type Client,
  type ExecutionContext,
  type Worker,
} from 'flux-actors';
import { sharedNatsServer, TEST_EPOCH, tempDir } from '../fixtures/runtimes.js';
import { startNatsServer } from '../fixtures/nats-server.js';
import { nextTurn, until, untilState } from '../fixtures/wait-for.js';

const DAY = 24 * 3_600_000;

let runs = 0;
const step = task(async function timerStep() {
  return ++runs;
});

const deadline = workflow(async function natsDeadline() {
  const answer = await pause<string>('approve', 'please', { timeout: '2d' });
  return answer.resumed ? answer.value : `timed out (${answer.woke})`;
});

const named = workflow(async function natsNamedPauses() {
  const [legal, finance] = await parallel([() => pause<string>('legal'), () => pause<string>('finance')]);
  return `${legal}/${finance}`;
});

const month = workflow(async function natsMonthSleep() {
  await step();
  await sleep('30d');
  return await step();
});

let prefixes = 0;

describe('durable timers on NATS', function () {
  this.timeout(60_000);
  let clock: TestClock;
  let nats: { servers: string; prefix: string; secretKeyFile: string };
  const workers: Worker[] = [];
  let client: Client;

  beforeEach(async () => {
    runs = 0;
    const { url } = await sharedNatsServer();
    clock = new TestClock(TEST_EPOCH);
    nats = { servers: url, prefix: `timers${process.pid}_${++prefixes}`, secretKeyFile: join(tempDir(), 'secret.key') };
    client = await connectClient(nats);
  });
  afterEach(async () => {
    await client.close();
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  const worker = async () => {
    const started = await startWorker({ nats: { ...nats, clock }, workflows: [deadline, named, month], leaseMs: 1000 });
    workers.push(started);
    return started;
  };

  /** The client waits on real time for what the workers record; the test clock skips meanwhile. */
  const finished = async (executionId: string): Promise<ExecutionContext> => {
    for (;;) {
      const ctx = await clock.skipUntil(client.result(executionId, { timeoutMs: 20_000 }));
      if (ctx.state !== 'paused') return ctx;
      await clock.advance('1d'); // paused with a timer: let its time come
    }
  };

  it('times out an approval after 2d, and takes a resume that came first', async () => {
    await worker();
    const late = await client.start(deadline);
    const early = await client.start(deadline);
    expect((await client.result(late)).state).to.equal('paused');
    expect((await client.result(early)).state).to.equal('paused');
    expect((await client.resume(early, 'yes')).output).to.equal('yes');
    const ctx = await finished(late);
    expect(ctx.output).to.equal('timed out (timeout)');
    const woken = ctx.events.filter((e) => e.type === 'WORKFLOW_RESUMED');
    expect(woken, 'woken once').to.have.length(1);
    expect(Date.parse(woken[0]!.time) - TEST_EPOCH).to.be.at.least(2 * DAY);
  });

  it('resumes named pauses through the client; no name with two pending is refused before sending', async () => {
    await worker();
    const id = await client.start(named);
    expect((await client.result(id)).state).to.equal('paused');
    const refused = await client.resume(id, 'x').catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(ResumeTargetError);
    expect((await client.resume(id, 'F', { pause: 'finance' })).state).to.equal('paused');
    expect((await client.resume(id, 'L', { pause: 'legal' })).output).to.equal('L/F');
  });

  it("wakes sleep('30d') on another worker after the one that parked it stopped, and a drain does not wait on it", async () => {
    const first = await worker();
    const id = await client.start(month);
    for (;;) {
      const state = (await client.inspect(id)).state;
      if (state === 'waiting') break;
      expect(state).to.equal('running');
      await nextTurn();
    }
    await first.stop(); // the drain has nothing to wait for: no run holds the parked execution
    workers.splice(workers.indexOf(first), 1);
    await worker();
    await clock.advance('30d');
    const ctx = await clock.skipUntil(client.result(id, { timeoutMs: 20_000 }));
    expect(ctx.output).to.equal(2);
    expect(runs, 'the step before the sleep ran once').to.equal(2);
  });

  it('with three workers, wakes each of 30 parked executions once', async () => {
    await Promise.all([worker(), worker(), worker()]);
    const ids = await Promise.all(Array.from({ length: 30 }, () => client.start(deadline)));
    const pausedAt = new Map<string, number>();
    for (const id of ids) {
      const paused = await client.result(id);
      expect(paused.state).to.equal('paused');
      pausedAt.set(id, paused.events.length);
    }
    await clock.advance('2d');
    const ends = await clock.skipUntil(
      Promise.all(ids.map((id) => client.result(id, { afterSeq: pausedAt.get(id)!, timeoutMs: 20_000 }))),
    );
    for (const ctx of ends) {
      expect(ctx.output).to.equal('timed out (timeout)');
      expect(ctx.events.filter((e) => e.type === 'WORKFLOW_RESUMED')).to.have.length(1);
    }
  });
});

const tick = workflow(async function scheduledTick(ctx: ExecutionContext<number>) {
  return ctx.input;
});

describe('schedules on NATS', function () {
  this.timeout(120_000);

  it('with three workers and 100 schedules, starts each fire exactly once; the client makes, lists and triggers them', async () => {
    const { url } = await sharedNatsServer();
    const clock = new TestClock(TEST_EPOCH);
    const nats = {
      servers: url,
      prefix: `sched${process.pid}_${++prefixes}`,
      secretKeyFile: join(tempDir(), 'secret.key'),
    };
    const workers = await Promise.all(
      [1, 2, 3].map(() => startWorker({ nats: { ...nats, clock }, workflows: [tick], leaseMs: 2000 })),
    );
    const client = await connectClient({ ...nats, clock }); // its schedules are anchored on the workers' clock
    try {
      for (let i = 0; i < 100; i++) await client.schedules.create(tick, { id: `tick-${i}`, every: '1m', input: i });
      expect(await client.schedules.list()).to.have.length(100);
      const fired = async (n: number) =>
        (await Promise.all(Array.from({ length: 100 }, (_, i) => client.schedules.runs(`tick-${i}`)))).every(
          (runs) => runs.filter((run) => !run.skipped).length === n,
        );
      for (let minute = 1; minute <= 3; minute++) {
        await clock.advance('1m');
        await until(async () => (await fired(minute)) || undefined);
      }
      const runs = (
        await Promise.all(Array.from({ length: 100 }, (_, i) => client.schedules.runs(`tick-${i}`)))
      ).flat();
      expect(new Set(runs.map((run) => run.executionId)).size).to.equal(300);
      for (const run of runs.slice(0, 30)) {
        const ctx = await client.result(run.executionId, { timeoutMs: 20_000 });
        expect(
          ctx.events.filter((e) => e.type === 'WORKFLOW_STARTED'),
          run.executionId,
        ).to.have.length(1);
        expect(ctx.state).to.equal('succeeded');
      }
      const manual = await client.schedules.trigger('tick-7');
      expect((await client.result(manual, { timeoutMs: 20_000 })).output).to.equal(7);
      await client.schedules.delete('tick-7');
      expect(await client.schedules.list()).to.have.length(99);
    } finally {
      await client.close();
      await Promise.all(workers.map((w) => w.stop()));
    }
  });
});

const awaitsOther = workflow(async function natsAwaitsOther(ctx: ExecutionContext<string>) {
  const woke = await pause('other', undefined, { onComplete: ctx.input });
  return woke.resumed ? 'resumed' : `woke: ${woke.woke} (${woke.state})`;
});
const asks = workflow(async function natsAsks() {
  return await pause<string>('ask');
});
const hourly = workflow(async function natsHourly() {
  return 'tick';
});

describe('durable timers and schedules on NATS, across faults', function () {
  this.timeout(90_000);

  it('wakes an onComplete pause when the execution it waits on ends on a worker', async () => {
    const { url } = await sharedNatsServer();
    const nats = {
      servers: url,
      prefix: `await${process.pid}_${++prefixes}`,
      secretKeyFile: join(tempDir(), 'secret.key'),
    };
    const worker = await startWorker({ nats, workflows: [awaitsOther, asks] });
    const client = await connectClient(nats);
    try {
      const other = await client.start(asks);
      expect((await client.result(other)).state).to.equal('paused');
      const waiting = await client.start(awaitsOther, other);
      const paused = await client.result(waiting);
      expect(paused.state).to.equal('paused');
      await client.resume(other, 'done');
      const woke = await client.result(waiting, { afterSeq: paused.events.length, timeoutMs: 20_000 });
      expect(woke.output).to.equal('woke: onComplete (succeeded)');
    } finally {
      await client.close();
      await worker.stop();
    }
  });

  it('keeps a timer through a nats-server restart: the parked sleep wakes after it', async () => {
    const server = await startNatsServer();
    const clock = new TestClock(TEST_EPOCH);
    const nats = { servers: server.url, prefix: 'restart', secretKeyFile: join(tempDir(), 'secret.key') };
    runs = 0;
    const worker = await startWorker({ nats: { ...nats, clock }, workflows: [month], leaseMs: 2000 });
    const client = await connectClient(nats);
    try {
      const id = await client.start(month);
      await untilState(client, id, 'waiting');
      await server.stop({ kill: true });
      await server.restart();
      await clock.advance('30d');
      // The wake may meet the server still away: it is sent again a beat (real time) later.
      const ctx = await clock.skipUntil(client.result(id, { timeoutMs: 30_000 }), { idleMs: 20_000 });
      expect(ctx.output).to.equal(2);
      expect(ctx.events.filter((e) => e.type === 'WORKFLOW_RESUMED')).to.have.length(1);
    } finally {
      await client.close();
      await worker.stop();
      await server.dispose();
    }
  });

  it('catches up on the fires missed while no worker ran, as the schedule says', async () => {
    const { url } = await sharedNatsServer();
    const clock = new TestClock(TEST_EPOCH);
    const nats = {
      servers: url,
      prefix: `catch${process.pid}_${++prefixes}`,
      secretKeyFile: join(tempDir(), 'secret.key'),
    };
    const first = await startWorker({ nats: { ...nats, clock }, workflows: [hourly] });
    const client = await connectClient({ ...nats, clock });
    try {
      await client.schedules.create(hourly, { id: 'latest', every: '1h' });
      await client.schedules.create(hourly, { id: 'all', every: '1h', catchup: 'all', overlap: 'allow' });
      await first.stop();
      await clock.advance(5.5 * 3_600_000); // no worker runs
      const second = await startWorker({ nats: { ...nats, clock }, workflows: [hourly] });
      try {
        await until(
          async () => (await client.schedules.runs('all')).filter((r) => !r.skipped).length >= 5 || undefined,
        );
        const latest = (await client.schedules.runs('latest')).filter((r) => !r.skipped);
        expect(latest.map((r) => r.fireAt)).to.deep.equal([new Date(TEST_EPOCH + 5 * 3_600_000).toISOString()]);
      } finally {
        await second.stop();
      }
    } finally {
      await client.close();
    }
  });
});
