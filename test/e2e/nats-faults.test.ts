/**
 * Server faults under a running workflow: a worker process drives `distManySteps` while a client in
 * this process waits for its result, and the NATS server under them goes away mid-run — a single
 * server restarted, or the leader of an R3 events stream killed in a 3-node cluster. The run must
 * finish with the right output, its log gapless and without duplicates, and every step completed
 * before the fault must not run again.
 */
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectClient, type Client, type ExecutionContext } from 'flux-actors';
import { startNatsCluster, type NatsCluster } from '../fixtures/nats-cluster.js';
import { startNatsServer, type NatsServer } from '../fixtures/nats-server.js';
import { tempDir } from '../fixtures/runtimes.js';
import { killWorker, sideEffectRuns, startWorkerProcess } from '../fixtures/worker-processes.js';
import { until } from '../fixtures/wait-for.js';

const STEPS = 40;
const STEP_MS = '50';
/** Steps done before the fault strikes: well into the run, well before its end. */
const STEPS_BEFORE_FAULT = 10;

describe('NATS server faults under a running workflow (worker processes)', function () {
  this.timeout(60_000);
  let dir: string;
  let sideEffects: string;
  let client: Client | undefined;
  const workers: ChildProcess[] = [];

  beforeEach(() => {
    dir = tempDir('flux-nats-faults-');
    sideEffects = join(dir, 'side-effects.log');
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map(killWorker));
    await client?.close(); // gives up draining after 5 s if no server can be reached
    client = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  describe('a single nats-server', () => {
    let server: NatsServer;
    before(async () => (server = await startNatsServer()));
    after(() => server?.dispose());

    it('restarted mid-run: the client and the worker reconnect, the run completes, nothing is lost', async () => {
      const prefix = `faults${process.pid}_restart`;
      client = await connectClient({ servers: server.url, prefix, secretKeyFile: join(dir, 'secret.key') });
      workers.push(
        await startWorkerProcess(server.url, prefix, { FLUX_HOME: dir, SIDE_EFFECTS: sideEffects, STEP_MS }),
      );
      const id = await client.start('distManySteps', STEPS);
      const result = client.result<number, number>(id, { timeoutMs: 45_000 });
      result.catch(() => undefined); // awaited below; a failure before that must not go unhandled
      const watched: number[] = [];
      const unwatch = client.watch(id, (event) => watched.push(Number(event.id.split(':').at(-1))));

      const completedBefore = await completedSteps(client, id);
      await server.stop({ kill: true });
      // Real time on purpose: a real nats-server is down, long enough for every connection to notice.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await server.restart(); // same port, same store

      const done = await result;
      expectRunIntact(done, sideEffects, completedBefore);
      // The watch saw every event from its first on, once each and in order, the restart included.
      const last = done.events.length;
      await until(() => watched.at(-1) === last || undefined); // the read after the reconnect hands over the rest
      unwatch();
      expect(watched.length).to.be.above(0);
      expect(watched).to.deep.equal(Array.from({ length: last - watched[0]! + 1 }, (_, i) => watched[0]! + i));
    });
  });

  describe('a 3-node cluster, streams replicated 3 times', () => {
    let cluster: NatsCluster;
    let admin: NatsConnection;
    before(async () => {
      cluster = await startNatsCluster();
      admin = await connect({ servers: cluster.urls, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    });
    after(async () => {
      await admin?.close();
      await cluster?.dispose();
    });

    it('the events stream leader killed mid-run: the run completes, no event lost or duplicated', async () => {
      const prefix = `faults${process.pid}_leader`;
      const secretKeyFile = join(dir, 'secret.key');
      // A first client makes the streams; the worker and the client that waits are then connected
      // to the events stream's leader first, so the kill also cuts their connections.
      await (await connectClient({ servers: cluster.urls, prefix, replicas: 3, secretKeyFile })).close();
      const jsm = await jetstreamManager(admin, { checkAPI: false });
      const eventsStream = `${prefix.toUpperCase()}_EVENTS`;
      const leader = (await jsm.streams.info(eventsStream)).cluster!.leader!;
      const leaderFirst = [cluster.node(leader).url, ...cluster.urls.filter((url) => url !== cluster.node(leader).url)];
      client = await connectClient({ servers: leaderFirst, noRandomize: true, prefix, replicas: 3, secretKeyFile });
      workers.push(
        await startWorkerProcess(leaderFirst, prefix, {
          FLUX_HOME: dir,
          SIDE_EFFECTS: sideEffects,
          STEP_MS,
          REPLICAS: '3',
          NO_RANDOMIZE: '1',
        }),
      );
      const id = await client.start('distManySteps', STEPS);
      const result = client.result<number, number>(id, { timeoutMs: 45_000 });
      result.catch(() => undefined); // awaited below; a failure before that must not go unhandled
      // Every stream of the deployment (log, commands, buckets) survives the loss of one node.
      const replicas: string[] = [];
      for await (const stream of jsm.streams.list()) {
        if (stream.config.name.toUpperCase().includes(prefix.toUpperCase()))
          replicas.push(`${stream.config.name} R${stream.config.num_replicas}`);
      }
      expect(replicas).to.have.length.above(5);
      expect(
        replicas.filter((r) => !r.endsWith(' R3')),
        'streams not replicated 3 times',
      ).to.deep.equal([]);

      const completedBefore = await completedSteps(client, id);
      await cluster.kill(leader);

      const done = await result;
      const newLeader = (await jsm.streams.info(eventsStream)).cluster!.leader;
      expect(newLeader).to.be.a('string').and.not.equal(leader);
      expectRunIntact(done, sideEffects, completedBefore);

      // With the node still down, a new client (which lists the workers afresh) starts and finishes a run.
      const late = await connectClient({ servers: cluster.urls, prefix, replicas: 3, secretKeyFile });
      try {
        const again = await late.result<number, number>(await late.start('distManySteps', 3), { timeoutMs: 25_000 });
        expect(again.output).to.equal(6);
      } finally {
        await late.close();
      }
    });
  });
});

/**
 * Waits (polling the log) until the run is well under way, and returns how many steps the log has
 * completed: those steps' bodies must never run again. Real time on purpose: what it waits for happens in other processes (workers, a nats-server), which no test clock moves; the deadline only says a wait failed, it never decides a result.
 */
async function completedSteps(client: Client, executionId: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    // Not found: the worker has not taken the start command yet.
    const events = await client.inspect(executionId).then(
      (ctx) => ctx.events,
      (error: unknown) => {
        if ((error as { code?: string }).code === 'EXECUTION_NOT_FOUND') return [];
        throw error;
      },
    );
    const completed = events.filter((e) => e.type === 'TASK_COMPLETED').length;
    if (completed >= STEPS_BEFORE_FAULT) return completed;
    if (Date.now() > deadline)
      throw new Error(`only ${completed} steps of execution ${executionId} completed after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The run succeeded, its log is whole, and only a step in flight at the fault ran twice. */
function expectRunIntact(done: ExecutionContext<number, number>, sideEffects: string, completedBefore: number): void {
  expect(done.state).to.equal('succeeded');
  expect(done.output).to.equal((STEPS * (STEPS + 1)) / 2);
  // The log: seqs 1..n with no gap and no repeat, one start and one completion per step.
  const seqs = done.events.map((e) => Number(e.id.slice(e.id.lastIndexOf(':') + 1)));
  expect(seqs).to.deep.equal(seqs.map((_, i) => i + 1));
  const perStep = (type: string) => countBy(done.events.filter((e) => e.type === type).map((e) => e.sourceId));
  const completions = perStep('TASK_COMPLETED');
  expect(completions.size).to.equal(STEPS);
  expect(
    [...completions.values()].every((n) => n === 1),
    'one TASK_COMPLETED per step',
  ).to.equal(true);
  expect(
    [...perStep('TASK_STARTED').values()].every((n) => n === 1),
    'one TASK_STARTED per step',
  ).to.equal(true);
  expect(done.events.filter((e) => e.type === 'WORKFLOW_COMPLETED')).to.have.length(1);
  // Side effects: every step ran; none completed before the fault ran again; at most the one in
  // flight at the fault ran twice.
  const runs = sideEffectRuns(sideEffects);
  expect(runs.size).to.equal(STEPS);
  const repeated = [...runs.entries()].filter(([, n]) => n > 1);
  expect(
    repeated.length,
    `steps run more than once: ${repeated.map(([line, n]) => `${line} ×${n}`).join(', ')}`,
  ).to.be.at.most(1);
  for (const [line, n] of repeated)
    expect(Number(line.split(' ')[1]), `${line} ran ${n} times`).to.be.at.least(completedBefore);
}

function countBy(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
