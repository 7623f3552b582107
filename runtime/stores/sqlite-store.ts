/**
 * The durable embedded store: one SQLite file (WAL) that several processes may open, so a process
 * can resume what another one paused, or take over what a dead one was running (./sqlite-leases.ts).
 * Events of one execution are clustered by the primary key (execution id, seq), and the key doubles
 * as the guard against two processes driving one execution. The file, its WAL and shared-memory
 * index are readable by their owner only (./private-files.ts).
 */
import Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { SqliteSecrets } from './sqlite-secrets.js';
import { ExecutionConflictError, FluxError, StoreFullError } from '../engine/errors.js';
import type { StoredEvent } from '../engine/events.js';
import type {
  DueWake,
  EventStore,
  ExecutionRecord,
  ExecutionRemoval,
  ListFilter,
  LogWriter,
  TaskCache,
  WakeIndex,
} from '../engine/event-store.js';
import { GroupCommit, type PendingWrites } from './group-commit.js';
import { ensurePrivateFile } from '../engine/private-files.js';
import { eventColumns, migrate, SCHEMA_VERSION } from './sqlite-schema.js';
import { listRecords, toEvents, toRecord, type EventRow, type RecordRow } from './sqlite-rows.js';
import { SqliteSchedules } from './sqlite-schedules.js';
import { DEFAULT_LEASE_MS, SqliteLeases } from './sqlite-leases.js';
import type { SqliteStoreOptions } from './sqlite-options.js';
import { systemClock, type Clock } from '../engine/clock.js';

