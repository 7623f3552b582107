/**
 * What the exit status of a command that waits for an execution says: a script can tell an
 * execution that failed from one that could not be run at all, without parsing the output.
 */
import type { ExecutionState } from '../runtime/index.js';

export const EXIT = {
  /** The command did its job: the execution succeeded, or paused (a normal outcome: it waits for `flux resume`). */
  OK: 0,
  /** The command could not do its job: usage, an unknown id or workflow, a NATS server out of reach, bad input. */
  ERROR: 1,
  /** The execution it waited for failed. */
  FAILED: 3,
  /** The execution it waited for was cancelled. */
  CANCELLED: 4,
} as const;

export function exitCodeOf(state: ExecutionState): number {
  if (state === 'failed') return EXIT.FAILED;
  if (state === 'cancelled') return EXIT.CANCELLED;
  return EXIT.OK;
}

/** The text of `--help` for a command that waits for an execution. */
export const EXIT_CODES_HELP = `
Exit codes:
  0  the execution succeeded, or paused (it waits for flux resume)
  1  an error: usage, unknown id or workflow, invalid name, NATS unreachable or login refused
  3  the execution failed
  4  the execution was cancelled`;

/** The status the process exits with once the command returns; set by a command that waited for an execution. */
export function exitWith(state: ExecutionState): void {
  process.exitCode = exitCodeOf(state);
}
