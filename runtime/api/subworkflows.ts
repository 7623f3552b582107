/**
 * Sub-workflows: `call(child, input)` runs another workflow as a child execution, with its own id
 * and log, as one step of the calling workflow; `child.map(inputs)` runs several at once. Outside a
 * workflow body, `call` simply runs the workflow on its own.
 */
import { ChildContext, childFailure } from '../engine/children.js';
import { fromErrorInfo } from '../engine/serialization.js';
import { getDefaultRuntime } from './default-runtime.js';
import { hasErrorCode, isFluxError, type ErrorCode } from '../engine/errors.js';
import type { Execution } from '../engine/execution-context.js';
import { parallel, type ParallelOptions } from './parallel.js';
import type { Runtime } from '../host/runtime.js';
import { currentSession } from '../engine/scope.js';
import type { ErrorInfo } from '../../proto/messages.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';

/**
 * Runs `child` as a child execution and returns its output. A child that fails (or is cancelled)
 * throws an `ExecutionError` whose `details` hold the child's id and error; a child that pauses
 * pauses the caller, and resuming either one resumes both.
 *
 * @example
 * const report = await call(buildReport, { month: 'May' });
 */
export async function call<I, O>(
  child: WorkflowDefinition<I, O>,
  input: I,
  options: { runtime?: Runtime } = {},
): Promise<O> {
  const session = currentSession();
  if (session) return (await session.callWorkflow(child as WorkflowDefinition, input)).output as O;
  const runtime = options.runtime ?? (await getDefaultRuntime());
  const ctx = await runtime.run(child, input);
  if (ctx.state === 'succeeded') return ctx.output;
  // The same error a workflow body gets from a failed child.
  const info = ctx.isPaused
    ? {
        name: 'ExecutionError',
        code: 'CHILD_WORKFLOW_PAUSED' satisfies ErrorCode,
        message: `execution ${ctx.executionId} of workflow '${child.name}' paused; resume it by its id`,
        details: { executionId: ctx.executionId, workflow: child.name, state: 'paused' },
      }
    : childFailure(ctx.executionId, child.name, { state: ctx.state, events: [], error: ctx.error });
  throw fromErrorInfo(info);
}

/**
 * Runs one child execution per input, concurrently (at most `maxConcurrent` at once), and returns
 * their contexts in input order: a failed child's context too (`hasFailed`, its `error`), not thrown.
 */
export async function mapWorkflow<I, O>(
  child: WorkflowDefinition<I, O>,
  inputs: readonly I[],
  options: ParallelOptions & { runtime?: Runtime } = {},
): Promise<Execution<I, O>[]> {
  const session = currentSession();
  if (!session) {
    const runtime = options.runtime ?? (await getDefaultRuntime());
    return parallel(
      inputs.map((input) => () => runtime.run(child, input)),
      { maxConcurrent: options.maxConcurrent ?? Infinity },
    );
  }
  const one = (input: I): Promise<Execution<I, O>> =>
    session.callWorkflow(child as WorkflowDefinition, input).then(
      ({ executionId, output }) =>
        new ChildContext<I, O>(executionId, child.name, 'succeeded', input, output) as Execution<I, O>,
      (error: unknown) => {
        const info = childErrorOf(error);
        if (!info) throw error;
        return new ChildContext<I, O>(info.executionId, child.name, info.state, input, info.error) as Execution<I, O>;
      },
    );
  return parallel(
    inputs.map((input) => () => one(input)),
    { maxConcurrent: options.maxConcurrent ?? Infinity },
  );
}

/** What a failed child's ExecutionError carries, or undefined for any other error. */
function childErrorOf(
  error: unknown,
): { executionId: string; state: 'failed' | 'cancelled'; error: ErrorInfo | undefined } | undefined {
  if (!isFluxError(error) || !hasErrorCode(error, 'CHILD_WORKFLOW_FAILED', 'CHILD_WORKFLOW_CANCELLED'))
    return undefined;
  const details = error.details ?? {};
  return {
    executionId: details.executionId as string,
    state: hasErrorCode(error, 'CHILD_WORKFLOW_CANCELLED') ? 'cancelled' : 'failed',
    error: details.error as ErrorInfo | undefined,
  };
}
