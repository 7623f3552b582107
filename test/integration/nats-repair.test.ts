import { expect } from 'chai';
import { join } from 'node:path';
import {
  connectClient,
  startWorker,
  task,
  workflow,
  type Client,
  type ExecutionContext,
  type Worker,
} from 'flux-actors';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';

let ran: string[] = [];
let broken = true;

const load = task(async function repairLoad(batch: number) {
  ran.push('load');
  return batch * 10;
});
const enrich = task(async function repairEnrich(rows: number) {
  ran.push('enrich');
  return rows + 1;
});
const store = task(async function repairStore(rows: number) {
  ran.push('store');
  if (broken) throw new Error('the warehouse is read-only');
  return `stored ${rows}`;
});
const ingest = workflow.withOptions({ name: 'repairIngest' })(async (ctx: ExecutionContext<number>) =>
  store(await enrich(await load(ctx.input))),
);

let prefixes = 0;

describe('retry and fork through a NATS client: a worker carries them out', function () {
  this.timeout(60_000);
  let worker: Worker;
  let client: Client;

  beforeEach(async () => {
    ran = [];
    broken = true;
    const { url } = await sharedNatsServer();
    const dir = tempDir();
    const nats = { servers: url, prefix: `repair${process.pid}_${++prefixes}`, secretKeyFile: join(dir, 'secret.key') };
    worker = await startWorker({ nats, workflows: [ingest], tasks: [load, enrich, store] });
    client = await connectClient(nats);
  });

  afterEach(async () => {
    await client.close();
    await worker.stop();
  });

  it('retries a failed execution on the fixed code without re-running completed steps', async () => {
    const id = await client.start(ingest, 4);
    const failed = await client.result(id, { timeoutMs: 20_000 });
    expect(failed.state).to.equal('failed');
    broken = false;
    ran = [];
    const done = await client.retry<number, string>(id, { timeoutMs: 20_000 });
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal('stored 41');
    expect(ran).to.deep.equal(['store']);
    const again = await client.retry(id).catch((e: unknown) => e);
    expect(again).to.include({ code: 'INVALID_EXECUTION_STATE' });
  });

  it('forks from step 2: a worker starts the fork, which re-runs nothing before it', async () => {
    broken = false;
    const id = await client.start(ingest, 7);
    expect((await client.result(id, { timeoutMs: 20_000 })).state).to.equal('succeeded');
    ran = [];
    const forkId = await client.fork(id, { from: 2, executionId: `${id}-fork` });
    expect(forkId).to.equal(`${id}-fork`);
    const fork = await client.result<number, string>(forkId, { timeoutMs: 20_000 });
    expect(fork.state).to.equal('succeeded');
    expect(fork.output).to.equal('stored 71');
    expect(ran).to.deep.equal(['enrich', 'store']);
    const source = await client.inspect(id);
    expect(source.events.at(-1)).to.include({ type: 'WORKFLOW_FORKED' });
    const missing = await client.fork(id, { from: 'repairShip' }).catch((e: unknown) => e);
    expect(missing).to.include({ code: 'FORK_STEP_NOT_FOUND' });
  });
});
