/**
 * Group commit: everything appended during one turn of the event loop is written in one
 * transaction, with each execution's part isolated so that one execution's failure does not cost
 * another execution its events.
 */
import type { StoredEvent } from '../engine/events.js';
import type { ExecutionRecord, LogWriter } from '../engine/event-store.js';

export interface PendingWrites {
  readonly executionId: string;
  readonly events: readonly StoredEvent[];
  readonly record: ExecutionRecord | undefined;
}

/** Writes one batch; returns the executions whose part failed, with the reason. */
export type BatchWriter = (batch: readonly PendingWrites[]) => Map<string, Error>;

export class GroupCommit {
  private dirty = new Set<BatchedWriter>();
  private scheduled = false;

  constructor(private readonly write: BatchWriter) {}

  writer(executionId: string): LogWriter {
    return new BatchedWriter(executionId, this);
  }

  /** Marks a writer as having something to write in the next batch. */
  enqueue(writer: BatchedWriter): void {
    this.dirty.add(writer);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flushNow());
  }

  /** Writes what is queued now; used by `close` and by readers that must see every write. */
  flushNow(): void {
    this.scheduled = false;
    if (this.dirty.size === 0) return;
    const batch = [...this.dirty];
    this.dirty = new Set();
    let failures: Map<string, Error>;
    try {
      failures = this.write(batch);
    } catch (error) {
      failures = new Map(batch.map((writer) => [writer.executionId, error as Error]));
    }
    for (const writer of batch) writer.written(failures.get(writer.executionId));
  }
}

class BatchedWriter implements LogWriter, PendingWrites {
  events: StoredEvent[] = [];
  record: ExecutionRecord | undefined;
  failure: Error | undefined;
  private waiters: { resolve(): void; reject(error: Error): void }[] = [];
  private failureListener: ((error: Error) => void) | undefined;

  constructor(
    readonly executionId: string,
    private readonly group: GroupCommit,
  ) {}

  append(event: StoredEvent): void {
    if (this.failure) return;
    this.events.push(event);
    this.group.enqueue(this);
  }

  index(record: ExecutionRecord): void {
    if (this.failure) return;
    this.record = record;
    this.group.enqueue(this);
  }

  onFailure(listener: (error: Error) => void): void {
    this.failureListener = listener;
    if (this.failure) this.tell(this.failure);
  }

  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.events.length === 0 && !this.record) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Called by the group once the batch holding this writer's part is written (or failed). */
  written(failure: Error | undefined): void {
    const waiters = this.waiters;
    this.waiters = [];
    this.events = [];
    this.record = undefined;
    if (failure && !this.failure) {
      this.failure = failure;
      this.tell(failure);
    }
    for (const waiter of waiters) failure ? waiter.reject(failure) : waiter.resolve();
  }

  /** On a later microtask: the listener stops a run, which must not happen inside the batch's write. */
  private tell(failure: Error): void {
    const listener = this.failureListener;
    if (listener) queueMicrotask(() => listener(failure));
  }
}
