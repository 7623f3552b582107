/**
 * Where execution logs live. Each run of an execution writes through its own `LogWriter`: appends are
 * queued and made durable together (group commit), and a caller that needs durability (before
 * reporting a pause or a result) awaits `commit`. A store never holds half of a committed batch, and
 * the index (`ExecutionRecord`) always agrees with the log.
 */
import type { StoredEvent } from './events.js';
import type { ExecutionState, FinishedState } from './execution-state.js';
import type { SecretManager } from './secrets.js';
import type { ScheduleStore } from './schedule-store.js';

/** The index entry of one execution, for `list` and quick look-ups. The log stays the authority. */
export interface ExecutionRecord {
  executionId: string;
  workflow: string;
  state: ExecutionState;
  createdAt: string;
  updatedAt: string;
  /** When a paused or parked execution wakes by itself (epoch ms, workflow clock): its durable timer. */
  wakeAt?: number | undefined;
  /** The execution a pending `onComplete` pause waits on to end. */
  awaits?: string | undefined;
  /** The workflow version it runs on (recorded by its WORKFLOW_STARTED), if any. */
  version?: string | undefined;
}

/** What wakes a paused or parked execution without a resume, as its index entry keeps it. */
export type ExecutionWake = Pick<ExecutionRecord, 'wakeAt' | 'awaits'>;

/** An execution the timer service must wake. */
export interface DueWake {
  executionId: string;
  workflow: string;
  wakeAt: number;
}

/**
 * The durable timers of a store: the wake times of paused and parked executions, kept in its index
 * and committed with the events that set them, so a runtime that opens the store arms them again.
 */
export interface WakeIndex {
  /** The earliest wake time there is, if any. */
  next(): Promise<number | undefined>;
  /** The executions due by `until`, earliest first, at most `limit`. */
  due(until: number, limit: number): Promise<DueWake[]>;
  /** The executions whose pending `onComplete` pause waits on `executionId`. */
  awaiting(executionId: string): Promise<DueWake[]>;
  /** How many executions have a wake time (the `flux.timers.parked` gauge). */
  count?(): Promise<number>;
}

export interface ListFilter {
  state?: ExecutionState;
  workflow?: string;
  /** Only executions pinned to this workflow version. */
  version?: string;
  /** Only executions created at or after this time (ISO 8601, as `createdAt`). */
  createdAfter?: string;
  /** Only executions created before this time (ISO 8601). */
  createdBefore?: string;
  limit?: number;
  /** Skip this many of those selected (newest first): the next page. */
  offset?: number;
}

/** Whether a record passes a filter's conditions (not its limit and offset): for stores that filter in code. */
export function matchesFilter(record: ExecutionRecord, filter: ListFilter): boolean {
  return (
    (!filter.state || record.state === filter.state) &&
    (!filter.workflow || record.workflow === filter.workflow) &&
    (!filter.version || record.version === filter.version) &&
    (!filter.createdAfter || record.createdAt >= filter.createdAfter) &&
    (!filter.createdBefore || record.createdAt < filter.createdBefore)
  );
}

/** The page a filter's offset and limit select. */
export function pageOf<T>(items: T[], filter: ListFilter): T[] {
  const from = filter.offset ?? 0;
  return filter.limit === undefined ? items.slice(from) : items.slice(from, from + filter.limit);
}

/**
 * The writer of one execution's log for one run. Events must arrive with consecutive `seq`
 * numbers. An event whose `seq` is already taken (another process appended first), or any failed
 * write, poisons the writer: nothing of that batch is written, every later append is dropped (a log
 * never gets a gap), and `commit` rejects with the failure from then on.
 */
export interface LogWriter {
  append(event: StoredEvent): void;
  /** Queues an index update, committed atomically with the events queued before it. */
  index(record: ExecutionRecord): void;
  /** Resolves once everything appended so far is durable; rejects once the writer has failed. */
  commit(): Promise<void>;
  /** The failure that poisoned this writer, if any: checked before work that would be wasted. */
  readonly failure: Error | undefined;
  /**
   * Calls `listener` once this writer fails (on a later turn; at once if it has failed already),
   * whether or not anyone awaits a commit: a driver waiting on a long task must learn that its log
   * can no longer be written. A writer that finds its failures only on commit may leave it out.
   */
  onFailure?(listener: (error: Error) => void): void;
}

