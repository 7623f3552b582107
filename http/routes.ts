/** The endpoints of the HTTP API, each a handler over the backend (see server.ts for the list). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { withCallerTrace } from '../control/caller-trace.js';
import type { MetricsHandler } from '../control/prometheus-metrics.js';
import { follow, type Backend } from '../control/backend.js';
import { executionJson } from '../control/execution-json.js';
import { executionPicture, graphPathPicture, machinePicture, type PictureFormat } from '../pictures/index.js';
import { readJsonBody } from './body.js';
import { HttpError } from './errors.js';
import { openEventStream, type streamLimit } from './sse.js';
import {
  checkExecutionId,
  checkName,
  checkVersion,
  ID_REUSE_POLICIES,
  type IdReusePolicy,
  EXECUTION_STATES,
  hasErrorCode,
  MAX_NAME_LENGTH,
  type ErrorCode,
  type ExecutionState,
  type ScheduleOptions,
} from '../runtime/index.js';

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], query: URLSearchParams) => Promise<void>;

export interface Route {
  method: string;
  pattern: RegExp;
  /** What each captured path segment is: checked (server.ts) before the handler runs. */
  params: ('executionId' | 'workflow' | 'machine' | 'schedule')[];
  handler: Handler;
}

export interface RouteContext {
  backend: Backend;
  bodyLimitBytes: number;
  streams: ReturnType<typeof streamLimit>;
  /** What answers `GET /metrics`, when Prometheus metrics are on. */
  metrics?: MetricsHandler | undefined;
}

