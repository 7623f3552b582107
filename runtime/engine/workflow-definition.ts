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
  /**
   * The version of this code (1 to 64 letters, digits, '.', '_', '-'). An execution records the
   * version it started on and always resumes, recovers and replays on it; a new start runs the
   * newest version served ("v2" < "v10"). Several versions of one workflow can be served at once.
   */
  version?: string;
}

export interface WorkflowDefinition<I = unknown, O = unknown> {
  readonly name: string;
  readonly fn: WorkflowFunction<I, O>;
  readonly options: WorkflowOptions;
}
