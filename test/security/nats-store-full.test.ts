/**
 * A full JetStream store is an error, never a crash or a silent stall: whoever asked gets STORE_FULL
 * naming the execution at once, nothing escapes as an unhandled rejection, and an execution that
 * could not write stays where it stopped and finishes once there is room again.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { DiscardPolicy, jetstream, jetstreamManager, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectClient, startWorker, task, workflow, type Client, type Worker } from 'flux-actors';
import { captureLog, type CapturedLog } from '../fixtures/log-capture.js';
import { startNatsServer, type NatsServer } from '../fixtures/nats-server.js';
import { tempDir } from '../fixtures/runtimes.js';
import { recordEscapes, type Escapes } from '../fixtures/unhandled.js';

let runs = 0;
let open!: () => void;
let gateOpen = new Promise<void>((resolve) => (open = resolve));
let entered!: () => void;
let inside = new Promise<void>((resolve) => (entered = resolve));

const slowStep = task(async function fullSlowStep(n: number) {
  runs++;
  entered();
  await gateOpen;
  return n + 1;
});
const quickStep = task(async function fullQuickStep(n: number) {
  return n * 2;
});
const fills = workflow(async function fullFills(ctx) {
  const a = await quickStep(ctx.input as number);
  return await slowStep(a);
});

/** Fills the account's storage with a stream of its own until JetStream refuses even a tiny message. */
async function fill(js: ReturnType<typeof jetstream>): Promise<void> {
  for (const size of [100_000, 10_000, 1_000, 100, 10]) {
    for (;;) {
      const stored = await js.publish('filler.x', new Uint8Array(size)).then(
        () => true,
        () => false,
      );
      if (!stored) break;
    }
  }
}

describe('security: a full JetStream store (NATS)', function () {
  this.timeout(30_000);
  let server: NatsServer;
  let worker: Worker;
  let client: Client;
  let raw: NatsConnection;
  let jsm: JetStreamManager;
  let log: CapturedLog;
  let escapes: Escapes;

  beforeEach(async () => {
    escapes = recordEscapes();
    server = await startNatsServer({
      config:
        'accounts { FULL: { jetstream: { max_file: 6MB, max_mem: 1MB }, users: [{ user: u, password: p }] } }\nno_auth_user: u',
    });
    log = captureLog();
    const nats = { servers: server.url, secretKeyFile: join(tempDir(), 'secret.key'), logger: log.logger };
    worker = await startWorker({ nats, workflows: [fills], tasks: [slowStep, quickStep], leaseMs: 600 });
    client = await connectClient(nats);
    raw = await connect({ servers: server.url });
    jsm = await jetstreamManager(raw);
    await jsm.streams.add({ name: 'FILLER', subjects: ['filler.>'], storage: StorageType.File });
    runs = 0;
    gateOpen = new Promise<void>((resolve) => (open = resolve));
    inside = new Promise<void>((resolve) => (entered = resolve));
  });

  afterEach(async () => {
    open();
    await raw.close();
    await client.close();
    await worker.stop();
    await server.dispose();
    escapes.remove();
    expect(escapes.errors.map(String), 'unhandled rejections or uncaught exceptions').to.deep.equal([]);
  });

  it('a start on a full store fails at once with STORE_FULL naming the execution; once room returns it is taken', async () => {
    await fill(jetstream(raw));
    const error = await client.start(fills, 1, { executionId: 'full-1' }).then(
      () => undefined,
      (e: { code?: string; executionId?: string }) => e,
    );
    expect(error).to.include({ code: 'STORE_FULL', executionId: 'full-1' });
    await jsm.streams.purge('FILLER');
    open();
    const id = await client.start(fills, 1, { executionId: 'full-1' });
    expect((await client.result(id, { timeoutMs: 15_000 })).output).to.equal(3);
  });

  it('a run whose log cannot be written stops where it was, and finishes once room returns: no completed step runs again', async () => {
    const id = await client.start(fills, 1, { executionId: 'full-2' });
    await inside;
    await fill(jetstream(raw));
    open(); // the step's result cannot be recorded
    expect(await log.next(/execution full-2 stopped where it was/)).to.match(/store is full/);
    const stopped = await client.inspect(id);
    expect(stopped.state).to.equal('running');
    expect(stopped.events.filter((e) => e.type === 'TASK_COMPLETED')).to.have.length(1); // the quick step only
    await jsm.streams.purge('FILLER');
    const done = await client.result(id, { timeoutMs: 15_000 });
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal(3);
    const completed = done.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.name);
    expect(completed).to.deep.equal(['fullQuickStep', 'fullSlowStep']); // each recorded once; the interrupted one ran again
    expect(runs).to.equal(2);
  });

  it('a start whose first event cannot be written is not acknowledged: it runs with its input once there is room', async () => {
    // Only the event log is full (its own limit); the commands stream still takes the start.
    await raw.close();
    await client.close();
    await worker.stop();
    await server.dispose();
    server = await startNatsServer();
    raw = await connect({ servers: server.url });
    jsm = await jetstreamManager(raw);
    await jsm.streams.add({
      name: 'FLUX_EVENTS',
      subjects: ['flux.events.>'],
      storage: StorageType.File,
      allow_direct: true,
      max_bytes: 64,
      discard: DiscardPolicy.New,
    });
    const nats = { servers: server.url, secretKeyFile: join(tempDir(), 'secret.key'), logger: log.logger };
    worker = await startWorker({ nats, workflows: [fills], tasks: [slowStep, quickStep], leaseMs: 600 });
    client = await connectClient(nats);
    open();
    const id = await client.start(fills, 20, { executionId: 'full-3' });
    await log.next(/execution full-3 stopped where it was/); // its WORKFLOW_STARTED was refused
    expect((await jsm.streams.info('FLUX_EVENTS')).state.messages).to.equal(0);
    await jsm.streams.update('FLUX_EVENTS', { max_bytes: -1 });
    const done = await client.result(id, { timeoutMs: 15_000 });
    expect(done.output).to.equal(41); // its own input, not a start without one
    expect(done.events.filter((e) => e.type === 'WORKFLOW_STARTED')).to.have.length(1);
  });
});
