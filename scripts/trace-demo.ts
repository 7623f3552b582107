/**
 * The README's order example on NATS, traced: a nats-server of its own (as the tests start it), a
 * worker that starts the execution, another that resumes it, spans printed by OpenTelemetry's
 * ConsoleSpanExporter (name, ids, parent, attributes, events). `npx tsx scripts/trace-demo.ts`;
 * docs/TRACING.md shows one run. Needs nats-server and the dev dependencies.
 */
import { join } from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, ConsoleSpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { connectClient, pause, startWorker, task, workflow, type ExecutionContext } from 'flux-actors';
import { startNatsServer } from '../test/fixtures/nats-server.js';
import { tempDir } from '../test/fixtures/temp-dir.js';

const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new ConsoleSpanExporter())] });
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
trace.setGlobalTracerProvider(provider);

const charge = task(async function charge(amount: number) {
  return `receipt-${amount}`;
});
const ship = task(async function ship(receipt: string, by: string) {
  return `${receipt} shipped (${by})`;
});
const order = workflow(async function order(ctx: ExecutionContext<number>) {
  const receipt = await charge(ctx.input);
  const approver = await pause<string>('approval');
  return await ship(receipt, approver);
});

const server = await startNatsServer();
const nats = { servers: server.url, prefix: 'demo', secretKeyFile: join(tempDir(), 'secret.key') };
try {
  const first = await startWorker({ nats, workflows: [order], tasks: [charge, ship] });
  const client = await connectClient(nats);
  const id = await client.start(order, 40);
  await client.result(id, { timeoutMs: 20_000 });
  await first.stop(); // the resume goes to another worker
  const second = await startWorker({ nats, workflows: [order], tasks: [charge, ship] });
  const done = await client.resume(id, 'ada', { timeoutMs: 20_000 });
  console.log(`execution ${id}: ${done.state}, ${JSON.stringify(done.output)}`);
  await client.close();
  await second.stop();
  await provider.shutdown();
} finally {
  await server.dispose();
}
