/**
 * NATS as a backend: a client like any other. Workflow bodies run on the workers that serve them,
 * never in this process.
 */
import { connectClient } from '../runtime/nats/client.js';
import type { Backend } from './backend.js';
import { natsConnectError, natsConnectOptions, type NatsLogin } from './nats-login.js';
import { redactCredentials } from './redact.js';

export interface NatsBackendOptions {
  /** The server's URL; credentials in it (`nats://user:password@host`) are used to log in, never printed. */
  url: string;
  prefix?: string | undefined;
  /** How to log in, if not by the URL: user and password, token, credentials file, TLS. */
  login?: NatsLogin | undefined;
}

export async function natsBackend(options: NatsBackendOptions): Promise<Backend> {
  const { url, prefix } = options;
  const client = await connectClient({
    ...natsConnectOptions(url, options.login), maxReconnectAttempts: 3, ...(prefix && { prefix }),
  }).catch((error: unknown) => {
    throw natsConnectError(url, error);
  });
  return {
    description: describe(url, prefix),
    workflows: () => client.workflows(),
    start: (workflow, input, startOptions) => client.start(workflow, input, startOptions),
    result: (executionId, waitOptions = {}) => client.result(executionId, waitOptions),
    resume: (executionId, value, waitOptions = {}) => client.resume(executionId, value, waitOptions),
    cancel: (executionId, waitOptions = {}) => client.cancel(executionId, waitOptions),
    inspect: (executionId) => client.inspect(executionId),
    list: (filter) => client.list(filter),
    watch: (executionId, onEvent) => client.watch(executionId, onEvent),
    close: () => client.close(),
  };
}

/** For messages and `GET /health`: where it is connected, without the URL's password or token. */
function describe(url: string, prefix: string | undefined): string {
  return `nats (${redactCredentials(url)}${prefix ? `, prefix ${prefix}` : ''})`;
}
