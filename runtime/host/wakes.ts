/**
 * A runtime's timer service: wakes paused executions whose durable timer fell due. The timers
 * themselves live in the store (`WakeIndex`: each paused execution's index entry carries its wake
 * time, committed with the events that set it), so a runtime that opens the store arms them again;
 * in the process there is only one clock timer, at the earliest wake.
 *
 * A wake is a resume that records what fell due: a conflict-guarded append, so when several
 * runtimes share a store and race for one wake, one wins and the others find nothing to do.
 */
import type { Clock } from '../engine/clock.js';
import { DueTimer } from './due-timer.js';
import type { DueWake, WakeIndex } from '../engine/event-store.js';
import type { Logger } from '../engine/logger.js';

/** How many due executions one pass takes up before it looks again. */
const BATCH = 256;

export interface WakesOptions {
  index: WakeIndex;
  /** Workflow time: the clock the wake times are on. */
  clock: Clock;
  /** Wakes one execution; resolves once its resume is durable (true), or false when there was nothing to do. */
  wake(due: DueWake): Promise<boolean>;
  logger: Logger;
  /**
   * When other processes may arm timers in the same store: how often to look for them, on
   * `pollClock` (real time).
   */
  poll?: { clock: Clock; everyMs: number };
}

export class Wakes {
  private readonly timer: DueTimer;
  private closed = false;
  /** Executions whose wake failed this time round: passed over until the next poll, not retried in a loop. */
  private readonly failed = new Set<string>();

  constructor(private readonly options: WakesOptions) {
    this.timer = new DueTimer({
      clock: options.clock,
      pass: () => this.wakeDue(),
      beforePoll: () => this.failed.clear(),
      poll: options.poll,
      logger: options.logger,
      what: 'the timer service',
    });
  }

  /** Arms the timers the store holds; then, when others share it, looks for theirs now and then. */
  start(): void {
    this.timer.start();
  }

  /** An execution here paused with a wake time: arm for it if it is the earliest. */
  noted(executionId: string, wakeAt: number | undefined): void {
    this.failed.delete(executionId);
    if (wakeAt !== undefined) this.timer.dueAt(wakeAt);
  }

  /** An execution ended: wake those whose `onComplete` pause waits on it. */
  async ended(executionId: string): Promise<void> {
    if (this.closed) return;
    const awaiting = await this.options.index.awaiting(executionId);
    await Promise.all(awaiting.map((due) => this.wakeOne(due)));
  }

  /** Someone in this process waits for what a wake brings: the timer keeps the process alive until released. */
  hold(): () => void {
    return this.timer.hold();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.timer.close();
  }

  /** Wakes everything due now, in batches; resolves with the next wake time that is not one of those that failed. */
  private async wakeDue(): Promise<number | undefined> {
    const { index, clock } = this.options;
    for (;;) {
      const due = (await index.due(clock.now(), BATCH + this.failed.size)).filter(
        (d) => !this.failed.has(d.executionId),
      );
      if (due.length === 0) break;
      await Promise.all(due.map((d) => this.wakeOne(d)));
      if (this.closed) return undefined;
    }
    const upcoming = await index.due(Number.MAX_SAFE_INTEGER, this.failed.size + 1);
    return upcoming.find((d) => !this.failed.has(d.executionId))?.wakeAt;
  }

  private async wakeOne(due: DueWake): Promise<void> {
    try {
      // Nothing to do while the index says it is due: driven here right now, or woken elsewhere
      // and not yet visible. Passed over until it is noted again or the next poll.
      if (!(await this.options.wake(due))) this.failed.add(due.executionId);
    } catch (error) {
      this.failed.add(due.executionId);
      this.options.logger.warn(`could not wake execution ${due.executionId}: ${(error as Error).message}`);
    }
  }
}
