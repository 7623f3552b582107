/** The options every command that talks to executions shares, and opening the backend they choose. */
import { Option, type Command } from 'commander';
import type { Backend } from '../control/backend.js';
import type { LoadedModules } from '../control/modules.js';
import { openBackend } from '../control/open-backend.js';
import { natsLoginOf, withNatsLoginOptions, type NatsLoginFlags } from './nats-login-options.js';

export interface BackendFlags extends NatsLoginFlags {
  nats?: string;
  prefix?: string;
  module?: string[];
  json?: boolean;
}

export function withBackendOptions(command: Command): Command {
  return withNatsLoginOptions(
    command
      .addOption(
        new Option(
          '--nats <url>',
          'a NATS server (default: $FLUX_NATS_URL; unset: the embedded runtime under $FLUX_HOME)',
        ),
      )
      .option('--prefix <prefix>', 'the prefix of every stream, bucket and subject on NATS', 'flux')
      .option(
        '-m, --module <file...>',
        'modules defining the workflows (embedded runtime: their bodies run in this process)',
      )
      .option('--json', 'print JSON'),
  );
}

/** Opens the backend, runs `use`, and closes it whatever happens. */
export async function usingBackend<T>(
  flags: BackendFlags,
  use: (backend: Backend, modules: LoadedModules) => Promise<T>,
): Promise<T> {
  const { backend, modules } = await openBackend({
    nats: flags.nats,
    prefix: flags.prefix,
    login: natsLoginOf(flags),
    modules: flags.module,
  });
  try {
    return await use(backend, modules);
  } finally {
    await backend.close();
  }
}
