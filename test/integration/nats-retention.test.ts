import { expect } from 'chai';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { Kvm } from '@nats-io/kv';
import {
  connectClient,
  pause,
  startWorker,
  task,
  TestClock,
  workflow,
  type Client,
  type ExecutionContext,
  type Worker,
} from 'flux-actors';
import { sharedNatsServer, TEST_EPOCH, tempDir } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

let computed = 0;
const report = task.withOptions({ cache: true })(async function natsRetentionReport(rows: number) {
  computed++;
  return 'r'.repeat(rows); // over 256 KiB: to the object store
});
const fails = task(async function natsRetentionFails() {
  throw new Error('always down');
});
const monthly = workflow.withOptions({ name: 'natsRetentionMonthly' })(
  async (ctx: ExecutionContext<number>) => (await report(ctx.input)).length,
);
const broken = workflow(async function natsRetentionBroken() {
  await fails();
});
const approval = workflow(async function natsRetentionApproval() {
  return `approved by ${await pause<string>('approve')}`;
});

let prefixes = 0;

describe('deleting finished executions on NATS', function () {
  this.timeout(60_000);
  let worker: Worker;
  let client: Client;
  let clock: TestClock;
  let prefix: string;
  let url: string;

  beforeEach(async () => {
    computed = 0;
    url = (await sharedNatsServer()).url;
    clock = new TestClock(TEST_EPOCH);
    prefix = `ret${process.pid}_${++prefixes}`;
    const nats = { servers: url, prefix, secretKeyFile: join(tempDir(), 'secret.key'), clock };
    worker = await startWorker({
      nats,
      workflows: [monthly, broken, approval],
      tasks: [report, fails],
      retention: '2h',
    });
    client = await connectClient(nats);
  });

  afterEach(async () => {
    await client.close();
    await worker.stop();
  });

  /** What the server keeps under this test's prefix: messages of each stream. */
  const kept = async () => {
    const nc = await connect({ servers: url });
    try {
      const jsm = await jetstreamManager(nc);
      const upper = prefix.toUpperCase();
      const count = async (stream: string) => (await jsm.streams.info(stream)).state.messages;
      return {
        events: await count(`${upper}_EVENTS`),
        snapshots: await count(`${upper}_SNAPSHOTS`),
        index: await count(`KV_${prefix}_executions`),
        payloads: await count(`OBJ_${prefix}_payloads`),
        cache: await count(`KV_${prefix}_cache`),
      };
    } finally {
      await nc.close();
    }
  };

  it('client.delete purges the log, its large values and the index entry, leaving nothing behind', async () => {
    const id = await client.start(monthly, 300_000);
    expect((await client.result(id, { timeoutMs: 20_000 })).output).to.equal(300_000);
    const before = await kept();
    expect(before.events).to.be.greaterThan(0);
    expect(before.payloads, 'the large output is in the object store').to.be.greaterThan(0);

    await client.delete(id);
    expect(await client.inspect(id).catch((e: { code?: string }) => e.code)).to.equal('EXECUTION_NOT_FOUND');
    const after = await kept();
    expect(after).to.include({ events: 0, snapshots: 0, index: 0, payloads: 0 });
    expect(await client.delete(id).catch((e: { code?: string }) => e.code)).to.equal('EXECUTION_NOT_FOUND');
  });

  it('a deletion stopped after the index entry went is finished by the next delete', async () => {
    const id = await client.start(monthly, 10);
    await client.result(id, { timeoutMs: 20_000 });
    const nc = await connect({ servers: url });
    try {
      // What a worker that died between the index and the log leaves: the log, no index entry.
      await (await new Kvm(nc).open(`${prefix}_executions`)).purge(id);
    } finally {
      await nc.close();
    }
    expect((await kept()).events).to.be.greaterThan(0);
    await client.delete(id);
    expect((await kept()).events).to.equal(0);
  });

  it('a paused execution is refused and stays resumable', async () => {
    const id = await client.start(approval);
    expect((await client.result(id, { timeoutMs: 20_000 })).state).to.equal('paused');
    expect(await client.delete(id).catch((e: { code?: string }) => e.code)).to.equal('INVALID_EXECUTION_STATE');
    expect((await client.resume(id, 'ana', { timeoutMs: 20_000 })).output).to.equal('approved by ana');
  });

  it('the worker deletes finished executions past its retention, keeps paused ones, and forgets old cache entries', async () => {
    const ok = await client.start(monthly, 300_000);
    const failed = await client.start(broken);
    const paused = await client.start(approval);
    for (const id of [ok, failed, paused]) await client.result(id, { timeoutMs: 20_000 });
    expect(computed).to.equal(1);
    expect((await kept()).cache, 'the report is memoised').to.equal(1);

    await clock.advance('1h');
    expect((await client.list()).length, 'nothing has expired yet').to.equal(3);
    await clock.advance('2h');
    await until(async () => ((await client.list()).length === 1 ? true : undefined));
    expect((await client.list()).map((r) => r.executionId)).to.deep.equal([paused]);
    const left = await kept();
    expect(left.payloads, 'the large values went with their execution').to.equal(0);
    await until(async () => ((await kept()).cache === 0 ? true : undefined));

    const again = await client.start(monthly, 300_000);
    await client.result(again, { timeoutMs: 20_000 });
    expect(computed, 'a forgotten memo is computed again').to.equal(2);
  });

  it('client.purge deletes by age and state through the workers', async () => {
    const failed = await client.start(broken);
    const ok = await client.start(monthly, 10);
    for (const id of [failed, ok]) await client.result(id, { timeoutMs: 20_000 });
    await clock.advance('30m');
    expect(await client.purge({ olderThan: '10m', state: 'failed' })).to.equal(1);
    expect((await client.list()).map((r) => r.executionId)).to.deep.equal([ok]);
  });
});
