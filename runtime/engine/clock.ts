/**
 * The runtime's one source of time: what time it is, and timers. Code in runtime/ and actors/ reads
 * time and waits only through a `Clock` it is given, so a test can decide time instead of waiting
 * for it (`TestClock`, ./test-clock.ts). `systemClock` is the real one; its timers take any
 * duration (./timers.ts).
 *
 * Two kinds of time go through clocks. Workflow time is the runtime's clock (`createRuntime({ clock })`):
 * event times, `now()`, durable sleeps, retry backoffs, task timeouts. Time that measures the world
 * outside the process (a lease that says whether another process is alive, patience with a NATS
 * server) stays on `systemClock`: a test clock that skips a week must not make a live process look
 * dead, nor a request in flight time out.
 */
import { setLongTimeout, type LongTimeout } from './timers.js';

/** A pending timer: cleared at most once, never fires after that. */
export type Timer = LongTimeout;

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fn` once `ms` have passed, however long that is (Infinity: never). */
  setTimeout(fn: () => void, ms: number): Timer;
}

/** The machine's own time and Node's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setLongTimeout(fn, ms),
};

/** XState's clock type (`createActor(machine, { clock })`), for delayed transitions. */
export interface XStateClock {
  setTimeout(fn: (...args: unknown[]) => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
}

/** A clock as XState takes one: delayed transitions (a retry's backoff) then wait on `clock`. */
export function xstateClock(clock: Clock): XStateClock {
  return {
    setTimeout: (fn: (...args: unknown[]) => void, ms: number): Timer => clock.setTimeout(fn, ms),
    clearTimeout: (timer: Timer): void => timer.clear(),
  };
}

/**
 * Calls `fn` every `ms` on `clock` until cleared: `setInterval` on a clock. The next period is armed
 * before `fn` runs, so a slow `fn` does not stretch the period.
 */
export function repeat(clock: Clock, fn: () => void, ms: number): Timer {
  return new Repeating(clock, fn, ms);
}

class Repeating implements Timer {
  private timer: Timer;
  private referenced = true;
  private cleared = false;

  constructor(
    private readonly clock: Clock,
    private readonly fn: () => void,
    private readonly ms: number,
  ) {
    this.timer = this.arm();
  }

  clear(): void {
    this.cleared = true;
    this.timer.clear();
  }

  unref(): this {
    this.referenced = false;
    this.timer.unref();
    return this;
  }

  ref(): this {
    this.referenced = true;
    this.timer.ref();
    return this;
  }

  private arm(): Timer {
    const timer = this.clock.setTimeout(this.tick, this.ms);
    return this.referenced ? timer : timer.unref();
  }

  private readonly tick = (): void => {
    if (this.cleared) return;
    this.timer = this.arm();
    this.fn();
  };
}

/** Waits `ms` on `clock`: resolves then. */
export function wait(clock: Clock, ms: number): Promise<void> {
  return new Promise((resolve) => void clock.setTimeout(resolve, ms));
}
