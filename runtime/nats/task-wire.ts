/** What the task dispatcher and the task server agree on beyond the messages (./codec.ts): headers, timings, keys. */

/** The header that tells an executor where to send a command's results. */
export const RESULTS_HEADER = 'Flux-Results';
/** W3C Trace Context: the run that sent a task command, when it is traced. */
export const TRACEPARENT_HEADER = 'traceparent';
/** The header of a "taken" answer that names the executor, to probe while it runs the command. */
export const EXECUTOR_HEADER = 'Flux-Executor';
/** How long a command runs before its executor says it took it (quicker ones are answered by their result alone). */
export const TAKEN_AFTER_MS = 100;

/** A call's key on both sides: which execution, which task call. */
export function callKey(executionId: string, taskId: string): string {
  return `${executionId}\n${taskId}`;
}
