/**
 * The replay engine: matches the calls a workflow body makes as it runs again against what its log
 * recorded.
 *
 * - A call whose outcome is recorded gets that outcome back, never runs again.
 * - Recorded outcomes are delivered in the order they were recorded, so a body whose concurrency
 *   depends on completion order (a parallel block, a race) replays exactly as it ran.
 * - A call that started but never finished (the process died, or a pause) runs again.
 * - A call the log does not know, while recorded calls are still unmatched, is a divergence; so is a
 *   body that ends before reaching every recorded call. The execution actor fails loudly on both.
 *
 * A deterministic body makes its calls in the order the log recorded their starts, so matching
 * walks the log in lockstep: one comparison per call, nothing built, nothing kept. Only when the
 * body leaves that order, or replay is over and new calls need occurrence numbers, is the full
 * `CallIndex` built. Delivery walks the log's outcomes the same way.
 */
import { CallIndex, OUTCOME_TYPES, type RecordedCall } from './call-index.js';
import type { StoredEvent } from './events.js';
import { argumentsHash, callBase } from './identity.js';

export type { RecordedCall } from './call-index.js';

type Settle = (outcome: StoredEvent) => void;

/** How far to look ahead for a call's outcome before building the index instead. */
const OUTCOME_LOOKAHEAD = 256;

export class Replay {
  /** Only what was recorded before this run counts; the run appends to the same array. */
  private readonly end: number;
  private index: CallIndex | undefined;
  /** Lockstep: the next event to read as a recorded start, and how many calls matched so far. */
  private startCursor = 0;
  private lockstepMatched = 0;
  /** Starts to pass over: a call that ran again after a crash has its start recorded twice. */
  private readonly repeatedStart: Uint8Array;
  /** Delivery: the next outcome in the log that the body has not received. */
  private outcomeCursor = 0;
  private readonly waiting = new Map<string, { call: RecordedCall; settle: Settle }>();
  /** Cleared once the body stops following the recorded order; from then on outcomes go out at once. */
  private strict = true;
  private turnScheduled = false;
  private stallCheckScheduled = false;

  /** @param busy whether live work (a task, a timer) is still in flight: a reason to wait, not a stall. */
  constructor(private readonly events: readonly StoredEvent[], private readonly busy: () => boolean) {
    this.end = events.length;
    this.repeatedStart = new Uint8Array(this.end);
  }

  /**
   * Gives a call its identity (`<name>_<hash>_<n>`: the n-th call with that name and those
   * arguments, so ids do not depend on timing) and counts it as reached. Returns the recorded call
   * when the log has one (with an `outcome` if it finished), else the new call's id.
   */
  identify(name: string, argsJson: string): RecordedCall | string {
    if (!this.index) {
      const at = this.nextStart();
      const start = this.events[at];
      // Same name and same arguments at the same place: by induction, the same call and occurrence.
      if (start && start.name === name && start.valueJson === argsJson) return this.takeStart(at);
      this.index = new CallIndex(this.events, this.end, this.startCursor);
    }
    return this.index.identify(callBase(name, argumentsHash(argsJson)));
  }

  /** The first recorded call this run has not reached, if any: the evidence of a divergence. */
  firstUnmatched(): RecordedCall | undefined {
    if (this.index) return this.index.firstUnmatched();
    const at = this.nextStart();
    return at < this.end ? this.describe(at, undefined) : undefined;
  }

  /**
   * Whether the call's outcome may go to the body right now: it is the next one recorded and no
   * other call is waiting (a sequential body). The caller then returns a settled promise, and the
   * outcome counts as delivered. Otherwise the caller must `deliver`.
   */
  takeNow(call: RecordedCall): boolean {
    if (!this.strict) return true;
    if (this.waiting.size > 0 || this.nextOutcome() !== call.outcome) return false;
    this.outcomeCursor++;
    return true;
  }

  /** Hands a recorded outcome to `settle` once every outcome recorded before it has been handed out. */
  deliver(call: RecordedCall, settle: Settle): void {
    if (!this.strict) return settle(call.outcome!);
    this.waiting.set(call.taskId, { call, settle });
    if (this.nextOutcome() === call.outcome) this.scheduleTurn(this.waiting.size > 1);
    else this.scheduleStallCheck();
  }

