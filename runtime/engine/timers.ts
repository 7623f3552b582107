/**
 * Timers for durations chosen by callers (a sleep, a retry delay, a task timeout), which may be
 * longer than a Node timer can wait: Node fires a timer over 2^31-1 ms (~24.8 days) after 1 ms
 * (TimeoutOverflowWarning), so `sleep('30d')` would return at once. `setLongTimeout` waits in
 * chunks Node can keep, re-arming until the whole duration has passed.
 */

/** The longest delay a Node timer takes; anything longer would fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** What `setLongTimeout` arms its chunks with: Node's, unless a test injects its own. */
export interface TimerFunctions {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The part of a timer handle this module uses (Node's `Timeout` has it). */
export interface TimerHandle {
  ref?(): unknown;
  unref?(): unknown;
}

const NODE_TIMERS: TimerFunctions = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A pending long timeout: cleared at most once, never fires after that. */
export interface LongTimeout {
  clear(): void;
  /** Stops this timer from keeping the process alive (every chunk, not just the one armed now). */
  unref(): this;
  ref(): this;
}

class Chunked implements LongTimeout {
  private handle: TimerHandle | undefined;
  private remaining: number;
  private referenced = true;

  constructor(
    private readonly fn: () => void,
    ms: number,
    private readonly timers: TimerFunctions,
  ) {
    // NaN or a negative delay waits as Node would: not at all.
    // biome-ignore lint/complexity/useMathMinMax: Math.max(ms, 0) is NaN for NaN; this comparison gives 0
    this.remaining = ms > 0 ? ms : 0;
    this.arm();
  }

  clear(): void {
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle);
    this.handle = undefined;
  }

  unref(): this {
    this.referenced = false;
    this.handle?.unref?.();
    return this;
  }

  ref(): this {
    this.referenced = true;
    this.handle?.ref?.();
    return this;
  }

  /**
   * The next chunk. Counting down what remains (rather than reading a clock) needs no clock, and a
   * chunk never fires early, so the whole never does either.
   */
  private arm(): void {
    const chunk = Math.min(this.remaining, MAX_TIMER_MS);
    this.remaining -= chunk;
    this.handle = this.timers.setTimeout(this.fired, chunk);
    if (!this.referenced) this.handle.unref?.();
  }

  private readonly fired = (): void => {
    if (this.handle === undefined) return; // cleared
    if (this.remaining > 0) {
      this.arm();
      return;
    }
    this.handle = undefined;
    this.fn();
  };
}

/** Calls `fn` once `ms` have passed, however long that is (Infinity: never). */
export function setLongTimeout(fn: () => void, ms: number, timers: TimerFunctions = NODE_TIMERS): LongTimeout {
  return new Chunked(fn, ms, timers);
}

/** Clears a long timeout if there is one (a `clearTimeout` that takes undefined). */
export function clearLongTimeout(timer: LongTimeout | undefined): void {
  timer?.clear();
}

/**
 * An interval Node can keep, from a caller-chosen period (a lease): at least `floor`, at most
 * MAX_TIMER_MS (a longer interval would fire every millisecond).
 */
export function clampInterval(ms: number, floor: number): number {
  return Math.min(Math.max(floor, Math.floor(ms)), MAX_TIMER_MS);
}
