/**
 * `flux server --nats` stays up through a NATS outage: it reconnects for as long as it takes (it
 * once gave up after 3 attempts and then answered 500 `closed connection` to everything while
 * /health said ok), /ready (readiness) says 503 while NATS is away and 200 once it is back, /health
 * (liveness) stays 200 throughout, and requests work again. A real nats-server of its own, stopped and restarted on the same port with the same store.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { natsBackend } from '../../control/nats-backend.js';
import type { Backend } from '../../control/backend.js';
import { createFluxServer } from '../../http/server.js';
import { jsonLogger, startWorker, type Worker } from '../../runtime/index.js';
import { expenseApproval } from '../../examples/pause-with-input.js';
import { startNatsServer, type NatsServer } from '../fixtures/nats-server.js';
import { JSON_TYPE, rawRequest } from '../fixtures/http-server.js';
import { tempDir } from '../fixtures/runtimes.js';

/**
 * Asks /ready until it answers `status`; each answer comes within the probe's patience (1.5 s).
 * Real time on purpose: it waits for a real nats-server to stop or come back.
 */
async function healthBecomes(port: number, status: number): Promise<{ status: string; reason?: string }> {
  for (let tries = 0; ; tries++) {
    const answer = await rawRequest(port, 'GET', '/ready');
    if (answer.status === status) return answer.body;
    if (tries > 200) throw new Error(`/ready stayed ${answer.status}: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('flux server on NATS: the NATS server stopped, then restarted', function () {
  this.timeout(60_000);
  let nats: NatsServer;
  let worker: Worker | undefined;
  let backend: Backend;
  let server: Server;
  let port: number;
  /** What the server's client logged (JSON lines). */
  const logged: string[] = [];

  before(async () => {
    nats = await startNatsServer();
    const prefix = `health${process.pid}`;
    const secretKeyFile = join(tempDir(), 'secret.key');
    worker = await startWorker({
      nats: { servers: nats.url, prefix, secretKeyFile, reconnectTimeWait: 100 },
      workflows: [expenseApproval],
    });
    backend = await natsBackend({
      url: nats.url,
      prefix,
      logger: jsonLogger('info', (line) => void logged.push(line)),
    });
    server = createFluxServer({ backend });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  after(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await backend?.close();
    await worker?.stop();
    await nats?.dispose();
  });

  it('NATS down: /ready answers 503 unavailable and requests 503 NATS_UNREACHABLE, /health stays 200; back up: 200, and requests work again', async () => {
    expect((await rawRequest(port, 'GET', '/ready')).body).to.include({ status: 'ok' });
    const paused = await rawRequest(port, 'POST', '/workflows/expenseApproval/run?mode=sync', JSON_TYPE, '7');
    expect(paused.body.state).to.equal('paused');

    await nats.stop();
    const down = await healthBecomes(port, 503);
    expect(down.status).to.equal('unavailable');
    expect(down.reason).to.contain(nats.url);
    // Longer than the 3 reconnect attempts the server once made before giving up for good.
    const read = await rawRequest(port, 'GET', `/executions/${paused.body.executionId}`);

    expect(read.status).to.equal(503);
    expect(read.body.error.code).to.equal('NATS_UNREACHABLE');
    expect((await rawRequest(port, 'GET', '/ready')).status).to.equal(503);
    // Alive all the same: a liveness probe must not restart a server because NATS is away.
    expect((await rawRequest(port, 'GET', '/health')).body).to.include({ status: 'ok' });

    await nats.restart();
    expect((await healthBecomes(port, 200)).status).to.equal('ok');
    // Both said, as JSON lines: the server lost NATS, and got it back.
    const messages = logged.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).to.include('lost its NATS server; reconnecting').and.include('reconnected to its NATS server');

    const done = await rawRequest(
      port,
      'POST',
      `/executions/${paused.body.executionId}/resume`,
      JSON_TYPE,
      '{"approved":true,"reviewer":"after"}',
    );
    expect(done.status).to.equal(200);
    expect(done.body).to.include({ state: 'succeeded', output: 'paid 7, approved by after' });

    const again = await rawRequest(port, 'POST', '/workflows/expenseApproval/run?mode=sync', JSON_TYPE, '8');
    expect(again.body.state).to.equal('paused');
  });
});
