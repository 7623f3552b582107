/**
 * How a command logs in to NATS: a user and password, a token, a credentials file (a user JWT and
 * its nkey seed), credentials in the URL, and TLS (a CA to trust, a client certificate). Turned
 * into nats.js connection options here, once, for every face (the CLI, `flux server`, a worker).
 *
 * nats.js reads no credentials from a URL (it keeps only the host and port): those of
 * `nats://client:secret@host:4222` are taken out here and given as `user`/`pass` (or `token`).
 */
import { readFileSync } from 'node:fs';
import { credsAuthenticator } from '@nats-io/nats-core';
import { FluxError } from '../runtime/engine/errors.js';
import type { NatsOptions } from '../runtime/nats/nats-runtime.js';
import { redactCredentials } from './redact.js';

export interface NatsLogin {
  user?: string | undefined;
  pass?: string | undefined;
  token?: string | undefined;
  /** A NATS credentials file (`nsc` writes them): a user JWT and the nkey seed that signs for it. */
  creds?: string | undefined;
  /** Refuse a server that does not offer TLS (without it, TLS is used when the server offers it). */
  tls?: boolean | undefined;
  /** The CA (PEM file) the server's certificate must be signed by, instead of the system's. */
  tlsCa?: string | undefined;
  /** A client certificate and its key (PEM files), for a server that verifies clients. */
  tlsCert?: string | undefined;
  tlsKey?: string | undefined;
  /** Where replies come (`_INBOX_<user>` under nats.conf, whose users may read only their own); default `_INBOX`. */
  inboxPrefix?: string | undefined;
}

export type NatsConnectOptions = Pick<
  NatsOptions,
  'servers' | 'user' | 'pass' | 'token' | 'authenticator' | 'tls' | 'inboxPrefix'
>;

/** The ways to give a login, for the message of a refused one. */
const HOW_TO_LOG_IN =
  '--user and --pass, --token, or --creds <file> ' +
  '(or FLUX_NATS_USER and FLUX_NATS_PASS, FLUX_NATS_TOKEN, FLUX_NATS_CREDS), ' +
  'or the user and password in the URL (user:password@ before the host)';

export function natsConnectOptions(url: string, login: NatsLogin = {}): NatsConnectOptions {
  const { server, fromUrl } = splitCredentials(url);
  const given = present(login);
  if (fromUrl && (given.user || given.token || given.creds)) {
    throw invalid(
      `the NATS URL ${redactCredentials(url)} has credentials, and --user, --token or --creds ` +
        '(or FLUX_NATS_USER, FLUX_NATS_TOKEN, FLUX_NATS_CREDS) gives others: give them one way',
    );
  }
  return { servers: server, ...(fromUrl ?? credentialsOf(given)), ...tlsOf(given), ...inboxOf(given) };
}

/**
 * Why connecting failed, in one line that quotes no password: the login refused, an operation the
 * user may not do (a client user cannot create the streams a worker creates), TLS, or no server.
 */
export function natsConnectError(url: string, error: unknown): FluxError {
  if (error instanceof FluxError) return error;
  const where = redactCredentials(url);
  const { name, message: raw } = error instanceof Error ? error : { name: '', message: String(error) };
  const message = redactCredentials(raw);
  if (
    name === 'AuthorizationError' ||
    name === 'UserAuthenticationExpiredError' ||
    /authorization violation|authentication/i.test(raw)
  ) {
    const text = `the NATS server at ${where} refused the login (${message}): give ${HOW_TO_LOG_IN}`;
    return new FluxError('NATS_AUTH_FAILED', text, { cause: error });
  }
  if (/permissions violation for subscription to "_INBOX/i.test(raw)) {
    const text =
      `the NATS server at ${where} does not let this user receive replies on its inbox (${message}): ` +
      'give the inbox prefix its permissions allow with --inbox-prefix (or FLUX_NATS_INBOX_PREFIX), _INBOX_<user> under nats.conf';
    return new FluxError('NATS_PERMISSION_DENIED', text, { cause: error });
  }
  if (name === 'PermissionViolationError' || /permissions violation/i.test(raw)) {
    const text =
      `the NATS server at ${where} does not allow this user what flux needs (${message}): a client user cannot create ` +
      'the streams and buckets, which a worker creates: start a worker first, or log in as a user allowed to';
    return new FluxError('NATS_PERMISSION_DENIED', text, { cause: error });
  }
  if (/\btls\b|certificate|self.signed|ssl/i.test(raw)) {
    const text =
      `TLS with the NATS server at ${where} failed (${message}): check --tls (the server must offer TLS), ` +
      "--tls-ca (the CA that signed the server's certificate), --tls-cert and --tls-key (a client certificate the server trusts)";
    return new FluxError('NATS_TLS_FAILED', text, { cause: error });
  }
  return new FluxError('NATS_UNREACHABLE', `no NATS server reachable at ${where}: ${message}`, { cause: error });
}

