/**
 * Who drives which execution among the runtimes sharing one SQLite file, so that one left `running`
 * by a process that died is taken over (DBOS-style: replayed, completed steps not run again).
 *
 * - Every write of an execution's index entry stamps it with the writing runtime's id (its owner):
 *   whoever starts, resumes or recovers an execution owns it, at no extra write.
 * - Each runtime keeps a row in `runtimes`, beaten every third of its lease period by a timer it
 *   owns (unref'd: it keeps no process alive); the row says until when the lease holds, so each
 *   runtime's own lease period governs it, and removed when the runtime closes.
 * - An owner is gone when its row is gone, its lease has lapsed, or it ran on this host (same pid
 *   namespace) and its process no longer exists: a crash here is known at once, one elsewhere (a
 *   file on a shared volume) after the lease period.
 *
 * A lease only decides who should drive; the log's own guard (a `seq` taken twice is refused) is what
 * stops an old driver that was slow (its event loop blocked past its lease) rather than dead.
 */
import { clampInterval } from '../engine/timers.js';
import { repeat, systemClock, type Clock, type Timer } from '../engine/clock.js';
import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { ExecutionLeases, LeaseScan, OrphanedExecution } from '../engine/event-store.js';
import { hostIdentity, processAlive } from './host-identity.js';

export const DEFAULT_LEASE_MS = 10_000;

interface RuntimeRow {
  id: string;
  pid: number;
  host: string;
  expires_at: number;
}

/** An open execution and, if it has one, its owner's row. */
interface ScanRow {
  id: string;
  workflow: string;
  owner: string | null;
  pid: number | null;
  host: string | null;
  expires_at: number | null;
}

export class SqliteLeases implements ExecutionLeases {
  readonly runtimeId = uuidv7();
  private readonly host = hostIdentity();
  private readonly timer: Timer;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(
    db: Database.Database,
    readonly leaseMs: number,
    /** Real time by default, whatever the runtime's clock: leases tell whether other processes are alive. */
    private readonly clock: Clock = systemClock,
  ) {
    this.statements = prepare(db);
    this.beatQuietly();
    this.timer = repeat(clock, () => this.beatQuietly(), clampInterval(leaseMs / 3, 1)).unref();
  }

  /** Extends this runtime's lease (and writes its row again if a scan took it for dead and removed it). */
  beat(): void {
    const now = this.clock.now();
    this.statements.beat.run(this.runtimeId, process.pid, this.host, now, now + this.leaseMs);
  }

  async scan(): Promise<LeaseScan> {
    const now = this.clock.now();
    const orphaned: OrphanedExecution[] = [];
    const ownedElsewhere: string[] = [];
    for (const row of this.statements.open.all() as ScanRow[]) {
      const owner = row.owner ?? undefined;
      if (owner !== undefined && owner !== this.runtimeId && this.alive(row, now)) ownedElsewhere.push(row.id);
      else orphaned.push({ executionId: row.id, workflow: row.workflow, owner });
    }
    this.forgetDead(now);
    return { orphaned, ownedElsewhere };
  }

  async takeOver(orphan: OrphanedExecution): Promise<boolean> {
    return this.statements.take.run(this.runtimeId, orphan.executionId, orphan.owner ?? null).changes === 1;
  }

  /**
   * Gives up an execution this runtime stopped driving without settling it (its writes failed):
   * any runtime may take it over at once. Best effort: if even this fails, the lease lapses with
   * the runtime, and this runtime's own recovery takes it up meanwhile.
   */
  release(executionId: string): void {
    try {
      this.statements.release.run(executionId, this.runtimeId);
    } catch {
      // the store refuses every write now; see above
    }
  }

  /** Stops beating and removes this runtime's row (if that cannot be written, its lease lapses instead). */
  close(): void {
    this.timer.clear();
    try {
      this.statements.leave.run(this.runtimeId);
    } catch {
      // see above
    }
  }

  /** Removes the rows of runtimes that are gone (killed ones never remove their own). */
  private forgetDead(now: number): void {
    for (const row of this.statements.runtimes.all() as RuntimeRow[]) {
      // Unless it beat since it was read: it was slow, not dead.
      if (row.id !== this.runtimeId && !this.alive(row, now)) this.statements.forget.run(row.id, row.expires_at);
    }
  }

  private alive(row: Pick<ScanRow, 'pid' | 'host' | 'expires_at'>, now: number): boolean {
    if (row.expires_at === null || row.expires_at <= now) return false;
    return row.host !== this.host || processAlive(row.pid!);
  }

  /** A beat that fails (a busy or full store) is skipped: the next one may succeed, else the lease lapses, as it should. */
  private beatQuietly(): void {
    try {
      this.beat();
    } catch {
      // see above
    }
  }
}

function prepare(db: Database.Database) {
  return {
    beat: db.prepare(
      `INSERT INTO runtimes (id, pid, host, beat_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET beat_at = excluded.beat_at, expires_at = excluded.expires_at`,
    ),
    open: db.prepare(
      `SELECT e.id, e.workflow, e.owner, r.pid, r.host, r.expires_at FROM executions e LEFT JOIN runtimes r ON r.id = e.owner
       WHERE e.state IN ('running', 'cancelling')`,
    ),
    // Only while it is still the owner seen and the execution still open: two runtimes that both
    // found it orphaned do not both take it.
    take: db.prepare(
      `UPDATE executions SET owner = ? WHERE id = ? AND owner IS ? AND state IN ('running', 'cancelling')`,
    ),
    release: db.prepare('UPDATE executions SET owner = NULL WHERE id = ? AND owner = ?'),
    runtimes: db.prepare('SELECT id, pid, host, expires_at FROM runtimes'),
    forget: db.prepare('DELETE FROM runtimes WHERE id = ? AND expires_at = ?'),
    leave: db.prepare('DELETE FROM runtimes WHERE id = ?'),
  };
}
