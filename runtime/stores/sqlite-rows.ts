/** The rows of the SQLite store's tables as the store and its read-only reader both read them. */
import type Database from 'better-sqlite3';
import type { EventType, StoredEvent } from '../engine/events.js';
import type { ExecutionState } from '../engine/execution-state.js';
import type { ExecutionRecord, ListFilter } from '../engine/event-store.js';

export type EventRow = [number, EventType, string, string, string | null, number, number, string | null];
export type RecordRow = {
  id: string;
  workflow: string;
  state: ExecutionState;
  created_at: string;
  updated_at: string;
  wake_at?: number | null;
  awaits?: string | null;
  version?: string | null;
};

export function toEvents(rows: readonly EventRow[]): StoredEvent[] {
  const events = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [seq, type, sourceId, name, value, time, quick, version] = rows[i]!;
    const event: StoredEvent = { seq, type, sourceId, name, valueJson: value ?? undefined, time };
    if (quick === 1) event.quick = true;
    if (version !== null && version !== undefined) event.version = version;
    events[i] = event;
  }
  return events;
}

export function toRecord(row: RecordRow): ExecutionRecord {
  const record: ExecutionRecord = {
    executionId: row.id,
    workflow: row.workflow,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.wake_at !== null && row.wake_at !== undefined) record.wakeAt = row.wake_at;
  if (row.awaits) record.awaits = row.awaits;
  if (row.version) record.version = row.version;
  return record;
}

/** The executions the filter selects: newest first (`list`), or oldest first (a check going through them). */
export function listRecords(db: Database.Database, filter: ListFilter, order: 'newest' | 'oldest'): ExecutionRecord[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.state) {
    where.push('state = ?');
    params.push(filter.state);
  }
  if (filter.workflow) {
    where.push('workflow = ?');
    params.push(filter.workflow);
  }
  if (filter.version) {
    where.push('version = ?');
    params.push(filter.version);
  }
  if (filter.createdAfter) {
    where.push('created_at >= ?');
    params.push(filter.createdAfter);
  }
  if (filter.createdBefore) {
    where.push('created_at < ?');
    params.push(filter.createdBefore);
  }
  const direction = order === 'newest' ? 'DESC' : 'ASC';
  const sql = `SELECT * FROM executions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at ${direction}, id ${direction} LIMIT ? OFFSET ?`;
  params.push(filter.limit ?? -1, filter.offset ?? 0);
  return (db.prepare(sql).all(...params) as RecordRow[]).map(toRecord);
}
