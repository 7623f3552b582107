/**
 * Metrics through OpenTelemetry's metrics API, served as Prometheus text: what `flux server`'s
 * GET /metrics and `flux worker --metrics-port` answer. The MeterProvider is registered for this
 * file only.
 */
import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { metrics } from '@opentelemetry/api';
import { join } from 'node:path';
import {
  connectClient,
  createRuntime,
  pause,
  sleep,
  startWorker,
  task,
  workflow,
  type ExecutionContext,
} from 'flux-actors';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { signal, until } from '../fixtures/wait-for.js';
import { metricsServer, prometheusMetrics, type MetricsHandler } from '../../control/prometheus-metrics.js';
import { rawRequest, startHttpServer } from '../fixtures/http-server.js';

let failuresLeft = 1;
const price = task.withOptions({ retryMaxAttempts: 2, retryDelay: 0 })(async function metricsPrice(item: string) {
  if (failuresLeft-- > 0) throw new Error('the price list is being rebuilt');
  return item.length * 3;
});
const quote = workflow(async function metricsQuote(ctx: ExecutionContext<string>) {
  return price(ctx.input);
});

/** A line of the Prometheus text format: `name{labels} value [timestamp]`, or a comment. */
const SAMPLE =
  /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? -?(\d+(\.\d+)?([eE][+-]?\d+)?|NaN|[+-]Inf)( \d+)?$/;

function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
      return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

const approved = workflow(async function metricsApproved(ctx: ExecutionContext<string>) {
  const priced = await price(ctx.input);
  const by = await pause<string>('approve');
  return `${priced} by ${by} (${await price(by)})`;
});
const monthly = workflow(async function metricsMonthly() {
  await sleep('30d');
});
let gate = signal();
const held = task(async function metricsHeld() {
  await gate.promise;
});
const slow = workflow(async function metricsSlow() {
  await held();
});

describe('metrics as Prometheus text', function () {
  this.timeout(30_000);
  let handler: MetricsHandler;
  before(async () => {
    handler = await prometheusMetrics();
  });
  after(() => metrics.disable());

  it('counts starts, ends, attempts by outcome and retries; every line parses as Prometheus text', async () => {
    const runtime = await createRuntime({ store: 'memory' });
    const server: Server = metricsServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const done = await quote.run('tea', { runtime });
      expect(done.output).to.equal(9);
      const answer = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
      expect(answer.status).to.equal(200);
      const text = await answer.text();
      for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
        expect(line, 'a Prometheus sample line').to.match(SAMPLE);
      expect(sample(text, 'flux_executions_started_total', { workflow: 'metricsQuote' })).to.equal(1);
      expect(sample(text, 'flux_executions_finished_total', { workflow: 'metricsQuote', state: 'succeeded' })).to.equal(
        1,
      );
      expect(sample(text, 'flux_task_attempts_total', { task: 'metricsPrice', outcome: 'failed' })).to.equal(1);
      expect(sample(text, 'flux_task_attempts_total', { task: 'metricsPrice', outcome: 'completed' })).to.equal(1);
      expect(sample(text, 'flux_task_retries_total', { task: 'metricsPrice' })).to.equal(1);
      expect(sample(text, 'flux_task_duration_count', { task: 'metricsPrice' })).to.equal(2);
      expect((await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/other`)).status).to.equal(404);
    } finally {
      server.close();
      await runtime.close();
    }
  });

  it('flux server answers GET /metrics with them, and 501 METRICS_UNAVAILABLE where they are off', async () => {
    const on = await startHttpServer({ metrics: handler });
    const off = await startHttpServer();
    try {
      const scraped = await rawRequest(on.port, 'GET', '/metrics');
      expect(scraped.status).to.equal(200);
      expect(String(scraped.body)).to.contain('flux_executions_started_total');
      const refused = await rawRequest(off.port, 'GET', '/metrics');
      expect([refused.status, refused.body.error?.code]).to.deep.equal([501, 'METRICS_UNAVAILABLE']);
    } finally {
      await on.close();
      await off.close();
    }
  });

  it("times a resumed body's replay, and counts the timers parked", async () => {
    const runtime = await createRuntime({ store: 'memory' });
    try {
      const paused = await approved.run('tea', { runtime });
      await runtime.resume(paused.executionId, 'ana');
      const parked = await monthly.start(undefined, { runtime });
      await until(async () => (await runtime.inspect(parked.executionId)).state === 'waiting' || undefined);
      const text = await scrape(handler);
      expect(sample(text, 'flux_replay_duration_count', { workflow: 'metricsApproved' })).to.equal(1);
      expect(sample(text, 'flux_timers_parked', {})).to.equal(1);
    } finally {
      await runtime.close();
    }
  });

  it('a worker reports the commands waiting for it, by workflow', async () => {
    gate = signal();
    const nats = {
      servers: (await sharedNatsServer()).url,
      prefix: `metrics${process.pid}`,
      secretKeyFile: join(tempDir(), 'secret.key'),
    };
    const worker = await startWorker({ nats, workflows: [slow], tasks: [held], concurrency: 1 });
    const client = await connectClient(nats);
    try {
      for (let i = 0; i < 4; i++) await client.start(slow);
      // One taken (its task held), the others stored: pending for the one slot.
      const waiting = await until(async () => {
        const count = sample(await scrape(handler), 'flux_commands_pending', { workflow: 'metricsSlow' });
        return count !== undefined && count >= 2 ? count : undefined;
      });
      expect(waiting).to.be.at.most(3);
    } finally {
      gate.resolve();
      await client.close();
      await worker.stop();
    }
  });
});

async function scrape(handler: MetricsHandler): Promise<string> {
  const server = metricsServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`)).text();
  } finally {
    server.close();
  }
}
