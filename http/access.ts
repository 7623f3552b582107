/**
 * Who may talk to `flux server`: the checks every request passes before any route sees it.
 *
 * - Host: only the names the server was told to serve (DNS rebinding: a page of attacker.example
 *   whose name now resolves to 127.0.0.1 sends `Host: attacker.example`, and is refused).
 * - Origin and Fetch Metadata: a browser says which site a request comes from; the API answers
 *   only its own page (a page on another origin cannot start, resume or cancel anything, nor hold
 *   streams open through `no-cors` requests).
 * - A bearer token, when the server has one: `Authorization: Bearer <token>`, compared in constant time.
 *
 * A non-browser client (curl, a script) sends neither Origin nor Sec-Fetch-*: the Host check and
 * the token are what apply to it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

/** The names every server answers to, on its own port. */
const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

export interface AccessOptions {
  /** The bearer token every API request must carry; unset: none needed (loopback only, see `listening`). */
  token?: string | undefined;
  /**
   * Host names (or `name:port`) accepted besides the loopback names, e.g. the address the server
   * listens on or the name a proxy forwards. A name without a port matches it on any port.
   */
  allowedHosts?: readonly string[] | undefined;
}

/** Refuses a request whose Host header is not one of the server's own names (403 HOST_NOT_ALLOWED). */
export function checkHost(req: IncomingMessage, allowedHosts: readonly string[]): void {
  const host = req.headers.host?.toLowerCase();
  if (!host) throw new HttpError('HOST_NOT_ALLOWED', 'the request has no Host header: send the name of this server');
  const { name, port } = splitHost(host);
  const ownPort = req.socket.localPort;
  if (LOOPBACK_NAMES.includes(name) && (port ?? 80) === ownPort) return;
  for (const entry of allowedHosts) {
    const allowed = splitHost(entry.toLowerCase());
    if (allowed.name === name && (allowed.port === undefined || allowed.port === (port ?? 80))) return;
  }
  throw new HttpError(
    'HOST_NOT_ALLOWED',
    `Host '${host.slice(0, 100)}' is not a name of this server (it answers to localhost, 127.0.0.1 and [::1] on port ${ownPort}${allowedHosts.length ? ` and to ${allowedHosts.join(', ')}` : ''}): ` +
      'start it with --allowed-host <name> to add one',
  );
}

/**
 * Refuses an API request a browser sends on behalf of another site: an `Origin` that is not this
 * server's, or Fetch Metadata (`Sec-Fetch-Site`) saying it comes from another site (403
 * ORIGIN_NOT_ALLOWED). Runs after `checkHost`, so the Host header names this server.
 */
export function checkOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, req.headers.host!)) {
    throw new HttpError(
      'ORIGIN_NOT_ALLOWED',
      `a request from the page of ${origin.slice(0, 100)} was refused: this API answers only the page it serves itself`,
    );
  }
  // Sent by browsers on every request, also those without an Origin (`no-cors` fetches, <img>, <form> GETs).
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    throw new HttpError(
      'ORIGIN_NOT_ALLOWED',
      `a request from another site (Sec-Fetch-Site: ${site}) was refused: this API answers only the page it serves itself`,
    );
  }
}

/** The shortest token taken: a short one can be guessed over the network. */
export const MIN_TOKEN_LENGTH = 16;

/** Refuses a token a client could not send as one word, or one short enough to guess (BAD_ARGUMENT). */
export function checkTokenChoice(token: string | undefined): void {
  if (token === undefined) return;
  if (!/^[\x21-\x7e]+$/.test(token) || token.length < MIN_TOKEN_LENGTH) {
    throw new HttpError(
      'BAD_ARGUMENT',
      `the server's token must be at least ${MIN_TOKEN_LENGTH} printable ASCII characters without spaces (${token.length} given): make one with openssl rand -hex 32`,
    );
  }
}

/** Refuses a request without this server's bearer token (401 UNAUTHORIZED); nothing to check without one. */
export function checkToken(req: IncomingMessage, token: string | undefined): void {
  if (token === undefined) return;
  const header = req.headers.authorization;
  const given = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
  if (given === undefined) {
    throw new HttpError(
      'UNAUTHORIZED',
      'this server needs a token: send the header Authorization: Bearer <token> (the token flux server was started with: --token or FLUX_TOKEN)',
    );
  }
  if (!sameSecret(given, token))
    throw new HttpError(
      'UNAUTHORIZED',
      "the token sent in Authorization is not this server's: send the one it was started with (--token or FLUX_TOKEN)",
    );
}

/** Compares two secrets in a time that does not depend on where they differ (digests of equal length). */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function sameOrigin(origin: string, host: string): boolean {
  if (origin === 'null') return false; // a sandboxed frame, a file: page, a redirect across origins
  try {
    const url = new URL(origin);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') && url.host === new URL(`${url.protocol}//${host}`).host
    );
  } catch {
    return false;
  }
}

/** `name[:port]`, with an IPv6 literal kept in its brackets. */
function splitHost(host: string): { name: string; port: number | undefined } {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  if (!match) return { name: host, port: undefined };
  return { name: match[1]!, port: match[2] === undefined ? undefined : Number(match[2]) };
}

/** Whether an address a server listens on can be reached from this machine only. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(bare);
}
