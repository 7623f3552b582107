/**
 * Where a worker may send the answer to a command: an inbox its requester can subscribe to. The
 * worker publishes with its own rights, which reach the event log, the index and the buckets; a
 * reply subject chosen by whoever sent the command must never address one of those
 * (test/security/nats-replies.test.ts shows a forged reply turning a paused execution succeeded).
 */

/** Subjects that carry state or the server's API: never a reply, whatever prefix is configured. */
const PRIVILEGED = ['$JS.', '$KV.', '$O.', '$SYS.', '$JSC.', '$NRG.'];
const TOKEN = /^[^\s*>]+$/;
/** Longer subjects make the server close the connection that carries them (max_control_line). */
const MAX_SUBJECT_LENGTH = 1024;

/**
 * The reply prefixes a worker accepts unless told otherwise: NATS clients' default inboxes
 * (`_INBOX.`), and per-user ones (`_INBOX_<user>.`, a connection's `inboxPrefix`), which let
 * nats.conf keep each user from reading another's replies.
 */
export const DEFAULT_REPLY_PREFIXES: readonly string[] = ['_INBOX.', '_INBOX_'];

/**
 * Whether `subject` is a safe place for a reply: under one of `allowed`, outside the deployment's
 * `prefix` and the server's own subjects, and a literal subject (no wildcard, no empty token).
 *
 * @example
 * isReplySubject('_INBOX.abc.1', 'flux');            // true
 * isReplySubject('flux.events.order-1', 'flux');     // false: the event log
 * isReplySubject('$KV.flux_executions.x', 'flux');  // false
 */
export function isReplySubject(
  subject: string,
  prefix: string,
  allowed: readonly string[] = DEFAULT_REPLY_PREFIXES,
): boolean {
  if (!isLiteralSubject(subject)) return false;
  if (subject.startsWith(`${prefix}.`) || PRIVILEGED.some((p) => subject.startsWith(p))) return false;
  return allowed.some((p) => subject.startsWith(p) && subject.length > p.length);
}

/** A subject one message can be published on: no wildcard, no empty token, not over-long. */
export function isLiteralSubject(subject: string): boolean {
  return subject.length <= MAX_SUBJECT_LENGTH && subject.split('.').every((token) => TOKEN.test(token));
}
