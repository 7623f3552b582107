/** A task as the executors know it: a name, the function, and its options. */
import type { Duration } from './duration.js';

// Task functions take any arguments; the public `Task<A, R>` type keeps them precise for callers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TaskFunction = (...args: any[]) => unknown;

export interface TaskOptions {
  /** The task's durable name; defaults to the function's name. */
  name?: string;
  retryMaxAttempts?: number;
  retryDelay?: Duration;
  retryBackoff?: number;
  timeout?: Duration;
  cache?: boolean;
  secretRequests?: string[];
}

export interface TaskDefinition {
  readonly name: string;
  readonly fn: TaskFunction;
  readonly options: TaskOptions;
}
