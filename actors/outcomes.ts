/**
 * How the body's promise for a task call is settled from an outcome: the same code for a live
 * result and a replayed one, so the body sees exactly the same thing either way.
 */
import type { RecordedCall } from '../runtime/engine/replay.js';
import type { StoredEvent } from '../runtime/engine/events.js';
import type { OutputStorage } from '../runtime/engine/output-storage.js';
import { decodeOutput, fromErrorInfo } from '../runtime/engine/serialization.js';
import type { ErrorInfo, TaskResult } from '../proto/messages.js';
import type { ExecutionLog } from '../runtime/engine/execution-log.js';
import { payloadJson } from '../proto/messages.js';

/** Settles the body's promise from a recorded outcome, directly: as a live delivery does, step for step. */
export function settleFromEvent(
  outcome: StoredEvent,
  executionId: string,
  storage: OutputStorage | undefined,
  resolve: (value: unknown) => void,
  reject: (error: Error) => void,
  failStorage: (error: Error) => void,
): void {
  if (outcome.type === 'TASK_FAILED')
    reject(taskError(JSON.parse(outcome.valueJson!) as ErrorInfo, outcome.name, executionId));
  else settleOutput(outcome.valueJson, storage, resolve, failStorage);
}

/**
 * Resolves with an output, read from its storage if need be. A storage that cannot give it back
 * fails the execution rather than the call: the body must not be able to catch that and go another
 * way than it went the first time.
 */
export function settleOutput(
  valueJson: string | undefined,
  storage: OutputStorage | undefined,
  resolve: (value: unknown) => void,
  failStorage: (error: Error) => void,
): void {
  let value: unknown;
  try {
    value = decodeOutput(valueJson, storage);
  } catch (error) {
    failStorage(error as Error);
    return;
  }
  resolve(value);
}

/** The error a failed task throws into the body: the original's name, message and code, rebuilt from the log. */
export function taskError(info: ErrorInfo, taskName: string, executionId: string): Error {
  return fromErrorInfo(info, { taskName, executionId });
}

export function describeCall(call: RecordedCall): string {
  if (call.name === 'patched')
    return `the marker of patch ${call.argsJson?.slice(1, -1)} (call ${call.position}): the code no longer has patched() or deprecatePatch() for it`;
  return `task '${call.name}' (call ${call.position}, arguments ${call.argsJson ?? '[]'})`;
}

/** A task's last result: its output or its error (not a progress step). */
export type FinalResult = Exclude<TaskResult, { outcome: 'progress' }>;

/** Records a call's final result: TASK_COMPLETED with its output, or TASK_FAILED with its error. */
export function recordOutcome(
  log: ExecutionLog,
  taskId: string,
  name: string,
  result: FinalResult,
  quick?: boolean,
): StoredEvent {
  if (result.outcome === 'output') return log.append('TASK_COMPLETED', taskId, name, payloadJson(result.output), quick);
  return log.append('TASK_FAILED', taskId, name, JSON.stringify(result.error), quick);
}
