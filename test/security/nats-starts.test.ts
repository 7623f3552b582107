/**
 * A start command for an execution that exists: answered with its state, never a second driver. A
 * second start (sent again by a client, or by anyone who can publish commands) used to make another
 * worker take the execution over while its worker was healthy, running the in-flight task twice.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { connectClient, startWorker, task, workflow, type Client, type NatsOptions, type Worker } from 'flux-actors';
import { encodeStartCommand, type ExecutionStatus } from '../../runtime/nats/codec.js';
import { sendCommand } from '../fixtures/raw-commands.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';

let runs = 0;
let open!: () => void;
let gateOpen = new Promise<void>((resolve) => (open = resolve));
let entered!: () => void;
let inside = new Promise<void>((resolve) => (entered = resolve));

const gate = task(async function dupGate() {
  runs++;
  entered();
  await gateOpen;
  return 'through';
});
const guarded = workflow(async function dupGuarded() {
  return await gate();
});

let prefixes = 0;

describe('security: a start for an execution that exists never takes it over (NATS)', function () {
  this.timeout(30_000);
  let nats: NatsOptions;
  let prefix: string;
  let raw: NatsConnection;
  const open_: { close(): Promise<void> }[] = [];

  beforeEach(async () => {
    const { url } = await sharedNatsServer();
    prefix = `dup${process.pid}_${++prefixes}`;
    nats = { servers: url, prefix, secretKeyFile: join(tempDir(), 'secret.key') };
    raw = await connect({ servers: url });
    runs = 0;
    gateOpen = new Promise<void>((resolve) => (open = resolve));
    inside = new Promise<void>((resolve) => (entered = resolve));
  });

  afterEach(async () => {
    open();
    for (const part of open_.splice(0).reverse()) await part.close();
    await raw.close();
  });

  const worker = async (concurrency: number): Promise<Worker> => {
    const started = await startWorker({ nats, workflows: [guarded], tasks: [gate], concurrency });
    open_.push({ close: () => started.stop() });
    return started;
  };

  /** A start command as any publisher could send it: no message id, so JetStream's de-duplication does not drop it. */
  const startAgain = (executionId: string): Promise<ExecutionStatus> =>
    sendCommand(
      raw,
      `${prefix}.cmd.dupGuarded.start`,
      encodeStartCommand({ workflow: 'dupGuarded', executionId, inputJson: undefined }),
    );

  it('a second start while a healthy worker drives the execution is answered "running"; the in-flight task runs once', async () => {
    await worker(1); // its one slot is held by the run below, so the second start goes to the other worker
    const client: Client = await connectClient(nats);
    open_.push(client);
    const id = await client.start(guarded, undefined, { executionId: 'order-42' });
    await inside;
    await worker(8);
    const status = await startAgain(id);
    expect(status.error).to.equal(undefined);
    expect(status.state).to.equal('running');
    open();
    const done = await client.result(id, { timeoutMs: 20_000 });
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal('through');
    expect(runs).to.equal(1);
    expect(done.events.map((e) => e.type)).to.not.include('WORKFLOW_RECOVERED');
  });

  it('a second start of a finished execution is answered with its state and changes nothing', async () => {
    await worker(8);
    const client: Client = await connectClient(nats);
    open_.push(client);
    open();
    const id = await client.start(guarded, undefined, { executionId: 'order-43' });
    const done = await client.result(id, { timeoutMs: 20_000 });
    const status = await startAgain(id);
    expect(status.state).to.equal('succeeded');
    expect((await client.inspect(id)).events.length).to.equal(done.events.length);
    expect(runs).to.equal(1);
  });
});
