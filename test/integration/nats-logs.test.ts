/** A worker's notable events as JSON lines: its start, a refused command (with the execution's trace id), its stop. */
import { expect } from 'chai';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { connectClient, jsonLogger, startWorker, task, workflow, type ExecutionContext } from 'flux-actors';
import { encodeResumeCommand } from '../../runtime/nats/codec.js';
import { executionTraceId } from '../../runtime/engine/tracing.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

const greet = task(async function logsGreet(name: string) {
  return `hello ${name}`;
});
const hello = workflow(async function logsHello(ctx: ExecutionContext<string>) {
  return greet(ctx.input);
});

describe('a worker logs its notable events as JSON lines', function () {
  this.timeout(30_000);

  it('says it started, names the execution (and its trace) of a command it refused, and says it stopped', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = jsonLogger('info', (line) => void lines.push(JSON.parse(line) as Record<string, unknown>));
    const { url } = await sharedNatsServer();
    const prefix = `logs${process.pid}`;
    const nats = { servers: url, prefix, secretKeyFile: join(tempDir(), 'secret.key') };
    const worker = await startWorker({ nats: { ...nats, logger }, workflows: [hello] });
    const client = await connectClient(nats);
    const nc = await connect({ servers: url });
    try {
      expect(lines[0]).to.include({ level: 'info', msg: 'worker started', worker: worker.id });
      const id = await client.start(hello, 'ada');
      expect((await client.result(id, { timeoutMs: 10_000 })).state).to.equal('succeeded');
      // A resume of an execution that has finished: refused by the worker.
      await jetstream(nc).publish(
        `${prefix}.cmd.logsHello.resume`,
        encodeResumeCommand({ workflow: 'logsHello', executionId: id, valueJson: '1' }),
      );
      const refusal = await until(() => lines.find((line) => String(line.msg).startsWith('refused a resume command')));
      expect(refusal).to.include({
        level: 'info',
        executionId: id,
        code: 'INVALID_EXECUTION_STATE',
        traceId: executionTraceId(id),
      });
    } finally {
      await nc.close();
      await client.close();
      await worker.stop();
    }
    expect(lines.at(-1)).to.include({ msg: 'worker stopped' });
    for (const line of lines) expect(Date.parse(String(line.time))).to.be.a('number').and.not.NaN;
  });

  it('keeps to its level', () => {
    const lines: string[] = [];
    const logger = jsonLogger('warn', (line) => void lines.push(line));
    logger.info?.('not shown');
    logger.warn('shown', { executionId: 'x1' });
    expect(lines).to.have.length(1);
    expect(JSON.parse(lines[0]!)).to.include({
      level: 'warn',
      msg: 'shown',
      executionId: 'x1',
      traceId: executionTraceId('x1'),
    });
  });
});
