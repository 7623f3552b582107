/**
 * The lifecycle of one execution, and the single authority on which transitions are legal:
 *
 *   created → running ⇄ paused → succeeded | failed,   running | paused → cancelling → cancelled
 *
 * The live actor runs the workflow body as its `body` child while `running`, and records each
 * transition through the `record` action. Replaying an execution's recorded lifecycle events through
 * the pure `transition` function rebuilds its state without running anything (see `lifecycle.ts`).
 * Per-task events never pass through here: a replayed step must cost microseconds, not a transition.
 */
import { fromCallback, setup, type AnyActorRef } from 'xstate';
import type { ErrorInfo } from '../proto/messages.js';
import type { ParentLink } from '../runtime/engine/children.js';

export type ExecutionMachineEvent =
  | { type: 'START'; inputJson?: string | undefined; parent?: ParentLink }
  | { type: 'PAUSE'; taskId: string; name: string }
  | { type: 'RESUME'; valueJson?: string | undefined }
  | { type: 'SUCCEED'; outputJson?: string | undefined }
  | { type: 'FAIL'; error: ErrorInfo }
  | { type: 'CANCEL' }
  | { type: 'CANCELLED' }
  /** Continue a `running` execution whose previous driver stopped (a crash): run the body again by replay. */
  | { type: 'RECOVER' };

/** What the machine needs from the process hosting it. */
export interface ExecutionHost {
  /** Appends the lifecycle event that matches a transition to the log. */
  record(event: ExecutionMachineEvent): void;
  /** Starts the workflow body; it reports its end with `sendBack` (SUCCEED or FAIL). */
  runBody(sendBack: (event: ExecutionMachineEvent) => void): void;
  /** The body is being left behind (paused, failed, cancelled): nothing it does may reach the log. */
  stopBody(): void;
}

/** Plain data only: XState walks the context when it restores a snapshot. */
export interface ExecutionMachineContext {
  executionId: string;
}

// The host of each live actor, found from the actor itself; a pure transition (rebuilding a state
// from the log) has no host, and none of its actions run anyway.
const hosts = new WeakMap<AnyActorRef, ExecutionHost>();

/** Attaches the host before the actor starts. */
export function attachHost(actor: AnyActorRef, host: ExecutionHost): void {
  hosts.set(actor, host);
}

export const executionMachine = setup({
  types: {
    context: {} as ExecutionMachineContext,
    input: {} as { executionId: string },
    events: {} as ExecutionMachineEvent,
  },
  actors: {
    body: fromCallback<ExecutionMachineEvent, ExecutionHost | undefined>(({ input: host, sendBack }) => {
      host?.runBody(sendBack);
      return () => host?.stopBody();
    }),
  },
  actions: {
    record: ({ self, event }) => hosts.get(self)?.record(event),
  },
}).createMachine({
  id: 'execution',
  context: ({ input }) => ({ executionId: input.executionId }),
  initial: 'created',
  states: {
    created: {
      on: { START: { target: 'running', actions: 'record' } },
    },
    running: {
      invoke: { src: 'body', input: ({ self }) => hosts.get(self) },
      on: {
        PAUSE: { target: 'paused', actions: 'record' },
        SUCCEED: { target: 'succeeded', actions: 'record' },
        FAIL: { target: 'failed', actions: 'record' },
        CANCEL: { target: 'cancelling', actions: 'record' },
        RECOVER: { target: 'running', reenter: true, actions: 'record' },
      },
    },
    paused: {
      on: {
        RESUME: { target: 'running', actions: 'record' },
        CANCEL: { target: 'cancelling', actions: 'record' },
      },
    },
    cancelling: {
      on: { CANCELLED: { target: 'cancelled', actions: 'record' } },
    },
    succeeded: { type: 'final' },
    failed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
