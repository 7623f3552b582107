/**
 * A message the code cannot decode never stops a connection. nats.js runs subscription callbacks in
 * its socket reader: a decode error thrown there closed the reader, and from then on the client (and
 * the HTTP API over it) answered nothing.
 */
import { expect } from 'chai';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Client } from 'flux-actors';
import type { CapturedLog } from '../fixtures/log-capture.js';
import { asks } from '../fixtures/nats-command-workflows.js';
import { useNatsParties } from '../fixtures/nats-parties.js';

describe('security: garbage on a subject a client listens to (NATS)', function () {
  this.timeout(30_000);
  const parties = useNatsParties('msg');
  let client: Client;
  let raw: NatsConnection;
  let log: CapturedLog;
  let prefix: string;
  beforeEach(() => {
    ({ client, raw, log, prefix } = parties);
  });

  it('is dropped and logged with its subject; the client goes on serving watches and results', async () => {
    const stopWatch = client.watch('ghost-1', () => undefined);
    const waiting = client.result('ghost-2', { timeoutMs: 60_000 }).catch(() => undefined);
    await raw.flush();
    raw.publish(`${prefix}.events.ghost-1`, new Uint8Array([0xff, 0xff, 0xff, 0x0f, 0x12]));
    raw.publish(`${prefix}.events.ghost-2`, new Uint8Array([0x0a, 0x05, 0x12]));
    expect(await log.next(/events\.ghost-1/)).to.match(/dropped a message/);
    expect(await log.next(/events\.ghost-2/)).to.match(/dropped a message/);
    const id = await client.start(asks, 'still');
    expect((await client.result(id, { timeoutMs: 10_000 })).state).to.equal('paused');
    const seen: string[] = [];
    const stop = client.watch(id, (event) => seen.push(event.type));
    expect((await client.resume(id, 'here', { timeoutMs: 10_000 })).output).to.equal('still:here');
    stop();
    stopWatch();
    expect(seen).to.include('WORKFLOW_COMPLETED');
    void waiting;
  });
});
