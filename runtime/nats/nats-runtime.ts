/**
 * A runtime on NATS: the same public API as the embedded one, with every execution's log in
 * JetStream and task commands going over NATS to whichever executor serves the task. It is also a
 * worker for what it is handed: the workflows it runs and the tasks they call are served from this
 * process too, so code written for the embedded runtime runs unchanged.
 */
import { connect, type ConnectionOptions } from '@nats-io/transport-node';
import type { NatsConnection } from '@nats-io/nats-core';
import { TaskExecutor } from '../../actors/task-executor.js';
import type { Clock } from '../engine/clock.js';
import { findTask } from '../engine/registry.js';
import { ActorRuntime } from '../host/actor-runtime.js';
import { NatsStore } from './nats-store.js';
import { consoleLogger, type Logger } from '../engine/logger.js';
import { drainOrClose } from './connection.js';
import { natsNames } from './names.js';
import { NatsTaskDispatcher, NatsTaskServer } from './task-transport.js';

export interface NatsOptions
  extends Partial<
    Pick<
      ConnectionOptions,
      | 'servers'
      | 'noRandomize'
      | 'user'
      | 'pass'
      | 'token'
      | 'authenticator'
      | 'tls'
      | 'name'
      | 'maxReconnectAttempts'
      | 'reconnectTimeWait'
    >
  > {
  /**
   * Where this connection receives replies (nats.js's `inboxPrefix`): `_INBOX` by default. Under
   * nats.conf each user has its own (`_INBOX_worker`, `_INBOX_client`) and may read no other's.
   */
  inboxPrefix?: string;
  /** Where messages that could not be handled and repairs made on the way are reported. Default: stderr. */
  logger?: Logger;
  /** An open connection to use instead of opening one (it is not closed with the runtime). */
  connection?: NatsConnection;
  /** Names every stream, bucket and subject; several deployments can share a server. Default `flux`. */
  prefix?: string;
  /** Replicas of streams and buckets (3 on a 3-node cluster). Default 1. */
  replicas?: number;
  /** The AES-256 key sealing secrets. Default `$FLUX_HOME/secret.key`. */
  secretKeyFile?: string;
  /** How long a task command waits for an executor that serves its task. Default 30 s. */
  dispatchPatienceMs?: number;
  /** How long the executor running a task may be gone before the command goes to another one. Default 5 s. */
  executorTimeoutMs?: number;
  /**
   * Serve the tasks this process's workflows call from this process too (default true), so code
   * written for the embedded runtime runs unchanged. False sends every task to executors elsewhere.
   */
  serveTasks?: boolean;
  /**
   * The clock of the executions driven and the tasks served here (`createRuntime`, `startWorker`):
   * event times, `now()`, durable sleeps, retry backoffs, task timeouts. Default: the system clock.
   * Leases, heartbeats and waits on the server keep real time; a client drives nothing and takes it
   * only to anchor the schedules it makes (`every` counts from its now).
   */
  clock?: Clock;
}

/** The parts of a NATS runtime, for a worker that wants to serve more than what it runs. */
export interface NatsParts {
  nc: NatsConnection;
  store: NatsStore;
  server: NatsTaskServer;
  dispatcher: NatsTaskDispatcher;
  close(): Promise<void>;
}

export async function openNats(options: NatsOptions): Promise<NatsParts> {
  const {
    connection,
    prefix,
    replicas,
    secretKeyFile,
    dispatchPatienceMs,
    executorTimeoutMs,
    serveTasks = true,
    logger = consoleLogger,
    clock,
    ...connectOptions
  } = options;
  const nc = connection ?? (await connect({ maxReconnectAttempts: -1, reconnectTimeWait: 250, ...connectOptions }));
  const names = natsNames(prefix);
  const store = await NatsStore.open(nc, names, {
    secretKeyFile: secretKeyFile ?? `${process.env.FLUX_HOME || './.flux'}/secret.key`,
    ...(replicas !== undefined && { replicas }),
    workflowClock: clock,
  });
  let dispatcher: NatsTaskDispatcher | undefined;
  const server = new NatsTaskServer(
    nc,
    names,
    new TaskExecutor(findTask, store.cache, store.secrets, clock),
    store.large,
    {
      logger,
      nestedHost: (id) => dispatcher?.nestedHost(id),
    },
  );
  dispatcher = new NatsTaskDispatcher(nc, names, serveTasks ? server : undefined, store.large, {
    dispatchPatienceMs,
    executorTimeoutMs,
    logger,
  });
  return {
    nc,
    store,
    server,
    dispatcher,
    async close() {
      await server.close();
      await dispatcher.close();
      if (!connection) await drainOrClose(nc);
    },
  };
}

export async function createNatsRuntime(options: NatsOptions): Promise<ActorRuntime> {
  const parts = await openNats(options);
  return new ActorRuntime(parts.store, {
    executor: parts.dispatcher,
    onClose: () => parts.close(),
    clock: options.clock,
  });
}
