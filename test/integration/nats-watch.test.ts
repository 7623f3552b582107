/**
 * client.watch across a lost connection: what the worker logs while the client is cut off never
 * reaches its subscription (core NATS keeps nothing); after the reconnect the watch reads the log
 * and hands over what it missed, each event once and in order. The client reaches the server
 * through a TCP relay the test cuts and restores (the worker keeps its own connection).
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { connectClient, startWorker } from 'flux-actors';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { relay } from '../fixtures/tcp-relay.js';
import { asks, echo } from '../fixtures/nats-command-workflows.js';

describe('client.watch on NATS', function () {
  this.timeout(30_000);

  it('hands over, after a reconnect, the events logged while the client was cut off', async () => {
    const { url } = await sharedNatsServer();
    const via = await relay(Number(new URL(url).port));
    const prefix = `watch${process.pid}`;
    const secretKeyFile = join(tempDir(), 'secret.key');
    const worker = await startWorker({
      nats: { servers: url, prefix, secretKeyFile },
      workflows: [asks],
      tasks: [echo],
    });
    const client = await connectClient({ servers: via.url, prefix, secretKeyFile, reconnectTimeWait: 100 });
    const direct = await connectClient({ servers: url, prefix, secretKeyFile });
    try {
      const id = await client.start(asks, 'x');
      const paused = await client.result(id, { timeoutMs: 10_000 });
      const seen: number[] = [];
      const unwatch = client.watch(id, (event) => seen.push(Number(event.id.split(':').at(-1))));
      // Real time on purpose: the watch learns where "now" is from a first read of a real nats-server,
      // which the client does not tell of.
      await new Promise((resolve) => setTimeout(resolve, 200));

      via.cut();
      const done = await direct.resume(id, 'y', { timeoutMs: 10_000 }); // logged while the client is away
      expect(done.output).to.equal('x:y');
      expect(seen).to.deep.equal([]);
      via.restore();

      const expected = Array.from(
        { length: done.events.length - paused.events.length },
        (_, i) => paused.events.length + 1 + i,
      );
      // Until the reconnected watch hands over what it missed (real time, as above: a real server's reads).
      for (let tries = 0; seen.length < expected.length; tries++) {
        expect(tries, `seen ${seen.join(',')}`).to.be.below(300);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      unwatch();
      expect(seen).to.deep.equal(expected);
    } finally {
      await client.close();
      await direct.close();
      await worker.stop();
      await via.close();
    }
  });
});
