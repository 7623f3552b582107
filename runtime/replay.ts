/**
 * The replay engine: an index of what an execution's log recorded, matched against the calls the
 * workflow body makes as it runs again.
 *
 * - A call whose outcome is recorded gets that outcome back, never runs again.
 * - Recorded outcomes are delivered in the order they were recorded, so a body whose concurrency
 *   depends on completion order (a parallel block, a race) replays exactly as it ran.
 * - A call that started but never finished (the process died, or a pause) runs again.
 * - A call the log does not know, while recorded calls are still unmatched, is a divergence; so is a
 *   body that ends before reaching every recorded call. The execution actor fails loudly on both.
 */
import type { EventType, StoredEvent } from './events.js';
import { argumentsHash, callBase, callId, parseCallId } from './identity.js';

const OUTCOME_TYPES: ReadonlySet<EventType> = new Set<EventType>(['TASK_COMPLETED', 'TASK_FAILED', 'TASK_RESUMED']);

export interface RecordedCall {
  taskId: string;
  name: string;
  /** 1-based position among the calls the log records. */
  position: number;
  argsJson: string | undefined;
  started: StoredEvent;
  outcome: StoredEvent | undefined;
  matched: boolean;
}

type Settle = (outcome: StoredEvent) => void;

/** The calls recorded with one name and one argument hash, by occurrence, and how many this run made. */
interface CallsWithBase {
  recorded: RecordedCall[];
  made: number;
}

export class Replay {
  // One map, one look-up per replayed call: this is the hot path of a long replay.
  private readonly calls = new Map<string, RecordedCall>();
  private readonly byBase = new Map<string, CallsWithBase>();
  private readonly deliveryOrder: RecordedCall[] = [];
  private matchedCount = 0;
  private readonly waiting = new Map<string, Settle>();
  private next = 0;
  /** Cleared once the body stops following the recorded order; from then on outcomes go out at once. */
  private strict = true;
  private stallCheckScheduled = false;
  private turnScheduled = false;

  /** @param busy whether live work (a task, a timer) is still in flight: a reason to wait, not a stall. */
  constructor(events: readonly StoredEvent[], private readonly busy: () => boolean) {
    for (const event of events) this.index(event);
  }

  /**
   * Gives a call its identity (`<name>_<hash>_<n>`: the n-th call with that name and those
   * arguments, so ids do not depend on timing) and counts it as reached. Returns the recorded call
   * when the log has one (with an `outcome` if it finished), else the new call's id.
   */
  identify(name: string, argsJson: string): RecordedCall | string {
    const base = callBase(name, argumentsHash(argsJson));
    let calls = this.byBase.get(base);
    if (!calls) this.byBase.set(base, (calls = { recorded: [], made: 0 }));
    const occurrence = ++calls.made;
    const call = calls.recorded[occurrence - 1];
    if (!call) return callId(base, occurrence);
    if (!call.matched) (call.matched = true), this.matchedCount++;
    return call;
  }

  /** The first recorded call this run has not reached, if any: the evidence of a divergence. */
  firstUnmatched(): RecordedCall | undefined {
    if (this.matchedCount === this.calls.size) return undefined;
    for (const call of this.calls.values()) if (!call.matched) return call;
    return undefined;
  }

  /** Hands a recorded outcome to `settle` once every outcome recorded before it has been handed out. */
  deliver(call: RecordedCall, settle: Settle): void {
    if (!this.strict) return settle(call.outcome!);
    this.waiting.set(call.taskId, settle);
    if (this.deliveryOrder[this.next] === call) this.scheduleTurn(this.waiting.size > 1);
    else this.scheduleStallCheck();
  }

  /** Live work finished: if the body was waiting on the recorded order, look again. */
  poke(): void {
    if (this.waiting.size > 0) this.scheduleStallCheck();
  }

  private index(event: StoredEvent): void {
    if (event.type === 'TASK_STARTED') {
      if (!this.calls.has(event.sourceId)) {
        const call: RecordedCall = {
          taskId: event.sourceId, name: event.name, position: this.calls.size + 1, argsJson: event.valueJson, started: event, outcome: undefined, matched: false,
        };
        this.calls.set(event.sourceId, call);
        const { base, occurrence } = parseCallId(event.sourceId);
        let calls = this.byBase.get(base);
        if (!calls) this.byBase.set(base, (calls = { recorded: [], made: 0 }));
        calls.recorded[occurrence - 1] = call;
      }
    } else if (OUTCOME_TYPES.has(event.type)) {
      const call = this.calls.get(event.sourceId);
      // An outcome always follows its start in a log this runtime wrote; the first outcome counts.
      if (call && !call.outcome) (call.outcome = event), this.deliveryOrder.push(call);
    }
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
    const call = this.deliveryOrder[this.next];
    const settle = call && this.waiting.get(call.taskId);
    if (!settle) return this.scheduleStallCheck();
    this.waiting.delete(call.taskId);
    this.next++;
    settle(call.outcome!);
    const following = this.deliveryOrder[this.next];
    if (following !== undefined && this.waiting.has(following.taskId)) this.scheduleTurn(true);
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
      for (const call of this.deliveryOrder.slice(this.next)) {
        const settle = this.waiting.get(call.taskId);
        if (settle) (this.waiting.delete(call.taskId), settle(call.outcome!));
      }
    });
  }
}
