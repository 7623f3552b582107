/**
 * The replay engine: matches the calls a workflow body makes as it runs again against what its log
 * recorded.
 *
 * - A call whose outcome is recorded gets that outcome back, never runs again.
 * - Recorded outcomes are delivered in the order they were recorded (see `delivery.ts`), so a body
 *   whose concurrency depends on completion order (a parallel block, a race) replays as it ran.
 * - A call that started but never finished (the process died, or a pause) runs again.
 * - A call the log does not know, while recorded calls are still unmatched, is a divergence; so is a
 *   body that ends before reaching every recorded call. The execution actor fails loudly on both.
 *
 * A deterministic body makes its calls in the order the log recorded their starts, so matching
 * walks the log in lockstep: one comparison per call, nothing built, nothing kept. Only when the
 * body leaves that order, or replay is over and new calls need occurrence numbers, is the full
 * `CallIndex` built. The order of delivery walks the log's outcomes the same way; `delivery.ts`
 * decides when each is handed over.
 */
import { CallIndex, OUTCOME_TYPES, type RecordedCall } from './call-index.js';
import type { StoredEvent } from './events.js';
import { argumentsHash, callBase, isNestedCall } from './identity.js';

export type { RecordedCall } from './call-index.js';

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
  /** Delivery: the next event to read on the way to the next outcome, and the calls open there (a
   * second outcome for a call that already has one is passed over). */
  private outcomeCursor = 0;
  private readonly open = new Set<string>();

  constructor(private readonly events: readonly StoredEvent[]) {
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

  /**
   * Whether the log records this call next (without taking it): in the recorded order while the body
   * follows it, else by its identity.
   */
  peekStart(name: string, argsJson: string): boolean {
    if (!this.index) {
      const start = this.events[this.nextStart()];
      return start !== undefined && start.name === name && start.valueJson === argsJson;
    }
    return this.index.recorded(callBase(name, argumentsHash(argsJson)));
  }

  /** The first recorded call this run has not reached, if any: the evidence of a divergence. */
  firstUnmatched(): RecordedCall | undefined {
    if (this.index) return this.index.firstUnmatched();
    const at = this.nextStart();
    return at < this.end ? this.describe(at, undefined) : undefined;
  }

  /** Whether recorded outcomes remain that the body has not received. */
  get replaying(): boolean {
    return this.nextOutcome() !== undefined;
  }

  /**
   * The next recorded outcome the body has not received. Outcomes are recorded in the order the
   * body received them, so this is the order to deliver them in.
   */
  nextOutcome(): StoredEvent | undefined {
    while (this.outcomeCursor < this.end) {
      const event = this.events[this.outcomeCursor]!;
      // A nested task's start opens nothing: its outcome went to the task that called it, not the body.
      if (event.type === 'TASK_STARTED') {
        if (!isNestedCall(event.sourceId)) this.open.add(event.sourceId);
      } else if (OUTCOME_TYPES.has(event.type) && this.open.has(event.sourceId)) return event;
      this.outcomeCursor++; // any other event, or a second outcome of a call that already has one
    }
    return undefined;
  }

  /** The next outcome has been delivered. */
  advance(): void {
    const outcome = this.nextOutcome();
    if (!outcome) return;
    this.open.delete(outcome.sourceId);
    this.outcomeCursor++;
  }

  private nextStart(): number {
    let at = this.startCursor;
    while (at < this.end && !this.isBodyStart(at)) at++;
    this.startCursor = at;
    return at;
  }

  /** A start of one of the body's own calls (not a repeat, not a nested task's). */
  private isBodyStart(at: number): boolean {
    const event = this.events[at]!;
    return event.type === 'TASK_STARTED' && this.repeatedStart[at] !== 1 && !isNestedCall(event.sourceId);
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
    return {
      taskId: started.sourceId,
      name: started.name,
      position,
      argsJson: started.valueJson,
      started,
      outcome,
      matched,
    };
  }
}