const FORMATS: readonly PictureFormat[] = ['svg', 'mermaid', 'dot', 'html'];
const CONTENT_TYPES: Record<PictureFormat, string> = {
  svg: 'image/svg+xml',
  mermaid: 'text/plain; charset=utf-8',
  dot: 'text/vnd.graphviz; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The caller's own id for what it starts: `?id=` or an Idempotency-Key header, checked. */
function callerId(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const key = query.get('id') ?? req.headers['idempotency-key'];
  return typeof key === 'string' && key !== '' ? checkExecutionId(key) : undefined;
}

export function apiRoutes({ backend, bodyLimitBytes: limit, streams, metrics }: RouteContext): Route[] {
  const run: Handler = async (req, res, [name], query) => {
    const mode = query.get('mode') ?? 'sync';
    if (!['sync', 'async', 'stream'].includes(mode))
      throw new HttpError('BAD_ARGUMENT', `mode must be sync, async or stream, not '${mode}'`);
    // The same id and input is the same start, another input under it is refused (EXECUTION_EXISTS).
    const ownId = callerId(req, query);
    // `?version=`: run on that version of the workflow (default: the newest served).
    const version = query.get('version') || undefined;
    if (version !== undefined) checkVersion(version);
    // `?idReuse=allowIfFinished`: a new run under `id` once the execution there has finished.
    const idReuse = query.get('idReuse') || undefined;
    if (idReuse !== undefined && !(ID_REUSE_POLICIES as readonly string[]).includes(idReuse))
      throw new HttpError(
        'BAD_ARGUMENT',
        `idReuse must be one of ${ID_REUSE_POLICIES.join(', ')}, not '${idReuse.slice(0, 40)}'`,
      );
    const input = await readJsonBody(req, limit);
    if (mode === 'stream') streams.reserve(res); // before the start: a refused stream starts nothing
    // A request that carries a trace context: the execution's first run links to it.
    const executionId = await withCallerTrace(req.headers.traceparent, () =>
      backend.start(name!, input, {
        ...(ownId !== undefined && { executionId: ownId }),
        ...(version !== undefined && { version }),
        ...(idReuse !== undefined && { idReuse: idReuse as IdReusePolicy }),
      }),
    );
    if (mode === 'async')
      return json(res, 202, { executionId, state: 'running', links: { self: `/executions/${executionId}` } });
    if (mode === 'sync')
      return json(res, 200, executionJson(await backend.result(executionId), query.get('events') === 'true'));
    const stream = openEventStream(res);
    const stop = follow(
      backend,
      executionId,
      (event) => stream.send(event.type, event),
      (ctx) => {
        stream.send('end', executionJson(ctx, false));
        stream.close();
      },
      (error) => {
        stream.send('error', { code: 'STREAM_FAILED' satisfies ErrorCode, message: error.message });
        stream.close();
      },
      { notFoundPatienceMs: 30_000 },
    );
    res.on('close', stop);
  };

  const streamEvents: Handler = async (_req, res, [id]) => {
    streams.reserve(res);
    // An unknown id is a 404, not an empty stream; one just started on NATS gets a moment to appear.
    await inspectSoon(backend, id!, 2_000);
    const stream = openEventStream(res);
    // Unnamed messages: the page takes every event the same way.
    const stop = follow(
      backend,
      id!,
      (event) => stream.send(undefined, event),
      undefined,
      (error) => {
        stream.send('error', { code: 'STREAM_FAILED' satisfies ErrorCode, message: error.message });
        stream.close();
      },
    );
    res.on('close', stop);
  };

  const list: Handler = async (_req, res, _params, query) => {
    const state = query.get('state') ?? undefined;
    if (state && !(EXECUTION_STATES as readonly string[]).includes(state))
      throw new HttpError('BAD_ARGUMENT', `state must be one of ${EXECUTION_STATES.join(', ')}, not '${state}'`);
    const workflow = query.get('workflow') || undefined;
    if (workflow) checkName(workflow, 'workflow name');
    const version = query.get('version') || undefined;
    if (version) checkVersion(version);
    const limitParam = query.get('limit');
    const max = limitParam === null ? undefined : Number(limitParam);
    if (max !== undefined && (!Number.isInteger(max) || max < 1))
      throw new HttpError('BAD_ARGUMENT', `limit must be a positive integer, not '${limitParam}'`);
    const offsetParam = query.get('offset');
    const offset = offsetParam === null ? undefined : Number(offsetParam);
    if (offset !== undefined && (!Number.isInteger(offset) || offset < 0))
      throw new HttpError('BAD_ARGUMENT', `offset must be an integer from 0, not '${offsetParam}'`);
    const createdAfter = isoTime(query, 'createdAfter');
    const createdBefore = isoTime(query, 'createdBefore');
    json(res, 200, {
      executions: await backend.list({
        ...(state && { state: state as ExecutionState }),
        ...(workflow && { workflow }),
        ...(version && { version }),
        ...(createdAfter && { createdAfter }),
        ...(createdBefore && { createdBefore }),
        ...(max && { limit: max }),
        ...(offset && { offset }),
      }),
    });
  };

  // Liveness: the process serves requests (a probe that restarts it must not do so because NATS is away).
  const health: Handler = async (_req, res) => {
    json(res, 200, { status: 'ok', backend: backend.description, streams: streams.open });
  };

  // Readiness: the backend can be reached, so requests can be served (503 while NATS is away).
  const ready: Handler = async (_req, res) => {
    const { ok, reason } = await backend.health();
    json(res, ok ? 200 : 503, {
      status: ok ? 'ok' : 'unavailable',
      backend: backend.description,
      ...(reason && { reason }),
      streams: streams.open,
    });
  };

  return [
    { method: 'GET', pattern: /^\/health$/, params: [], handler: health },
    { method: 'GET', pattern: /^\/ready$/, params: [], handler: ready },
    {
      method: 'GET',
      pattern: /^\/metrics$/,
      params: [],
      handler: async (req, res) => {
        if (!metrics)
          throw new HttpError(
            'METRICS_UNAVAILABLE',
            'this server has no Prometheus metrics: their optional packages are not installed',
          );
        metrics(req, res);
      },
    },
    {
      method: 'GET',
      pattern: /^\/workflows$/,
      params: [],
      handler: async (_req, res) => json(res, 200, { workflows: await backend.workflows() }),
    },
    { method: 'POST', pattern: /^\/workflows\/([^/]+)\/run$/, params: ['workflow'], handler: run },
    {
      method: 'POST',
      pattern: /^\/executions\/([^/]+)\/resume$/,
      params: ['executionId'],
      // The body is the value (as it always was); `?pause=<name>` names the pause it answers.
      handler: async (req, res, [id], query) => {
        const pause = query.get('pause') ?? undefined;
        const value = await readJsonBody(req, limit);
        const resumed = await withCallerTrace(req.headers.traceparent, () => backend.resume(id!, value, { pause }));
        json(res, 200, executionJson(resumed, false));
      },
    },
    {
      method: 'POST',
      pattern: /^\/executions\/([^/]+)\/cancel$/,
      params: ['executionId'],
      // `?rollback=true`: the rollbacks of its completed tasks run first.
      handler: async (req, res, [id], query) => {
        await readJsonBody(req, limit);
        const rollback = query.get('rollback');
        if (rollback !== null && rollback !== 'true' && rollback !== 'false')
          throw new HttpError('BAD_ARGUMENT', "rollback is 'true' or 'false'");
        json(res, 200, executionJson(await backend.cancel(id!, { rollback: rollback === 'true' }), false));
      },
    },
    {
      method: 'POST',
      pattern: /^\/executions\/([^/]+)\/retry$/,
      params: ['executionId'],
      handler: async (req, res, [id]) => {
        await readJsonBody(req, limit);
        json(res, 200, executionJson(await backend.retry(id!), false));
      },
    },
    {
      method: 'POST',
      pattern: /^\/executions\/([^/]+)\/fork$/,
      params: ['executionId'],
      // `?from=<step>` (its number, task id or task name); the fork's own id as `?id=` or an Idempotency-Key.
      handler: async (req, res, [id], query) => {
        await readJsonBody(req, limit);
        const from = query.get('from');
        if (!from) throw new HttpError('BAD_ARGUMENT', 'from (the step to fork from) is required');
        if (from.length > MAX_NAME_LENGTH)
          throw new HttpError('BAD_ARGUMENT', `from is longer than ${MAX_NAME_LENGTH} characters`);
        const ownId = callerId(req, query);
        const forkId = await backend.fork(id!, { from, ...(ownId && { executionId: ownId }) });
        json(res, 202, {
          executionId: forkId,
          forkedFrom: id,
          state: 'running',
          links: { self: `/executions/${forkId}` },
        });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/executions\/([^/]+)$/,
      params: ['executionId'],
      // A finished execution, with everything kept for it; a running or paused one is refused (409).
      handler: async (_req, res, [id]) => {
        await backend.delete(id!);
        res.writeHead(204).end();
      },
    },
    { method: 'GET', pattern: /^\/executions$/, params: [], handler: list },
    {
      method: 'GET',
      pattern: /^\/executions\/([^/]+)$/,
      params: ['executionId'],
      handler: async (_req, res, [id], query) =>
        json(res, 200, executionJson(await backend.inspect(id!), query.get('events') === 'true')),
    },
    { method: 'GET', pattern: /^\/executions\/([^/]+)\/stream$/, params: ['executionId'], handler: streamEvents },
    {
      method: 'GET',
      pattern: /^\/executions\/([^/]+)\/picture$/,
      params: ['executionId'],
      handler: async (_req, res, [id], query) => {
        const format = pictureFormat(query);
        const ctx = await backend.inspect(id!);
        sendPicture(
          res,
          format,
          await executionPicture(
            { executionId: ctx.executionId, workflow: ctx.name, state: ctx.state, events: ctx.events },
            format,
          ),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/executions\/([^/]+)\/graph$/,
      params: ['executionId'],
      // The workflow Graph whose nodes ran this execution's tasks, with the path it took; 404 where there is none.
      handler: async (_req, res, [id], query) => {
        const format = pictureFormat(query);
        const ctx = await backend.inspect(id!);
        for (const graph of backend.graphs?.() ?? []) {
          const picture = await graphPathPicture(graph, ctx, format);
          if (picture !== undefined) return sendPicture(res, format, picture);
        }
        throw new HttpError('NOT_FOUND', `no Graph loaded here runs the tasks of execution ${ctx.executionId}`);
      },
    },
    {
      method: 'GET',
      pattern: /^\/schedules$/,
      params: [],
      handler: async (_req, res) => json(res, 200, { schedules: await backend.schedules.list() }),
    },
    {
      method: 'POST',
      pattern: /^\/schedules$/,
      params: [],
      handler: async (req, res) => {
        const { workflow, ...options } = scheduleBody(await readJsonBody(req, limit), true);
        json(res, 201, await backend.schedules.create(workflow!, options));
      },
    },
    {
      method: 'GET',
      pattern: /^\/schedules\/([^/]+)$/,
      params: ['schedule'],
      handler: async (_req, res, [id]) => json(res, 200, await backend.schedules.get(id!)),
    },
    {
      method: 'PATCH',
      pattern: /^\/schedules\/([^/]+)$/,
      params: ['schedule'],
      handler: async (req, res, [id]) => {
        const {
          workflow: _fixed,
          id: _same,
          paused: _byVerb,
          ...change
        } = scheduleBody(await readJsonBody(req, limit), false);
        json(res, 200, await backend.schedules.update(id!, change));
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/schedules\/([^/]+)$/,
      params: ['schedule'],
      handler: async (_req, res, [id]) => {
        await backend.schedules.delete(id!);
        res.writeHead(204).end();
      },
    },
    ...(['pause', 'resume', 'trigger'] as const).map(
      (verb): Route => ({
        method: 'POST',
        pattern: new RegExp(`^/schedules/([^/]+)/${verb}$`),
        params: ['schedule'],
        handler: async (req, res, [id]) => {
          await readJsonBody(req, limit);
          if (verb === 'trigger') return json(res, 202, { executionId: await backend.schedules.trigger(id!) });
          json(res, 200, await backend.schedules[verb](id!));
        },
      }),
    ),
    {
      method: 'GET',
      pattern: /^\/machines\/([^/]+)\/picture$/,
      params: ['machine'],
      handler: async (_req, res, [name], query) =>
        sendPicture(res, pictureFormat(query), await machinePicture(name!, pictureFormat(query))),
    },
  ];
}

const SCHEDULE_FIELDS: Record<string, 'string' | 'duration' | 'instant' | 'boolean' | 'any'> = {
  workflow: 'string',
  id: 'string',
  cron: 'string',
  every: 'duration',
  at: 'instant',
  input: 'any',
  timezone: 'string',
  overlap: 'string',
  catchup: 'string',
  jitter: 'duration',
  paused: 'boolean',
  startAt: 'instant',
};

/** A schedule as a request body gives it: an object of known fields, each of its type (the runtime checks the rest). */
function scheduleBody(body: unknown, create: boolean): ScheduleOptions & { workflow?: string; id?: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new HttpError('BAD_ARGUMENT', 'the body must be a JSON object describing the schedule');
  for (const [key, value] of Object.entries(body)) {
    const kind = SCHEDULE_FIELDS[key];
    if (!kind) throw new HttpError('BAD_ARGUMENT', `unknown schedule field '${key.slice(0, 40)}'`);
    const ok =
      kind === 'any' ||
      (kind === 'string' && typeof value === 'string') ||
      (kind === 'boolean' && typeof value === 'boolean') ||
      ((kind === 'duration' || kind === 'instant') && (typeof value === 'string' || typeof value === 'number'));
    if (!ok) throw new HttpError('BAD_ARGUMENT', `schedule field '${key}' must be a ${kind}`);
  }
  const fields = body as ScheduleOptions & { workflow?: string; id?: string };
  if (create && fields.workflow === undefined) throw new HttpError('BAD_ARGUMENT', "a schedule needs its 'workflow'");
  return fields;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function pictureFormat(query: URLSearchParams): PictureFormat {
  const format = query.get('format') ?? 'svg';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new HttpError('BAD_ARGUMENT', `format must be one of ${FORMATS.join(', ')}, not '${format}'`);
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
      if (!hasErrorCode(error, 'EXECUTION_NOT_FOUND') || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A time parameter, as the index keeps times (ISO 8601, UTC); any form `Date` reads is taken. */
function isoTime(query: URLSearchParams, name: string): string | undefined {
  const text = query.get(name);
  if (!text) return undefined;
  const time = text.length <= 40 ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(time))
    throw new HttpError('BAD_ARGUMENT', `${name} must be a time such as 2026-12-07T10:00:00Z`);
  return new Date(time).toISOString();
}
