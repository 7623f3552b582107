/**
 * Keeping the password or token of a URL out of what is printed: an error message, a backend's
 * description, a log line. `nats://client:secret@host` becomes `nats://client:***@host`, and
 * `nats://token@host` (a token alone) `nats://***@host`.
 */

// Greedy up to the last '@' before a space: a password with an unencoded '@' is hidden whole.
const USERINFO = /([a-z][a-z0-9+.-]*:\/\/)(\S*)@/gi;

export function redactCredentials(text: string): string {
  return text.replace(USERINFO, (_match, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':');
    return `${scheme}${colon < 0 ? '***' : `${userinfo.slice(0, colon)}:***`}@`;
  });
}
