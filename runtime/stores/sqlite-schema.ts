/**
 * The tables of the SQLite store, and the migration of an older file to them. Several processes may
 * open one file at once: the migration runs in one write transaction, and the second to get there
 * finds it done.
 */
import type Database from 'better-sqlite3';
import { FluxError } from '../engine/errors.js';

/**
 * 2: executions have an owner (the runtime driving them), and runtimes a heartbeat (./sqlite-leases.ts).
 * 3: executions have their durable timer: when they wake (`wake_at`), or which execution's end wakes them (`awaits`).
 * 4: schedules (./sqlite-schedules.ts).
 * 5: the workflow version an execution runs on: on its WORKFLOW_STARTED event and in the index.
 * 6: indexes for retention: finished executions by their last change, cached outputs by when written.
 */
export const SCHEMA_VERSION = 6;

/** The columns of an event, as `toEvents` reads them (a file older than schema 5 has no version). */
export function eventColumns(schema: number): string {
  return `seq, type, source_id, name, value, time, quick, ${schema >= 5 ? 'version' : 'NULL AS version'}`;
}

const TABLES = `
CREATE TABLE IF NOT EXISTS events (
  execution_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  source_id TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT,
  time INTEGER NOT NULL,
  quick INTEGER NOT NULL DEFAULT 0,
  version TEXT, -- on WORKFLOW_STARTED: the workflow version it runs on
  PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS executions (
  id TEXT PRIMARY KEY,
  workflow TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  owner TEXT, -- the runtime that last wrote it; NULL once released
  wake_at INTEGER, -- epoch ms on the workflow clock: a paused or parked execution wakes then
  awaits TEXT, -- the execution whose end wakes it (a pending onComplete pause)
  version TEXT -- the workflow version it runs on
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS executions_by_state ON executions (state, workflow);
CREATE INDEX IF NOT EXISTS executions_by_wake ON executions (wake_at) WHERE wake_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS executions_by_awaited ON executions (awaits) WHERE awaits IS NOT NULL;
CREATE INDEX IF NOT EXISTS executions_by_end ON executions (updated_at) WHERE state IN ('succeeded', 'failed', 'cancelled');
CREATE TABLE IF NOT EXISTS schedules (
  id TEXT PRIMARY KEY,
  record TEXT NOT NULL, -- the schedule as JSON (runtime/engine/schedule-store.ts)
  look_at INTEGER, -- epoch ms, workflow clock: when its next fire is due; NULL when paused or spent
  has_work INTEGER NOT NULL DEFAULT 0, -- a buffered fire, or fires whose start is unconfirmed
  revision INTEGER NOT NULL -- every write is a compare-and-set on it
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS schedules_by_look ON schedules (look_at) WHERE look_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS task_cache (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL, -- '' for a task that returned nothing
  written_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS task_cache_by_written ON task_cache (written_at);
CREATE TABLE IF NOT EXISTS runtimes (
  id TEXT PRIMARY KEY,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL, -- see ./host-identity.ts
  beat_at INTEGER NOT NULL, -- epoch ms
  expires_at INTEGER NOT NULL -- epoch ms: its lease lapses then unless it beats again
) WITHOUT ROWID;
`;

/** From each older version to the next; version 0 is a new file, which `TABLES` makes whole. */
const STEPS: Record<number, string> = {
  1: 'ALTER TABLE executions ADD COLUMN owner TEXT;',
  2: 'ALTER TABLE executions ADD COLUMN wake_at INTEGER; ALTER TABLE executions ADD COLUMN awaits TEXT;',
  3: '', // the schedules table: made by TABLES
  4: 'ALTER TABLE events ADD COLUMN version TEXT; ALTER TABLE executions ADD COLUMN version TEXT;',
  5: '', // the retention indexes: made by TABLES
};

export function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version === SCHEMA_VERSION) return;
    if (version > SCHEMA_VERSION) {
      throw new FluxError(
        'STORE_TOO_NEW',
        `${path} was written by a newer flux-actors (schema ${version}); this one reads schema ${SCHEMA_VERSION}: upgrade flux-actors`,
      );
    }
    for (let from = version; from > 0 && from < SCHEMA_VERSION; from++) db.exec(STEPS[from]!);
    db.exec(TABLES);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
