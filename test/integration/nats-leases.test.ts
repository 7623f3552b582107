/**
 * Leases on NATS leave nothing behind: a run's lease is erased once it pauses or ends, so the
 * leases bucket (which every worker's sweep lists and reads) does not grow with every execution.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectClient, startWorker } from 'flux-actors';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { asks, echo } from '../fixtures/nats-command-workflows.js';

describe('leases on NATS', function () {
  this.timeout(30_000);

  it('are erased when a run pauses or ends: no marker per execution accumulates', async () => {
    const { url } = await sharedNatsServer();
    const prefix = `leases${process.pid}`;
    const nats = { servers: url, prefix, secretKeyFile: join(tempDir(), 'secret.key') };
    const worker = await startWorker({ nats, workflows: [asks], tasks: [echo] });
    const client = await connectClient(nats);
    const nc = await connect({ servers: url });
    try {
      const jsm = await jetstreamManager(nc);
      const leaseMessages = async () => (await jsm.streams.info(`KV_${prefix}_leases`)).state.messages;
      const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => client.start(asks, `q${i}`)));
      for (const id of ids) expect((await client.result(id, { timeoutMs: 10_000 })).state).to.equal('paused');
      await waitFor(async () => (await leaseMessages()) === 0, 'the leases of the paused runs to be erased');
      for (const id of ids) expect((await client.resume(id, 'a', { timeoutMs: 10_000 })).state).to.equal('succeeded');
      await waitFor(async () => (await leaseMessages()) === 0, 'the leases of the finished runs to be erased');
    } finally {
      await client.close();
      await worker.stop();
      await nc.close();
    }
  });
});

/** Until a real nats-server shows `condition` (real time: the deadline only says the wait failed). */
async function waitFor(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
