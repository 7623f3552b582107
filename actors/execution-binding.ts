/**
 * The execution machine bound to the execution actors of one runtime (`provide()`): its `body` and
 * `rollbacks` actors and its actions call the actor of the execution they act for, found by the
 * execution id in the machine's context. Bound once per runtime, not per execution: `provide()`
 * builds a new machine, which costs more than a whole run of a short execution.
 */
import { fromCallback, fromPromise } from 'xstate';
import { FluxError } from '../runtime/engine/errors.js';
import {
  executionMachine,
  type ExecutionMachineContext,
  type ExecutionMachineEvent,
  type ExecutionRef,
  type LifecycleEvent,
} from './execution-machine.js';
import type { ExecutionSnapshot } from './lifecycle.js';

/** What the machine asks of the actor hosting an execution. */
export interface ExecutionMachineHost {
  /** Appends the lifecycle event a transition records. */
  record(event: LifecycleEvent, cause: ExecutionMachineEvent, context: ExecutionMachineContext): void;
  /** Starts the workflow body; it reports its end with `sendBack` (SUCCEED, FAIL, PAUSE, DRAINED). */
  runBody(sendBack: (event: ExecutionMachineEvent) => void): void;
  /** The body is left behind (paused, ended, cancelled): nothing it does may reach the log. */
  stopBody(): void;
  /** Runs the rollbacks a cancel asked for. */
  rollBack(): Promise<void>;
  /** A cancel without rollbacks has stopped what ran: end it. */
  cancelStopped(): void;
  /** The run reached a pause or an end. */
  settled(): void;
}

export type BoundExecutionMachine = ReturnType<typeof bindExecutionMachine>['machine'];

/** The hosts of a runtime's executions, and the machine bound to them. */
export function bindExecutionMachine() {
  const hosts = new Map<string, ExecutionMachineHost>();
  const host = (executionId: string): ExecutionMachineHost => {
    const found = hosts.get(executionId);
    if (!found)
      throw new FluxError('INTERNAL', `no execution actor hosts ${executionId} in this runtime`, { executionId });
    return found;
  };
  const machine = executionMachine.provide({
    actors: {
      body: fromCallback<ExecutionMachineEvent, ExecutionRef>(({ input, sendBack }) => {
        const running = host(input.executionId);
        running.runBody(sendBack);
        return () => running.stopBody();
      }),
      rollbacks: fromPromise<void, ExecutionRef>(({ input }) => host(input.executionId).rollBack()),
    },
    actions: {
      record: ({ context, event }, params: { event: LifecycleEvent }) =>
        host(context.executionId).record(params.event, event as ExecutionMachineEvent, context),
      cancelStopped: ({ context }) => host(context.executionId).cancelStopped(),
      settled: ({ context }) => host(context.executionId).settled(),
    },
  });
  return {
    machine,
    /** A rebuilt state (./lifecycle.ts) as an actor restores it: its value and context; it starts nothing. */
    restore(snapshot: ExecutionSnapshot) {
      return machine.resolveState({ value: snapshot.value, context: snapshot.context });
    },
    /** Hosts `executionId` here until the returned function is called. */
    host(executionId: string, actor: ExecutionMachineHost): () => void {
      hosts.set(executionId, actor);
      return () => {
        if (hosts.get(executionId) === actor) hosts.delete(executionId);
      };
    },
  };
}

export type ExecutionMachines = ReturnType<typeof bindExecutionMachine>;