/** The URL without its credentials, and those credentials as nats.js options. */
function splitCredentials(url: string): {
  server: string;
  fromUrl?: Pick<NatsConnectOptions, 'user' | 'pass' | 'token'>;
} {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)?(.*)@([^@]*)$/i.exec(url.trim());
  if (!match) return { server: url };
  const [, scheme = '', userinfo = '', host = ''] = match;
  const server = `${scheme}${host}`;
  const colon = userinfo.indexOf(':');
  if (colon < 0) return { server, fromUrl: { token: decoded(userinfo) } };
  return { server, fromUrl: { user: decoded(userinfo.slice(0, colon)), pass: decoded(userinfo.slice(colon + 1)) } };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // not %-encoded after all: the characters as typed
  }
}

/** The options that were given, an empty one (an empty environment variable) counting as not given. */
function present(login: NatsLogin): NatsLogin {
  const given = Object.entries(login).filter(([, value]) => value !== undefined && value !== '' && value !== false);
  return Object.fromEntries(given) as NatsLogin;
}

function credentialsOf(login: NatsLogin): Pick<NatsConnectOptions, 'user' | 'pass' | 'token' | 'authenticator'> {
  const ways = [login.user ?? login.pass, login.token, login.creds].filter((way) => way !== undefined).length;
  if (ways > 1)
    throw invalid(
      'give one way to log in to NATS: --user and --pass, --token, or --creds (their FLUX_NATS_* variables count too)',
    );
  if (login.user !== undefined && login.pass === undefined) throw invalid('--user needs --pass (or FLUX_NATS_PASS)');
  if (login.pass !== undefined && login.user === undefined) throw invalid('--pass needs --user (or FLUX_NATS_USER)');
  if (login.user !== undefined) return { user: login.user, pass: login.pass };
  if (login.token !== undefined) return { token: login.token };
  if (login.creds !== undefined) return { authenticator: credsFrom(login.creds) };
  return {};
}

/** A credentials file read now, and checked: a bad file is named here, not met as an obscure failure to connect. */
function credsFrom(file: string): NonNullable<NatsConnectOptions['authenticator']> {
  const authenticator = credsAuthenticator(readLoginFile(file, '--creds'));
  try {
    authenticator(undefined); // parses the JWT and derives the key from the seed; signs nothing
  } catch (error) {
    const why = (error as Error).message;
    throw invalid(
      `--creds ${file} is not a NATS credentials file (a user JWT and an nkey seed, as nsc writes them): ${why}`,
    );
  }
  return authenticator;
}

function tlsOf(login: NatsLogin): Pick<NatsConnectOptions, 'tls'> {
  if (!login.tls && login.tlsCa === undefined && login.tlsCert === undefined && login.tlsKey === undefined) return {};
  if ((login.tlsCert === undefined) !== (login.tlsKey === undefined)) {
    throw invalid('--tls-cert and --tls-key go together (FLUX_NATS_TLS_CERT, FLUX_NATS_TLS_KEY)');
  }
  const text = (file: string, option: string) => new TextDecoder().decode(readLoginFile(file, option));
  // Any tls object makes nats.js refuse a server that does not offer TLS.
  return {
    tls: {
      ...(login.tlsCa !== undefined && { ca: text(login.tlsCa, '--tls-ca') }),
      ...(login.tlsCert !== undefined && { cert: text(login.tlsCert, '--tls-cert') }),
      ...(login.tlsKey !== undefined && { key: text(login.tlsKey, '--tls-key') }),
    },
  };
}

/** An inbox prefix is one or more subject tokens, not the server's own ($...), no wildcard. */
function inboxOf(login: NatsLogin): Pick<NatsConnectOptions, 'inboxPrefix'> {
  if (login.inboxPrefix === undefined) return {};
  if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(login.inboxPrefix)) {
    throw invalid(
      `--inbox-prefix '${login.inboxPrefix}' is not a subject prefix: tokens of letters, digits, '_' and '-', joined by '.' (for example _INBOX_client)`,
    );
  }
  return { inboxPrefix: login.inboxPrefix };
}

function readLoginFile(file: string, option: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw invalid(`${option} ${file} cannot be read: ${(error as Error).message}`);
  }
}

function invalid(message: string): FluxError {
  return new FluxError('NATS_LOGIN_INVALID', message);
}
