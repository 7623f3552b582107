/**
 * A new inbox under the connection's own inbox prefix (`NatsOptions.inboxPrefix`). nats.js's
 * `createInbox()` alone uses `_INBOX` whatever the connection was given, and a user whose
 * permissions allow only `_INBOX_<user>.>` (nats.conf) could not subscribe to it.
 */
import { createInbox, type NatsConnection } from '@nats-io/nats-core';

export function inboxOf(nc: NatsConnection): string {
  // The connection keeps its options; its public type does not show them (nats.js reads them the same way).
  return createInbox((nc as { options?: { inboxPrefix?: string } }).options?.inboxPrefix);
}
