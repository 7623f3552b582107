/**
 * `workflow(fn)`: an async function made durable. Its body is replayed from the event log after a
 * pause, a resume or a crash, so everything non-deterministic in it must go through a task.
 */
import { getDefaultRuntime } from './default-runtime.js';
import type { Execution, ExecutionContext } from '../engine/execution-context.js';
import { checkOptions, resolveName } from '../engine/names.js';
import { registerWorkflow } from '../engine/registry.js';
import { checkVersion } from '../engine/workflow-versions.js';
import { mapWorkflow } from './subworkflows.js';
import type { CancelOptions, ExecutionHandle, Runtime, StartOptions } from '../host/runtime.js';
import type { WorkflowDefinition, WorkflowFunction, WorkflowOptions } from '../engine/workflow-definition.js';

export interface RunOptions extends StartOptions {
  /** The runtime to use; the default is embedded SQLite at `$FLUX_HOME/flux.db`. */
  runtime?: Runtime;
}

export interface ResumeOptions {
  runtime?: Runtime;
  /** The pause to answer, by name: needed when several are pending. */
  pause?: string;
}

/** The input is optional exactly when the workflow accepts undefined. */
export type RunArgs<I> = undefined extends I ? [input?: I, options?: RunOptions] : [input: I, options?: RunOptions];

export interface Workflow<I = unknown, O = unknown> extends WorkflowDefinition<I, O> {
  /** Runs to the end or to a pause. A workflow that throws resolves with `hasFailed`, it does not reject. */
  run(...args: RunArgs<I>): Promise<Execution<I, O>>;
  /** Starts and returns at once with the execution id; `result()` resolves like `run`. */
  start(...args: RunArgs<I>): Promise<ExecutionHandle<I, O>>;
  /** Resumes a paused execution of this workflow; its `pause()` returns `value`. */
  resume(executionId: string, value?: unknown, options?: ResumeOptions): Promise<Execution<I, O>>;
  /** Cancels a running or paused execution of this workflow; resolves once it is cancelled. */
  cancel(executionId: string, options?: ResumeOptions & CancelOptions): Promise<Execution<I, O>>;
  /**
   * Inside a workflow: runs one child execution per input, concurrently, and returns their
   * contexts in input order (a failed child's context included, not thrown). Outside: runs each.
   */
  map(inputs: readonly I[], options?: { maxConcurrent?: number; runtime?: Runtime }): Promise<ExecutionContext<I, O>[]>;
}

/**
 * Defines a workflow.
 *
 * @example
 * const hello = workflow(async function hello(ctx: ExecutionContext<string>) {
 *   return `Hello, ${ctx.input}`;
 * });
 * const ctx = await hello.run('World'); // ctx.output === 'Hello, World'
 */
export function workflow<I = unknown, O = unknown>(fn: WorkflowFunction<I, O>): Workflow<I, O> {
  return defineWorkflow(fn, {});
}

/**
 * Defines a workflow with options.
 *
 * @example
 * const order = workflow.withOptions({ name: 'order_flow' })(async (ctx: ExecutionContext<Order>) => { ... });
 */
workflow.withOptions = function withOptions(options: WorkflowOptions) {
  return <I = unknown, O = unknown>(fn: WorkflowFunction<I, O>): Workflow<I, O> => defineWorkflow(fn, options);
};

function defineWorkflow<I, O>(fn: WorkflowFunction<I, O>, options: WorkflowOptions): Workflow<I, O> {
  checkOptions('workflow', options, ['name', 'outputStorage', 'secretRequests', 'schedule', 'version']);
  if (options.version !== undefined) checkVersion(options.version);
  const name = resolveName('workflow', fn, options.name);
  const definition: Workflow<I, O> = {
    name,
    fn,
    options,
    async run(...[input, runOptions]: RunArgs<I>) {
      const runtime = runOptions?.runtime ?? (await getDefaultRuntime());
      return runtime.run(definition, input, runOptions);
    },
    async start(...[input, runOptions]: RunArgs<I>) {
      const runtime = runOptions?.runtime ?? (await getDefaultRuntime());
      return runtime.start(definition, input, runOptions);
    },
    async resume(executionId: string, value?: unknown, resumeOptions?: ResumeOptions) {
      const runtime = resumeOptions?.runtime ?? (await getDefaultRuntime());
      const pause = resumeOptions?.pause;
      return runtime.resume(executionId, value, pause === undefined ? definition : { workflow: definition, pause });
    },
    async cancel(executionId: string, cancelOptions?: ResumeOptions & CancelOptions) {
      const runtime = cancelOptions?.runtime ?? (await getDefaultRuntime());
      return runtime.cancel(executionId, definition, { rollback: cancelOptions?.rollback ?? false });
    },
    map(inputs: readonly I[], mapOptions?: { maxConcurrent?: number; runtime?: Runtime }) {
      return mapWorkflow(definition, inputs, mapOptions);
    },
  };
  return registerWorkflow(definition);
}
