/**
 * Subscription callbacks that never throw. nats.js runs a callback inside its socket reader: an
 * error thrown there closes the reader ("reader closed"), and the connection answers nothing from
 * then on (the HTTP API over NATS answered every request with 500). Garbage on a subject is
 * dropped, logged with the subject, and the next message is read.
 * Guarded by test/security/nats-messages.test.ts.
 */
import type { Msg } from '@nats-io/nats-core';
import type { Logger } from '../engine/logger.js';

type Callback = (error: Error | null, msg: Msg) => void;

export function guarded(logger: Logger, handle: (msg: Msg) => unknown): Callback {
  const dropped = (msg: Msg, error: unknown) =>
    logger.warn(
      `dropped a message on ${msg.subject} that could not be handled: ${error instanceof Error ? error.message : String(error)}`,
    );
  return (error, msg) => {
    if (error) return; // the subscription ended (closed, or refused by the server's permissions)
    try {
      const handled = handle(msg);
      if (handled instanceof Promise) handled.catch((failure: unknown) => dropped(msg, failure));
    } catch (failure) {
      dropped(msg, failure);
    }
  };
}
