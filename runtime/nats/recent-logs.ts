/**
 * The logs a NATS store has recently read or written, kept in memory so that loading one again costs
 * one round trip (the subject's last sequence) instead of reading and decoding every batch: a resume
 * on the worker that paused the execution, a client polling for a result. An entry is used only
 * while it is complete up to the subject's current last message, whose stream sequence JetStream
 * never gives to another message; otherwise only the missing tail is read.
 */
import type { StoredEvent } from '../engine/events.js';

export interface RecentLog {
  /** The events, oldest first; callers get copies of the array, never this one. */
  readonly events: StoredEvent[];
  /** The stream sequence of the last batch these events include. */
  streamSeq: number;
}

export class RecentLogs {
  private readonly logs = new Map<string, RecentLog>();
  private total = 0;

  /** @param maxEvents how many events all entries may hold together; the least recently used go first. */
  constructor(private readonly maxEvents = 100_000) {}

  get(executionId: string): RecentLog | undefined {
    const log = this.logs.get(executionId);
    if (log) {
      this.logs.delete(executionId); // most recently used last
      this.logs.set(executionId, log);
    }
    return log;
  }

  /** Keeps a copy of a whole log, read up to `streamSeq`. */
  remember(executionId: string, events: readonly StoredEvent[], streamSeq: number): void {
    this.forget(executionId);
    if (events.length > this.maxEvents) return;
    this.logs.set(executionId, { events: events.slice(), streamSeq });
    this.total += events.length;
    this.evict();
  }

  /**
   * Adds a batch just written after the one at `previousSeq`. A log not held from its start, or
   * held only up to some other batch, is dropped: an entry is whole or absent.
   */
  extend(executionId: string, events: readonly StoredEvent[], previousSeq: number, streamSeq: number): void {
    const log = this.logs.get(executionId);
    if (!log) {
      if (events[0]?.seq === 1) this.remember(executionId, events, streamSeq);
      return;
    }
    if (log.streamSeq !== previousSeq || events[0]?.seq !== log.events.length + 1) {
      this.forget(executionId);
      return;
    }
    for (const event of events) log.events.push(event);
    log.streamSeq = streamSeq;
    this.total += events.length;
    this.get(executionId);
    this.evict();
  }

  forget(executionId: string): void {
    const log = this.logs.get(executionId);
    if (!log) return;
    this.logs.delete(executionId);
    this.total -= log.events.length;
  }

  private evict(): void {
    for (const [executionId] of this.logs) {
      if (this.total <= this.maxEvents) return;
      this.forget(executionId);
    }
  }
}
