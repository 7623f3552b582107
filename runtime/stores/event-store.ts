/**
 * Where execution logs live. Appends are queued and made durable together (group commit); a caller
 * that needs durability (before reporting a pause or a result) awaits `commit`. A store never holds
 * half of a committed batch, and the index (`ExecutionRecord`) always agrees with the log.
 */
import type { StoredEvent } from '../events.js';
import type { ExecutionState } from '../execution-state.js';

/** The index entry of one execution, for `list` and quick look-ups. The log stays the authority. */
export interface ExecutionRecord {
  executionId: string;
  workflow: string;
  state: ExecutionState;
  createdAt: string;
  updatedAt: string;
}

export interface ListFilter {
  state?: ExecutionState;
  workflow?: string;
  limit?: number;
}

export interface EventStore {
  readonly kind: string;
  /**
   * Queues one event. Events of an execution must arrive with consecutive `seq` numbers; an event
   * whose `seq` is already taken (another process appended first) makes that execution's commit
   * fail with `ExecutionConflictError`, and nothing of that execution's batch is written.
   */
  append(executionId: string, event: StoredEvent): void;
  /** Queues an index update, committed atomically with the events queued before it. */
  index(record: ExecutionRecord): void;
  /** Resolves once everything queued for this execution is durable. */
  commit(executionId: string): Promise<void>;
  /** The whole log of one execution, in order; empty when it does not exist. */
  load(executionId: string): Promise<StoredEvent[]>;
  get(executionId: string): Promise<ExecutionRecord | undefined>;
  list(filter?: ListFilter): Promise<ExecutionRecord[]>;
  close(): Promise<void>;
}
