/**
 * The durable embedded store: one SQLite file (WAL) that several processes may open, so a process
 * can resume what another one paused. Events of one execution are clustered by the primary key
 * (execution id, seq), and the key doubles as the guard against two processes driving one execution.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SqliteSecrets } from '../secrets.js';
import { ExecutionConflictError, FluxError } from '../errors.js';
import type { EventType, StoredEvent } from '../events.js';
import type { ExecutionState } from '../execution-state.js';
import type { EventStore, ExecutionRecord, ListFilter, LogWriter, TaskCache } from './event-store.js';
import { GroupCommit, type PendingWrites } from './group-commit.js';

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  execution_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  source_id TEXT NOT NULL,
  name TEXT NOT NULL,
  value TEXT,
  time INTEGER NOT NULL,
  quick INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (execution_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS executions (
  id TEXT PRIMARY KEY,
  workflow TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS executions_by_state ON executions (state, workflow);
CREATE TABLE IF NOT EXISTS task_cache (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL, -- '' for a task that returned nothing
  written_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

type EventRow = [number, EventType, string, string, string | null, number, number];
type RecordRow = { id: string; workflow: string; state: ExecutionState; created_at: string; updated_at: string };

export class SqliteStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  private readonly insertEvent: Database.Statement;
  private readonly upsertRecord: Database.Statement;
  private readonly selectLog: Database.Statement<[string]>;
  private readonly selectLogAfter: Database.Statement<[string, number]>;
  private readonly selectRecord: Database.Statement<[string]>;

  readonly cache: TaskCache;
  readonly secrets: SqliteSecrets;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // An acked commit survives a process crash; NORMAL costs little once writes are batched.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (execution_id, seq, type, source_id, name, value, time, quick) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.upsertRecord = this.db.prepare(
      `INSERT INTO executions (id, workflow, state, created_at, updated_at) VALUES (@executionId, @workflow, @state, @createdAt, @updatedAt)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    );
    this.selectLog = this.db
      .prepare<[string]>('SELECT seq, type, source_id, name, value, time, quick FROM events WHERE execution_id = ? ORDER BY seq')
      .raw(true);
    this.selectLogAfter = this.db
      .prepare<[string, number]>('SELECT seq, type, source_id, name, value, time, quick FROM events WHERE execution_id = ? AND seq > ? ORDER BY seq')
      .raw(true);
    this.selectRecord = this.db.prepare<[string]>('SELECT * FROM executions WHERE id = ?');
    this.writes = new GroupCommit((batch) => this.writeBatch(batch));
    this.secrets = new SqliteSecrets(this.db, join(path === ':memory:' ? '.' : dirname(path), 'secret.key'));
    const readCache = this.db.prepare<[string]>('SELECT value FROM task_cache WHERE key = ?').pluck();
    const writeCache = this.db.prepare('INSERT OR REPLACE INTO task_cache (key, value, written_at) VALUES (?, ?, ?)');
    this.cache = {
      read: async (key) => {
        const value = readCache.get(key) as string | undefined;
        return value === undefined ? undefined : { valueJson: value === '' ? undefined : value };
      },
      write: async (key, valueJson) => void writeCache.run(key, valueJson ?? '', Date.now()),
    };
  }

  writer(executionId: string): LogWriter {
    return this.writes.writer(executionId);
  }

  async load(executionId: string): Promise<StoredEvent[]> {
    this.writes.flushNow();
    return toEvents(this.selectLog.all(executionId) as EventRow[]);
  }

  /** The primary key's range from `afterSeq`: nothing read but what is new. */
  async loadAfter(executionId: string, afterSeq: number): Promise<StoredEvent[]> {
    this.writes.flushNow();
    return toEvents(this.selectLogAfter.all(executionId, afterSeq) as EventRow[]);
  }

  async get(executionId: string): Promise<ExecutionRecord | undefined> {
    this.writes.flushNow();
    const row = this.selectRecord.get(executionId) as RecordRow | undefined;
    return row && toRecord(row);
  }

  async list(filter: ListFilter = {}): Promise<ExecutionRecord[]> {
    this.writes.flushNow();
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.state) (where.push('state = ?'), params.push(filter.state));
    if (filter.workflow) (where.push('workflow = ?'), params.push(filter.workflow));
    const sql = `SELECT * FROM executions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
    params.push(filter.limit ?? -1);
    return (this.db.prepare(sql).all(...params) as RecordRow[]).map(toRecord);
  }

  async close(): Promise<void> {
    this.writes.flushNow();
    this.db.close();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(`${this.path} was written by a newer flux-actors (schema ${version}); this one reads schema ${SCHEMA_VERSION}`);
    }
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  /** One transaction; each execution's part in a savepoint, so a conflict rolls back only that part. */
  private writeBatch(batch: readonly PendingWrites[]): Map<string, Error> {
    const failures = new Map<string, Error>();
    this.db.transaction(() => {
      for (const writes of batch) {
        try {
          this.db.transaction(() => this.writeExecution(writes))();
        } catch (error) {
          failures.set(writes.executionId, isConstraintError(error) ? new ExecutionConflictError(writes.executionId, error) : storeError(writes.executionId, error));
        }
      }
    })();
    return failures;
  }

  private writeExecution({ executionId, events, record }: PendingWrites): void {
    for (const e of events) this.insertEvent.run(executionId, e.seq, e.type, e.sourceId, e.name, e.valueJson ?? null, e.time, e.quick ? 1 : 0);
    if (record) this.upsertRecord.run(record);
  }
}

function isConstraintError(error: unknown): boolean {
  return typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('SQLITE_CONSTRAINT');
}

function storeError(executionId: string, error: unknown): FluxError {
  return new FluxError('STORE_ERROR', `could not write the log of execution ${executionId}: ${(error as Error).message}`, { executionId, cause: error });
}

function toEvents(rows: readonly EventRow[]): StoredEvent[] {
  const events = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [seq, type, sourceId, name, value, time, quick] = rows[i]!;
    const event: StoredEvent = { seq, type, sourceId, name, valueJson: value ?? undefined, time };
    if (quick === 1) event.quick = true;
    events[i] = event;
  }
  return events;
}

function toRecord(row: RecordRow): ExecutionRecord {
  return { executionId: row.id, workflow: row.workflow, state: row.state, createdAt: row.created_at, updatedAt: row.updated_at };
}
