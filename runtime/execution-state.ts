/** The states an execution moves through; the execution machine in `actors/` is their authority. */
export const EXECUTION_STATES = ['created', 'running', 'paused', 'succeeded', 'failed', 'cancelling', 'cancelled'] as const;

export type ExecutionState = (typeof EXECUTION_STATES)[number];

export function isFinished(state: ExecutionState): boolean {
  return state === 'succeeded' || state === 'failed' || state === 'cancelled';
}
