/**
 * A SQLite store opened to read only (`readonly`, the file must exist): for a look at recorded
 * executions that must change nothing (`flux replay --check` on a production file). It migrates
 * nothing, beats no lease, and takes no timer.
 */
import Database from 'better-sqlite3';
import { FluxError } from '../engine/errors.js';
import type { StoredEvent, EventType } from '../engine/events.js';
import type { ExecutionRecord, ListFilter } from '../engine/event-store.js';
import type { ExecutionState } from '../engine/execution-state.js';

export interface SqliteReader {
  list(filter?: ListFilter): ExecutionRecord[];
  load(executionId: string): StoredEvent[];
  close(): void;
}

type EventRow = [number, EventType, string, string, string | null, number, number];

export function openSqliteReader(path: string): SqliteReader {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new FluxError('STORE_ERROR', `cannot open ${path} to read: ${(error as Error).message}`, { cause: error });
  }
  const selectLog = db
    .prepare<[string]>(
      'SELECT seq, type, source_id, name, value, time, quick FROM events WHERE execution_id = ? ORDER BY seq',
    )
    .raw(true);
  return {
    list(filter = {}) {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.state) {
        where.push('state = ?');
        params.push(filter.state);
      }
      if (filter.workflow) {
        where.push('workflow = ?');
        params.push(filter.workflow);
      }
      const rows = db
        .prepare(
          `SELECT id, workflow, state, created_at, updated_at FROM executions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`,
        )
        .all(...params) as {
        id: string;
        workflow: string;
        state: ExecutionState;
        created_at: string;
        updated_at: string;
      }[];
      return rows.map((r) => ({
        executionId: r.id,
        workflow: r.workflow,
        state: r.state,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }));
    },
    load(executionId) {
      return (selectLog.all(executionId) as EventRow[]).map(([seq, type, sourceId, name, value, time, quick]) => ({
        seq,
        type,
        sourceId,
        name,
        valueJson: value ?? undefined,
        time,
        ...(quick === 1 && { quick: true }),
      }));
    },
    close() {
      db.close();
    },
  };
}
