/**
 * A runtime's scheduler: fires the schedules of its store when their time comes. One clock timer
 * at the earliest fire; each pass takes the due fires of each schedule with a compare-and-set on
 * its record (so of several processes or workers, one takes each fire), starts their executions
 * under deterministic ids (`<schedule>-<fire time>`: a fire started twice is one execution), then
 * confirms them. A fire whose start its taker never confirmed (it died) is started again by anyone
 * once its claim lapses; the id makes that safe.
 *
 * Overlap ('skip' | 'allow' | 'bufferOne') looks at the schedule's last run; catch-up
 * ('none' | 'latest' | 'all') decides which of the fires missed while nothing ran still run.
 */
import type { Clock } from '../engine/clock.js';
import { DueTimer } from './due-timer.js';
import type { Logger } from '../engine/logger.js';
import {
  fireExecutionId,
  firesBetween,
  jitterOf,
  LATE_AFTER_MS,
  MAX_CATCHUP,
  nextFire,
  type ScheduleSpec,
} from '../engine/schedule-spec.js';
import {
  RECENT_RUNS,
  type PendingFire,
  type ScheduleRecord,
  type ScheduleRun,
  type ScheduleStore,
} from '../engine/schedule-store.js';

/** How many schedules one pass fires at once. */
const CONCURRENCY = 32;

export interface SchedulerOptions {
  store: ScheduleStore;
  /** Workflow time: fire times are on it. */
  clock: Clock;
  /** Real time, for claims: they say whether the process that took a fire may still start it. */
  realClock: Clock;
  /** This runtime, as a fire's claim names it. */
  runtimeId: string;
  /** How long a fire's taker has to start it before others may. */
  claimMs: number;
  /** Starts a fire's execution; starting one that exists already starts nothing. */
  start(spec: ScheduleSpec, executionId: string): Promise<void>;
  /** Whether an execution is still going (not finished): what overlap looks at. */
  active(executionId: string): Promise<boolean>;
  logger: Logger;
  /** When others fire and change schedules in the same store: how often to look, on real time. */
  poll?: { clock: Clock; everyMs: number };
}

