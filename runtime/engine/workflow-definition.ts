/** A workflow as the runtime knows it: a name, the body, and its options. */
import type { ScheduleOptions } from './schedule-spec.js';
import type { ExecutionContext } from './execution-context.js';
import type { OutputStorage } from './output-storage.js';

export type WorkflowFunction<I, O> = (ctx: ExecutionContext<I>) => Promise<O> | O;

/** Options of `workflow.withOptions`. */
export interface WorkflowOptions {
  /** The workflow's durable name; defaults to the function's name. */
  name?: string;
  /** Keeps the workflow's output out of the log (the log records a reference); default inline. */
  outputStorage?: OutputStorage;
  /** Secrets every task of this workflow receives in `taskContext().secrets`, besides its own. */
  secretRequests?: readonly string[];
  /**
   * A schedule declared on the workflow (Flux's `schedule=`): made, once, by the runtime or worker
   * that serves it (`createRuntime({ workflows })`, `startWorker({ workflows })`), under the id
   * `<workflow>_auto`, and changed when the declaration changes.
   */
  schedule?: ScheduleOptions;
}

export interface WorkflowDefinition<I = unknown, O = unknown> {
  readonly name: string;
  readonly fn: WorkflowFunction<I, O>;
  readonly options: WorkflowOptions;
}
