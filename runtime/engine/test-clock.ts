/**
 * A clock that moves only when told, for tests: `createRuntime({ clock })` then reads and waits on it
 * for everything a workflow does with time (event times, `now()`, `sleep`, retry backoffs, task
 * timeouts), and a test skips a week in milliseconds. Temporal's time-skipping test environment and
 * XState's `SimulatedClock` are its models.
 *
 * It arms no Node timer: its timers are a list it fires itself, in time order, as `advance` or
 * `skipUntil` moves the time past them. Between two timers it lets the work the first one started
 * run (a turn of the event loop), so the second sees its effects as it would in real time.
 */
import type { Clock, Timer } from './clock.js';
import { toMilliseconds, type Duration } from './duration.js';
import { FluxError } from './errors.js';

/** How `skipUntil` goes about it. */
export interface SkipOptions {
  /**
   * Fail rather than move the time further than this from where it was when `skipUntil` was called
   * (a workflow that sleeps in a loop would otherwise be skipped through for ever). Default: no limit.
   */
  limit?: Duration;
  /**
   * With no timer armed, how long (real time) nothing may use this clock before `skipUntil` gives up:
   * work on a network (a NATS round trip) uses no timer while it waits. Default 1000 ms.
   */
  idleMs?: number;
}

/** The turns of the event loop without any use of the clock after which the work started is taken as done. */
const QUIET_TURNS = 10;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

class TestTimer implements Timer {
  referenced = true;

  constructor(
    readonly at: number,
    readonly order: number,
    readonly fn: () => void,
    private readonly remove: (timer: TestTimer) => void,
  ) {}

  clear(): void {
    this.remove(this);
  }

  /** An unreferenced timer fires when the time passes it, but is never the reason `skipUntil` moves the time. */
  unref(): this {
    this.referenced = false;
    return this;
  }

  ref(): this {
    this.referenced = true;
    return this;
  }
}

/** A timer that never fires (a wait of Infinity). */
const NEVER: Timer = {
  clear: () => undefined,
  unref() {
    return this;
  },
  ref() {
    return this;
  },
};

/**
 * A `Clock` for tests whose time moves only when the test moves it.
 *
 * @example
 * import { createRuntime, sleep, TestClock, workflow } from 'flux-actors';
 *
 * const weekLater = workflow(async function weekLater() {
 *   await sleep('7d');
 *   return 'done';
 * });
 * const clock = new TestClock(Date.parse('2025-01-01T00:00:00Z'));
 * const runtime = await createRuntime({ store: 'memory', clock });
 * // Runs the workflow, skipping time whenever it only waits for a timer: done in milliseconds.
 * const ctx = await clock.skipUntil(weekLater.run(undefined, { runtime }));
 * ctx.output; // 'done'
 * new Date(clock.now()).toISOString(); // '2025-01-08T00:00:00.000Z'
 * await runtime.close();
 */
export class TestClock implements Clock {
  private time: number;
  /** Armed timers, by due time then by the order they were armed in. */
  private readonly timers: TestTimer[] = [];
  private armedCount = 0;
  /** Counts every use of the clock: while it moves, the work under test is still going. */
  private activity = 0;
  private busy = false;

  /** @param start where the time starts (ms since the epoch, or a Date). Default: the real time now. */
  constructor(start: number | Date = Date.now()) {
    this.time = typeof start === 'number' ? start : start.getTime();
    if (!Number.isFinite(this.time))
      throw new FluxError('INVALID_CLOCK_START', `a TestClock starts at a finite time, not ${String(start)}`);
  }

  now(): number {
    this.activity++;
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    this.activity++;
    if (ms === Infinity) return NEVER;
    // NaN or a negative delay waits as Node's would: not at all.
    // biome-ignore lint/complexity/useMathMinMax: Math.max(ms, 0) is NaN for NaN; this comparison gives 0
    const timer = new TestTimer(this.time + (ms > 0 ? ms : 0), this.armedCount++, fn, this.drop);
    this.timers.splice(this.indexAfter(timer), 0, timer);
    return timer;
  }

  /** How many timers are armed (not yet fired nor cleared). */
  get pending(): number {
    return this.timers.length;
  }

  /** When the next armed timer fires (ms since the epoch), if any is armed (unreferenced ones too). */
  get next(): number | undefined {
    return this.timers[0]?.at;
  }

  /**
   * Moves the time forward by `duration` (ms, or a string such as '30m', '7d'), firing the timers due
   * on the way in time order, each with the time at its due time, and letting the work each one
   * starts run (its promise jobs, a turn of the event loop) before the next fires.
   */
  async advance(duration: Duration): Promise<void> {
    const ms = toMilliseconds(duration);
    return this.exclusive('advance', () => this.runTo(this.time + ms));
  }

