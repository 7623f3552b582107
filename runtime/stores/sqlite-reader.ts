/**
 * A SQLite store opened to read only (`readonly`, the file must exist): for a look at recorded
 * executions that must change nothing (`flux replay --check` on a production file). It migrates
 * nothing, beats no lease, and takes no timer.
 */
import Database from 'better-sqlite3';
import { FluxError } from '../engine/errors.js';
import type { StoredEvent } from '../engine/events.js';
import type { ExecutionRecord, ListFilter } from '../engine/event-store.js';
import { listRecords, toEvents, type EventRow } from './sqlite-rows.js';
import { eventColumns } from './sqlite-schema.js';

export interface SqliteReader {
  list(filter?: ListFilter): ExecutionRecord[];
  load(executionId: string): StoredEvent[];
  close(): void;
}

export function openSqliteReader(path: string): SqliteReader {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new FluxError('STORE_ERROR', `cannot open ${path} to read: ${(error as Error).message}`, { cause: error });
  }
  const selectLog = db
    .prepare<[string]>(
      `SELECT ${eventColumns(db.pragma('user_version', { simple: true }) as number)} FROM events WHERE execution_id = ? ORDER BY seq`,
    )
    .raw(true);
  return {
    list: (filter = {}) => listRecords(db, filter, 'oldest'),
    load: (executionId) => toEvents(selectLog.all(executionId) as EventRow[]),
    close() {
      db.close();
    },
  };
}
