/**
 * Publishes made during one turn of the event loop, sent together at its end.
 *
 * The NATS client writes to its socket once per microtask checkpoint in which something was
 * published, and Node drains microtasks after every callback: twenty executions each sending a task
 * command and an append in their own callbacks cost forty socket writes. Writes were a fifth of a
 * driver's CPU. Deferred here, everything published in one turn goes out in one write, a few tens of
 * microseconds later.
 */
import type { NatsConnection } from '@nats-io/nats-core';

export class Outbox {
  private first: (() => void)[] = [];
  private queued: (() => void)[] = [];

  /**
   * Runs `send` at the end of this turn (in a `setImmediate`), with every other send deferred
   * meanwhile; `first` ones before the others (task commands before log appends: an executor can
   * start while the server stores the append).
   */
  defer(send: () => void, first = false): void {
    if (this.first.length === 0 && this.queued.length === 0) setImmediate(this.flush);
    (first ? this.first : this.queued).push(send);
  }

  private readonly flush = (): void => {
    const sends = [...this.first, ...this.queued];
    this.first = [];
    this.queued = [];
    for (const send of sends) send();
  };
}

const outboxes = new WeakMap<NatsConnection, Outbox>();

/** The outbox of a connection, shared by everything that publishes on it. */
export function outboxOf(nc: NatsConnection): Outbox {
  let outbox = outboxes.get(nc);
  if (!outbox) outboxes.set(nc, (outbox = new Outbox()));
  return outbox;
}
