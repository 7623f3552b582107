/**
 * The NATS login options of every command that talks to NATS (worker, start, resume, cancel,
 * inspect, list, visualize, server), each with its environment variable. A password or token is
 * better given by its variable: a command line is visible to every user of the machine (ps).
 */
import { Option, type Command } from 'commander';
import type { NatsLogin } from '../control/nats-login.js';

export type NatsLoginFlags = NatsLogin;

/**
 * @param natsToken the flag of the NATS token: `flux server` names it `--nats-token`, its own
 *   `--token` being the HTTP API's bearer token.
 */
export function withNatsLoginOptions(command: Command, natsToken: '--token' | '--nats-token' = '--token'): Command {
  return command
    .addOption(new Option('--user <user>', 'log in to NATS as this user (with --pass)').env('FLUX_NATS_USER'))
    .addOption(
      new Option('--pass <password>', "the user's password (better: $FLUX_NATS_PASS, which ps does not show)").env(
        'FLUX_NATS_PASS',
      ),
    )
    .addOption(
      new Option(`${natsToken} <token>`, 'log in to NATS with a token (better: $FLUX_NATS_TOKEN)').env(
        'FLUX_NATS_TOKEN',
      ),
    )
    .addOption(
      new Option(
        '--creds <file>',
        'log in to NATS with a credentials file (a user JWT and nkey seed, as nsc writes)',
      ).env('FLUX_NATS_CREDS'),
    )
    .addOption(
      new Option('--tls', 'require TLS: refuse a NATS server that does not offer it (else TLS is used when offered)'),
    )
    .addOption(
      new Option('--tls-ca <file>', 'trust NATS servers whose certificate this CA (PEM) signed').env(
        'FLUX_NATS_TLS_CA',
      ),
    )
    .addOption(
      new Option('--tls-cert <file>', 'a client certificate (PEM), for a NATS server that verifies clients').env(
        'FLUX_NATS_TLS_CERT',
      ),
    )
    .addOption(new Option('--tls-key <file>', "the client certificate's key (PEM)").env('FLUX_NATS_TLS_KEY'))
    .addOption(
      new Option(
        '--inbox-prefix <prefix>',
        'where replies come (default _INBOX); under nats.conf _INBOX_<user>, the only inbox a user may read',
      ).env('FLUX_NATS_INBOX_PREFIX'),
    )
    .addHelpText(
      'after',
      '\nCredentials in the NATS URL (nats://user:password@host:4222, or nats://token@host:4222) log in too; ' +
        'no message prints them.',
    );
}

/** The login options of a command's flags (commander has filled them from the variables too). */
export function natsLoginOf(
  flags: NatsLoginFlags & { natsToken?: string },
  natsToken: '--token' | '--nats-token' = '--token',
): NatsLogin {
  const { user, pass, creds, tls, tlsCa, tlsCert, tlsKey, inboxPrefix } = flags;
  const token = natsToken === '--token' ? flags.token : flags.natsToken;
  return { user, pass, token, creds, tls, tlsCa, tlsCert, tlsKey, inboxPrefix };
}
