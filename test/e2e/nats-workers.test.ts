import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectClient, type Client } from 'flux-actors';
import { natsNames } from '../../runtime/nats/names.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

const WORKER = join(import.meta.dirname, '..', 'fixtures', 'nats-worker.ts');
let prefixes = 0;

/** Starts a worker process; resolves once it takes commands. */
function startWorkerProcess(url: string, prefix: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, url, prefix], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited with code ${code} before it was ready`)));
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('workers and clients on NATS (worker processes)', function () {
  this.timeout(90_000);
  let url: string;
  let prefix: string;
  let dir: string;
  let client: Client;
  const workers: ChildProcess[] = [];

  beforeEach(async () => {
    url = (await sharedNatsServer()).url;
    prefix = `e2e${process.pid}_${++prefixes}`;
    dir = tempDir('flux-nats-e2e-');
    client = await connectClient({ servers: url, prefix, secretKeyFile: join(dir, 'secret.key') });
  });

  afterEach(async () => {
    await Promise.all(
      workers.splice(0).map((w) => {
        w.kill('SIGKILL');
        return Promise.resolve();
      }),
    );
    await client.close();
  });

  it('starts on one worker, pauses, and resumes through a client', async () => {
    workers.push(await startWorkerProcess(url, prefix, { FLUX_HOME: dir }));
    const id = await client.start('distApproval', 'Q3');
    const paused = await client.result(id, { timeoutMs: 20_000 });
    expect(paused.state).to.equal('paused');
    expect(paused.output).to.deep.equal({ report: 'Q3', prepared: 2 });
    const done = await client.resume(id, { approved: true }, { timeoutMs: 20_000 });
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal('approved Q3');
  });

  it('keeps a resume sent while no worker runs, and carries it out when one starts', async () => {
    const first = await startWorkerProcess(url, prefix, { FLUX_HOME: dir });
    workers.push(first);
    const id = await client.start('distApproval', 'late');
    expect((await client.result(id, { timeoutMs: 20_000 })).state).to.equal('paused');
    await stopWorker(first);
    const done = client.resume(id, { approved: false }, { timeoutMs: 30_000 });
    // The resume is kept in the commands stream; with nobody to act on it, the execution stays paused.
    const nc = await connect({ servers: url });
    try {
      const jsm = await jetstreamManager(nc);
      const stream = natsNames(prefix).commandsStream;
      await until(async () => (await jsm.streams.info(stream)).state.messages === 1 || undefined);
    } finally {
      await nc.close();
    }
    expect((await client.inspect(id)).state).to.equal('paused');
    workers.push(await startWorkerProcess(url, prefix, { FLUX_HOME: dir }));
    expect((await done).output).to.equal('rejected late');
  });

  it("a worker killed during a cancel's rollbacks: another finishes the cancel, settled rollbacks not run again", async () => {
    const sideEffects = join(dir, 'side-effects-cancel.log');
    const env = { FLUX_HOME: dir, SIDE_EFFECTS: sideEffects, LEASE_MS: '2000' };
    const doomed = await startWorkerProcess(url, prefix, { ...env, HANG_ROLLBACK: '1' });
    workers.push(doomed);
    const id = await client.start('distTrip');
    expect((await client.result(id, { timeoutMs: 10_000 })).state).to.equal('paused');
    void client.cancel(id, { rollback: true, timeoutMs: 60_000 }).catch(() => undefined);
    // Newest first: the hotel's rollback completes, the seat's hangs; then the worker dies. (The polls
    // here are real time: worker processes and a nats-server do the work; their limits only say a wait failed.)
    for (let tries = 0; ; tries++) {
      const events = (await client.inspect(id)).events;
      if (events.filter((e) => e.type === 'TASK_ROLLBACK_STARTED').length === 2) break; // the hotel's, then the seat's
      expect(tries).to.be.below(500);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    doomed.kill('SIGKILL');
    workers.push(await startWorkerProcess(url, prefix, env));
    let done = await client.inspect(id);
    for (let tries = 0; done.state !== 'cancelled'; tries++) {
      expect(tries, `still ${done.state}`).to.be.below(1_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      done = await client.inspect(id);
    }
    const types = done.events.map((e) => e.type);
    expect(types.filter((t) => t === 'WORKFLOW_CANCELLED')).to.have.length(1);
    expect(types.filter((t) => t === 'TASK_ROLLBACK_COMPLETED')).to.have.length(2);
    const undone = readFileSync(sideEffects, 'utf8')
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('undo'));
    expect(undone.filter((l) => l === 'undo hotel')).to.have.length(1); // settled before the kill: never again
    expect(undone.filter((l) => l === 'undo seat')).to.have.length(2); // running at the kill: at least once more
  });

  it('a worker killed with SIGKILL mid-run: another finishes the run, every completed step ran once', async () => {
    const sideEffects = join(dir, 'side-effects.log');
    const env = { FLUX_HOME: dir, SIDE_EFFECTS: sideEffects, STEP_MS: '5', LEASE_MS: '2000' };
    const doomed = await startWorkerProcess(url, prefix, env);
    workers.push(doomed);
    const id = await client.start('distManySteps', 200);
    // Let it get well into the run (a worker process's steps, real time), then kill it without warning.
    for (;;) {
      if (existsSync(sideEffects) && readFileSync(sideEffects, 'utf8').split('\n').length > 60) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    doomed.kill('SIGKILL');
    workers.push(await startWorkerProcess(url, prefix, env));
    const done = await client.result<number, number>(id, { timeoutMs: 60_000 });
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal((200 * 201) / 2);
    expect(done.events.some((e) => e.type === 'WORKFLOW_RECOVERED')).to.equal(true);
    // Each step's side effects: once, except steps the log does not hold as completed at the kill: the
    // one in flight, and the one before it if its result was delivered but not yet durable (the
    // next command goes out beside the commit, not after it).
    const runs = new Map<string, number>();
    for (const line of readFileSync(sideEffects, 'utf8').trim().split('\n')) runs.set(line, (runs.get(line) ?? 0) + 1);
    expect(runs.size).to.equal(200);
    const repeated = [...runs.entries()].filter(([, n]) => n > 1);
    expect(repeated.length).to.be.at.most(2);
    // Completed steps (TASK_COMPLETED recorded before the recovery) never ran again.
    const recoveredAt = done.events.findIndex((e) => e.type === 'WORKFLOW_RECOVERED');
    const completedBefore = done.events.slice(0, recoveredAt).filter((e) => e.type === 'TASK_COMPLETED').length;
    expect(completedBefore).to.be.above(50);
    for (const [line, n] of repeated)
      expect(Number(line.split(' ')[1])).to.be.at.least(completedBefore, `${line} ran ${n} times`);
  });
});
