import type { Context } from '@opentelemetry/api';
import { FluxError } from '../engine/errors.js';
import { currentTask } from '../engine/scope.js';

/** What a task body knows about the attempt it runs in. */
export interface TaskContext {
  readonly executionId: string;
  readonly taskId: string;
  readonly taskName: string;
  /** 1 for the first run, 2 for the first retry, ... */
  readonly attempt: number;
  /** Aborted when the attempt times out. */
  readonly signal: AbortSignal;
  /** The secrets the task requested (`secretRequests`), by name. */
  readonly secrets: Readonly<Record<string, string>>;
  /**
   * The same for every run of this call: its retries, and a run again after a crash or on another
   * worker. Pass it to the systems the task changes, so a repeated run is recognised there.
   */
  readonly idempotencyKey: string;
  /**
   * The OpenTelemetry context of this attempt's span when the execution is traced (else undefined):
   * start the body's own spans under it to nest them there, e.g.
   * `tracer.startActiveSpan('charge card', {}, taskContext().traceContext ?? context.active(), fn)`.
   * (The body does not run inside it: that would cost every traced step its share of async hooks.)
   */
  readonly traceContext: Context | undefined;
}

/**
 * The context of the task attempt running here: ids, attempt number, and an `AbortSignal`.
 *
 * @example
 * const fetchPage = task.withOptions({ timeout: '5s' })(async function fetchPage(url: string) {
 *   const { signal } = taskContext();
 *   return (await fetch(url, { signal })).text();
 * });
 */
export function taskContext(): TaskContext {
  const scope = currentTask();
  if (!scope)
    throw new FluxError('NOT_IN_TASK', 'taskContext() can only be called inside a task body run by flux-actors');
  return scope;
}
