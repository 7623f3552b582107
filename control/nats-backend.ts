/**
 * NATS as a backend: a client like any other. Workflow bodies run on the workers that serve them,
 * never in this process.
 */
import { connectClient } from '../runtime/nats/client.js';
import { FluxError } from '../runtime/errors.js';
import type { Backend } from './backend.js';

export interface NatsBackendOptions {
  url: string;
  prefix?: string | undefined;
  user?: string | undefined;
  pass?: string | undefined;
}

export async function natsBackend(options: NatsBackendOptions): Promise<Backend> {
  const { url, prefix, user, pass } = options;
  const client = await connectClient({
    servers: url, maxReconnectAttempts: 3, ...(prefix && { prefix }), ...(user && { user }), ...(pass && { pass }),
  }).catch((error: Error) => {
    throw new FluxError('NATS_UNREACHABLE', `no NATS server reachable at ${url}: ${error.message}`, { cause: error });
  });
  return {
    description: `nats (${url}${prefix ? `, prefix ${prefix}` : ''})`,
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
