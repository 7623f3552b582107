/**
 * Picks the backend from the options every face shares: `--nats URL` (or `FLUX_NATS_URL`), else
 * embedded. Only the one chosen is loaded: an embedded command loads no NATS module, and one on
 * NATS no SQLite.
 */
import type { Logger } from '../runtime/engine/logger.js';
import type { Backend } from './backend.js';
import { loadModules, type LoadedModules } from './modules.js';
import type { NatsLogin } from './nats-login.js';

export interface BackendChoice {
  /** A NATS server URL; unset: the embedded runtime. */
  nats?: string | undefined;
  /** Names every stream, bucket and subject on NATS. Default `flux`. */
  prefix?: string | undefined;
  /** How to log in to NATS, if not by credentials in the URL (ignored by the embedded runtime). */
  login?: NatsLogin | undefined;
  /** Modules defining workflows and tasks (run here on the embedded runtime; ignored on NATS). */
  modules?: readonly string[] | undefined;
  /** The embedded runtime whatever the environment says (`flux exec`). */
  embedded?: boolean;
  /** Embedded: take over executions whose driving process died (`createRuntime({ recover: true })`). */
  recover?: boolean;
  /** NATS: where the client reports losing and regaining its server. */
  logger?: Logger | undefined;
  /** Embedded: delete finished executions this long after their end ('30d'); on NATS, workers do. */
  retention?: string | undefined;
}

export async function openBackend(choice: BackendChoice): Promise<{ backend: Backend; modules: LoadedModules }> {
  const modules = await loadModules(choice.modules ?? []);
  const url = choice.embedded ? undefined : (choice.nats ?? process.env.FLUX_NATS_URL);
  const backend = url
    ? await (await import('./nats-backend.js')).natsBackend({
        url,
        prefix: choice.prefix,
        login: choice.login,
        logger: choice.logger,
      })
    : await (await import('./embedded-backend.js')).embeddedBackend(
        modules,
        undefined,
        choice.recover ?? false,
        choice.retention,
      );
  return { backend, modules };
}
