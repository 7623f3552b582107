/**
 * The runtime's one source of time: what time it is, and timers. Code in runtime/ and actors/ reads
 * time and waits only through a `Clock` it is given, so a test can decide time instead of waiting
 * for it. `systemClock` is the real one; its timers take any duration (./timers.ts).
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

/** A clock as XState takes one (`createActor(machine, { clock })`): for delayed transitions. */
export function xstateClock(clock: Clock) {
  return {
    setTimeout: (fn: (...args: unknown[]) => void, ms: number): Timer => clock.setTimeout(fn, ms),
    clearTimeout: (timer: Timer): void => timer.clear(),
  };
}
