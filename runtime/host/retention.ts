/**
 * Bounded storage: finished executions older than the retention period are deleted with everything
 * they own, in passes of a `DueTimer` on the workflow clock (a test clock moves them). Executions that
 * are running, paused or waiting are never selected: `ExecutionRemoval.expired` returns finished
 * ones only, and `remove` checks again as it deletes. The task cache loses what was memoised before
 * the period too: a memo, not a record, so the next call computes it again.
 */
import type { Clock } from '../engine/clock.js';
import type { ExecutionRecord, ExecutionRemoval, ExpiredFilter } from '../engine/event-store.js';
import type { Logger } from '../engine/logger.js';
import { DueTimer } from './due-timer.js';

/** How many expired executions one look selects: a pass deletes page after page until none is left. */
const PAGE = 500;
/** Deletions under way at once: on NATS each is a dozen round trips, mostly waiting. */
const AT_ONCE = 16;

export interface RetentionOptions {
  removal: ExecutionRemoval;
  clock: Clock;
  /** How long a finished execution is kept after its last event. */
  periodMs: number;
  /** Deletes one execution as its runtime does (its claim held, its outputs discarded); false when it was kept. */
  remove(record: ExecutionRecord): Promise<boolean>;
  /** Whether this process sweeps now; where several share a store, one at a time (NATS). Default: yes. */
  turn?(): Promise<boolean>;
  logger: Logger;
}

export class Retention {
  private readonly timer: DueTimer;

  constructor(private readonly options: RetentionOptions) {
    this.timer = new DueTimer({
      clock: options.clock,
      pass: () => this.pass(),
      logger: options.logger,
      what: 'retention',
    });
  }

  start(): void {
    this.timer.start();
  }

  close(): Promise<void> {
    return this.timer.close();
  }

  /** Deletes what has expired; the next pass is a tenth of the period later (at least 1 s, at most 1 h). */
  private async pass(): Promise<number> {
    const { clock, periodMs, removal } = this.options;
    const now = clock.now();
    if (!this.options.turn || (await this.options.turn())) {
      const before = now - periodMs;
      const deleted = await deleteExpired(removal, { before: new Date(before).toISOString() }, this.options.remove);
      await removal.expireCache(before);
      if (deleted > 0)
        this.options.logger.info?.(`retention deleted ${deleted} finished executions`, { deleted, periodMs });
    }
    return now + Math.min(Math.max(periodMs / 10, 1000), 3_600_000);
  }
}

/** Deletes every finished execution the filter selects, page by page; returns how many went. */
export async function deleteExpired(
  removal: ExecutionRemoval,
  filter: Omit<ExpiredFilter, 'limit'>,
  remove: (record: ExecutionRecord) => Promise<boolean>,
): Promise<number> {
  let deleted = 0;
  const kept = new Set<string>();
  for (;;) {
    const page = (await removal.expired({ ...filter, limit: PAGE + kept.size })).filter(
      (record) => !kept.has(record.executionId),
    );
    if (page.length === 0) return deleted;
    let next = 0;
    const one = async (): Promise<void> => {
      for (let record = page[next++]; record; record = page[next++]) {
        // Kept: held by a driver here (a retry, a new run), or no longer finished.
        if (await remove(record)) deleted++;
        else kept.add(record.executionId);
      }
    };
    await Promise.all(Array.from({ length: Math.min(AT_ONCE, page.length) }, one));
  }
}
