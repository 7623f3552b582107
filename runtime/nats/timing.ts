/** Intervals of the NATS parts, derived from caller-chosen periods (the lease). */
import { MAX_TIMER_MS } from '../timers.js';

/** An interval Node can keep (one over 2^31-1 ms would fire every millisecond), at least `floor`. */
export function clampInterval(ms: number, floor: number): number {
  return Math.min(Math.max(floor, Math.floor(ms)), MAX_TIMER_MS);
}
