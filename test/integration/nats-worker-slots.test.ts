/**
 * A worker serving several workflows with every slot taken: once slots free up, each workflow's
 * commands are taken again. Each workflow's pull loop waited on one shared waker, so all loops but
 * the last one to wait stayed parked for ever (and a worker's stop waited on them).
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { connectClient, startWorker, task, workflow, type Client, type Worker } from 'flux-actors';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';

let open!: () => void;
let gateOpen = new Promise<void>((resolve) => (open = resolve));
let entered!: () => void;
let inside = new Promise<void>((resolve) => (entered = resolve));

const held = task(async function slotHeld() {
  entered();
  await gateOpen;
  return 'held';
});
const first = workflow(async function slotFirst() {
  return await held();
});
const quick = task(async function slotQuick(n: number) {
  return n + 1;
});
const second = workflow(async function slotSecond(ctx) {
  return await quick(ctx.input as number);
});

describe('a NATS worker whose slots are all taken', function () {
  this.timeout(30_000);
  let worker: Worker;
  let client: Client;

  before(async () => {
    const { url } = await sharedNatsServer();
    const nats = { servers: url, prefix: `slots${process.pid}`, secretKeyFile: join(tempDir(), 'secret.key') };
    worker = await startWorker({ nats, workflows: [first, second], tasks: [held, quick], concurrency: 1 });
    client = await connectClient(nats);
  });

  after(async () => {
    open();
    await client.close();
    await worker.stop();
  });

  it("takes every workflow's commands again once a slot frees, and stops", async () => {
    const blocking = await client.start(first);
    await inside;
    const waitingSecond = await client.start(second, 1); // waits for the slot
    open();
    expect((await client.result(blocking, { timeoutMs: 10_000 })).output).to.equal('held');
    expect((await client.result(waitingSecond, { timeoutMs: 10_000 })).output).to.equal(2);
    gateOpen = Promise.resolve();
    const again = await client.start(first);
    const alsoSecond = await client.start(second, 5);
    expect((await client.result(again, { timeoutMs: 10_000 })).output).to.equal('held');
    expect((await client.result(alsoSecond, { timeoutMs: 10_000 })).output).to.equal(6);
  });

  it('a cancel sent right after a start that no worker has taken yet waits for it, instead of "not found"', async () => {
    gateOpen = new Promise<void>((resolve) => (open = resolve));
    inside = new Promise<void>((resolve) => (entered = resolve));
    const blocking = await client.start(first);
    await inside; // the worker's only slot is taken
    const queued = await client.start(second, 1); // its log stays empty until the slot frees
    const cancelling = client.cancel(queued, { timeoutMs: 10_000 }).then(
      (ctx) => ctx.state,
      (e: { code?: string }) => e.code,
    );
    open();
    // Cancelled, or refused because it had already finished: never "does not exist".
    expect(await cancelling).to.be.oneOf(['cancelled', 'INVALID_EXECUTION_STATE']);
    expect((await client.result(blocking, { timeoutMs: 10_000 })).output).to.equal('held');
  });
});
