/**
 * Group commit: everything appended during one turn of the event loop is written in one
 * transaction, with each execution's part isolated so that one execution's conflict does not cost
 * another execution its events.
 */
import type { StoredEvent } from '../events.js';
import type { ExecutionRecord } from './event-store.js';

export interface PendingWrites {
  executionId: string;
  events: StoredEvent[];
  record: ExecutionRecord | undefined;
}

/** Writes one batch; returns the executions whose part failed, with the reason. */
export type BatchWriter = (batch: PendingWrites[]) => Map<string, Error>;

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

export class GroupCommit {
  private pending = new Map<string, PendingWrites>();
  private waiters = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(private readonly write: BatchWriter) {}

  append(executionId: string, event: StoredEvent): void {
    this.writesOf(executionId).events.push(event);
    this.schedule();
  }

  index(record: ExecutionRecord): void {
    this.writesOf(record.executionId).record = record;
    this.schedule();
  }

  commit(executionId: string): Promise<void> {
    if (!this.pending.has(executionId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const list = this.waiters.get(executionId);
      if (list) list.push({ resolve, reject });
      else this.waiters.set(executionId, [{ resolve, reject }]);
    });
  }

  /** Writes what is queued now; used by `close` and by readers that must see their own writes. */
  flushNow(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    const waiters = this.waiters;
    this.pending = new Map();
    this.waiters = new Map();
    let failures: Map<string, Error>;
    try {
      failures = this.write(batch);
    } catch (error) {
      failures = new Map(batch.map((writes) => [writes.executionId, error as Error]));
    }
    for (const [executionId, list] of waiters) {
      const failure = failures.get(executionId);
      for (const waiter of list) failure ? waiter.reject(failure) : waiter.resolve();
    }
  }

  private writesOf(executionId: string): PendingWrites {
    let writes = this.pending.get(executionId);
    if (!writes) {
      writes = { executionId, events: [], record: undefined };
      this.pending.set(executionId, writes);
    }
    return writes;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flushNow());
  }
}
