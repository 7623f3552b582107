/**
 * The lifecycle of one execution, and the single authority on its state and on which transitions
 * are legal:
 *
 *   created → running → succeeded | failed
 *   running (working → draining) → paused → running   (draining is paused already: see below)
 *   running → waiting → running
 *   running | paused → cancelling (stopping | rollingBack) → cancelled
 *   failed → running                                 (a retry: the failed calls run again)
 *   succeeded | failed | cancelled → running          (the id started again: `idReuse: 'allowIfFinished'`)
 *
 * `running` invokes the workflow body (the `body` actor) for as long as it lasts. A `pause()` moves
 * it to `draining` and records WORKFLOW_PAUSED at once (the execution is reported paused, as Flux
 * does): the body gets nothing more and starts nothing more, the calls already running finish and
 * are recorded, then `DRAINED` leaves the body behind. A resume in `draining` restarts the body. A cancel that asks for rollbacks
 * runs them (the `rollbacks` actor) in `cancelling.rollingBack`. Each transition that the log
 * records names its event in a `record` action, so the log and the machine cannot disagree.
 *
 * The machine is pure: `body`, `rollbacks` and the actions are bound by the host with `provide()`
 * (./execution-binding.ts). Replaying the recorded lifecycle events through the pure `transition`
 * function rebuilds a state without running anything (./lifecycle.ts). Per-task events never pass
 * through here: a replayed step must cost microseconds, not a transition.
 */
import { assign, fromCallback, fromPromise, setup } from 'xstate';
import type { ErrorInfo } from '../proto/messages.js';
import { FluxError } from '../runtime/engine/errors.js';
import type { ParentLink } from '../runtime/engine/children.js';
import type { EventType, StoredEvent } from '../runtime/engine/events.js';
import type { ForkLink } from '../runtime/engine/fork.js';
import type { ResumeAnswer } from '../runtime/engine/waits.js';

export type ExecutionMachineEvent =
  | {
      type: 'START';
      inputJson?: string | undefined;
      parent?: ParentLink;
      /** A fork: where it came from, and the steps of the source it takes over (recorded after the start). */
      fork?: { from: ForkLink; events: readonly StoredEvent[] };
    }
  /** The body called `pause()` (or a child it waits for paused): drain, then pause. */
  | { type: 'PAUSE'; taskId: string; name: string }
  /** The calls running when the pause came have finished and are recorded. */
  | { type: 'DRAINED' }
  /** The body waits only on long durable sleeps: park until the first falls due (`wakeAt`). */
  | { type: 'PARK'; wakeAt?: number }
  /**
   * A resume (`answers`: the pause it answers) or a wake (`answers`: the pauses and sleeps that fell
   * due), decided at the door from the log; recorded before the body runs again.
   */
  | { type: 'RESUME'; valueJson?: string | undefined; answers?: readonly ResumeAnswer[] }
  | { type: 'SUCCEED'; outputJson?: string | undefined }
  | { type: 'FAIL'; error: ErrorInfo }
  | { type: 'CANCEL'; rollback?: boolean }
  | { type: 'CANCELLED' }
  /** Run a failed execution again from where it failed: the `superseded` calls run again. */
  | { type: 'RETRY'; superseded?: readonly string[] }
  /**
   * Continue where a previous driver stopped (it died): a `running` execution runs its body again
   * by replay; a `cancelling` one finishes its cancel as it was asked.
   */
  | { type: 'RECOVER' };

/** The lifecycle events of the log, each recorded by one kind of transition. */
export type LifecycleEvent = Extract<
  EventType,
  | 'WORKFLOW_STARTED'
  | 'WORKFLOW_PAUSED'
  | 'WORKFLOW_RESUMED'
  | 'WORKFLOW_COMPLETED'
  | 'WORKFLOW_FAILED'
  | 'WORKFLOW_CANCELLING'
  | 'WORKFLOW_CANCELLED'
  | 'WORKFLOW_RECOVERED'
  | 'WORKFLOW_WAITING'
  | 'WORKFLOW_RETRIED'
>;

/** Plain data only: XState walks the context when it restores a snapshot. */
export interface ExecutionMachineContext {
  executionId: string;
  /** The pause being drained towards: the call that paused, and the pause's name. */
  pause?: { taskId: string; name: string } | undefined;
  /** Whether the cancel under way rolls back what the execution did. */
  rollback: boolean;
}

/** What the machine's actors are given: which execution they act for. */
export interface ExecutionRef {
  executionId: string;
}

const unbound = (what: string) => () => {
  throw new FluxError('INTERNAL', `the execution machine's ${what} is bound by its host (bindExecutionMachine)`);
};

const record = (event: LifecycleEvent) => ({ type: 'record', params: { event } }) as const;
const ref = ({ context }: { context: ExecutionMachineContext }): ExecutionRef => ({ executionId: context.executionId });

const END = { end: true } as const;

