/** A task as the executors know it: a name, the function, and its options. */
// Task functions take any arguments; the public `Task<A, R>` type keeps them precise for callers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TaskFunction = (...args: any[]) => unknown;

/**
 * Options of `task.withOptions`. Retries, timeout, fallback, rollback, caching, secrets and output
 * storage arrive with the task-executor machine; until then they are refused, not ignored.
 */
export interface TaskOptions {
  /** The task's durable name; defaults to the function's name. */
  name?: string;
}

export interface TaskDefinition {
  readonly name: string;
  readonly fn: TaskFunction;
  readonly options: TaskOptions;
}
