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

const OUTCOME_TYPES: ReadonlySet<EventType> = new Set<EventType>(['TASK_COMPLETED', 'TASK_FAILED', 'TASK_RESUMED']);

export interface RecordedCall {
  taskId: string;
  name: string;
  /** 1-based position among the calls the log records. */
  position: number;
  argsJson: string | undefined;
  started: StoredEvent;
}

export type Match =
  | { kind: 'recorded'; outcome: StoredEvent }
  | { kind: 'open'; call: RecordedCall }
  | { kind: 'new' };

type Settle = (outcome: StoredEvent) => void;

export class Replay {
  private readonly outcomes = new Map<string, StoredEvent>();
  private readonly calls = new Map<string, RecordedCall>();
  private readonly deliveryOrder: string[] = [];
  private readonly matched = new Set<string>();
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

  /** Looks a call up and counts it as reached. */
  match(taskId: string): Match {
    const call = this.calls.get(taskId);
    if (!call) return { kind: 'new' };
    this.matched.add(taskId);
    const outcome = this.outcomes.get(taskId);
    return outcome ? { kind: 'recorded', outcome } : { kind: 'open', call };
  }

  /** The first recorded call this run has not reached, if any: the evidence of a divergence. */
  firstUnmatched(): RecordedCall | undefined {
    if (this.matched.size === this.calls.size) return undefined;
    for (const call of this.calls.values()) if (!this.matched.has(call.taskId)) return call;
    return undefined;
  }

  /** Hands a recorded outcome to `settle` once every outcome recorded before it has been handed out. */
  deliver(taskId: string, settle: Settle): void {
    if (!this.strict) return settle(this.outcomes.get(taskId)!);
    this.waiting.set(taskId, settle);
    if (this.deliveryOrder[this.next] === taskId) this.scheduleTurn(this.waiting.size > 1);
    else this.scheduleStallCheck();
  }

  /** Live work finished: if the body was waiting on the recorded order, look again. */
  poke(): void {
    if (this.waiting.size > 0) this.scheduleStallCheck();
  }

  private index(event: StoredEvent): void {
    if (event.type === 'TASK_STARTED') {
      if (!this.calls.has(event.sourceId)) {
        this.calls.set(event.sourceId, {
          taskId: event.sourceId, name: event.name, position: this.calls.size + 1, argsJson: event.valueJson, started: event,
        });
      }
    } else if (OUTCOME_TYPES.has(event.type) && !this.outcomes.has(event.sourceId)) {
      this.outcomes.set(event.sourceId, event);
      this.deliveryOrder.push(event.sourceId);
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
    const taskId = this.deliveryOrder[this.next];
    const settle = taskId === undefined ? undefined : this.waiting.get(taskId);
    if (!settle) return this.scheduleStallCheck();
    this.waiting.delete(taskId!);
    this.next++;
    settle(this.outcomes.get(taskId!)!);
    const following = this.deliveryOrder[this.next];
    if (following !== undefined && this.waiting.has(following)) this.scheduleTurn(true);
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
      for (const taskId of this.deliveryOrder.slice(this.next)) {
        const settle = this.waiting.get(taskId);
        if (settle) (this.waiting.delete(taskId), settle(this.outcomes.get(taskId)!));
      }
    });
  }
}