export class SqliteStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  private readonly insertEvent: Database.Statement;
  private readonly upsertRecord: Database.Statement;
  private readonly selectLog: Database.Statement<[string]>;
  private readonly selectLogAfter: Database.Statement<[string, number]>;
  private readonly selectRecord: Database.Statement<[string]>;
  private readonly hasEvent: Database.Statement<[string, number]>;
  private readonly transaction: Record<
    'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo',
    Database.Statement
  >;

  readonly cache: TaskCache;
  readonly secrets: SqliteSecrets;
  readonly leases: SqliteLeases;
  readonly wakes: WakeIndex;
  readonly schedules: SqliteSchedules;
  readonly removal: ExecutionRemoval;

  /**
   * @param clock the runtime's clock: when a cached task output was written. (The leases keep real
   * time whatever it is: they tell whether other processes are alive.)
   */
  constructor(
    readonly path: string,
    options: SqliteStoreOptions = {},
    private readonly clock: Clock = systemClock,
  ) {
    // Readable by its owner only, and so are the WAL and shared-memory files SQLite makes beside it.
    if (path !== ':memory:') ensurePrivateFile(path);
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // An acked commit survives a process crash; NORMAL costs little once writes are batched.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, path);
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (execution_id, seq, type, source_id, name, value, time, quick, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // Whoever writes an execution's state drives it: it becomes its owner (see ./sqlite-leases.ts).
    this.upsertRecord = this.db.prepare(
      `INSERT INTO executions (id, workflow, state, created_at, updated_at, owner, wake_at, awaits, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, owner = excluded.owner,
         wake_at = excluded.wake_at, awaits = excluded.awaits, version = excluded.version`,
    );
    this.selectLog = this.db
      .prepare<[string]>(`SELECT ${eventColumns(SCHEMA_VERSION)} FROM events WHERE execution_id = ? ORDER BY seq`)
      .raw(true);
    this.selectLogAfter = this.db
      .prepare<[string, number]>(
        `SELECT ${eventColumns(SCHEMA_VERSION)} FROM events WHERE execution_id = ? AND seq > ? ORDER BY seq`,
      )
      .raw(true);
    this.selectRecord = this.db.prepare<[string]>('SELECT * FROM executions WHERE id = ?');
    this.hasEvent = this.db
      .prepare<[string, number]>('SELECT 1 FROM events WHERE execution_id = ? AND seq = ?')
      .pluck();
    this.transaction = {
      begin: this.db.prepare('BEGIN'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      savepoint: this.db.prepare('SAVEPOINT execution'),
      release: this.db.prepare('RELEASE execution'),
      rollbackTo: this.db.prepare('ROLLBACK TO execution'),
    };
    this.leases = new SqliteLeases(this.db, options.leaseMs ?? DEFAULT_LEASE_MS);
    this.writes = new GroupCommit((batch) => this.writeBatch(batch));
    this.secrets = new SqliteSecrets(this.db, join(path === ':memory:' ? '.' : dirname(path), 'secret.key'));
    const readCache = this.db.prepare<[string]>('SELECT value FROM task_cache WHERE key = ?').pluck();
    const writeCache = this.db.prepare('INSERT OR REPLACE INTO task_cache (key, value, written_at) VALUES (?, ?, ?)');
    this.cache = {
      read: async (key) => {
        const value = readCache.get(key) as string | undefined;
        return value === undefined ? undefined : { valueJson: value === '' ? undefined : value };
      },
      write: async (key, valueJson) => {
        try {
          writeCache.run(key, valueJson ?? '', this.clock.now());
        } catch {
          // A memo, not a record: one that cannot be written (a full store) is a miss next time.
        }
      },
    };
    this.wakes = sqliteWakes(this.db, () => this.writes.flushNow());
    this.schedules = new SqliteSchedules(this.db);
    this.removal = sqliteRemoval(this.db, () => this.writes.flushNow());
    // Last: every table exists by now, whatever the cap.
    if (options.maxBytes !== undefined) this.limitSize(options.maxBytes);
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
    return listRecords(this.db, filter, 'newest');
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    this.writes.flushNow();
    this.leases.close();
    this.db.close();
  }

  /** Caps the database's size (`max_page_count`); SQLite keeps it at least the size the file has now. */
  limitSize(maxBytes: number): void {
    const pageSize = this.db.pragma('page_size', { simple: true }) as number;
    this.db.pragma(`max_page_count = ${Math.max(1, Math.floor(maxBytes / pageSize))}`);
  }

  /**
   * One transaction; each execution's part in a savepoint, so a conflict or a full store costs only
   * that part. An execution whose part failed other than by a conflict (that one has a new driver)
   * is released, for any runtime to take over.
   */
  private writeBatch(batch: readonly PendingWrites[]): Map<string, Error> {
    const failures = new Map<string, Error>();
    while (
      !this.writeParts(
        batch.filter(({ executionId }) => !failures.has(executionId)),
        failures,
      )
    );
    for (const [executionId, error] of failures)
      if (!(error instanceof ExecutionConflictError)) this.leases.release(executionId);
    return failures;
  }

  /**
   * Writes the parts in one transaction, adding those that failed to `failures`. False when SQLite
   * gave the whole transaction up because of one part (it does on a full store): nothing was
   * written, and the others are to be written again without it.
   */
  private writeParts(parts: readonly PendingWrites[], failures: Map<string, Error>): boolean {
    const { begin, commit, rollback, savepoint, release, rollbackTo } = this.transaction;
    try {
      begin.run();
      for (const writes of parts) {
        savepoint.run();
        try {
          this.writeExecution(writes);
          release.run();
        } catch (error) {
          failures.set(writes.executionId, this.writeError(writes.executionId, error));
          if (!this.db.inTransaction) return false;
          rollbackTo.run();
          release.run();
        }
      }
      commit.run();
    } catch (error) {
      // BEGIN or COMMIT failed: nothing of the batch is written.
      if (this.db.inTransaction) rollback.run();
      for (const { executionId } of parts)
        if (!failures.has(executionId)) failures.set(executionId, this.writeError(executionId, error));
    }
    return true;
  }

  private writeExecution({ executionId, events, record }: PendingWrites): void {
    // A log goes on only from its last event: one deleted meanwhile (retention) is not started again with a gap.
    const first = events[0]?.seq;
    if (first !== undefined && first > 1 && !this.hasEvent.get(executionId, first - 1))
      throw new ExecutionConflictError(executionId);
    for (const e of events)
      this.insertEvent.run(
        executionId,
        e.seq,
        e.type,
        e.sourceId,
        e.name,
        e.valueJson ?? null,
        e.time,
        e.quick ? 1 : 0,
        e.version ?? null,
      );
    if (record)
      this.upsertRecord.run(
        executionId,
        record.workflow,
        record.state,
        record.createdAt,
        record.updatedAt,
        this.leases.runtimeId,
        record.wakeAt ?? null,
        record.awaits ?? null,
        record.version ?? null,
      );
  }

  private writeError(executionId: string, error: unknown): FluxError {
    if (error instanceof ExecutionConflictError) return error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'))
      return new ExecutionConflictError(executionId, error);
    if (code === 'SQLITE_FULL')
      return new StoreFullError(`execution ${executionId} could not be written to the SQLite database`, {
        executionId,
        cause: error,
      });
    return new FluxError(
      'STORE_ERROR',
      `could not write the log of execution ${executionId}: ${(error as Error).message}`,
      { executionId, cause: error },
    );
  }
}

/** The durable timers: an index on the executions' wake times, read by every runtime that opens the file. */
function sqliteWakes(db: Database.Database, flush: () => void): WakeIndex {
  const next = db.prepare('SELECT MIN(wake_at) FROM executions WHERE wake_at IS NOT NULL').pluck();
  const due = db.prepare<[number, number]>(
    'SELECT id AS executionId, workflow, wake_at AS wakeAt FROM executions WHERE wake_at IS NOT NULL AND wake_at <= ? ORDER BY wake_at LIMIT ?',
  );
  const count = db.prepare('SELECT COUNT(*) FROM executions WHERE wake_at IS NOT NULL').pluck();
  const awaiting = db.prepare<[string]>(
    'SELECT id AS executionId, workflow, COALESCE(wake_at, 0) AS wakeAt FROM executions WHERE awaits = ?',
  );
  return {
    next: async () => {
      flush();
      return (next.get() as number | null) ?? undefined;
    },
    due: async (until, limit) => {
      flush();
      return due.all(until, limit) as DueWake[];
    },
    awaiting: async (executionId) => {
      flush();
      return awaiting.all(executionId) as DueWake[];
    },
    count: async () => {
      flush();
      return count.get() as number;
    },
  };
}

const FINISHED = "state IN ('succeeded', 'failed', 'cancelled')";

/** Deleting finished executions: rows go, and SQLite reuses their pages for what is written next. */
function sqliteRemoval(db: Database.Database, flush: () => void): ExecutionRemoval {
  const state = db.prepare<[string]>('SELECT state FROM executions WHERE id = ?').pluck();
  const deleteRecord = db.prepare<[string]>(`DELETE FROM executions WHERE id = ? AND ${FINISHED}`);
  const deleteEvents = db.prepare<[string]>('DELETE FROM events WHERE execution_id = ?');
  const deleteCache = db.prepare<[number]>('DELETE FROM task_cache WHERE written_at < ?');
  // Within one transaction: a driver in another process that writes in between finds the log gone.
  const remove = db.transaction((executionId: string) => {
    if (deleteRecord.run(executionId).changes === 0)
      return state.get(executionId) === undefined ? ('missing' as const) : ('unfinished' as const);
    deleteEvents.run(executionId);
    return 'deleted' as const;
  });
  return {
    expired: async ({ before, state: only, workflow, limit }) => {
      flush();
      const where = [FINISHED, 'updated_at < ?'];
      const params: (string | number)[] = [before];
      for (const [column, value] of [
        ['state', only],
        ['workflow', workflow],
      ] as const) {
        if (value === undefined) continue;
        where.push(`${column} = ?`);
        params.push(value);
      }
      const sql = `SELECT * FROM executions WHERE ${where.join(' AND ')} ORDER BY updated_at LIMIT ?`;
      return (db.prepare(sql).all(...params, limit) as RecordRow[]).map(toRecord);
    },
    remove: async (executionId) => {
      flush();
      return remove.immediate(executionId);
    },
    expireCache: async (before) => void deleteCache.run(before),
  };
}