  /** Live work finished: if the body was waiting on the recorded order, look again. */
  poke(): void {
    if (this.waiting.size > 0) this.scheduleStallCheck();
  }

  private nextStart(): number {
    let at = this.startCursor;
    while (at < this.end && (this.events[at]!.type !== 'TASK_STARTED' || this.repeatedStart[at] === 1)) at++;
    return (this.startCursor = at);
  }

  private takeStart(at: number): RecordedCall {
    this.startCursor = at + 1;
    const outcome = this.findOutcome(at);
    if (outcome === 'far') {
      // The outcome is far from the start (a long call among many others): index it all once.
      this.index = new CallIndex(this.events, this.end, this.startCursor);
      return this.index.calls.get(this.events[at]!.sourceId)!;
    }
    this.lockstepMatched++;
    return this.describe(at, outcome, true);
  }

  /** Looks ahead for the outcome of the call started at `at`, marking repeated starts on the way. */
  private findOutcome(at: number): StoredEvent | undefined | 'far' {
    const taskId = this.events[at]!.sourceId;
    const limit = Math.min(this.end, at + 1 + OUTCOME_LOOKAHEAD);
    for (let i = at + 1; i < limit; i++) {
      const event = this.events[i]!;
      if (event.sourceId !== taskId) continue;
      if (OUTCOME_TYPES.has(event.type)) return event;
      if (event.type === 'TASK_STARTED') this.repeatedStart[i] = 1;
    }
    return limit === this.end ? undefined : 'far';
  }

  private describe(at: number, outcome: StoredEvent | undefined, matched = false): RecordedCall {
    const started = this.events[at]!;
    const position = this.lockstepMatched + (matched ? 0 : 1);
    return { taskId: started.sourceId, name: started.name, position, argsJson: started.valueJson, started, outcome, matched };
  }

  private nextOutcome(): StoredEvent | undefined {
    while (this.outcomeCursor < this.end && !OUTCOME_TYPES.has(this.events[this.outcomeCursor]!.type)) this.outcomeCursor++;
    return this.events[this.outcomeCursor];
  }

  /**
   * Delivery happens in turns, one outcome per turn, never inside the call that asked for it (the
   * caller has not attached its continuations yet). When the next outcome is already waiting too, it
   * is a concurrent block: the next turn comes after the event loop has run every continuation of
   * this one, as it did when the outcomes first arrived one by one. A sequential body (one call
   * waiting at a time) gets its turns as microtasks, so replaying a long history stays cheap.
   */
  private scheduleTurn(afterContinuations: boolean): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    if (afterContinuations) setImmediate(this.turn);
    else queueMicrotask(this.turn);
  }

  private readonly turn = (): void => {
    this.turnScheduled = false;
    const outcome = this.nextOutcome();
    const waiter = outcome && this.waiting.get(outcome.sourceId);
    if (!waiter || waiter.call.outcome !== outcome) return this.scheduleStallCheck();
    this.waiting.delete(outcome.sourceId);
    this.outcomeCursor++;
    waiter.settle(outcome);
    const following = this.nextOutcome();
    if (following && this.waiting.get(following.sourceId)?.call.outcome === following) this.scheduleTurn(true);
    else if (this.waiting.size > 0) this.scheduleStallCheck();
  };

  /**
   * The body may be waiting on an outcome recorded later than one it has not asked for (it changed,
   * or awaits something that is not a task). Once the event loop has run every pending continuation
   * and no live work remains, stop insisting on the recorded order rather than hang; the divergence,
   * if there is one, is reported when the body calls something new or ends.
   */
  private scheduleStallCheck(): void {
    if (this.stallCheckScheduled) return;
    this.stallCheckScheduled = true;
    setImmediate(() => {
      this.stallCheckScheduled = false;
      if (this.waiting.size === 0 || this.busy() || this.turnScheduled) return;
      this.strict = false;
      const waiters = [...this.waiting.values()].sort((a, b) => a.call.outcome!.seq - b.call.outcome!.seq);
      this.waiting.clear();
      for (const { call, settle } of waiters) settle(call.outcome!);
    });
  }
}
