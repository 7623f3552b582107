/**
 * When the workflow body receives each outcome, live or replayed: one discipline for both, so a
 * replay interleaves the body's code exactly as the first run did.
 *
 * - An outcome is recorded when it is delivered, so the log's order is the order the body saw.
 * - A call that is the only one open gets its outcome at once: a sequential body pays nothing.
 * - When several calls are open, outcomes are delivered one per turn of the event loop, in order,
 *   so every continuation of one outcome runs before the next arrives, as it did live.
 * - Replay hands over recorded outcomes by the same rules: an outcome recorded while its call was
 *   alone goes out the moment the call is made; any other waits for its turn. Live results that
 *   arrive meanwhile (calls that ran again after a crash) wait until the recorded ones are out.
 */
import type { StoredEvent } from './events.js';
import type { Replay, RecordedCall } from './replay.js';

type Settle = (outcome: StoredEvent) => void;

export class Delivery {
  /** Replayed calls made by the body, waiting for their recorded outcome's turn. */
  private readonly waiting = new Map<string, { call: RecordedCall; settle: Settle }>();
  /** Live results that arrived while other calls were open, in arrival order. */
  private readonly arrived: (() => void)[] = [];
  /** Live calls made and not yet delivered (arrived or not). */
  private live = 0;
  /** Cleared once the body stops following the recorded order; from then on everything goes out at once. */
  private strict = true;
  private stopped = false;
  private turnScheduled = false;
  private stallCheckScheduled = false;

  constructor(private readonly replay: Replay) {}

  /** Whether a replayed call may be settled right now (the caller then returns a settled promise). */
  takeNow(call: RecordedCall): boolean {
    if (!this.strict) return true;
    const idle = this.waiting.size === 0 && this.live === 0 && !this.turnScheduled;
    if (!idle || this.replay.nextOutcome() !== call.outcome || !this.replay.nextIsAlone()) return false;
    this.replay.advance();
    return true;
  }

  /** A replayed call that must wait for its recorded outcome's turn. */
  wait(call: RecordedCall, settle: Settle): void {
    if (!this.strict) return settle(call.outcome!);
    this.waiting.set(call.taskId, { call, settle });
    if (this.replay.nextOutcome() === call.outcome) this.scheduleTurn();
    else this.scheduleStallCheck();
  }

  liveStarted(): void {
    this.live++;
  }

  /** A live call ended without an outcome for the body (a sleep left behind by a pause). */
  liveDropped(): void {
    this.live--;
  }

  /** A live result arrived; `deliver` records it and settles the body's promise. */
  liveArrived(deliver: () => void): void {
    if (this.stopped) return;
    const alone = this.live === 1 && this.waiting.size === 0 && this.arrived.length === 0 && !this.turnScheduled;
    if (!this.strict || (alone && !this.replay.replaying)) {
      this.live--;
      return deliver();
    }
    this.arrived.push(deliver);
    this.scheduleTurn();
  }

  /** The body is left behind (paused, failed): nothing more is delivered to it. */
  stop(): void {
    this.stopped = true;
    this.waiting.clear();
    this.arrived.length = 0;
  }

  private scheduleTurn(): void {
    if (this.turnScheduled || this.stopped) return;
    this.turnScheduled = true;
    setImmediate(this.turn);
  }

  private readonly turn = (): void => {
    this.turnScheduled = false;
    if (this.stopped) return;
    if (this.replay.replaying) {
      const outcome = this.replay.nextOutcome()!;
      const waiter = this.waiting.get(outcome.sourceId);
      if (!waiter) return this.scheduleStallCheck();
      this.waiting.delete(outcome.sourceId);
      this.replay.advance();
      waiter.settle(outcome);
    } else {
      const deliver = this.arrived.shift();
      if (!deliver) return;
      this.live--;
      deliver();
    }
    if (this.hasDeliverable()) this.scheduleTurn();
  };

  private hasDeliverable(): boolean {
    const outcome = this.replay.nextOutcome();
    return outcome ? this.waiting.has(outcome.sourceId) : this.arrived.length > 0;
  }

  /**
   * The body may be waiting on an outcome recorded later than one it has not asked for (it changed,
   * or awaits something that is not a task). Once the event loop has run every pending continuation
   * and no live work is running, stop insisting on the recorded order rather than hang; the
   * divergence, if there is one, is reported when the body calls something new or ends.
   */
  private scheduleStallCheck(): void {
    if (this.stallCheckScheduled || this.stopped) return;
    this.stallCheckScheduled = true;
    setImmediate(() => {
      this.stallCheckScheduled = false;
      const running = this.live - this.arrived.length;
      if (this.stopped || this.turnScheduled || this.waiting.size === 0 || running > 0) return;
      this.strict = false;
      const waiting = [...this.waiting.values()].sort((a, b) => a.call.outcome!.seq - b.call.outcome!.seq);
      this.waiting.clear();
      for (const { call, settle } of waiting) settle(call.outcome!);
      for (const deliver of this.arrived.splice(0)) (this.live--, deliver());
    });
  }
}
