/**
 * Every call an execution's log records, by id and by base (name and argument hash). The replay
 * engine builds it only when it needs it: when the body leaves the recorded order, or once replay
 * is over and new calls need their occurrence numbers.
 */
import type { EventType, StoredEvent } from './events.js';
import { callId, isNestedCall, parseCallId } from './identity.js';

export const OUTCOME_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'TASK_COMPLETED',
  'TASK_FAILED',
  'TASK_RESUMED',
]);

export interface RecordedCall {
  taskId: string;
  name: string;
  /** 1-based position among the calls the log records. */
  position: number;
  argsJson: string | undefined;
  started: StoredEvent;
  /** The first outcome recorded for the call; undefined while it never finished. */
  outcome: StoredEvent | undefined;
  matched: boolean;
}

/** The calls recorded with one base, by occurrence, and how many this run has made. */
interface CallsWithBase {
  recorded: RecordedCall[];
  made: number;
}

export class CallIndex {
  readonly calls = new Map<string, RecordedCall>();
  private readonly byBase = new Map<string, CallsWithBase>();
  private matchedCount = 0;

  /** Indexes `events[0, end)`; the calls started in `events[0, reached)` count as already made. */
  constructor(events: readonly StoredEvent[], end: number, reached: number) {
    for (let i = 0; i < end; i++) {
      const event = events[i]!;
      if (event.type === 'TASK_STARTED') {
        if (!isNestedCall(event.sourceId)) this.addCall(event, i < reached);
      } else if (OUTCOME_TYPES.has(event.type)) {
        const call = this.calls.get(event.sourceId);
        if (call && !call.outcome) call.outcome = event;
      }
    }
  }

  /** The n-th call of `base` in this run: the recorded one, or the id of a new call. */
  identify(base: string): RecordedCall | string {
    const calls = this.basesOf(base);
    const occurrence = ++calls.made;
    const call = calls.recorded[occurrence - 1];
    if (!call) return callId(base, occurrence);
    this.markMatched(call);
    return call;
  }

  /** Whether the next call with this base is one the log recorded (without counting it as made). */
  recorded(base: string): boolean {
    const calls = this.byBase.get(base);
    return calls !== undefined && calls.recorded[calls.made] !== undefined;
  }

  firstUnmatched(): RecordedCall | undefined {
    if (this.matchedCount === this.calls.size) return undefined;
    for (const call of this.calls.values()) if (!call.matched) return call;
    return undefined;
  }

  private addCall(event: StoredEvent, reached: boolean): void {
    if (this.calls.has(event.sourceId)) return; // started again after a crash: one call
    const call: RecordedCall = {
      taskId: event.sourceId,
      name: event.name,
      position: this.calls.size + 1,
      argsJson: event.valueJson,
      started: event,
      outcome: undefined,
      matched: false,
    };
    this.calls.set(event.sourceId, call);
    const { base, occurrence } = parseCallId(event.sourceId);
    const calls = this.basesOf(base);
    calls.recorded[occurrence - 1] = call;
    if (reached) {
      this.markMatched(call);
      calls.made = Math.max(calls.made, occurrence);
    }
  }

  private markMatched(call: RecordedCall): void {
    if (!call.matched) {
      call.matched = true;
      this.matchedCount++;
    }
  }

  private basesOf(base: string): CallsWithBase {
    let calls = this.byBase.get(base);
    if (!calls) {
      calls = { recorded: [], made: 0 };
      this.byBase.set(base, calls);
    }
    return calls;
  }
}
