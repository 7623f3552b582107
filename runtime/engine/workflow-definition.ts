/** A workflow as the runtime knows it: a name, the body, and its options. */
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
}

export interface WorkflowDefinition<I = unknown, O = unknown> {
  readonly name: string;
  readonly fn: WorkflowFunction<I, O>;
  readonly options: WorkflowOptions;
}
