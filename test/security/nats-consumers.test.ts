/**
 * Attacks on the consumers through which workers take commands: deleted, planted with a filter that
 * matches nothing, or overlapped by another consumer of the work-queue stream.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import {
  AckPolicy,
  DeliverPolicy,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { connectClient, startWorker, type Client, type NatsOptions, type Worker } from 'flux-actors';
import { captureLog } from '../fixtures/log-capture.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { asks, echo } from '../fixtures/nats-command-workflows.js';

let prefixes = 0;

describe('security: workers keep the consumers they take commands through (NATS)', function () {
  this.timeout(30_000);
  let prefix: string;
  let nats: NatsOptions;
  let raw: NatsConnection;
  let jsm: JetStreamManager;
  const open: { close(): Promise<void> }[] = [];
  const stream = () => `${prefix.toUpperCase()}_COMMANDS`;

  beforeEach(async () => {
    const { url } = await sharedNatsServer();
    prefix = `csm${process.pid}_${++prefixes}`;
    nats = { servers: url, prefix, secretKeyFile: join(tempDir(), 'secret.key') };
    raw = await connect({ servers: url });
    jsm = await jetstreamManager(raw);
  });

  afterEach(async () => {
    for (const part of open.splice(0).reverse()) await part.close();
    await raw.close();
  });

  const worker = async (extra: Partial<NatsOptions> = {}): Promise<Worker> => {
    const started = await startWorker({ nats: { ...nats, ...extra }, workflows: [asks], tasks: [echo] });
    open.push({ close: () => started.stop() });
    return started;
  };
  const client = async (): Promise<Client> => {
    const connected = await connectClient(nats);
    open.push(connected);
    return connected;
  };
  /** The commands stream as a worker makes it, made first so that a consumer can be planted in it. */
  const commandsStream = () =>
    jsm.streams.add({
      name: stream(),
      subjects: [`${prefix}.cmd.>`],
      storage: StorageType.File,
      retention: RetentionPolicy.Workqueue,
    });

  it('a deleted consumer is made again: a start sent after the deletion runs', async () => {
    const log = captureLog();
    await worker({ logger: log.logger });
    const flux = await client();
    const first = await flux.start(asks, 'one');
    expect((await flux.result(first, { timeoutMs: 10_000 })).state).to.equal('paused');
    await deleteConsumer(jsm, stream(), 'wf_cmdAsks');
    const second = await flux.start(asks, 'two');
    expect((await flux.result(second, { timeoutMs: 20_000 })).state).to.equal('paused');
    expect(await log.next(/wf_cmdAsks .* has been created/)).to.include(stream());
  });

  it('a planted consumer of that name that matches nothing is replaced when a worker starts', async () => {
    await commandsStream();
    await jsm.consumers.add(stream(), {
      durable_name: 'wf_cmdAsks',
      filter_subject: `${prefix}.cmd.nothing.*`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      deliver_subject: 'nobody.listens', // a push consumer: the server cannot turn it into the pull consumer a worker asks for
    });
    await worker();
    const flux = await client();
    const id = await flux.start(asks, 'planted');
    expect((await flux.result(id, { timeoutMs: 10_000 })).state).to.equal('paused');
    expect((await jsm.consumers.info(stream(), 'wf_cmdAsks')).config.filter_subject).to.equal(
      `${prefix}.cmd.cmdAsks.*`,
    );
  });

  it('a planted push consumer of that name (delivering commands elsewhere) is replaced', async () => {
    await commandsStream();
    await jsm.consumers.add(stream(), {
      durable_name: 'wf_cmdAsks',
      filter_subject: `${prefix}.cmd.cmdAsks.*`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      deliver_subject: 'attacker.inbox',
    });
    await worker();
    expect((await jsm.consumers.info(stream(), 'wf_cmdAsks')).config.deliver_subject).to.equal(undefined);
  });

  it('an overlapping consumer makes startWorker fail with an error naming the consumer, not crash', async () => {
    await commandsStream();
    await jsm.consumers.add(stream(), {
      durable_name: 'intruder',
      filter_subject: `${prefix}.cmd.>`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
    });
    const error = await worker().then(
      () => undefined,
      (e: Error & { code?: string }) => e,
    );
    expect(error?.code).to.equal('CONSUMER_UNAVAILABLE');
    expect(error?.message).to.include('wf_cmdAsks').and.to.include(stream());
  });
});

/**
 * Deletes a consumer as an attacker would. nats-server 2.9 may answer "directory not empty" when the
 * consumer is deleted while a pull is waiting on it, having deleted it all the same: the info tells.
 */
async function deleteConsumer(jsm: JetStreamManager, stream: string, name: string): Promise<void> {
  await jsm.consumers.delete(stream, name).catch(() => undefined);
  const left = await jsm.consumers.info(stream, name).then(
    () => true,
    () => false,
  );
  if (left) await jsm.consumers.delete(stream, name);
}
