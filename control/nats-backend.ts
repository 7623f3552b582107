/**
 * NATS as a backend: a client like any other. Workflow bodies run on workers that serve them,
 * never in this process.
 */
import type { Logger } from '../runtime/engine/logger.js';
import { connectClient, type Client } from '../runtime/index.js';
import { FluxError, hasErrorCode } from '../runtime/engine/errors.js';
import type { Backend, BackendHealth } from './backend.js';
import { natsConnectError, natsConnectOptions, type NatsLogin } from './nats-login.js';
import { redactCredentials } from './redact.js';

export interface NatsBackendOptions {
  /** The server's URL; credentials in it (`nats://user:password@host`) are used to log in, never printed. */
  url: string;
  prefix?: string | undefined;
  /** How to log in, if not by the URL: user and password, token, credentials file, TLS. */
  login?: NatsLogin | undefined;
  /** Where the client reports losing and regaining its server. */
  logger?: Logger | undefined;
}

export async function natsBackend(options: NatsBackendOptions): Promise<Backend> {
  const { url, prefix } = options;
  const client = await connectClient({
    // A server that goes away is waited for as long as it takes: the process serves again once it is back.
    ...natsConnectOptions(url, options.login),
    maxReconnectAttempts: -1,
    ...(prefix && { prefix }),
    ...(options.logger && { logger: options.logger }),
  }).catch((error: unknown) => {
    throw natsConnectError(url, error);
  });
  const shown = redactCredentials(url);
  return withUnreachable(shown, {
    description: describe(url, prefix),
    health: () => natsHealth(client, shown),
    workflows: () => client.workflows(),
    start: (workflow, input, startOptions) => client.start(workflow, input, startOptions),
    result: (executionId, waitOptions = {}) => client.result(executionId, waitOptions),
    resume: (executionId, value, { pause, ...waitOptions } = {}) =>
      client.resume(executionId, value, { ...waitOptions, ...(pause !== undefined && { pause }) }),
    cancel: (executionId, waitOptions = {}) => client.cancel(executionId, waitOptions),
    retry: (executionId, waitOptions = {}) => client.retry(executionId, waitOptions),
    fork: (executionId, forkOptions) => client.fork(executionId, forkOptions),
    delete: (executionId) => client.delete(executionId),
    purge: (options) => client.purge(options),
    inspect: (executionId) => client.inspect(executionId),
    list: (filter) => client.list(filter),
    schedules: client.schedules,
    watch: (executionId, onEvent) => client.watch(executionId, onEvent),
    close: () => client.close(),
  });
}

/** How long the health probe waits for JetStream's answer (a request sent while disconnected waits for the reconnect). */
const HEALTH_PATIENCE_MS = 1_500;
/** An id no one gives an execution: reading it costs one direct get, answered "not found". */
const PROBE_ID = '_flux_health_probe';

/**
 * Whether JetStream answers now: a read of the log of an execution that does not exist, which an
 * available server answers at once (found or not) and an unreachable one never does.
 */
async function natsHealth(client: Client, url: string): Promise<BackendHealth> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<BackendHealth>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ok: false,
          reason: `the NATS server at ${url} did not answer within ${HEALTH_PATIENCE_MS} ms (reconnecting)`,
        }),
      HEALTH_PATIENCE_MS,
    );
  });
  const probe = client.inspect(PROBE_ID).then(
    (): BackendHealth => ({ ok: true }),
    (error: FluxError): BackendHealth =>
      hasErrorCode(error, 'EXECUTION_NOT_FOUND')
        ? { ok: true }
        : { ok: false, reason: `the NATS server at ${url}: ${error.message}` },
  );
  try {
    return await Promise.race([probe, gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}

/** The NATS client's errors that say the server is away (the request itself was not wrong). */
const UNREACHABLE_ERRORS: ReadonlySet<string> = new Set([
  'TimeoutError',
  'ClosedConnectionError',
  'DrainingConnectionError',
  'ConnectionError',
  'RequestError',
  'NoRespondersError',
]);

/**
 * The backend with the NATS client's own failures (a request timed out or refused while the server
 * is away) as NATS_UNREACHABLE, which the HTTP API answers 503: the caller may try again later,
 * nothing is wrong with the request. Flux's own errors pass as they are.
 */
function withUnreachable(url: string, backend: Backend): Backend {
  const translate = (error: unknown): never => {
    if (!UNREACHABLE_ERRORS.has((error as Error)?.name)) throw error;
    throw new FluxError(
      'NATS_UNREACHABLE',
      `the NATS server at ${url} did not answer (${(error as Error).message}): try again once it is back`,
      { cause: error },
    );
  };
  const wrapped = { ...backend };
  const calls = [
    'workflows',
    'start',
    'result',
    'resume',
    'cancel',
    'retry',
    'fork',
    'inspect',
    'delete',
    'purge',
    'list',
  ] as const;
  for (const key of calls) {
    const call = backend[key] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as Record<string, unknown>)[key] = (...args: unknown[]) => call(...args).catch(translate);
  }
  return wrapped;
}

/** For messages and `GET /health`: where it is connected, without the URL's password or token. */
function describe(url: string, prefix: string | undefined): string {
  return `nats (${redactCredentials(url)}${prefix ? `, prefix ${prefix}` : ''})`;
}
