/**
 * Where `flux replay --check` reads recorded executions: NATS through a client (which writes
 * nothing), or the embedded SQLite file opened read-only (no runtime: no timer fires, no schedule is
 * declared, nothing is taken over while the check reads).
 */
import type { ReplaySource } from '../runtime/host/replay-check.js';
import { openSqliteReplaySource } from '../runtime/api/read-only-store.js';
import { defaultDatabasePath } from '../runtime/api/create-runtime.js';
import type { NatsLogin } from './nats-login.js';

export interface ReplaySourceChoice {
  nats?: string | undefined;
  prefix?: string | undefined;
  login?: NatsLogin | undefined;
}

export async function openReplaySource(
  choice: ReplaySourceChoice,
): Promise<{ source: ReplaySource; description: string; close(): Promise<void> }> {
  const url = choice.nats ?? process.env.FLUX_NATS_URL;
  if (url) {
    const backend = await (await import('./nats-backend.js')).natsBackend({
      url,
      prefix: choice.prefix,
      login: choice.login,
    });
    return { source: backend, description: backend.description, close: () => backend.close() };
  }
  const path = defaultDatabasePath();
  const source = await openSqliteReplaySource(path);
  return { source, description: `embedded (${path}, read-only)`, close: async () => source.close() };
}
