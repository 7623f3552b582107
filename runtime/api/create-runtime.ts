/**
 * Creates a runtime: the composition root, which picks the store. A backend is loaded only when
 * chosen (dynamic import): a memory runtime loads neither SQLite (a native module) nor NATS.
 */
import type { Clock } from '../engine/clock.js';
import { DefinitionError } from '../engine/errors.js';
import { toMilliseconds, type Duration } from '../engine/duration.js';
import { ActorRuntime } from '../host/actor-runtime.js';
import type { Runtime } from '../host/runtime.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import type { NatsOptions } from '../nats/nats-runtime.js';
import type { SqliteStoreOptions } from '../stores/sqlite-options.js';

export interface RuntimeOptions {
  /**
   * `'memory'`, or `{ sqlite: path }` for a durable file (with `maxBytes`, `leaseMs`: see
   * `SqliteStoreOptions`). Default: SQLite at `$FLUX_HOME/flux.db`.
   */
  store?: 'memory' | ({ sqlite: string } & SqliteStoreOptions);
  /** Run on NATS instead: the log in JetStream, tasks on any worker that serves them. */
  nats?: NatsOptions;
  /**
   * SQLite: take over the executions left running by runtimes that died (their lease lapsed, or
   * their process is gone from this host), at once and then every lease period while open, and
   * finish them by replay (completed steps do not run again). `createRuntime` resolves once the
   * first pass is done. Only workflows this process defines are taken over, so define (import)
   * them first. `close()` waits for what was taken over to pause or end.
   */
  recover?: boolean;
  /**
   * Where the runtime reads the time and waits: event times, `now()`, durable sleeps, retry
   * backoffs, task timeouts. Default: the system clock. A `TestClock` lets a test skip time (a
   * `sleep('7d')` done in milliseconds). Leases and NATS timeouts keep real time: they concern other
   * processes and a server, which a test clock does not move.
   */
  clock?: Clock;
  /**
   * The workflows this runtime serves: the schedules they declare (`withOptions({ schedule })`)
   * are made in its store (once, under `<workflow>_auto`) and fired by it. Embedded stores only;
   * on NATS, workers (`startWorker({ workflows })`) do this.
   */
  // biome-ignore lint/suspicious/noExplicitAny: workflows of every input and output type
  workflows?: readonly WorkflowDefinition<any, any>[];
  /**
   * A body that waits only on durable sleeps at least this long (ms) parks: `waiting`, held by
   * nothing, woken by the store's timer. Default 5000. Embedded stores.
   */
  parkAfterMs?: number;
  /**
   * Bounded storage: finished executions are deleted this long after their last event ('30d', '12h',
   * or ms), with everything they own (log, snapshot, objects, index entry, their outputs in output
   * storage); task outputs memoised longer ago are forgotten. Running, paused and waiting executions
   * are never deleted. Default: everything is kept. Embedded stores; on NATS, workers
   * (`startWorker({ retention })`) do this.
   */
  retention?: Duration;
}

export type { SqliteStoreOptions } from '../stores/sqlite-options.js';

/**
 * Creates a runtime. Returns a promise for every kind, so `await createRuntime(...)` works the same
 * for the embedded stores and for NATS.
 *
 * @example
 * const runtime = await createRuntime({ store: 'memory' });
 * const ctx = await myWorkflow.run('hello', { runtime });
 * await runtime.close();
 */
export async function createRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  if (options.nats && options.recover) {
    throw new DefinitionError(
      "recover is for the embedded SQLite store; on NATS, workers (startWorker) take over a dead worker's executions by themselves",
    );
  }
  if (options.nats && options.retention !== undefined) {
    throw new DefinitionError(
      'retention is for the embedded stores; on NATS, workers delete expired executions: startWorker({ retention }) or flux worker --retention',
    );
  }
  if (options.nats) {
    if (options.store) throw new DefinitionError('createRuntime takes either store or nats, not both');
    if (options.clock && options.nats.clock && options.clock !== options.nats.clock)
      throw new DefinitionError('createRuntime was given two clocks (clock, and nats.clock): give one');
    const { createNatsRuntime } = await import('../nats/nats-runtime.js');
    const clock = options.clock ?? options.nats.clock;
    return createNatsRuntime(clock ? { ...options.nats, clock } : options.nats);
  }
  const store = options.store ?? { sqlite: defaultDatabasePath() };
  const { clock } = options;
  const runtime = new ActorRuntime(
    store === 'memory' ? await memoryStore(clock) : await sqliteStore(store.sqlite, store, clock),
    {
      clock,
      ...(options.workflows && { workflows: options.workflows }),
      ...(options.parkAfterMs !== undefined && { parkAfterMs: options.parkAfterMs }),
      ...(options.retention !== undefined && { retention: { periodMs: toMilliseconds(options.retention) } }),
    },
  );
  if (options.recover)
    await runtime.recoverContinually().catch(async (error: unknown) => {
      await runtime.close();
      throw error;
    });
  return runtime;
}

export function defaultDatabasePath(): string {
  return `${process.env.FLUX_HOME || './.flux'}/flux.db`;
}

async function memoryStore(clock: Clock | undefined) {
  const { MemoryStore } = await import('../stores/memory-store.js');
  return new MemoryStore(clock && (() => clock.now()));
}

async function sqliteStore(path: string, options: SqliteStoreOptions, clock: Clock | undefined) {
  const { SqliteStore } = await import('../stores/sqlite-store.js');
  return new SqliteStore(path, options, clock);
}