/** From a finished state: a new run of the id (WORKFLOW_STARTED again). */
const restart = { target: 'running', actions: record('WORKFLOW_STARTED') } as const;

/** From `running`, `waiting` or `paused`: keep what the cancel asks for, record it, cancel. */
const cancel = { target: 'cancelling', actions: ['keepRollback', record('WORKFLOW_CANCELLING')] } as const;

export const executionMachine = setup({
  types: {
    context: {} as ExecutionMachineContext,
    input: {} as ExecutionRef,
    events: {} as ExecutionMachineEvent,
  },
  actors: {
    /** The workflow body and the calls it makes, for as long as the execution is `running`. */
    body: fromCallback<ExecutionMachineEvent, ExecutionRef>(unbound('body')),
    /** The rollbacks a cancel asked for, newest first; done when each has run or failed. */
    rollbacks: fromPromise<void, ExecutionRef>(unbound('rollbacks')),
  },
  actions: {
    /** Appends the lifecycle event to the log (the host's). */
    record: (_, _params: { event: LifecycleEvent }) => {},
    /** A cancel without rollbacks: once the calls it stopped are recorded, the host ends it. */
    cancelStopped: () => {},
    /** The run reached a pause or an end: the host makes the log durable and reports it. */
    settled: () => {},
    /** Whether the cancel under way rolls back. */
    keepRollback: assign({ rollback: ({ event }) => event.type === 'CANCEL' && event.rollback === true }),
  },
  guards: {
    rollbackAsked: ({ context }) => context.rollback,
  },
}).createMachine({
  id: 'execution',
  context: ({ input }) => ({ executionId: input.executionId, rollback: false }),
  initial: 'created',
  states: {
    created: {
      on: { START: { target: 'running', actions: record('WORKFLOW_STARTED') } },
    },
    running: {
      invoke: { src: 'body', input: ref },
      initial: 'working',
      states: {
        working: {
          on: {
            // Paused at once, as Flux reports it: the calls already running finish in `draining`.
            PAUSE: {
              target: 'draining',
              actions: [
                assign({ pause: ({ event }) => ({ taskId: event.taskId, name: event.name }) }),
                record('WORKFLOW_PAUSED'),
              ],
            },
            PARK: { target: '#execution.waiting', actions: record('WORKFLOW_WAITING') },
          },
        },
        /**
         * Paused (the index and callers see `paused`); the calls that were running still finish
         * and are recorded. A resume here starts the body again by replay, and the new run takes
         * over the calls still running instead of running them again.
         */
        draining: {
          entry: 'settled',
          on: {
            DRAINED: { target: '#execution.paused' },
            RESUME: { target: '#execution.running', reenter: true, actions: record('WORKFLOW_RESUMED') },
          },
        },
      },
      on: {
        SUCCEED: { target: 'succeeded', actions: record('WORKFLOW_COMPLETED') },
        FAIL: { target: 'failed', actions: record('WORKFLOW_FAILED') },
        CANCEL: cancel,
        RECOVER: { target: 'running', reenter: true, actions: record('WORKFLOW_RECOVERED') },
      },
    },
    waiting: {
      entry: 'settled',
      on: {
        RESUME: { target: 'running', actions: record('WORKFLOW_RESUMED') },
        CANCEL: cancel,
      },
    },
    paused: {
      entry: 'settled',
      on: {
        RESUME: { target: 'running', actions: record('WORKFLOW_RESUMED') },
        CANCEL: cancel,
      },
    },
    cancelling: {
      initial: 'deciding',
      states: {
        deciding: {
          always: [{ guard: 'rollbackAsked', target: 'rollingBack' }, { target: 'stopping' }],
        },
        stopping: { entry: 'cancelStopped' },
        rollingBack: {
          invoke: {
            src: 'rollbacks',
            input: ref,
            // A rollback that throws is recorded by the rollbacks themselves: the cancel ends either way.
            onDone: { target: '#execution.cancelled', actions: record('WORKFLOW_CANCELLED') },
            onError: { target: '#execution.cancelled', actions: record('WORKFLOW_CANCELLED') },
          },
        },
      },
      on: {
        CANCELLED: { target: 'cancelled', actions: record('WORKFLOW_CANCELLED') },
        // A cancel its driver left half done: decided again, so what it asked for runs (again).
        RECOVER: { target: '.deciding', reenter: true },
      },
    },
    // Not final states: an id started again once its execution finished (`idReuse: 'allowIfFinished'`)
    // begins a new run in the same log, and a failed one can be retried once its code is fixed.
    // `meta.end`: an end as users and the pictures know it, though another run may follow.
    succeeded: { entry: 'settled', meta: END, on: { START: restart } },
    failed: {
      entry: 'settled',
      meta: END,
      on: { START: restart, RETRY: { target: 'running', actions: record('WORKFLOW_RETRIED') } },
    },
    cancelled: { entry: 'settled', meta: END, on: { START: restart } },
  },
});