export class Scheduler {
  private readonly timer: DueTimer;
  private closed = false;
  /** Passes in a row that found the next fire due already (it could not be taken). */
  private lateLooks = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.timer = new DueTimer({
      clock: options.clock,
      pass: () => this.pass(),
      poll: options.poll,
      logger: options.logger,
      what: 'the scheduler',
    });
  }

  start(): void {
    this.timer.start();
  }

  /** Something changed (a schedule was made or resumed, a run ended): look now. */
  poke(): void {
    this.timer.look();
  }

  /** Someone here waits for what a fire brings: the timer keeps the process alive until released. */
  hold(): () => void {
    return this.timer.hold();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.timer.close();
  }

  /** Fires what is due; resolves with the next fire to arm for. */
  private async pass(): Promise<number | undefined> {
    const { store, clock } = this.options;
    const now = clock.now();
    const due = await store.due(now);
    for (let i = 0; i < due.length; i += CONCURRENCY)
      await Promise.all(due.slice(i, i + CONCURRENCY).map((record) => this.fire(record, now)));
    if (this.closed) return undefined;
    const next = await store.next();
    if (next === undefined) return undefined;
    if (next > now) {
      this.lateLooks = 0;
      return next;
    }
    // Due already: fell due while this pass ran (look again), or could not be taken (a few looks at
    // most; then it is left to the next poke or poll).
    return ++this.lateLooks < 3 ? next : undefined;
  }

  /** Takes a schedule's due fires (compare-and-set), starts them, confirms them. */
  private async fire(found: ScheduleRecord, now: number): Promise<void> {
    let record: ScheduleRecord | undefined = found;
    for (let attempt = 0; record && attempt < 5; attempt++) {
      const planned = await this.plan(record, now);
      if (!planned) break;
      const stored = await this.options.store.put(planned);
      if (stored) {
        record = stored;
        break;
      }
      record = await this.options.store.get(found.id); // another process came first: look again
    }
    if (!record) return;
    const mine = record.pending.filter((fire) => fire.claimedBy === this.options.runtimeId);
    if (mine.length === 0) return;
    const started: string[] = [];
    for (const fire of mine) {
      try {
        await this.options.start(record.spec, fire.executionId);
        started.push(fire.executionId);
      } catch (error) {
        this.options.logger.warn(
          `schedule '${record.id}' could not start execution ${fire.executionId}: ${(error as Error).message}`,
        );
      }
    }
    await this.confirm(record, started);
  }

  /** Removes started fires from the schedule's pending ones. */
  private async confirm(record: ScheduleRecord, started: readonly string[]): Promise<void> {
    let current: ScheduleRecord | undefined = record;
    for (let attempt = 0; current && attempt < 5; attempt++) {
      const pending = current.pending.filter((fire) => !started.includes(fire.executionId));
      if (pending.length === current.pending.length) return;
      if (await this.options.store.put({ ...current, pending, updatedAt: this.options.clock.now() })) return;
      current = await this.options.store.get(record.id);
    }
  }

  /** The record with the fires this pass takes; undefined when there is nothing to take. */
  private async plan(record: ScheduleRecord, now: number): Promise<ScheduleRecord | undefined> {
    if (record.paused) return undefined;
    const { runtimeId, claimMs, realClock } = this.options;
    const claimedUntil = realClock.now() + claimMs;
    const next: ScheduleRecord = {
      ...record,
      recent: [...record.recent],
      pending: record.pending.map((fire) => ({ ...fire })),
    };
    let changed = false;
    // Fires whose taker never confirmed them, and whose claim lapsed: started again, by this runtime.
    for (const fire of next.pending)
      if (fire.claimedBy !== runtimeId && fire.claimedUntil < realClock.now()) {
        fire.claimedBy = runtimeId;
        fire.claimedUntil = claimedUntil;
        changed = true;
      }
    const take = (fireAt: number, extra: Partial<ScheduleRun> = {}) => {
      const run: PendingFire = {
        fireAt,
        executionId: fireExecutionId(record.id, fireAt),
        ...extra,
        claimedBy: runtimeId,
        claimedUntil,
      };
      next.pending.push(run);
      next.recent.push(recentRun(run));
      changed = true;
    };
    const skip = (fireAt: number, skipped: ScheduleRun['skipped']) => {
      next.recent.push({ fireAt, executionId: fireExecutionId(record.id, fireAt), ...(skipped && { skipped }) });
      changed = true;
    };
    let busy = next.spec.overlap !== 'allow' && (await this.lastRunActive(next));
    if (next.buffered !== undefined && !busy) {
      take(next.buffered);
      next.buffered = undefined;
      busy = next.spec.overlap !== 'allow';
    }
    if (next.nextFireAt !== undefined && next.dueAt !== undefined && next.dueAt <= now) {
      // 'all' runs up to MAX_CATCHUP of the missed fires; the others need only the latest (and the
      // one before it, to tell that some were missed).
      const window = next.spec.catchup === 'all' ? MAX_CATCHUP : 2;
      const fires = firesBetween(next.spec, next.nextFireAt, now, window).filter(
        (fire) => fire + jitterOf(record.id, fire, next.spec.jitter) <= now,
      );
      const last = fires.at(-1)!;
      for (const fire of fires) {
        const missed =
          (next.spec.catchup === 'none' && now - fire > LATE_AFTER_MS) ||
          (next.spec.catchup === 'latest' && fire !== last);
        if (missed) skip(fire, 'missed');
        else if (!busy) {
          take(fire);
          busy = next.spec.overlap !== 'allow';
        } else if (next.spec.overlap === 'bufferOne') {
          next.buffered = fire;
          changed = true;
        } else skip(fire, 'overlap');
      }
      if (fires.length) {
        next.nextFireAt = nextFire(next.spec, last);
        next.dueAt =
          next.nextFireAt === undefined
            ? undefined
            : next.nextFireAt + jitterOf(record.id, next.nextFireAt, next.spec.jitter);
      }
    }
    if (!changed) return undefined;
    next.recent = next.recent.slice(-RECENT_RUNS);
    next.updatedAt = this.options.clock.now();
    return next;
  }

  /** Whether the schedule's latest run (started or about to be) is still going. */
  private async lastRunActive(record: ScheduleRecord): Promise<boolean> {
    if (record.pending.length) return true;
    const last = [...record.recent].reverse().find((run) => !run.skipped);
    return last !== undefined && (await this.options.active(last.executionId));
  }
}

/** A pending fire as the schedule's recent runs show it. */
function recentRun({ fireAt, executionId, manual }: PendingFire): ScheduleRun {
  return { fireAt, executionId, ...(manual && { manual }) };
}
