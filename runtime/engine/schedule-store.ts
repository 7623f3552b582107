/**
 * Where schedules live: the port each store implements (memory, SQLite, a NATS KV bucket). A
 * schedule's next fire is its durable timer. Every change is a compare-and-set on the record's
 * revision, so when several processes or workers fire one schedule, exactly one takes each fire.
 */
import type { ScheduleSpec } from './schedule-spec.js';

/** One fire of a schedule: the execution it started, or why it started none. */
export interface ScheduleRun {
  /** The nominal fire time (epoch ms). */
  fireAt: number;
  executionId: string;
  /** Set when the fire started nothing: the previous run was still going, or it was missed. */
  skipped?: 'overlap' | 'missed';
  /** Set for a fire started by `trigger`, not by its time. */
  manual?: boolean;
}

/** A fire taken by a process that has not yet confirmed the start of its execution. */
export interface PendingFire extends ScheduleRun {
  /** The runtime that took it, and until when (real time) the others leave it to it. */
  claimedBy: string;
  claimedUntil: number;
}

export interface ScheduleRecord {
  id: string;
  spec: ScheduleSpec;
  paused: boolean;
  /** The next fire nobody has taken yet (epoch ms); undefined once there is none (a spent `at`). */
  nextFireAt: number | undefined;
  /** When that fire is due: `nextFireAt` plus its jitter. */
  dueAt: number | undefined;
  /** A fire held back (overlap 'bufferOne') until the run before it ends. */
  buffered?: number | undefined;
  /** Declared on its workflow (`withOptions({ schedule })`): reconciled by whoever serves it. */
  declared: boolean;
  /** The latest fires, oldest first (at most `RECENT_RUNS`). */
  recent: ScheduleRun[];
  /** Fires taken whose start is not yet confirmed: taken up again by anyone once their claim lapses. */
  pending: PendingFire[];
  createdAt: number;
  updatedAt: number;
  /** The store's version of the record: 0 for one not yet stored. */
  revision: number;
}

/** How many of its latest fires a schedule keeps. */
export const RECENT_RUNS = 20;

export interface ScheduleStore {
  get(id: string): Promise<ScheduleRecord | undefined>;
  list(): Promise<ScheduleRecord[]>;
  /**
   * Writes the record if the stored one is still at `record.revision` (0: none exists yet);
   * resolves with the stored record (its new revision), or undefined when another write came first.
   */
  put(record: ScheduleRecord): Promise<ScheduleRecord | undefined>;
  /** Deletes it; false when there was none. */
  delete(id: string): Promise<boolean>;
  /** Active schedules whose next fire is due by `until`, or that hold a buffered or pending fire. */
  due(until: number): Promise<ScheduleRecord[]>;
  /** The earliest next fire of an active schedule. */
  next(): Promise<number | undefined>;
}

/** When a stored schedule wants its next look (undefined: only when changed), as stores index it. */
export function lookAt(record: ScheduleRecord): number | undefined {
  return record.paused ? undefined : record.dueAt;
}

/** Whether a schedule holds work that does not wait for a time: a buffered fire, or fires whose start is unconfirmed. */
export function hasWork(record: ScheduleRecord): boolean {
  return !record.paused && (record.buffered !== undefined || record.pending.length > 0);
}
