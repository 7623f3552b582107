/** A workflow as the runtime knows it: a name, the body, and its options. */
import type { ExecutionContext } from './execution-context.js';

export type WorkflowFunction<I, O> = (ctx: ExecutionContext<I>) => Promise<O> | O;

/** Options of `workflow.withOptions`. Secrets and output storage arrive with the secret manager. */
export interface WorkflowOptions {
  /** The workflow's durable name; defaults to the function's name. */
  name?: string;
}

export interface WorkflowDefinition<I = unknown, O = unknown> {
  readonly name: string;
  readonly fn: WorkflowFunction<I, O>;
  readonly options: WorkflowOptions;
}
