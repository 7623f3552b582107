/**
 * When the workflow body receives each outcome, live or replayed. The schedule depends only on
 * what the log records, never on how fast a task ran, so a replay interleaves the body's code with
 * its outcomes exactly as the first run did.
 *
 * - Every call opens a gate a fixed number of microtask steps after it is made. A live result that
 *   has arrived by then (a task that finished without waiting on anything real) is delivered as the
 *   gate opens and recorded `quick`; a replay delivers a quick outcome as its call's gate opens too.
 * - A result that arrives later is delivered on a turn of the event loop of its own, one per turn,
 *   in arrival order, once every continuation of the body has run; a replay delivers such outcomes
 *   on turns of their own as well, in recorded order.
 * - Outcomes are recorded when delivered, so the log's order is the order the body saw them in.
 *   Live results that arrive while recorded outcomes are still being replayed (calls that ran
 *   again after a crash) wait until every recorded one is out.
 */
import type { StoredEvent } from './events.js';
import type { Replay, RecordedCall } from './replay.js';
import { nextTurn } from './turns.js';

/** Microtask steps from a call to its gate: room for a task with a few internal awaits. */
const GATE_STEPS = 6;
const RESOLVED = Promise.resolve();

function gate(): Promise<void> {
  let opened = RESOLVED.then();
  for (let i = 1; i < GATE_STEPS; i++) opened = opened.then();
  return opened;
}

/**
 * A replayed outcome's turn needs only what a turn guarantees the body: every continuation it had
 * pending has run. A tick queued from a microtask runs once the microtask queue is empty, which
 * gives exactly that without a trip through the event loop (an I/O poll each, tens of ms over a
 * 10,000-step history). Every DRAINS_PER_TURN turns a real one lets timers and I/O in (leases).
 */
const DRAINS_PER_TURN = 256;

function afterMicrotasks(run: () => void): void {
  queueMicrotask(() => process.nextTick(run));
}

type Settle = (outcome: StoredEvent) => void;
/** Records a live result (`quick` or not) and settles the body's promise. */
type DeliverLive = (quick: boolean) => void;

/** One live call's place in the schedule. */
export interface LiveTicket {
  gateOpen: boolean;
  /** Set when the result arrived before the gate opened. */
  early: DeliverLive | undefined;
}

export class Delivery {
  /** Replayed calls waiting for their recorded outcome's turn. */
  private readonly waiting = new Map<string, { call: RecordedCall; settle: Settle }>();
  /** Live results that arrived after their gate, in arrival order. */
  private readonly late: (() => void)[] = [];
  /** Live calls whose result has not arrived yet. */
  private running = 0;
  /** Cleared once the body stops following the recorded order; from then on everything goes out at once. */
  private strict = true;
  private stopped = false;
  private turnScheduled = false;
  private stallCheckScheduled = false;
  /** Replayed turns taken as microtask drains since the last real turn of the event loop. */
  private drains = 0;

  constructor(private readonly replay: Replay) {}

  /** A replayed call: its recorded outcome goes out at its gate (quick) or on its turn. */
  replayed(call: RecordedCall, settle: Settle): void {
    const outcome = call.outcome!;
    if (!this.strict) {
      settle(outcome);
      return;
    }
    if (outcome.quick) {
      gate().then(() => this.openReplayGate(call, settle));
      return;
    }
    this.waiting.set(call.taskId, { call, settle });
    if (this.replay.nextOutcome() === outcome) this.scheduleTurn();
    else this.scheduleStallCheck();
  }

  /** A live call was made. */
  liveStarted(): LiveTicket {
    this.running++;
    const ticket: LiveTicket = { gateOpen: false, early: undefined };
    gate().then(() => {
      ticket.gateOpen = true;
      if (ticket.early && !this.stopped) ticket.early(true);
    });
    return ticket;
  }

  /** A live call's result arrived; `deliver` records it and settles the body's promise. */
  liveArrived(ticket: LiveTicket, deliver: DeliverLive): void {
    this.running--;
    if (this.stopped) return;
    const mayBeQuick = !ticket.gateOpen && (!this.strict || !this.replay.replaying);
    if (mayBeQuick) ticket.early = deliver;
    else if (!this.strict) deliver(false);
    else {
      this.late.push(() => deliver(false));
      this.scheduleTurn();
    }
  }

  /** Whether nothing is queued for the body: no replayed outcome waiting for its turn, no late live result. */
  get idle(): boolean {
    return !this.turnScheduled && this.waiting.size === 0 && this.late.length === 0;
  }

  /** The body is left behind (paused, failed): nothing more is delivered to it. */
  stop(): void {
    this.stopped = true;
    this.waiting.clear();
    this.late.length = 0;
  }

  private openReplayGate(call: RecordedCall, settle: Settle): void {
    if (this.stopped) return;
    if (this.strict && this.replay.nextOutcome() !== call.outcome) {
      // Not the next recorded outcome: the body has left its recorded course. Queue it like any
      // other; the stall check or the divergence check takes it from here.
      this.waiting.set(call.taskId, { call, settle });
      this.scheduleStallCheck();
      return;
    }
    if (this.strict) this.replay.advance();
    settle(call.outcome!);
    if (this.hasDeliverable()) this.scheduleTurn();
  }

  private scheduleTurn(): void {
    if (this.turnScheduled || this.stopped) return;
    this.turnScheduled = true;
    if (this.replay.replaying && ++this.drains < DRAINS_PER_TURN) afterMicrotasks(this.turn);
    else {
      this.drains = 0;
      nextTurn(this.turn);
    }
  }

  private readonly turn = (): void => {
    this.turnScheduled = false;
    if (this.stopped) return;
    if (this.replay.replaying) {
      const outcome = this.replay.nextOutcome()!;
      const waiter = this.waiting.get(outcome.sourceId);
      if (!waiter) {
        this.scheduleStallCheck();
        return;
      }
      this.waiting.delete(outcome.sourceId);
      this.replay.advance();
      waiter.settle(outcome);
    } else {
      this.late.shift()?.();
    }
    if (this.hasDeliverable()) this.scheduleTurn();
  };

  private hasDeliverable(): boolean {
    const outcome = this.replay.nextOutcome();
    return outcome ? this.waiting.has(outcome.sourceId) : this.late.length > 0;
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
      if (this.stopped || this.turnScheduled || this.waiting.size === 0 || this.running > 0) return;
      this.strict = false;
      const waiting = [...this.waiting.values()].sort((a, b) => a.call.outcome!.seq - b.call.outcome!.seq);
      this.waiting.clear();
      for (const { call, settle } of waiting) settle(call.outcome!);
      for (const deliver of this.late.splice(0)) deliver();
    });
  }
}
