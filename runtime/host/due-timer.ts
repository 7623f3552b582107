/**
 * The loop of a service that acts on what falls due in a store (the timer service, the scheduler):
 * one pass at a time (a call during a pass runs another after it), one clock timer at the instant
 * the last pass said comes next, and, when others write the same store, a look now and then on real
 * time. The timer keeps the process alive only while someone here holds it (`hold`).
 */
import type { Clock, Timer } from '../engine/clock.js';
import type { Logger } from '../engine/logger.js';

export interface DueTimerOptions {
  /** Workflow time: the instants a pass returns are on it. */
  clock: Clock;
  /** Acts on what is due now; resolves with the next instant to look at, if any. */
  pass(): Promise<number | undefined>;
  /** Before each look of the poll (e.g. forget what failed, to try it again). */
  beforePoll?(): void;
  /** When others change the store: how often to look, on real time. */
  poll?: { clock: Clock; everyMs: number } | undefined;
  logger: Logger;
  /** What the service is, for its one line when its store cannot be read. */
  what: string;
}

export class DueTimer {
  private armed: Timer | undefined;
  private armedAt: number | undefined;
  private passing: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private poller: Timer | undefined;
  private holds = 0;

  constructor(private readonly options: DueTimerOptions) {}

  /** Looks now; then, with a poll, every period. */
  start(): void {
    this.look();
    const poll = this.options.poll;
    if (!poll) return;
    const next = () => {
      if (this.closed) return;
      this.options.beforePoll?.();
      this.look();
      this.poller = poll.clock.setTimeout(next, poll.everyMs).unref();
    };
    this.poller = poll.clock.setTimeout(next, poll.everyMs).unref();
  }

  /** Runs a pass now, or right after the one under way. */
  look(): void {
    if (this.closed) return;
    if (this.passing) {
      this.again = true;
      return;
    }
    this.armed?.clear();
    this.armed = undefined;
    this.armedAt = undefined;
    this.passing = this.options
      .pass()
      .then(
        (next) => {
          if (next !== undefined && !this.closed) this.arm(next);
        },
        (error: unknown) => this.options.logger.error(`${this.options.what} could not read its store: ${error}`),
      )
      .finally(() => {
        this.passing = undefined;
        if (this.again) {
          this.again = false;
          this.look();
        }
      });
  }

  /** Something falls due at `at`: armed for it if it is earlier than what is armed. */
  dueAt(at: number): void {
    if (this.closed || (this.armedAt !== undefined && this.armedAt <= at)) return;
    if (this.passing) {
      this.again = true;
      return;
    }
    this.arm(at);
  }

  /** Someone here waits for what a pass brings: the timer keeps the process alive until released. */
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

  async close(): Promise<void> {
    this.closed = true;
    this.armed?.clear();
    this.poller?.clear();
    await this.passing;
  }

  private arm(at: number): void {
    this.armed?.clear();
    const { clock } = this.options;
    if (at <= clock.now()) {
      // Due already (the clock moved on during the pass): a clock timer of no delay would wait for
      // the next move of a test clock.
      this.armed = undefined;
      this.armedAt = undefined;
      setImmediate(() => this.look());
      return;
    }
    this.armedAt = at;
    this.armed = clock.setTimeout(() => this.look(), at - clock.now());
    // Unreferenced unless someone here waits: a script that paused an execution for a week exits;
    // one that awaits a parked sleep's end does not; a server or a worker is alive anyway.
    if (this.holds === 0) this.armed.unref();
  }
}
