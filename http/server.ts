/**
 * `flux server`: the HTTP API over a backend (NATS: a client like any other; embedded: the runtime
 * of this process), and the web page at `/`.
 *
 *   POST /workflows/{name}/run?mode=sync|async|stream   body: the input
 *   POST /executions/{id}/resume                        body: the value
 *   POST /executions/{id}/cancel
 *   GET  /executions/{id}?events=true
 *   GET  /executions/{id}/stream                        SSE: its events (unnamed messages), live, until the client goes
 *   GET  /executions/{id}/picture?format=svg|mermaid|dot|html
 *   GET  /executions?state=&workflow=&limit=
 *   GET  /machines/{name}/picture?format=...
 *   GET  /workflows, GET /health
 *   GET  /schedules, POST /schedules (body: { workflow, id?, cron | every | at, input?, timezone?, ... })
 *   GET | PATCH | DELETE /schedules/{id}, POST /schedules/{id}/pause | resume | trigger
 *
 * Every request passes `admit` first (http/access.ts): its Host must be one of the server's names,
 * a browser's request must come from the server's own page, the token must be sent when the server
 * has one, and a POST (or any body) must be `application/json`.
 */
import type { MetricsHandler } from '../control/prometheus-metrics.js';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Backend } from '../control/backend.js';
import {
  checkHost,
  checkOrigin,
  checkToken,
  checkTokenChoice,
  isLoopbackAddress,
  type AccessOptions,
} from './access.js';
import { hasBody, requireJson } from './body.js';
import { HttpError, sendError } from './errors.js';
import { isPagePath, servePage } from './page.js';
import { apiRoutes, type Route } from './routes.js';
import { streamLimit } from './sse.js';
import { checkExecutionId, checkName, consoleLogger, type Logger } from '../runtime/index.js';

export interface FluxServerOptions extends AccessOptions {
  backend: Backend;
  /** The largest request body taken. Default 1 MiB (NATS's default message limit). */
  bodyLimitBytes?: number;
  /** How many event streams may be open at once; beyond it 503 TOO_MANY_STREAMS. Default 100. */
  maxStreams?: number;
  /** Where errors that are faults of the server (not of the request) are reported. Default: stderr. */
  logger?: Logger;
  /** What answers `GET /metrics` (Prometheus text); without it, 501 METRICS_UNAVAILABLE. */
  metrics?: MetricsHandler | undefined;
}

export const DEFAULT_MAX_STREAMS = 100;

/** What a path parameter is, and the check it passes before any handler sees it. */
const PARAM_CHECKS: Record<Route['params'][number], (value: string) => string> = {
  executionId: (value) => checkExecutionId(value),
  workflow: (value) => checkName(value, 'workflow name'),
  machine: (value) => value, // one of a fixed set: an unknown one is UNKNOWN_MACHINE
  schedule: (value) => checkName(value, 'schedule id'),
};

export function createFluxServer(options: FluxServerOptions): Server {
  checkTokenChoice(options.token);
  const allowedHosts = options.allowedHosts ?? [];
  const logger = options.logger ?? consoleLogger;
  const routes = apiRoutes({
    backend: options.backend,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    streams: streamLimit(options.maxStreams ?? DEFAULT_MAX_STREAMS),
    metrics: options.metrics,
  });

  const server = createServer((req, res) => {
    securityHeaders(res);
    try {
      checkHost(req, allowedHosts);
      const [path, query] = splitTarget(req.url ?? '/');
      if (req.method === 'GET' && isPagePath(path)) return void servePage(path, res);
      checkOrigin(req);
      checkToken(req, options.token);
      const { route, params } = matchRoute(routes, req.method ?? 'GET', path, res);
      if (req.method === 'POST' || hasBody(req)) requireJson(req);
      route
        .handler(req, res, params, new URLSearchParams(query))
        .catch((error: unknown) => sendError(res, error, logger));
    } catch (error) {
      sendError(res, error, logger);
    }
  });
  // Without a token only this machine may connect: refuse to serve anything else (the CLI says so before listening).
  server.on('listening', () => {
    const address = server.address();
    if (typeof address !== 'object' || address === null) return; // a local socket or pipe: this machine only
    if (options.token === undefined && !isLoopbackAddress(address.address)) {
      server.close();
      server.emit('error', tokenRequired(address.address));
    }
  });
  return server;
}

/** Refusal to listen where others can connect without a token: TOKEN_REQUIRED. */
export function tokenRequired(host: string): HttpError {
  return new HttpError(
    'TOKEN_REQUIRED',
    `flux server listens on ${host}, which other machines can reach: give it a token (--token <secret> or FLUX_TOKEN) that every client must send, or listen on 127.0.0.1`,
  );
}

/** Finds the route for a request, its path parameters decoded and checked (404, 405, 400 otherwise). */
function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
  res: ServerResponse,
): { route: Route; params: string[] } {
  const matching = routes.filter((r) => r.pattern.test(path));
  const route = matching.find((r) => r.method === method);
  if (!route) {
    if (matching.length === 0) throw new HttpError('NOT_FOUND', `no such endpoint: ${method} ${path.slice(0, 200)}`);
    const allowed = matching.map((r) => r.method).join(', ');
    res.setHeader('allow', allowed);
    throw new HttpError('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path.slice(0, 200)} (use ${allowed})`);
  }
  const raw = route.pattern.exec(path)!.slice(1);
  const params = raw.map((param, i) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(param);
    } catch {
      throw new HttpError('BAD_ARGUMENT', `the path ${path.slice(0, 200)} has a malformed %-escape`);
    }
    return PARAM_CHECKS[route.params[i]!](decoded);
  });
  return { route, params };
}

/**
 * The path and query of a request target, the path as sent: not resolved the way a URL would be,
 * where `/executions/%2e%2e/cancel` becomes `/cancel` and an id `..` would pass unseen.
 */
function splitTarget(target: string): [string, string] {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/[^?#]*)?(\?[^#]*)?/i.exec(target); // a proxy's absolute form
  const [path, query = ''] = absolute
    ? [absolute[1] ?? '/', (absolute[2] ?? '').slice(1)]
    : target.split('#')[0]!.split(/\?(.*)/s);
  return [path || '/', query];
}

/** Headers on every answer: no sniffing a JSON or SVG answer into a page, no framing (clickjacking). */
function securityHeaders(res: ServerResponse): void {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  // The API's answers are data: opened as a page (a picture in HTML or SVG), they run nothing.
  res.setHeader(
    'content-security-policy',
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; sandbox",
  );
}
