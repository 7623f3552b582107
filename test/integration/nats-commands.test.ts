import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { headers, createInbox, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import {
  connectClient,
  startWorker,
  ExecutionNotFoundError,
  ExecutionStateError,
  FluxError,
  WorkflowNotFoundError,
  PayloadTooLargeError,
  pause,
  replayCheck,
  type Client,
  type ExecutionContext,
  type Worker,
} from 'flux-actors';
import {
  encodeForkCommand,
  encodeResumeCommand,
  encodeRetryCommand,
  encodeStartCommand,
  type ExecutionStatus,
} from '../../runtime/nats/codec.js';
import { decodeExecutionStatus } from '../fixtures/raw-commands.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { asks, bigFlow, echo, big } from '../fixtures/nats-command-workflows.js';

let prefixes = 0;
const run = promisify(execFile);

describe('commands over NATS: bad input gets a typed error, the worker keeps serving', function () {
  this.timeout(60_000);
  let prefix: string;
  let worker: Worker;
  let client: Client;
  let nc: NatsConnection;

  beforeEach(async () => {
    const { url } = await sharedNatsServer();
    prefix = `cmd${process.pid}_${++prefixes}`;
    const dir = tempDir();
    const nats = { servers: url, prefix, secretKeyFile: join(dir, 'secret.key') };
    worker = await startWorker({ nats, workflows: [asks, bigFlow], tasks: [echo, big] });
    client = await connectClient(nats);
    nc = await connect({ servers: url });
  });

  afterEach(async () => {
    await client.close();
    await worker.stop();
    await nc.close();
  });

  /** Publishes raw bytes on a command subject and waits for the worker's answer. */
  async function sendRaw(
    kind: 'start' | 'resume' | 'cancel' | 'retry' | 'fork',
    data: Uint8Array,
  ): Promise<ExecutionStatus> {
    const inbox = createInbox();
    const answer = new Promise<ExecutionStatus>((resolve) => {
      nc.subscribe(inbox, { max: 1, callback: (_, msg) => resolve(decodeExecutionStatus(msg.data)) });
    });
    await nc.flush();
    const h = headers();
    h.set('Flux-Reply-To', inbox);
    await jetstream(nc).publish(`${prefix}.cmd.cmdAsks.${kind}`, data, { headers: h });
    return answer;
  }

  it('answers a malformed message on each command subject with MALFORMED_MESSAGE, and changes no log', async () => {
    const id = await client.start(asks, 'before');
    const paused = await client.result(id, { timeoutMs: 10_000 });
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0x0f, 0x12]);
    for (const kind of ['start', 'resume', 'cancel', 'retry', 'fork'] as const) {
      const status = await sendRaw(kind, garbage);
      expect(status.error?.code, kind).to.equal('MALFORMED_MESSAGE');
      expect(status.error?.message, kind).to.match(/not a valid (Start|Resume|Cancel|Retry|Fork)Command message/);
    }
    // Well formed, but missing what a fork needs, or naming a version no one can carry.
    const noForkId = await sendRaw(
      'fork',
      encodeForkCommand({ workflow: 'cmdAsks', executionId: id, fromStep: '1', forkId: '' }),
    );
    expect(noForkId.error?.code).to.equal('MALFORMED_MESSAGE');
    expect(noForkId.error?.message).to.contain('fork_id');
    const badVersion = await sendRaw(
      'start',
      encodeStartCommand({ workflow: 'cmdAsks', executionId: 'v-bad', inputJson: '1', version: 'a b' }),
    );
    expect(badVersion.error?.code).to.equal('MALFORMED_MESSAGE');
    // A retry of an execution that did not fail, a fork of one that has not finished: refused by the worker.
    const notFailed = await sendRaw('retry', encodeRetryCommand({ workflow: 'cmdAsks', executionId: id }));
    expect(notFailed.error?.code).to.equal('INVALID_EXECUTION_STATE');
    const notFinished = await sendRaw(
      'fork',
      encodeForkCommand({ workflow: 'cmdAsks', executionId: id, fromStep: '1', forkId: `${id}-f` }),
    );
    expect(notFinished.error?.code).to.equal('INVALID_EXECUTION_STATE');
    expect((await client.inspect(id)).events.length).to.equal(paused.events.length);
    // Still serving.
    expect((await client.resume(id, 'after', { timeoutMs: 10_000 })).output).to.equal('before:after');
  });

  it('refuses a resume for an unknown or a finished execution, by the client and by the worker', async () => {
    const missing = await client.resume('no-such-execution', 1).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(missing).to.be.instanceOf(ExecutionNotFoundError);
    const raw = await sendRaw(
      'resume',
      encodeResumeCommand({ workflow: 'cmdAsks', executionId: 'no-such-execution', valueJson: '1' }),
    );
    expect(raw.error?.code).to.equal('EXECUTION_NOT_FOUND');

    const id = await client.start(asks, 'done');
    await client.result(id, { timeoutMs: 10_000 });
    await client.resume(id, 'yes', { timeoutMs: 10_000 });
    const finished = await client.resume(id, 'again').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(finished).to.be.instanceOf(ExecutionStateError);
    const rawFinished = await sendRaw(
      'resume',
      encodeResumeCommand({ workflow: 'cmdAsks', executionId: id, valueJson: '"again"' }),
    );
    expect(rawFinished.error?.code).to.equal('INVALID_EXECUTION_STATE');
    expect((await client.inspect(id)).output).to.equal('done:yes');
  });

  it('replayCheck reads recorded executions through a client: ok for their code, the divergence for another', async () => {
    const id = await client.start(asks, 'checked');
    await client.result(id, { timeoutMs: 10_000 });
    const same = await replayCheck(client, [asks], { ids: [id] });
    expect(same.verdicts).to.have.length(1);
    expect(same.verdicts[0]).to.include({ ok: true, reached: 'wait' });
    const changed = {
      name: 'cmdAsks',
      options: {},
      fn: async (ctx: ExecutionContext<string>) => `${await pause<string>('ask', ctx.input)}`,
    };
    const report = await replayCheck(client, [changed], { ids: [id] });
    // The changed body reaches the recorded pause without the step before it, and waits there.
    const { divergence } = report.failures[0]!;
    expect(divergence!.expected).to.include({ name: 'cmdEcho' });
    expect(divergence!.message).to.contain('waits without reaching');
  });

  it('starts once per id: the same input is the same start; another input is refused by the client and by the worker', async () => {
    const id = `key-${prefixes}`;
    await client.start(asks, 'a', { executionId: id });
    await client.result(id, { timeoutMs: 10_000 });
    expect(await client.start(asks, 'a', { executionId: id })).to.equal(id);
    const refused = await client.start(asks, 'b', { executionId: id }).catch((e: unknown) => e);
    expect(refused).to.be.instanceOf(FluxError);
    expect(refused).to.include({ code: 'EXECUTION_EXISTS' });
    const raw = await sendRaw('start', encodeStartCommand({ workflow: 'cmdAsks', executionId: id, inputJson: '"b"' }));
    expect(raw.error?.code).to.equal('EXECUTION_EXISTS');
    const same = await sendRaw('start', encodeStartCommand({ workflow: 'cmdAsks', executionId: id, inputJson: '"a"' }));
    expect([same.executionId, same.state]).to.deep.equal([id, 'paused']);
    expect((await client.inspect(id)).input).to.equal('a');
    // allowIfFinished: still refused while it has not finished, a new run once it has.
    const early = await client
      .start(asks, 'c', { executionId: id, idReuse: 'allowIfFinished' })
      .catch((e: unknown) => e);
    expect(early).to.include({ code: 'EXECUTION_EXISTS' });
    await client.resume(id, 'done', { timeoutMs: 10_000 });
    expect(await client.start(asks, 'c', { executionId: id, idReuse: 'allowIfFinished' })).to.equal(id);
    const second = await client.result(id, {
      timeoutMs: 10_000,
      afterSeq: (await client.inspect(id)).events.length - 1,
    });
    expect(second.state).to.equal('paused');
    expect(second.input).to.equal('c');
    expect(second.events.filter((e) => e.type === 'WORKFLOW_STARTED')).to.have.length(2);
    // A restart command that saw an older log (delivered again, or raced) starts no further run.
    await client.resume(id, 'end', { timeoutMs: 10_000 });
    const stale = await sendRaw(
      'start',
      encodeStartCommand({
        workflow: 'cmdAsks',
        executionId: id,
        inputJson: '"d"',
        idReuse: 'allowIfFinished',
        seenEvents: 3,
      }),
    );
    expect(stale.error?.code).to.equal('EXECUTION_EXISTS');
    const after = await client.inspect(id);
    expect(after.events.filter((e) => e.type === 'WORKFLOW_STARTED')).to.have.length(2);
    expect(after.state).to.equal('succeeded');
  });

  it('refuses a raw resume naming a pause that is not pending, or a pause name too long to be one, and changes nothing', async () => {
    const id = await client.start(asks, 'named');
    const paused = await client.result(id, { timeoutMs: 10_000 });
    const wrong = await sendRaw(
      'resume',
      encodeResumeCommand({ workflow: 'cmdAsks', executionId: id, valueJson: '1', pause: 'nope' }),
    );
    expect(wrong.error?.code).to.equal('PAUSE_NOT_PENDING');
    const huge = await sendRaw(
      'resume',
      encodeResumeCommand({ workflow: 'cmdAsks', executionId: id, valueJson: '1', pause: 'p'.repeat(200) }),
    );
    expect(huge.error?.code).to.equal('MALFORMED_MESSAGE');
    expect((await client.inspect(id)).events).to.have.length(paused.events.length);
    expect((await client.resume(id, 'yes', { pause: 'ask', timeoutMs: 10_000 })).output).to.equal('named:yes');
  });

  it('refuses a start for a workflow no worker serves', async () => {
    const error = await client.start('noSuchWorkflow', 1).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(WorkflowNotFoundError);
    expect((error as Error).message).to.contain("no worker serves workflow 'noSuchWorkflow'");
  });

  it('refuses an execution id no subject can carry, naming it, and sends nothing', async () => {
    const error = await client.start(asks, 'x', { executionId: 'two.tokens' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(FluxError);
    expect(error).to.include({ code: 'INVALID_NAME' });
    expect((error as Error).message).to.contain("execution id 'two.tokens'");
    expect((await client.list()).map((r) => r.executionId)).to.not.include('two.tokens');
  });

  it('refuses an input over the server limit before sending it, and carries a 20 MB output through the object store', async () => {
    const tooBig = await client.start(asks, 'y'.repeat(2 * 1024 * 1024)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(tooBig).to.be.instanceOf(PayloadTooLargeError);
    const id = await client.start(bigFlow, 20);
    const paused = await client.result(id, { timeoutMs: 30_000 });
    expect(paused.state).to.equal('paused');
    const done = await client.resume(id, undefined, { timeoutMs: 30_000 });
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal(20 * 1024 * 1024);
  });
});

describe('a program that does not use flux-actors resumes an execution', function () {
  this.timeout(60_000);

  it('with a ResumeCommand built from the .proto file, published on the documented subject', async () => {
    const { url } = await sharedNatsServer();
    const prefix = `ext${process.pid}`;
    const nats = { servers: url, prefix, secretKeyFile: join(tempDir(), 'secret.key') };
    const worker = await startWorker({ nats, workflows: [asks], tasks: [echo] });
    const client = await connectClient(nats);
    try {
      const id = await client.start(asks, 'from-go');
      const paused = await client.result(id, { timeoutMs: 10_000 });
      const script = join(import.meta.dirname, '..', 'fixtures', 'external-resume.mjs');
      const { stdout } = await run(process.execPath, [script, url, prefix, 'cmdAsks', id, JSON.stringify('approved')]);
      expect(JSON.parse(stdout)).to.include({ stream: `${prefix.toUpperCase()}_COMMANDS` });
      const done = await client.result(id, { afterSeq: paused.events.length, timeoutMs: 10_000 });
      expect(done.state).to.equal('succeeded');
      expect(done.output).to.equal('from-go:approved');
    } finally {
      await client.close();
      await worker.stop();
    }
  });
});