  /**
   * Waits for `promise`, skipping time whenever nothing but timers is left to wait for: it lets the
   * pending work run until it stops using the clock for a few turns of the event loop, then moves
   * the time to the next timer and fires it, again and again until `promise` settles. Resolves or
   * rejects as `promise` does. With nothing armed and nothing moving it fails with CLOCK_STUCK
   * (the promise waits for something no timer brings: a resume, a task that never returns); past
   * `options.limit`, with CLOCK_LIMIT.
   *
   * Work waiting on a network (NATS) is given the time it takes, but a timer armed meanwhile may
   * fire first: a task timeout can then overtake a task that is only slow. Use `advance` there.
   */
  async skipUntil<T>(promise: Promise<T>, options: SkipOptions = {}): Promise<T> {
    const outcome = track(promise);
    const from = this.time;
    const limit = options.limit === undefined ? Infinity : from + toMilliseconds(options.limit);
    const idleMs = options.idleMs ?? 1000;
    return this.exclusive('skipUntil', async () => {
      for (;;) {
        await this.quiet(outcome, idleMs);
        if (outcome.settled) return outcome.result();
        const next = this.nextReferenced();
        if (!next) throw this.stuck(idleMs);
        if (next.at > limit) throw this.overLimit(from, options.limit!, next.at);
        await this.runTo(next.at);
      }
    });
  }

  /** A timer cleared. */
  private readonly drop = (timer: TestTimer): void => {
    const index = this.timers.indexOf(timer);
    if (index < 0) return;
    this.activity++;
    this.timers.splice(index, 1);
  };

  private async runTo(target: number): Promise<void> {
    for (let timer = this.timers[0]; timer && timer.at <= target; timer = this.timers[0]) {
      this.timers.shift();
      this.activity++;
      if (timer.at > this.time) this.time = timer.at;
      timer.fn();
      await nextTurn();
    }
    if (target > this.time) this.time = target;
  }

  /** Lets the work under way run until it has stopped using the clock (or `outcome` is settled). */
  private async quiet(outcome: Tracked<unknown>, idleMs: number): Promise<void> {
    let seen = this.activity;
    let quietTurns = 0;
    let quietSince = Date.now();
    while (!outcome.settled) {
      await nextTurn();
      if (this.activity !== seen) {
        seen = this.activity;
        quietTurns = 0;
        quietSince = Date.now();
      } else if (++quietTurns >= QUIET_TURNS && (this.nextReferenced() || Date.now() - quietSince >= idleMs)) {
        return;
      }
    }
  }

  /** The first timer something waits for: unreferenced ones (a deadline whose attempt finished) are no reason to move. */
  private nextReferenced(): TestTimer | undefined {
    return this.timers.find((timer) => timer.referenced);
  }

  private indexAfter(timer: TestTimer): number {
    let low = 0;
    let high = this.timers.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.timers[middle]!.at <= timer.at) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private async exclusive<T>(what: string, work: () => Promise<T>): Promise<T> {
    if (this.busy)
      throw new FluxError(
        'CLOCK_BUSY',
        `TestClock.${what} was called while an advance or skipUntil of the same clock is still running: await it first (skipUntil(Promise.all([...])) waits for several)`,
      );
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  private stuck(idleMs: number): FluxError {
    return new FluxError(
      'CLOCK_STUCK',
      `TestClock.skipUntil: the promise is still pending, no timer that anything waits for is armed on this clock, and nothing used it for ${idleMs} ms: it waits for something time does not bring (a resume, a task that never returns, a runtime on another clock)`,
    );
  }

  private overLimit(from: number, limit: Duration, at: number): FluxError {
    return new FluxError(
      'CLOCK_LIMIT',
      `TestClock.skipUntil: the promise is still pending, and its next timer (at ${new Date(at).toISOString()}) is past the limit of ${String(limit)} from ${new Date(from).toISOString()}`,
    );
  }
}

interface Tracked<T> {
  settled: boolean;
  result(): T;
}

/** A promise's outcome, readable synchronously once it has settled. */
function track<T>(promise: Promise<T>): Tracked<T> {
  let value: T;
  let error: unknown;
  let failed = false;
  const tracked: Tracked<T> = {
    settled: false,
    result() {
      if (failed) throw error;
      return value;
    },
  };
  promise.then(
    (v) => {
      value = v;
      tracked.settled = true;
    },
    (e: unknown) => {
      error = e;
      failed = true;
      tracked.settled = true;
    },
  );
  return tracked;
}
