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
  workflow,
  type Client,
  type ExecutionContext,
  type Worker,
} from 'flux-actors';
import { natsNames } from '../../runtime/nats/names.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

/** Which worker ran which step: `<worker> <step>`. */
const ran: string[] = [];
const step = task(async function natsPinStep(what: string, order: number) {
  ran.push(what);
  return `${what}:${order}`;
});

const v1 = workflow.withOptions({ name: 'natsPinnedOrder', version: '1' })(async (ctx: ExecutionContext<number>) => {
  await step('prepare', ctx.input);
  const by = await pause<string>('approve');
  return `${await step('finish v1', ctx.input)} by ${by}`;
});
const v2 = workflow.withOptions({ name: 'natsPinnedOrder', version: '2' })(async (ctx: ExecutionContext<number>) => {
  await step('prepare', ctx.input);
  await step('fraud check', ctx.input); // a new step before the pause: a v1 execution would diverge on it
  const by = await pause<string>('approve');
  return `${await step('finish v2', ctx.input)} by ${by}`;
});

let prefixes = 0;

describe('workflow versions on NATS: each execution is driven only by a worker serving its version', function () {
  this.timeout(60_000);
  let nats: { servers: string; prefix: string; secretKeyFile: string };
  let client: Client;
  const workers: Worker[] = [];
  const worker = async (...workflows: (typeof v1)[]) => {
    const started = await startWorker({ nats, workflows, tasks: [step] });
    workers.push(started);
    return started;
  };

  beforeEach(async () => {
    ran.length = 0;
    const { url } = await sharedNatsServer();
    nats = { servers: url, prefix: `ver${process.pid}_${++prefixes}`, secretKeyFile: join(tempDir(), 'secret.key') };
    client = await connectClient(nats);
  });

  afterEach(async () => {
    await client.close();
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });

  it('a v1 execution resumes on the v1 worker with a v2 worker beside it; a start asks for a version', async () => {
    await worker(v1);
    await worker(v2);
    const old = await client.start(v1, 10, { version: '1' });
    const paused = await client.result(old, { timeoutMs: 20_000 });
    expect(paused.state).to.equal('paused');
    expect(paused.version).to.equal('1');
    // Whichever worker the resume reaches first, only the v1 worker carries it out.
    const done = await client.resume<number, string>(old, 'ada', { timeoutMs: 20_000 });
    expect(done.state, JSON.stringify(done.output)).to.equal('succeeded');
    expect(done.output).to.equal('finish v1:10 by ada');
    const fresh = await client.start(v2, 5, { version: '2' });
    expect((await client.result(fresh, { timeoutMs: 20_000 })).version).to.equal('2');
    const freshDone = await client.resume<number, string>(fresh, 'bob', { timeoutMs: 20_000 });
    expect(freshDone.output).to.equal('finish v2:5 by bob');
    expect(ran).to.deep.equal(['prepare', 'finish v1', 'prepare', 'fraud check', 'finish v2']);
    expect((await client.list({ version: '1' })).map((r) => r.executionId)).to.deep.equal([old]);
  });

  it('a new start runs the newest version a worker serves; the workers bucket lists the versions served', async () => {
    const both = await worker(v1, v2);
    const nc = await connect({ servers: nats.servers });
    try {
      const kv = await new Kvm(nc).open(`${nats.prefix}_workers`);
      const beat = (await kv.get(both.id))?.json<{ workflows: string[]; versions: string[] }>();
      expect(beat?.workflows).to.deep.equal(['natsPinnedOrder']);
      expect(beat?.versions).to.have.members(['natsPinnedOrder@1', 'natsPinnedOrder@2']);
    } finally {
      await nc.close();
    }
    const id = await client.start('natsPinnedOrder', 3);
    expect((await client.result(id, { timeoutMs: 20_000 })).version).to.equal('2');
    // A version no worker serves is refused before anything is sent (it would wait in the stream).
    const missing = await client.start('natsPinnedOrder', 3, { version: '7' }).catch((e: unknown) => e);
    expect(missing).to.include({ code: 'VERSION_NOT_SERVED' });
    expect(String((missing as Error).message)).to.contain('1, 2');
  });

  it('a resume for a version no worker serves waits for one, and is never carried out by other code', async () => {
    const old = await worker(v1);
    const newer = await worker(v2);
    const id = await client.start(v1, 8, { version: '1' });
    expect((await client.result(id, { timeoutMs: 20_000 })).state).to.equal('paused');
    await old.stop();
    workers.splice(workers.indexOf(old), 1);
    const resumed = client.resume<number, string>(id, 'cy', { timeoutMs: 30_000 });
    // The v2 worker has been handed the resume (and given it back) more than once.
    const nc = await connect({ servers: nats.servers });
    try {
      const jsm = await jetstreamManager(nc);
      const names = natsNames(nats.prefix);
      await until(async () => {
        const info = await jsm.consumers.info(names.commandsStream, 'wf_natsPinnedOrder');
        return info.num_redelivered > 0 && info.num_ack_pending + info.num_pending > 0 ? true : undefined;
      });
    } finally {
      await nc.close();
    }
    expect((await client.inspect(id)).state).to.equal('paused');
    expect(ran).to.deep.equal(['prepare']);
    await worker(v1); // the v1 code deployed again
    const done = await resumed;
    expect(done.output).to.equal('finish v1:8 by cy');
    expect(newer.id).to.be.a('string');
  });
});
