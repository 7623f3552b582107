/**
 * Timeouts for task attempts without a timer per attempt. A Node timer costs several microseconds
 * to create and clear (it is an async resource), more than a whole task step: attempts that finish
 * in time only mark their entry done. Entries with the same timeout expire in the order they were
 * added, so each timeout value keeps a queue, and one timer waits for the earliest deadline. The
 * timer keeps the process alive only while some attempt is still running (a body that waits for
 * its own timeout must get it), not for deadlines whose attempts already finished.
 */

import { systemClock, type Clock, type Timer } from './clock.js';

export interface Deadline {
  /** When the attempt times out (epoch ms). */
  readonly at: number;
  /** Marks the attempt finished; its timeout will not fire. */
  cancel(): void;
}

/** One attempt's deadline. A class, not a closure per attempt: this is on every guarded task call. */
class Entry implements Deadline {
  done = false;
  constructor(
    readonly at: number,
    readonly onTimeout: () => void,
    private readonly owner: Deadlines,
  ) {}

  cancel(): void {
    if (this.done) return;
    this.done = true;
    this.owner.finished();
  }
}

class Queue {
  private entries: Entry[] = [];
  private head = 0;

  push(entry: Entry): void {
    this.dropDone();
    this.entries.push(entry);
  }

  /** The earliest deadline still pending, if any. */
  first(): Entry | undefined {
    this.dropDone();
    return this.entries[this.head];
  }

  shift(): void {
    this.head++;
  }

  private dropDone(): void {
    while (this.head < this.entries.length && this.entries[this.head]!.done) this.head++;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

export class Deadlines {
  private readonly queues = new Map<number, Queue>();
  private timer: Timer | undefined;
  private timerAt = Infinity;
  /** Attempts added and neither finished nor timed out. */
  private pending = 0;

  /** @param clock what the deadlines are kept on (its timers take any delay: a deadline weeks away must not fire in a millisecond). */
  constructor(readonly clock: Clock = systemClock) {}

  /** Calls `onTimeout` once `timeoutMs` have passed, unless cancelled first. */
  add(timeoutMs: number, onTimeout: () => void): Deadline {
    const entry = new Entry(this.clock.now() + timeoutMs, onTimeout, this);
    if (this.pending++ === 0) this.timer?.ref();
    let queue = this.queues.get(timeoutMs);
    if (!queue) {
      queue = new Queue();
      this.queues.set(timeoutMs, queue);
    }
    queue.push(entry);
    if (entry.at < this.timerAt) this.arm(entry.at);
    return entry;
  }

  /** An attempt ended in time. */
  finished(): void {
    if (--this.pending === 0) this.timer?.unref();
  }

  private arm(at: number): void {
    this.timer?.clear();
    this.timerAt = at;
    this.timer = this.clock.setTimeout(this.fire, Math.max(0, at - this.clock.now()));
    if (this.pending === 0) this.timer.unref();
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    this.timerAt = Infinity;
    const now = this.clock.now();
    let next = Infinity;
    for (const queue of this.queues.values()) {
      for (let entry = queue.first(); entry; entry = queue.first()) {
        if (entry.at > now) {
          next = Math.min(next, entry.at);
          break;
        }
        queue.shift();
        entry.done = true;
        this.pending--;
        entry.onTimeout();
      }
    }
    if (next < Infinity) this.arm(next);
  };
}

/** One per process on the system clock: deadlines are cheap to share. */
export const deadlines = new Deadlines();

/** The deadlines kept on `clock`: the process's own on the system clock, one set per other clock. */
export function deadlinesOn(clock: Clock): Deadlines {
  if (clock === systemClock) return deadlines;
  let kept = onOtherClocks.get(clock);
  if (!kept) {
    kept = new Deadlines(clock);
    onOtherClocks.set(clock, kept);
  }
  return kept;
}

const onOtherClocks = new WeakMap<Clock, Deadlines>();
