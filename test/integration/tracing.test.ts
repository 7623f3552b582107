/**
 * Traces through OpenTelemetry (an SDK with an in-memory exporter registered for this file only):
 * one trace per execution, a span per run and per task attempt, the retries as events, none for a replayed step; on NATS the executor's spans join the driver's trace.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { context, trace as otelTrace } from '@opentelemetry/api';
import {
  connectClient,
  createRuntime,
  pause,
  startWorker,
  task,
  taskContext,
  workflow,
  type ExecutionContext,
  type Runtime,
} from 'flux-actors';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { executionTraceId } from '../../runtime/engine/tracing.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { parentOf, useTracing } from '../fixtures/tracing.js';
import { until } from '../fixtures/wait-for.js';
import { JSON_TYPE, rawRequest, startHttpServer } from '../fixtures/http-server.js';

let failuresLeft = 0;
const reserve = task.withOptions({ retryMaxAttempts: 2, retryDelay: 0 })(async function tracedReserve(n: number) {
  if (failuresLeft-- > 0) throw new Error('the stock service hiccuped');
  return `slot-${n}`;
});
const ship = task(async function tracedShip(slot: string, by: string) {
  // The body's own span, nested under its attempt's.
  otelTrace.getTracer('test').startSpan('carrier api', {}, taskContext().traceContext).end();
  return `${slot} shipped (${by})`;
});
const order = workflow(async function tracedOrder(ctx: ExecutionContext<number>) {
  const slot = await reserve(ctx.input);
  const by = await pause<string>('approve');
  return ship(slot, by);
});

const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);

/** The checks every runtime must pass: one trace, the runs, the commands and attempts, no replayed step. */
function checkTrace(spans: ReadableSpan[], executionId: string) {
  const traceId = executionTraceId(executionId);
  const mine = spans.filter((s) => s.attributes['flux.execution.id'] === executionId);
  expect(mine.length).to.be.greaterThan(0);
  for (const span of mine) expect(span.spanContext().traceId, span.name).to.equal(traceId);
  const runs = named(mine, 'flux.run tracedOrder');
  expect(runs.map((r) => r.attributes['flux.run.kind'])).to.deep.equal(['start', 'resume']);
  expect(runs.map((r) => r.attributes['flux.execution.state'])).to.deep.equal(['paused', 'succeeded']);
  // The reserve command ran once (the resume replays it: no span): two attempts, the retry an event of the first.
  const reserves = named(mine, 'flux.task tracedReserve');
  expect(reserves.map((a) => [a.attributes['flux.task.attempt'], a.attributes['flux.task.outcome']])).to.deep.equal([
    [1, 'failed'],
    [2, 'completed'],
  ]);
  for (const attempt of reserves) expect(parentOf(attempt)).to.equal(runs[0]!.spanContext().spanId);
  expect(reserves[0]!.events.map((e) => e.name)).to.include('TASK_RETRY_STARTED');
  const ships = named(mine, 'flux.task tracedShip');
  expect(ships).to.have.length(1);
  expect(parentOf(ships[0]!)).to.equal(runs[1]!.spanContext().spanId);
  const carrier = spans.filter((s) => s.name === 'carrier api' && s.spanContext().traceId === traceId);
  expect(carrier.map(parentOf)).to.deep.equal([ships[0]!.spanContext().spanId]);
}

describe('traces through OpenTelemetry', function () {
  this.timeout(60_000);
  const tracing = useTracing();
  beforeEach(() => {
    tracing.reset();
    failuresLeft = 1;
  });

  it('embedded: one trace per execution, a span per run and per task, its attempts, no span for a replayed step', async () => {
    const runtime: Runtime = await createRuntime({ store: 'memory' });
    try {
      const paused = await order.run(4, { runtime });
      const done = await runtime.resume(paused.executionId, 'ada');
      expect(done.output).to.equal('slot-4 shipped (ada)');
      checkTrace(tracing.spans(), paused.executionId);
    } finally {
      await runtime.close();
    }
  });

  it("links a start to the caller's span (a traced request)", async () => {
    const runtime: Runtime = await createRuntime({ store: 'memory' });
    try {
      const caller = otelTrace.getTracer('test').startSpan('POST /workflows/tracedOrder/run');
      const ctx = await otelTrace.getTracer('test').startActiveSpan('handler', async (span) => {
        const started = await order.run(5, { runtime });
        span.end();
        return started;
      });
      caller.end();
      // The run's span ends once its pause has drained.
      const run = await until(() =>
        named(tracing.spans(), 'flux.run tracedOrder').find(
          (s) => s.attributes['flux.execution.id'] === ctx.executionId,
        ),
      );
      const handler = named(tracing.spans(), 'handler')[0]!;
      expect(run!.links.map((l) => l.context.spanId)).to.deep.equal([handler.spanContext().spanId]);
    } finally {
      await runtime.close();
    }
  });

  it('NATS: started on one worker, resumed on another; the executors carry the trace in their headers', async () => {
    const { url } = await sharedNatsServer();
    const nats = { servers: url, prefix: `trace${process.pid}`, secretKeyFile: join(tempDir(), 'secret.key') };
    const first = await startWorker({ nats, workflows: [order], tasks: [reserve, ship] });
    const client = await connectClient(nats);
    try {
      // Sent from inside a traced span: the run the worker begins links to it (the header travels with the command).
      const sender = otelTrace.getTracer('test').startSpan('client call');
      const id = await context.with(otelTrace.setSpan(context.active(), sender), () => client.start(order, 6));
      sender.end();
      expect((await client.result(id, { timeoutMs: 20_000 })).state).to.equal('paused');
      await first.stop();
      const second = await startWorker({ nats, workflows: [order], tasks: [reserve, ship] });
      try {
        const done = await client.resume(id, 'bob', { timeoutMs: 20_000 });
        expect(done.output).to.equal('slot-6 shipped (bob)');
      } finally {
        await second.stop();
      }
      checkTrace(tracing.spans(), id);
      const [firstRun] = named(tracing.spans(), 'flux.run tracedOrder').filter(
        (s) => s.attributes['flux.execution.id'] === id,
      );
      expect(firstRun!.links.map((l) => l.context.spanId)).to.deep.equal([sender.spanContext().spanId]);
    } finally {
      await client.close();
    }
  });

  it('HTTP: a request carrying a traceparent links the run it starts to the caller', async () => {
    const http = await startHttpServer();
    try {
      const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
      const answer = await rawRequest(
        http.port,
        'POST',
        '/workflows/expenseApproval/run?mode=sync',
        { ...JSON_TYPE, traceparent },
        '30',
      );
      expect(answer.body.state).to.equal('paused');
      const run = await until(() =>
        tracing
          .spans()
          .find(
            (s) =>
              s.name === 'flux.run expenseApproval' && s.attributes['flux.execution.id'] === answer.body.executionId,
          ),
      );
      expect(run.links.map((l) => [l.context.traceId, l.context.spanId])).to.deep.equal([
        ['0af7651916cd43dd8448eb211c80319c', 'b7ad6b7169203331'],
      ]);
      expect(run.spanContext().traceId).to.equal(executionTraceId(answer.body.executionId));
    } finally {
      await http.close();
    }
  });
});
