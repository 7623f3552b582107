/**
 * The benchmark's executor process on NATS: `node --import tsx bench/nats-executor.ts <nats url> <secret key file>`.
 * It serves the benchmark's step tasks (and, for W7, hosts the W7 workflow) with `startWorker`, one
 * worker per benchmark prefix, as the benchmark process asks on the control subject (./nats-control.ts). Prints
 * "ready" once it listens; stops its workers and exits on `exit` or SIGTERM.
 *
 * Control requests:
 * - `{ op: 'serve', prefix, hostWorkflows }`: start a worker on that prefix; replies once it takes work.
 * - `{ op: 'stop', prefix }`: stop that worker.
 * - `{ op: 'stepRuns' }`: how many step bodies ran in this process so far.
 * - `{ op: 'exit' }`.
 */
import { connect } from '@nats-io/transport-node';
import { startWorker, type Worker } from 'flux-actors';
import { CONTROL_SUBJECT, type ControlRequest } from './nats-control.js';
import { guardedStep, localStepRuns, oneStep, step } from './workloads.js';

const [url, secretKeyFile] = process.argv.slice(2);
if (!url || !secretKeyFile) throw new Error('usage: nats-executor.ts <nats url> <secret key file>');
const nc = await connect({ servers: url, name: 'flux-bench-executor' });
const workers = new Map<string, Worker>();
const encoder = new TextEncoder();

const stopAll = async () => {
  await Promise.all([...workers.values()].map((w) => w.stop()));
  workers.clear();
};

const handle = async (request: ControlRequest): Promise<unknown> => {
  switch (request.op) {
    case 'serve': {
      const prefix = request.prefix!;
      if (!workers.has(prefix)) {
        workers.set(
          prefix,
          await startWorker({
            nats: { servers: url, prefix, secretKeyFile },
            workflows: request.hostWorkflows ? [oneStep] : [],
            tasks: [step, guardedStep],
          }),
        );
      }
      return { ok: true };
    }
    case 'stop': {
      await workers.get(request.prefix!)?.stop();
      workers.delete(request.prefix!);
      return { ok: true };
    }
    case 'stepRuns':
      return { stepRuns: await localStepRuns() };
    case 'exit':
      await stopAll();
      setImmediate(() => void nc.drain().then(() => process.exit(0)));
      return { ok: true };
  }
};

nc.subscribe(CONTROL_SUBJECT, {
  callback: (error, msg) => {
    if (error) return;
    const request = msg.json<ControlRequest>();
    handle(request).then(
      (reply) => msg.respond(encoder.encode(JSON.stringify(reply))),
      (failure: Error) => msg.respond(encoder.encode(JSON.stringify({ error: failure.stack ?? String(failure) }))),
    );
  },
});
await nc.flush();
process.once(
  'SIGTERM',
  () =>
    void stopAll()
      .then(() => nc.drain())
      .then(() => process.exit(0)),
);
process.stdout.write('ready\n');
