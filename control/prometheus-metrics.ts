/**
 * The Prometheus text endpoint of `flux server` (`GET /metrics`) and `flux worker --metrics-port`:
 * registers an OpenTelemetry MeterProvider whose reader renders what the runtime's instruments
 * (runtime/engine/metrics.ts) counted. Its packages are optional peer dependencies, loaded here
 * only: a user who does not scrape metrics does not install them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { metrics } from '@opentelemetry/api';
import { FluxError } from '../runtime/engine/errors.js';

export type MetricsHandler = (req: IncomingMessage, res: ServerResponse) => void;

const PACKAGES = '@opentelemetry/sdk-metrics@2.12 @opentelemetry/exporter-prometheus@0.223';

/** Registers the MeterProvider and returns what answers a scrape; METRICS_UNAVAILABLE without the packages. */
export async function prometheusMetrics(): Promise<MetricsHandler> {
  let sdk: typeof import('@opentelemetry/sdk-metrics');
  let prometheus: typeof import('@opentelemetry/exporter-prometheus');
  try {
    sdk = await import('@opentelemetry/sdk-metrics');
    prometheus = await import('@opentelemetry/exporter-prometheus');
  } catch (error) {
    throw new FluxError(
      'METRICS_UNAVAILABLE',
      `Prometheus metrics need the optional packages ${PACKAGES}: npm install ${PACKAGES}`,
      { cause: error },
    );
  }
  const exporter = new prometheus.PrometheusExporter({ preventServerStart: true });
  metrics.setGlobalMeterProvider(new sdk.MeterProvider({ readers: [exporter] }));
  return (req, res) => exporter.getMetricsRequestHandler(req, res);
}

/** `flux worker --metrics-port`: a server that answers `GET /metrics` and nothing else. */
export function metricsServer(handler: MetricsHandler): Server {
  return createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') return handler(req, res);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('only GET /metrics is served here\n');
  });
}
