/**
 * How the NATS store writes: through a server restart or a leader election it keeps trying, for a
 * while; what can never succeed (a conflict, a refusal, a full store) fails at once.
 */
import { JetStreamApiError } from '@nats-io/jetstream';
import type { Clock } from '../engine/clock.js';
import { FluxError, StoreFullError } from '../engine/errors.js';

/** How long a write keeps trying through a server restart or a leader election before it fails. */
export const WRITE_PATIENCE_MS = 30_000;
/**
 * JetStream's answers for a full store: the account's limits ("resource limits exceeded for
 * account", 10002) or the server's own (`max_file_store`: "insufficient resources", 10047, status
 * 503 like a leader election, but no wait makes room).
 */
const STORE_FULL_CODES: ReadonlySet<number> = new Set([10002, 10047]);

/** Whether a JetStream error says the store is full. */
export function isStoreFull(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (STORE_FULL_CODES.has(error.code) || /maximum bytes exceeded/i.test(error.message))
  );
}

/**
 * Runs a write, trying again while the server is unreachable or electing a leader; conflicts and
 * refusals are final at once, and so is a full store (StoreFullError: waiting will not make room).
 * Anything else that is not a FluxError fails as LOG_WRITE_FAILED once the patience is spent.
 */
export async function retrying<T>(
  what: string,
  executionId: string | undefined,
  write: () => Promise<T>,
  clock: Clock,
): Promise<T> {
  const started = clock.now();
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    try {
      return await write();
    } catch (error) {
      if (isStoreFull(error))
        throw new StoreFullError(`could not ${what}`, { cause: error, ...(executionId && { executionId }) });
      if (error instanceof FluxError) throw error;
      if ((error instanceof JetStreamApiError && error.status !== 503) || clock.now() - started > WRITE_PATIENCE_MS)
        throw new FluxError('LOG_WRITE_FAILED', `could not ${what}: ${(error as Error).message}`, {
          cause: error,
          ...(executionId && { executionId }),
        });
      await new Promise((resolve) => clock.setTimeout(() => resolve(undefined), wait));
    }
  }
}
