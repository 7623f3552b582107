/** The states an execution moves through; the execution machine in `actors/` is their authority. */
export const EXECUTION_STATES = [
  'created',
  'running',
  /** Parked on a long durable sleep: no driver holds it; its timer wakes it. Not settled. */
  'waiting',
  'paused',
  'succeeded',
  'failed',
  'cancelling',
  'cancelled',
] as const;

export type ExecutionState = (typeof EXECUTION_STATES)[number];

/** The end states: nothing more happens to such an execution unless asked (a retry, a new run, a fork). */
export const FINISHED_STATES = ['succeeded', 'failed', 'cancelled'] as const;
export type FinishedState = (typeof FINISHED_STATES)[number];

export function isFinished(state: ExecutionState): state is FinishedState {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled';
}

/** Paused or finished: what a caller waiting for "a pause or the end" waits for. */
export function isSettled(state: ExecutionState): boolean {
  return state === 'paused' || isFinished(state);
}

/** The log events after which an execution may be settled (a notification of one makes a waiter read the log). */
export const SETTLING_EVENTS: ReadonlySet<string> = new Set([
  'WORKFLOW_PAUSED',
  'WORKFLOW_COMPLETED',
  'WORKFLOW_FAILED',
  'WORKFLOW_CANCELLED',
]);
