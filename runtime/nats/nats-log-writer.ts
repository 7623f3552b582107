/**
 * The writer of one run of an execution on NATS (`NatsStore.writer`): it turns what the run appends
 * into batches and index updates, and tells the run when they are durable or why they are not.
 */
import type { NatsConnection } from '@nats-io/nats-core';
import type { ExecutionRecord, LogWriter } from '../engine/event-store.js';
import type { StoredEvent } from '../engine/events.js';
import { outboxOf } from './outbox.js';

/** What a writer needs of its store. */
export interface BatchAppender {
  readonly nc: NatsConnection;
  /** Appends events as one or more batches after the one at `lastSeq`; resolves with the stream sequence of the last. */
  appendEvents(executionId: string, events: readonly StoredEvent[], lastSeq: number): Promise<number>;
  putRecord(record: ExecutionRecord): Promise<void>;
}

/**
 * One run's writer: what is appended during a turn of the event loop goes out as one batch, one
 * batch in flight at a time (each expects the previous one's sequence). The index is updated after
 * each batch that changes it, never beside it (a driver whose batch is refused must not touch the
 * index), but the next batch does not wait for that update; a commit waits for both.
 */
export class NatsLogWriter implements LogWriter {
  failure: Error | undefined;
  private failureListener: ((error: Error) => void) | undefined;
  private queued: StoredEvent[] = [];
  private record: ExecutionRecord | undefined;
  private scheduled = false;
  /** The batch being appended. */
  private inFlight: Promise<void> | undefined;
  /** The latest index update, each one after the one before (a later state must not be overwritten by an earlier). */
  private indexing: Promise<void> = Promise.resolve();
  private waiters: { resolve(): void; reject(error: Error): void }[] = [];

  constructor(
    private readonly store: BatchAppender,
    readonly executionId: string,
    private lastSeq: number,
  ) {}

  append(event: StoredEvent): void {
    if (this.failure) return;
    this.queued.push(event);
    this.schedule();
  }

  index(record: ExecutionRecord): void {
    if (this.failure) return;
    this.record = record;
    this.schedule();
  }

  onFailure(listener: (error: Error) => void): void {
    this.failureListener = listener;
    if (this.failure) listener(this.failure);
  }

  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.queued.length === 0 && !this.record)
      return Promise.all([this.inFlight, this.indexing]).then(() => undefined);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    outboxOf(this.store.nc).defer(this.flush);
  }

  /** Sends what is queued, at the end of the turn it was queued in. */
  private readonly flush = (): void => {
    this.scheduled = false;
    if (this.failure || (this.queued.length === 0 && !this.record)) return;
    const events = this.queued;
    const record = this.record;
    const waiters = this.waiters;
    this.queued = [];
    this.record = undefined;
    this.waiters = [];
    const appended = events.length
      ? this.store.appendEvents(this.executionId, events, this.lastSeq).then((seq) => {
          this.lastSeq = seq;
        })
      : Promise.resolve();
    if (record) {
      const previous = this.indexing;
      this.indexing = appended.then(() => previous).then(() => this.store.putRecord(record));
      this.indexing.catch((error: Error) => this.failed(error));
    }
    const inFlight = appended;
    this.inFlight = appended;
    appended.then(
      () => {
        if (this.inFlight === inFlight) this.inFlight = undefined;
        if (this.queued.length || this.record) this.schedule();
      },
      (error: Error) => this.failed(error),
    );
    Promise.all([appended, this.indexing]).then(
      () => {
        for (const waiter of waiters) waiter.resolve();
      },
      (error: Error) => {
        for (const waiter of waiters) waiter.reject(error);
      },
    );
  };

  private failed(error: Error): void {
    if (this.failure) return;
    this.inFlight = undefined;
    this.failure = error;
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters = [];
    this.failureListener?.(error);
  }
}
