/**
 * `task(fn)`: a function whose calls inside a workflow are durable steps. Called anywhere else, it
 * simply runs.
 */
import { checkOptions, resolveName } from './names.js';
import { registerTask } from './registry.js';
import { currentSession } from './scope.js';
import type { TaskDefinition, TaskOptions } from './task-definition.js';

export interface Task<A extends unknown[], R> {
  (...args: A): Promise<R>;
  readonly taskName: string;
  readonly definition: TaskDefinition;
  /** Runs a one-argument task once per item, concurrently; results in item order. */
  map(items: A extends [infer Item] ? readonly Item[] : never): Promise<R[]>;
}

/**
 * Defines a task.
 *
 * @example
 * const processData = task(async function processData(data: string) { return data.toUpperCase(); });
 */
export function task<A extends unknown[], R>(fn: (...args: A) => R): Task<A, Awaited<R>> {
  return defineTask(fn, {});
}

/**
 * Defines a task with options.
 *
 * @example
 * const charge = task.withOptions({ name: 'charge_card' })(async (order: Order) => { ... });
 */
task.withOptions = function withOptions(options: TaskOptions) {
  return <A extends unknown[], R>(fn: (...args: A) => R): Task<A, Awaited<R>> => defineTask(fn, options);
};

function defineTask<A extends unknown[], R>(fn: (...args: A) => R, options: TaskOptions): Task<A, Awaited<R>> {
  checkOptions('task', options, ['name']);
  const definition: TaskDefinition = { name: resolveName('task', fn, options.name), fn, options };
  registerTask(definition);
  return taskCaller<A, Awaited<R>>(definition);
}

/** The callable users hold: a durable step inside a workflow body, a plain call elsewhere. */
export function taskCaller<A extends unknown[], R>(definition: TaskDefinition): Task<A, R> {
  const call = (...args: A): Promise<R> => {
    const session = currentSession();
    if (!session) return (async () => definition.fn(...args) as R)();
    try {
      return session.callTask(definition, args) as Promise<R>;
    } catch (error) {
      return Promise.reject(error);
    }
  };
  return Object.assign(call, {
    taskName: definition.name,
    definition,
    map: (items: readonly unknown[]) => Promise.all(items.map((item) => call(...([item] as A)))),
  });
}
