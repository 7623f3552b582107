/** A task as the executors know it: a name, the function, and its options. */
import type { Duration } from './duration.js';
import type { OutputStorage } from './output-storage.js';

// Task functions take any arguments; the public `Task<A, R>` type keeps them precise for callers.
// biome-ignore lint/suspicious/noExplicitAny: any typed function must be accepted (`unknown[]` would refuse typed parameters)
export type TaskFunction = (...args: any[]) => unknown;

/**
 * Options of `task.withOptions`, Flux's in camelCase.
 */
export interface TaskOptions {
  /** The task's durable name; defaults to the function's name. */
  name?: string;
  /** Retries after the first attempt (3 means up to 4 runs). Default 0. */
  retryMaxAttempts?: number;
  /** Wait before the first retry. Default 1 s. */
  retryDelay?: Duration;
  /** Each further retry waits this many times longer. Default 2. */
  retryBackoff?: number;
  /** Limit of each attempt; the body's `taskContext().signal` is aborted when it passes. */
  timeout?: Duration;
  /** Runs with the task's arguments once retries are exhausted; its result becomes the task's. */
  fallback?: TaskFunction;
  /** Runs with the task's arguments once retries are exhausted, before any fallback. */
  rollback?: TaskFunction;
  /** Memoise results across executions by task name and arguments, in the runtime's store. */
  cache?: boolean;
  /** Secrets the body reads from `taskContext().secrets`; a missing one fails the task, naming it. */
  secretRequests?: readonly string[];
  /** Keeps the output out of the log (the log records a reference); default inline. */
  outputStorage?: OutputStorage;
}

export const TASK_OPTION_NAMES: readonly string[] = [
  'name',
  'retryMaxAttempts',
  'retryDelay',
  'retryBackoff',
  'timeout',
  'fallback',
  'rollback',
  'cache',
  'secretRequests',
  'outputStorage',
];

export interface TaskDefinition {
  readonly name: string;
  readonly fn: TaskFunction;
  readonly options: TaskOptions;
  /** The options in the form the executor uses; undefined when the task has none of them. */
  readonly policy: TaskPolicy | undefined;
  /** Where it was defined (`file:line:column`): tells two tasks of one name apart, and names them. */
  readonly site?: string | undefined;
}

/** What the task-executor machine needs to know about a task's failure handling. */
export interface TaskPolicy {
  /** The first run plus the retries. */
  maxAttempts: number;
  delayMs: number;
  backoff: number;
  timeoutMs: number | undefined;
  fallback: TaskFunction | undefined;
  rollback: TaskFunction | undefined;
}

/** Anything that carries a task's definition: what `task(fn)` returns. */
export interface HasTaskDefinition {
  readonly definition: TaskDefinition;
}
