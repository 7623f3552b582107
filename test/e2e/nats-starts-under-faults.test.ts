/**
 * Nothing acknowledged is lost: 1,000 starts submitted while one worker is killed with SIGKILL and
 * started again, and another's connection is cut for longer than a lease. Every start the client saw
 * acknowledged must exist and finish, and no step may be recorded as completed twice.
 */
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { connectClient, type Client } from 'flux-actors';
import { startNatsServer, type NatsServer } from '../fixtures/nats-server.js';
import { tempDir } from '../fixtures/runtimes.js';
import { relay, type Relay } from '../fixtures/tcp-relay.js';
import { killWorker, startWorkerProcess, stopWorker } from '../fixtures/worker-processes.js';
import { manySteps } from '../fixtures/nats-workflows.js';

const STARTS = 1000;

describe('1,000 starts while workers are killed and cut off (worker processes)', function () {
  this.timeout(180_000);
  let server: NatsServer;
  let client: Client;
  const relays: Relay[] = [];
  const workers: ChildProcess[] = [];

  before(async () => (server = await startNatsServer()));
  after(async () => {
    await client?.close();
    await Promise.all(workers.map((w) => stopWorker(w)));
    await Promise.all(relays.map((r) => r.close()));
    await server.dispose();
  });

  it('every acknowledged start exists and finishes, each step completed once', async () => {
    const prefix = 'soak';
    const env = { FLUX_HOME: tempDir(), LEASE_MS: '1500' };
    const port = Number(new URL(server.url).port);
    const [viaA, viaB] = [await relay(port), await relay(port)];
    relays.push(viaA, viaB);
    const workerOn = async (via: Relay) => {
      const child = await startWorkerProcess(via.url, prefix, env);
      workers.push(child);
      return child;
    };
    const a = await workerOn(viaA);
    await workerOn(viaB);
    client = await connectClient({ servers: server.url, prefix, secretKeyFile: join(env.FLUX_HOME, 'secret.key') });

    const acknowledged: string[] = [];
    for (let batch = 0; batch < STARTS / 50; batch++) {
      if (batch === 5) await killWorker(a);
      if (batch === 10) viaB.cut();
      if (batch === 14) await workerOn(viaA); // a new worker while B is still cut off
      if (batch === 16) viaB.restore(); // B comes back after more than a lease: its runs were taken over
      const ids = await Promise.all(
        Array.from({ length: 50 }, (_, i) => client.start(manySteps, 2, { executionId: `s${batch}-${i}` })),
      );
      acknowledged.push(...ids);
    }
    expect(acknowledged).to.have.length(STARTS);

    const ends: { id: string; state: string; output: unknown; twice: string[] }[] = [];
    for (let at = 0; at < acknowledged.length; at += 100) {
      ends.push(
        ...(await Promise.all(
          acknowledged.slice(at, at + 100).map(async (id) => {
            const ctx = await client
              .result(id, { timeoutMs: 60_000 })
              .catch(async () => client.inspect(id).catch(() => undefined));
            if (!ctx) return { id, state: 'missing', output: undefined, twice: [] };
            const completed = ctx.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.sourceId);
            return {
              id,
              state: ctx.state,
              output: ctx.output,
              twice: completed.filter((t, i) => completed.indexOf(t) !== i),
            };
          }),
        )),
      );
    }
    const stuck = ends.filter((e) => e.state !== 'succeeded' || e.output !== 3);
    expect(stuck.map((e) => `${e.id}: ${e.state}`)).to.deep.equal([]);
    expect(ends.flatMap((e) => e.twice)).to.deep.equal([]);
    expect(new Set((await client.list({ workflow: 'distManySteps' })).map((r) => r.executionId)).size).to.equal(STARTS);
  });
});