/**
 * Task results memoised across executions (`task.withOptions({ cache: true })`), by a key from the
 * task name and its arguments. Separate from replay: replay returns what this execution recorded,
 * the cache what any execution computed.
 */
export interface TaskCache {
  /** The cached output's JSON (undefined for a task that returned nothing), or undefined on a miss. */
  read(key: string): Promise<{ valueJson: string | undefined } | undefined>;
  /** Never rejects: a memo that could not be written (a full store) is only a miss next time. */
  write(key: string, valueJson: string | undefined): Promise<void>;
}

/** An execution left running or cancelling by a driver that is gone (or by this runtime, which stopped driving it). */
export interface OrphanedExecution {
  executionId: string;
  workflow: string;
  /** The runtime that drove it, as the store last recorded; undefined once released. */
  owner: string | undefined;
}

export interface LeaseScan {
  orphaned: OrphanedExecution[];
  /** Running executions whose driver is alive in another runtime: left alone. */
  ownedElsewhere: string[];
}

/**
 * Who drives which execution, in a store that several processes share and each drive their own
 * executions in (SQLite; see ./sqlite-leases.ts). A store without them has nothing to take over.
 */
export interface ExecutionLeases {
  /** This runtime, as the store records it as the owner of what it writes. */
  readonly runtimeId: string;
  /** How long a runtime that stopped beating keeps its executions. */
  readonly leaseMs: number;
  scan(): Promise<LeaseScan>;
  /** Makes this runtime the owner if the owner is still the one scanned; false when another runtime was quicker. */
  takeOver(orphan: OrphanedExecution): Promise<boolean>;
}

/** What `ExecutionRemoval.remove` found: the execution deleted, one not finished (kept), or none. */
export type RemoveOutcome = 'deleted' | 'unfinished' | 'missing';

/** Which finished executions `ExecutionRemoval.expired` selects. */
export interface ExpiredFilter {
  /** Those whose last event is older than this (an ISO time on the workflow clock, as `updatedAt`). */
  before: string;
  /** One finished state only; default all three. */
  state?: FinishedState;
  workflow?: string;
  limit: number;
}

/**
 * Deleting finished executions with everything the store keeps for them (log, snapshot, objects,
 * index entry): retention, `flux delete`, `flux purge`. A running, paused or waiting execution is
 * never deleted: the check and the delete are one step, and a driver that was about to write to a
 * log deleted under it gets an `ExecutionConflictError` instead of starting a log with a gap.
 */
export interface ExecutionRemoval {
  /** Finished executions whose last event is older than `before`, oldest first. */
  expired(filter: ExpiredFilter): Promise<ExecutionRecord[]>;
  remove(executionId: string): Promise<RemoveOutcome>;
  /** Forgets the task outputs memoised before `before` (epoch ms, workflow clock). */
  expireCache(before: number): Promise<void>;
}

export interface EventStore {
  readonly kind: string;
  /** Deleting finished executions; a store without it keeps everything. */
  readonly removal?: ExecutionRemoval;
  readonly cache: TaskCache;
  readonly secrets: SecretManager;
  readonly leases?: ExecutionLeases;
  /** Its durable timers; a store without them wakes nothing by itself. */
  readonly wakes?: WakeIndex;
  /** Its schedules; a store without them has none. */
  readonly schedules?: ScheduleStore;
  writer(executionId: string): LogWriter;
  /** The whole log of one execution, in order; empty when it does not exist. */
  load(executionId: string): Promise<StoredEvent[]>;
  /**
   * The events after event `afterSeq`, in order: what a watcher has not seen yet, read without
   * the rest of the log (an idle execution costs one index look-up). A store that cannot read part
   * of a log has none; its callers filter `load`.
   */
  loadAfter?(executionId: string, afterSeq: number): Promise<StoredEvent[]>;
  get(executionId: string): Promise<ExecutionRecord | undefined>;
  list(filter?: ListFilter): Promise<ExecutionRecord[]>;
  close(): Promise<void>;
}
