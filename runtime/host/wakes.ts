/**
 * A runtime's timer service: wakes paused executions whose durable timer fell due. The timers
 * themselves live in the store (`WakeIndex`: each paused execution's index entry carries its wake
 * time, committed with the events that set it), so a runtime that opens the store arms them again;
 * in the process there is only one clock timer, at the earliest wake.
 *
 * A wake is a resume that records what fell due: a conflict-guarded append, so when several
 * runtimes share a store and race for one wake, one wins and the others find nothing to do.
 */
import type { Clock, Timer } from '../engine/clock.js';
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
  private armed: Timer | undefined;
  private armedAt: number | undefined;
  private pass: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private poller: Timer | undefined;
  private holds = 0;
  /** Executions whose wake failed this time round: passed over until the next poll, not retried in a loop. */
  private readonly failed = new Set<string>();

  constructor(private readonly options: WakesOptions) {}

  /** Arms the timers the store holds; then, when others share it, looks for theirs now and then. */
  start(): void {
    this.fire();
    const poll = this.options.poll;
    if (!poll) return;
    const look = () => {
      if (this.closed) return;
      this.failed.clear();
      this.fire();
      this.poller = poll.clock.setTimeout(look, poll.everyMs).unref();
    };
    this.poller = poll.clock.setTimeout(look, poll.everyMs).unref();
  }

  /** An execution here paused with a wake time: arm for it if it is the earliest. */
  noted(executionId: string, wakeAt: number | undefined): void {
    this.failed.delete(executionId);
    if (this.closed || wakeAt === undefined) return;
    if (this.armedAt !== undefined && this.armedAt <= wakeAt) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.arm(wakeAt);
  }

  /** An execution ended: wake those whose `onComplete` pause waits on it. */
  async ended(executionId: string): Promise<void> {
    if (this.closed) return;
    const awaiting = await this.options.index.awaiting(executionId);
    await Promise.all(awaiting.map((due) => this.wakeOne(due)));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.armed?.clear();
    this.poller?.clear();
    await this.pass;
  }

  private arm(at: number): void {
    this.armed?.clear();
    const { clock } = this.options;
    if (at <= clock.now()) {
      // Due already (the clock moved on while this was worked out): a clock timer of no delay would
      // wait for the next tick of a test clock.
      setImmediate(() => this.fire());
      return;
    }
    this.armedAt = at;
    this.armed = clock.setTimeout(() => this.fire(), Math.max(0, at - clock.now()));
    // Unreferenced unless someone here waits for a wake: a script that paused an execution for a
    // week exits; one that awaits a parked sleep's end does not; a server or a worker fires it anyway.
    if (this.holds === 0) this.armed.unref();
  }

  /** Someone in this process waits for what a wake brings: the timer keeps the process alive until released. */
  hold(): () => void {
    this.holds++;
    this.armed?.ref();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds === 0) this.armed?.unref();
    };
  }

  /** Wakes everything due now, in batches, then arms for the next. One pass at a time. */
  private fire(): void {
    if (this.closed) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.armed?.clear();
    this.armed = undefined;
    this.armedAt = undefined;
    this.pass = this.wakeDue()
      .catch((error: unknown) => this.options.logger.error(`the timer service could not read its store: ${error}`))
      .finally(() => {
        this.pass = undefined;
        if (this.again) {
          this.again = false;
          this.fire();
        }
      });
  }

  private async wakeDue(): Promise<void> {
    const { index, clock } = this.options;
    for (;;) {
      const due = (await index.due(clock.now(), BATCH + this.failed.size)).filter(
        (d) => !this.failed.has(d.executionId),
      );
      if (due.length === 0) break;
      await Promise.all(due.map((d) => this.wakeOne(d)));
      if (this.closed) return;
    }
    // The next timer that is not one of those that just failed.
    const upcoming = await index.due(Number.MAX_SAFE_INTEGER, this.failed.size + 1);
    const next = upcoming.find((d) => !this.failed.has(d.executionId));
    if (next && !this.closed) this.arm(next.wakeAt);
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
