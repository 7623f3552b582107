/**
 * nats.conf's two users, each allowed only what it needs: a client cannot write state or manage the
 * workers' consumers; a worker does all of its job within its own rights.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectClient, startWorker, type Client, type Worker } from 'flux-actors';
import { asNatsConfUser, NATS_CONF } from '../fixtures/nats-conf.js';
import { startNatsServer, type NatsServer } from '../fixtures/nats-server.js';
import { tempDir } from '../fixtures/runtimes.js';
import { asks, bigFlow, echo, big } from '../fixtures/nats-command-workflows.js';

describe("security: nats.conf's users have least privilege", function () {
  this.timeout(60_000);
  let server: NatsServer;
  let worker: Worker;
  let client: Client;
  let raw: NatsConnection;
  let paused: string;

  before(async () => {
    server = await startNatsServer({ configFile: NATS_CONF });
    const key = join(tempDir(), 'secret.key');
    const as = (user: 'worker' | 'client') => asNatsConfUser(server.url, user, key);
    worker = await startWorker({
      nats: as('worker'),
      workflows: [asks, bigFlow],
      tasks: [echo, big],
    });
    client = await connectClient(as('client'));
    raw = await connect({
      servers: server.url,
      user: 'client',
      pass: 'change-me-client',
      inboxPrefix: '_INBOX_client',
    });
    paused = await client.start(asks, 'guarded');
    await client.result(paused, { timeoutMs: 10_000 });
  });

  after(async () => {
    await raw?.close();
    await client?.close();
    await worker?.stop();
    await server?.dispose();
  });

  const refused = (attempt: Promise<unknown>) =>
    attempt.then(
      () => 'allowed',
      (e: Error) => e.message,
    );

  it('a client cannot delete, create or read through the consumers of the commands stream', async () => {
    const jsm = await jetstreamManager(raw);
    expect(await refused(jsm.consumers.delete('FLUX_COMMANDS', 'wf_cmdAsks'))).to.not.equal('allowed');
    expect(
      await refused(
        jsm.consumers.add('FLUX_COMMANDS', {
          durable_name: 'wf_cmdAsks',
          filter_subject: 'flux.cmd.nothing.*',
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
        }),
      ),
    ).to.not.equal('allowed');
    expect(
      await refused(jsm.consumers.add('FLUX_COMMANDS', { durable_name: 'thief', ack_policy: AckPolicy.Explicit })),
    ).to.not.equal('allowed');
    expect(await refused(jsm.consumers.info('FLUX_COMMANDS', 'wf_cmdAsks'))).to.not.equal('allowed');
    // The workers' consumer is still there and still serves.
    const id = await client.start(asks, 'after');
    expect((await client.result(id, { timeoutMs: 10_000 })).state).to.equal('paused');
  });

  it('a client cannot write the log, the index, the buckets, nor read sealed secrets or the task cache', async () => {
    const js = jetstream(raw);
    const jsm = await jetstreamManager(raw);
    expect(await refused(js.publish(`flux.events.${paused}`, new Uint8Array([1]), { timeout: 2000 }))).to.not.equal(
      'allowed',
    );
    expect(
      await refused(js.publish(`$KV.flux_executions.${paused}`, new TextEncoder().encode('{}'), { timeout: 2000 })),
    ).to.not.equal('allowed');
    expect(await refused(js.publish('$KV.flux_leases.x', new Uint8Array([1]), { timeout: 2000 }))).to.not.equal(
      'allowed',
    );
    expect(await refused(jsm.streams.delete('FLUX_EVENTS'))).to.not.equal('allowed');
    expect(await refused(jsm.streams.purge('FLUX_COMMANDS'))).to.not.equal('allowed');
    expect(
      await refused(jsm.direct.getMessage('KV_flux_secrets', { last_by_subj: '$KV.flux_secrets.>' })),
    ).to.not.equal('allowed');
    expect(await refused(jsm.direct.getMessage('KV_flux_cache', { last_by_subj: '$KV.flux_cache.>' }))).to.not.equal(
      'allowed',
    );
    // No executor answers garbage either way: the server's own log tells that it refused the publish.
    await refused(raw.request('flux.tasks.cmdEcho', new Uint8Array([1]), { timeout: 1000 }));
    await server.logged(/Publish Violation - User "client", Subject "flux\.tasks\.cmdEcho"/);
    const inspected = await client.inspect(paused);
    expect(inspected.state).to.equal('paused');
  });

  it("a client cannot read the replies of workers (their JetStream answers, pulled commands, dispatch answers) nor other users' inboxes", async () => {
    const violations = async (subject: string) => {
      const sub = raw.subscribe(subject);
      const closed = sub.closed.then(
        (e) => (e instanceof Error ? e.message : 'closed'),
        (e: Error) => e.message,
      );
      await raw.flush();
      // Real time on purpose: a real nats-server closes the subscription; the 2 s only fails the test.
      return Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000, 'still subscribed'))]);
    };
    for (const subject of ['_INBOX.>', '_INBOX_worker.>', '>', '_INBOX_*.>']) {
      expect(await violations(subject), subject).to.match(/permissions violation/i);
    }
    // The client's own inbox still works: a start and its answer.
    const id = await client.start(asks, 'own inbox');
    expect((await client.result(id, { timeoutMs: 10_000 })).state).to.equal('paused');
  });

  it('a worker does its whole job within its rights: a 20 MB value through the object store, leases, resume, cancel', async () => {
    const id = await client.start(bigFlow, 20);
    expect((await client.result(id, { timeoutMs: 30_000 })).state).to.equal('paused');
    expect((await client.resume(id, undefined, { timeoutMs: 30_000 })).output).to.equal(20 * 1024 * 1024);
    expect((await client.cancel(paused, { timeoutMs: 10_000 })).state).to.equal('cancelled');
    expect((await client.list()).length).to.be.greaterThan(1);
    // Deleted by the worker (the client may not purge): the 20 MB object goes with its execution.
    const payloads = async () => (await (await jetstreamManager(raw)).streams.info('OBJ_flux_payloads')).state.bytes;
    expect(await payloads()).to.be.greaterThan(20 * 1024 * 1024);
    await client.delete(id);
    await client.delete(paused);
    expect(await client.inspect(id).catch((e: { code?: string }) => e.code)).to.equal('EXECUTION_NOT_FOUND');
    expect(await payloads()).to.be.lessThan(1024 * 1024);
    expect(server.log()).to.not.match(/Violation - User "worker"/);
  });
});
