/**
 * Requests whose replies share one inbox subscription: the acks of log appends and index puts
 * (./acked-publish.ts). The client's own `request()` builds two Error objects (with stack traces) per
 * call, in case it fails; at a request or two per step that was a tenth of a driver's CPU. Here a
 * request costs a token, a timer and a map entry.
 */
import { systemClock, type Clock, type Timer } from '../engine/clock.js';
import { consoleLogger } from '../engine/logger.js';
import { guarded } from './guarded.js';
import { inboxOf } from './inbox.js';
import type { Msg, MsgHdrs, NatsConnection, Subscription } from '@nats-io/nats-core';

/** Nobody listens on the subject (the server's 503 status), or no answer in time. */
export class NoReplyError extends Error {
  constructor(
    readonly subject: string,
    readonly reason: 'no-responders' | 'timeout',
  ) {
    super(reason === 'timeout' ? `no reply on ${subject} in time` : `nobody listens on ${subject}`);
    this.name = 'NoReplyError';
  }
}

interface Waiting {
  subject: string;
  resolve(msg: Msg): void;
  reject(error: Error): void;
  timer: Timer;
}

export class Replies {
  private readonly prefix: string;
  private readonly subscription: Subscription;
  private readonly waiting = new Map<string, Waiting>();
  private next = 0;

  /** @param clock what request timeouts wait on: a server answers in real time, so by default the system's. */
  constructor(
    private readonly nc: NatsConnection,
    private readonly clock: Clock = systemClock,
  ) {
    this.prefix = inboxOf(nc);
    this.subscription = nc.subscribe(`${this.prefix}.*`, {
      callback: guarded(consoleLogger, (msg) => this.onReply(msg)),
    });
  }

  request(subject: string, data: Uint8Array, options: { timeout: number; headers?: MsgHdrs }): Promise<Msg> {
    const token = (++this.next).toString(36);
    return new Promise<Msg>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.waiting.delete(token);
        reject(new NoReplyError(subject, 'timeout'));
      }, options.timeout);
      this.waiting.set(token, { subject, resolve, reject, timer });
      try {
        this.nc.publish(subject, data, {
          reply: `${this.prefix}.${token}`,
          ...(options.headers && { headers: options.headers }),
        });
      } catch (error) {
        timer.clear();
        this.waiting.delete(token);
        reject(error as Error);
      }
    });
  }

  close(): void {
    this.subscription.unsubscribe();
    for (const { timer, reject, subject } of this.waiting.values()) {
      timer.clear();
      reject(new NoReplyError(subject, 'timeout'));
    }
    this.waiting.clear();
  }

  private onReply(msg: Msg): void {
    const token = msg.subject.slice(this.prefix.length + 1);
    const waiting = this.waiting.get(token);
    if (!waiting) return; // too late: its requester gave up
    this.waiting.delete(token);
    waiting.timer.clear();
    if (msg.headers?.code === 503 && msg.data.length === 0)
      waiting.reject(new NoReplyError(waiting.subject, 'no-responders'));
    else waiting.resolve(msg);
  }
}
