/**
 * Metrics through OpenTelemetry's metrics API, served as Prometheus text: what `flux server`'s
 * GET /metrics and `flux worker --metrics-port` answer. The MeterProvider is registered for this
 * file only.
 */
import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { metrics } from '@opentelemetry/api';
import { createRuntime, task, workflow, type ExecutionContext } from 'flux-actors';
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
});
