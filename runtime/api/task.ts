/**
 * `task(fn)`: a function whose calls inside a workflow are durable steps. Called anywhere else, it
 * simply runs.
 */
import { checkOptions, resolveName } from '../engine/names.js';
import { definitionSite, registerTask } from '../engine/registry.js';
import { parallel, type ParallelItem, type ParallelOptions } from './parallel.js';
import { scopeStorage } from '../engine/scope.js';
import {
  TASK_OPTION_NAMES,
  type TaskDefinition,
  type TaskOptions,
  type TaskPolicy,
} from '../engine/task-definition.js';
import { toMilliseconds } from '../engine/duration.js';
import { DefinitionError } from '../engine/errors.js';

export interface Task<A extends unknown[], R> {
  (...args: A): Promise<R>;
  readonly taskName: string;
  readonly definition: TaskDefinition;
  /** Runs a one-argument task once per item, concurrently (at most `maxConcurrent` at once); results in item order. */
  map(items: A extends [infer Item] ? readonly Item[] : never, options?: { maxConcurrent?: number }): Promise<R[]>;
}

/**
 * Defines a task.
 *
 * @example
 * const processData = task(async function processData(data: string) { return data.toUpperCase(); });
 */
export function task<A extends unknown[], R>(fn: (...args: A) => R): Task<A, Awaited<R>> {
  return defineTask(fn, {}, definitionSite(task));
}

/**
 * Defines a task with options.
 *
 * @example
 * const charge = task.withOptions({ name: 'charge_card' })(async (order: Order) => { ... });
 */
task.withOptions = function withOptions<const O extends TaskOptions>(options: O) {
  const define = <A extends unknown[], R>(
    fn: (...args: A) => R,
    ..._fits: FitsTask<O, A>
  ): Task<A, Awaited<R> | FallbackResult<O>> => defineTask(fn, options, definitionSite(define));
  return define;
};

/**
 * A fallback and a rollback are called with the task's arguments: `[]` when they can take them,
 * else one more (impossible) argument, so that TypeScript refuses the definition ("An argument for
 * 'fallbackDoesNotFit' was not provided").
 */
type FitsTask<O, A extends unknown[]> = [TakesArgs<O, 'fallback', A>, TakesArgs<O, 'rollback', A>] extends [true, true]
  ? []
  : [TakesArgs<O, 'fallback', A>] extends [true]
    ? [rollbackDoesNotFit: never]
    : [fallbackDoesNotFit: never];
type TakesArgs<O, K extends string, A extends unknown[]> = O extends { [key in K]: infer F }
  ? F extends (...args: A) => unknown
    ? true
    : false
  : true;
/** A fallback's result becomes the task's: a task with one returns either. */
type FallbackResult<O> = O extends { fallback: (...args: never[]) => infer FR } ? Awaited<FR> : never;

function defineTask<A extends unknown[], R>(
  fn: (...args: A) => R,
  options: TaskOptions,
  site: string | undefined,
): Task<A, Awaited<R>> {
  checkOptions('task', options, TASK_OPTION_NAMES);
  const name = resolveName('task', fn, options.name);
  const definition: TaskDefinition = { name, fn, options, policy: policyOf(name, options), site };
  registerTask(definition);
  return taskCaller<A, Awaited<R>>(definition);
}

/** The callable users hold: a durable step inside a workflow body, a plain call elsewhere. */
export function taskCaller<A extends unknown[], R>(definition: TaskDefinition): Task<A, R> {
  const call = (...args: A): Promise<R> => {
    const scope = scopeStorage.getStore();
    try {
      if (scope?.kind === 'workflow') return scope.session.callTask(definition, args) as Promise<R>;
      // Called by a task body: a durable step of its own, when its execution runs in this process.
      if (scope?.nested) return scope.nested.callNested(scope, definition, args) as Promise<R>;
    } catch (error) {
      return Promise.reject(error);
    }
    return (async () => definition.fn(...args) as R)();
  };
  return Object.assign(call, {
    taskName: definition.name,
    definition,
    map: (items: readonly unknown[], options: ParallelOptions = {}): Promise<R[]> => {
      const starts: ParallelItem<R>[] = items.map((item) => () => call(...([item] as A)));
      return parallel<R>(starts, options);
    },
  });
}

/** Checks the failure-handling options once, at definition time, and resolves their defaults. */
function policyOf(name: string, options: TaskOptions): TaskPolicy | undefined {
  const { retryMaxAttempts = 0, retryDelay = 1000, retryBackoff = 2, timeout, fallback, rollback } = options;
  if (!Number.isInteger(retryMaxAttempts) || retryMaxAttempts < 0) {
    throw new DefinitionError(
      `task '${name}': retryMaxAttempts must be a whole number >= 0, not ${String(retryMaxAttempts)}`,
    );
  }
  if (!(retryBackoff >= 1))
    throw new DefinitionError(`task '${name}': retryBackoff must be >= 1, not ${String(retryBackoff)}`);
  for (const [key, fn] of [
    ['fallback', fallback],
    ['rollback', rollback],
  ] as const) {
    if (fn !== undefined && typeof fn !== 'function')
      throw new DefinitionError(`task '${name}': ${key} must be a function`);
  }
  // Any length: timers longer than Node's ~24.8 days are re-armed in chunks (runtime/engine/timers.ts).
  const timeoutMs = timeout === undefined ? undefined : toMilliseconds(timeout);
  if (options.cache && options.outputStorage) {
    throw new DefinitionError(
      `task '${name}': cache and outputStorage together are not supported yet (a cached reference would outlive the execution whose storage holds it)`,
    );
  }
  if (retryMaxAttempts === 0 && timeoutMs === undefined && !fallback && !rollback) return undefined;
  return {
    maxAttempts: retryMaxAttempts + 1,
    delayMs: toMilliseconds(retryDelay),
    backoff: retryBackoff,
    timeoutMs,
    fallback,
    rollback,
  };
}
