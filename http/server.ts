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
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { follow, type Backend } from '../control/backend.js';
import { EXECUTION_STATES, type ExecutionState } from '../runtime/execution-state.js';
import { executionPicture, machinePicture, type PictureFormat } from '../pictures/index.js';
import { executionJson } from '../control/execution-json.js';
import { readJsonBody } from './body.js';
import { HttpError, sendError } from './errors.js';
import { servePage } from './page.js';
import { openEventStream } from './sse.js';

export interface FluxServerOptions {
  backend: Backend;
  /** The largest request body taken. Default 1 MiB (NATS's default message limit). */
  bodyLimitBytes?: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], query: URLSearchParams) => Promise<void>;

const FORMATS: readonly PictureFormat[] = ['svg', 'mermaid', 'dot', 'html'];
const CONTENT_TYPES: Record<PictureFormat, string> = { svg: 'image/svg+xml', mermaid: 'text/plain; charset=utf-8', dot: 'text/vnd.graphviz; charset=utf-8', html: 'text/html; charset=utf-8' };

export function createFluxServer(options: FluxServerOptions): Server {
  const { backend } = options;
  const limit = options.bodyLimitBytes ?? 1024 * 1024;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const run: Handler = async (req, res, [name], query) => {
    const mode = query.get('mode') ?? 'sync';
    if (!['sync', 'async', 'stream'].includes(mode)) throw new HttpError('BAD_ARGUMENT', `mode must be sync, async or stream, not '${mode}'`);
    const input = await readJsonBody(req, limit);
    const executionId = await backend.start(name!, input);
    if (mode === 'async') return json(res, 202, { executionId, state: 'running', links: { self: `/executions/${executionId}` } });
    if (mode === 'sync') return json(res, 200, executionJson(await backend.result(executionId), query.get('events') === 'true'));
    const stream = openEventStream(res);
    const stop = follow(backend, executionId, (event) => stream.send(event.type, event), (ctx) => {
      stream.send('end', executionJson(ctx, false));
      stream.close();
    }, (error) => (stream.send('error', { code: 'STREAM_FAILED', message: error.message }), stream.close()), { notFoundPatienceMs: 30_000 });
    res.on('close', stop);
  };

  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [
    { method: 'GET', pattern: /^\/health$/, handler: async (_req, res) => json(res, 200, { status: 'ok', backend: backend.description }) },
    { method: 'GET', pattern: /^\/workflows$/, handler: async (_req, res) => json(res, 200, { workflows: await backend.workflows() }) },
    { method: 'POST', pattern: /^\/workflows\/([^/]+)\/run$/, handler: run },
    {
      method: 'POST', pattern: /^\/executions\/([^/]+)\/resume$/,
      handler: async (req, res, [id]) => json(res, 200, executionJson(await backend.resume(id!, await readJsonBody(req, limit)), false)),
    },
    {
      method: 'POST', pattern: /^\/executions\/([^/]+)\/cancel$/,
      handler: async (req, res, [id]) => {
        await readJsonBody(req, limit);
        json(res, 200, executionJson(await backend.cancel(id!), false));
      },
    },
    {
      method: 'GET', pattern: /^\/executions$/,
      handler: async (_req, res, _params, query) => {
        const state = query.get('state') ?? undefined;
        if (state && !(EXECUTION_STATES as readonly string[]).includes(state)) throw new HttpError('BAD_ARGUMENT', `state must be one of ${EXECUTION_STATES.join(', ')}, not '${state}'`);
        const workflow = query.get('workflow') ?? undefined;
        const limitParam = query.get('limit');
        const max = limitParam === null ? undefined : Number(limitParam);
        if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new HttpError('BAD_ARGUMENT', `limit must be a positive integer, not '${limitParam}'`);
        json(res, 200, { executions: await backend.list({ ...(state && { state: state as ExecutionState }), ...(workflow && { workflow }), ...(max && { limit: max }) }) });
      },
    },
    { method: 'GET', pattern: /^\/executions\/([^/]+)$/, handler: async (_req, res, [id], query) => json(res, 200, executionJson(await backend.inspect(id!), query.get('events') === 'true')) },
    {
      method: 'GET', pattern: /^\/executions\/([^/]+)\/stream$/,
      handler: async (_req, res, [id]) => {
        // An unknown id is a 404, not an empty stream; one just started on NATS gets a moment to appear.
        await inspectSoon(backend, id!, 2_000);
        const stream = openEventStream(res);
        // Unnamed messages: the page takes every event the same way.
        const stop = follow(backend, id!, (event) => stream.send(undefined, event), undefined, (error) => {
          stream.send('error', { code: 'STREAM_FAILED', message: error.message });
          stream.close();
        });
        res.on('close', stop);
      },
    },
    {
      method: 'GET', pattern: /^\/executions\/([^/]+)\/picture$/,
      handler: async (_req, res, [id], query) => {
        const format = pictureFormat(query);
        const ctx = await backend.inspect(id!);
        sendPicture(res, format, await executionPicture({ executionId: ctx.executionId, workflow: ctx.name, state: ctx.state, events: ctx.events }, format));
      },
    },
    {
      method: 'GET', pattern: /^\/machines\/([^/]+)\/picture$/,
      handler: async (_req, res, [name], query) => {
        const format = pictureFormat(query);
        sendPicture(res, format, await machinePicture(name!, format));
      },
    },
  ];

  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && servePage(url.pathname, res)) return;
    const matching = routes.filter((route) => route.pattern.test(url.pathname));
    const route = matching.find((r) => r.method === req.method);
    if (!route) {
      if (matching.length === 0) return sendError(res, new HttpError('NOT_FOUND', `no such endpoint: ${req.method} ${url.pathname}`));
      const allowed = matching.map((r) => r.method).join(', ');
      res.setHeader('allow', allowed);
      return sendError(res, new HttpError('METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${url.pathname} (use ${allowed})`));
    }
    let params: string[];
    try {
      params = route.pattern.exec(url.pathname)!.slice(1).map((param) => decodeURIComponent(param));
    } catch {
      return sendError(res, new HttpError('BAD_ARGUMENT', `the path ${url.pathname} has a malformed %-escape`));
    }
    route.handler(req, res, params, url.searchParams).catch((error: unknown) => sendError(res, error));
  });
}

function pictureFormat(query: URLSearchParams): PictureFormat {
  const format = query.get('format') ?? 'svg';
  if (!(FORMATS as readonly string[]).includes(format)) throw new HttpError('BAD_ARGUMENT', `format must be one of ${FORMATS.join(', ')}, not '${format}'`);
  return format as PictureFormat;
}

function sendPicture(res: ServerResponse, format: PictureFormat, body: string): void {
  res.writeHead(200, { 'content-type': CONTENT_TYPES[format] });
  res.end(body);
}

/** Reads an execution, waiting up to `patienceMs` for one that does not exist yet (a worker is about to take its start). */
async function inspectSoon(backend: Backend, executionId: string, patienceMs: number): Promise<void> {
  const until = Date.now() + patienceMs;
  for (;;) {
    try {
      return void (await backend.inspect(executionId));
    } catch (error) {
      if ((error as { code?: string }).code !== 'EXECUTION_NOT_FOUND' || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
