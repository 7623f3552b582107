/**
 * Sub-workflows as a runtime coordinates them: a parent's call step runs its child execution
 * (`attach`: start it, wait for its driver here, or recover it), and a child that pauses or ends
 * while its parent waits paused on it wakes the parent. The logs' side of it is
 * runtime/engine/children.ts.
 */
import type { ExecutionActor, CancelOptions } from '../../actors/execution-actor.js';
import { accepts, rebuildSnapshot, stateOf, type ExecutionSnapshot } from '../../actors/lifecycle.js';
import { ExecutionStateError } from '../engine/errors.js';
import type { ExecutionContext } from '../engine/execution-context.js';
import type { EventStore } from '../engine/event-store.js';
import type { StoredEvent } from '../engine/events.js';
import type { ExecutionState } from '../engine/execution-state.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import {
  parentOf,
  pausedChild,
  type ChildHandle,
  type ChildRunner,
  type ChildSettled,
  type ParentLink,
} from '../engine/children.js';
import type { Claims } from './claims.js';

/** What the coordination needs of its runtime. */
export interface ChildHost {
  readonly store: EventStore;
  /** Executions a driver in this process holds. */
  readonly claims: Claims;
  /** Hosts a run of the execution here. */
  drive(
    definition: WorkflowDefinition,
    executionId: string,
    events: StoredEvent[],
    snapshot?: ExecutionSnapshot,
  ): ExecutionActor<unknown, unknown>;
  /** Resumes a paused execution with no value; `forward`: a pause that is a child's goes on to the child. */
  resume(executionId: string, forward: boolean): Promise<ExecutionContext<unknown, unknown>>;
  cancel(executionId: string, options: CancelOptions): Promise<ExecutionContext<unknown, unknown>>;
  /** Waits for the execution's next pause or end (past a parked sleep). */
  result(executionId: string): Promise<ExecutionContext<unknown, unknown>>;
}

export class ChildExecutions implements ChildRunner {
  constructor(private readonly host: ChildHost) {}

  /** A child paused or ended while its parent was paused waiting on it: the parent takes it up. */
  async wakeParent(childId: string, childLog?: readonly StoredEvent[]): Promise<void> {
    const parent = parentOf(childLog ?? (await this.host.store.load(childId)));
    if (!parent) return;
    const events = await this.host.store.load(parent.executionId);
    if (events.length === 0 || stateOf(rebuildSnapshot(parent.executionId, events)) !== 'paused') return;
    if (pausedChild(events)?.executionId !== childId) return;
    await this.host.resume(parent.executionId, false).catch((error: unknown) => {
      // Woken by someone else meanwhile (the parent noticed the child itself): nothing to do.
      if (!(error instanceof ExecutionStateError)) throw error;
    });
  }

  /**
   * A run that paused waiting on a child which had already moved on (resumed and finished while
   * the parent was still settling): nobody would wake the parent, so it wakes itself.
   */
  async wakeIfChildMoved(executionId: string, log: readonly StoredEvent[]): Promise<void> {
    const child = pausedChild(log);
    if (!child) return;
    // Driven here still (it may be ending right now): its state is read once its driver lets go.
    await this.host.claims.untilFree(child.executionId);
    const state = await this.stateOf(child.executionId);
    if (state === undefined || state === 'paused') return;
    await this.host.resume(executionId, false);
  }

  async stateOf(executionId: string): Promise<ExecutionState | undefined> {
    const events = await this.host.store.load(executionId);
    return events.length ? stateOf(rebuildSnapshot(executionId, events)) : undefined;
  }

  /**
   * Runs a child execution for its parent's call step until it pauses or finishes: starts it if it
   * does not exist yet, picks it up if it does (waits for the driver here, or recovers it when its
   * driver stopped), and reports a paused or finished one as it stands.
   */
  attach(
    definition: WorkflowDefinition,
    childId: string,
    inputJson: string | undefined,
    parent: ParentLink,
  ): ChildHandle {
    let actor: ExecutionActor<unknown, unknown> | undefined;
    let cancelled: CancelOptions | undefined;
    let detached = false;
    const settledOf = async (running: ExecutionActor<unknown, unknown>): Promise<ChildSettled> => {
      let ctx: { state: ExecutionState } = await running.done;
      // A child parked on a long sleep has not settled: its step stays open until it wakes and does.
      if (ctx.state === 'waiting') ctx = await this.host.result(childId);
      return { state: ctx.state, events: await this.host.store.load(childId) };
    };
    const result = (async (): Promise<ChildSettled> => {
      await this.host.claims.untilFree(childId);
      const events = await this.host.store.load(childId);
      const snapshot = events.length ? rebuildSnapshot(childId, events) : undefined;
      const state = snapshot && stateOf(snapshot);
      if (cancelled && !detached) {
        // The parent stopped waiting before the child was taken up: it is not started, or it is cancelled.
        if (!snapshot) return { state: 'cancelled', events: [] };
        if (accepts(snapshot, 'CANCEL')) await this.host.cancel(childId, cancelled).catch(() => undefined);
        return {
          state: stateOf(rebuildSnapshot(childId, await this.host.store.load(childId))),
          events: await this.host.store.load(childId),
        };
      }
      if (state === 'waiting') {
        const ctx = await this.host.result(childId);
        return { state: ctx.state, events: await this.host.store.load(childId) };
      }
      if (snapshot && state !== 'running') return { state: state!, events };
      actor = this.host.drive(definition, childId, events, snapshot);
      actor.send(snapshot ? { type: 'RECOVER' } : { type: 'START', inputJson, parent });
      return settledOf(actor);
    })();
    return {
      result,
      cancel: (options = {}) => {
        cancelled = options;
        if (actor && !detached) this.host.cancel(childId, options).catch(() => undefined); // already finished: nothing to cancel
      },
      detach: () => {
        detached = true;
      },
    };
  }
}
