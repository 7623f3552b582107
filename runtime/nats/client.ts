/**
 * `connectClient`: starts, resumes, cancels and reads executions on NATS without running any. Commands
 * go to the commands stream, so one sent while no worker runs is kept and carried out later; reads
 * come from the event log and the index.
 */
import { sameStart } from '../engine/events.js';
import { NatsSchedules } from './nats-schedules.js';
import { ScheduleBook, type Schedules } from '../host/schedules.js';
import type { ScheduleStore } from '../engine/schedule-store.js';
import { pendingWaits, resumeTarget } from '../engine/waits.js';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { v7 as uuidv7 } from 'uuid';
import {
  decodeEventBatch,
  decodeExecutionStatus,
  encodeCancelCommand,
  encodeDeleteCommand,
  encodeForkCommand,
  encodeResumeCommand,
  encodeRetryCommand,
  encodeStartCommand,
} from './codec.js';
import { forkStep } from '../engine/fork.js';
import { context, trace } from '@opentelemetry/api';
import { headers } from '@nats-io/nats-core';
import { traceparentOf } from '../engine/tracing.js';
import { TRACEPARENT_HEADER } from './task-wire.js';
import { argumentsHash } from '../engine/identity.js';
import { checkVersion } from '../engine/workflow-versions.js';
import type { IdReusePolicy, PurgeOptions } from '../host/runtime.js';
import { accepts, rebuildSnapshot, stateOf } from '../../actors/lifecycle.js';
import {
  ExecutionNotFoundError,
  ExecutionStateError,
  ExecutionExistsError,
  FluxError,
  hasErrorCode,
  PayloadTooLargeError,
  StoreFullError,
  WorkflowNotFoundError,
  WorkflowVersionError,
} from '../engine/errors.js';
import { executionOf, toExecutionEvent, type Execution } from '../engine/execution-context.js';
import type { ExecutionEvent, StoredEvent } from '../engine/events.js';
import { FINISHED_STATES, isFinished, isSettled, SETTLING_EVENTS } from '../engine/execution-state.js';
import { encodeValue, fromErrorInfo } from '../engine/serialization.js';
import { toMilliseconds } from '../engine/duration.js';
import { inboxOf } from './inbox.js';
import { REPLY_HEADER } from './command-loop.js';
import { NatsStore } from './nats-store.js';
import { isStoreFull } from './store-writes.js';
import type { ExecutionRecord, ListFilter } from '../engine/event-store.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import { drainOrClose } from './connection.js';
import { guarded } from './guarded.js';
import { systemClock, wait } from '../engine/clock.js';
import { consoleLogger } from '../engine/logger.js';
import { checkExecutionId, checkName } from '../engine/names.js';
import { LogPoller, type ReadVerdict } from './log-poller.js';
import { natsNames } from './names.js';
import type { NatsOptions } from './nats-runtime.js';
import { bucketKeys } from './bucket-keys.js';
import { servedWorkflows } from './leases.js';

/**
 * An execution of a known workflow, typed from its definition (as Temporal's `WorkflowHandle`):
 * what `result`, `resume`, `cancel` and `retry` resolve with knows the workflow's input and output.
 */
export interface WorkflowHandle<I, O> {
  readonly executionId: string;
  result(options?: { timeoutMs?: number }): Promise<Execution<I, O>>;
  resume(value?: unknown, options?: { timeoutMs?: number; pause?: string }): Promise<Execution<I, O>>;
  cancel(options?: { rollback?: boolean; timeoutMs?: number }): Promise<Execution<I, O>>;
  retry(options?: { timeoutMs?: number }): Promise<Execution<I, O>>;
  inspect(): Promise<Execution<I, O>>;
  delete(): Promise<void>;
}

export interface Client {
  /**
   * Sends a start command; resolves with the new execution's id once the command is stored. With a
   * `version`, only a worker serving that version of the workflow takes it (it waits for one).
   */
  start<I>(
    workflow: WorkflowDefinition<I, unknown> | string,
    input?: I,
    options?: { executionId?: string; version?: string; idReuse?: IdReusePolicy },
  ): Promise<string>;
  /** Waits until the execution pauses or finishes (after event `afterSeq`, if given). */
  result<I = unknown, O = unknown>(
    executionId: string,
    options?: { timeoutMs?: number; afterSeq?: number },
  ): Promise<Execution<I, O>>;
  /**
   * Resumes a paused execution and waits until it pauses again or finishes. With several pauses
   * pending, `pause` names the one to answer (else `AMBIGUOUS_RESUME`, checked before sending).
   */
  resume<I = unknown, O = unknown>(
    executionId: string,
    value?: unknown,
    options?: { timeoutMs?: number; pause?: string },
  ): Promise<Execution<I, O>>;
  /** Cancels a running or paused execution and waits until it is cancelled. */
  cancel<I = unknown, O = unknown>(
    executionId: string,
    options?: { rollback?: boolean; timeoutMs?: number },
  ): Promise<Execution<I, O>>;
  /**
   * Runs a failed execution again from where it failed (a worker does, on the code it has) and
   * waits until it pauses or finishes. Only a `failed` one (checked before sending).
   */
  retry<I = unknown, O = unknown>(executionId: string, options?: { timeoutMs?: number }): Promise<Execution<I, O>>;
  /**
   * Forks a finished execution from a step (its number, task id or task name): a worker starts the
   * fork, which takes over the steps before it. Resolves with the fork's id once the command is stored.
   */
  fork(executionId: string, options: { from: string | number; executionId?: string }): Promise<string>;
  /**
   * Deletes a finished execution with everything kept for it (a worker serving its workflow does);
   * resolves once it is gone. A running, paused or waiting one is refused (checked before sending).
   */
  delete(executionId: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Deletes the finished executions older than `olderThan` (of a state, a workflow); resolves with how many. */
  purge(options: PurgeOptions): Promise<number>;
  inspect<I = unknown, O = unknown>(executionId: string): Promise<Execution<I, O>>;
  list(filter?: ListFilter): Promise<ExecutionRecord[]>;
  /** Starts an execution as `start` does, and returns a handle typed from the definition. */
  startWorkflow<I, O>(
    workflow: WorkflowDefinition<I, O>,
    input?: I,
    options?: { executionId?: string; version?: string; idReuse?: IdReusePolicy },
  ): Promise<WorkflowHandle<I, O>>;
  /** A handle on an execution of `workflow` started earlier (by anyone), typed from the definition. */
  handle<I, O>(workflow: WorkflowDefinition<I, O>, executionId: string): WorkflowHandle<I, O>;
  /** The workflows that running workers serve, by name (sorted). */
  workflows(): Promise<string[]>;
  /** Calls `onEvent` with each event appended to the execution's log from now on; returns a stop function. */
  watch(executionId: string, onEvent: (event: ExecutionEvent) => void): () => void;
  /** Schedules, kept in the schedules bucket; workers fire them. */
  readonly schedules: Schedules;
  close(): Promise<void>;
}

/** How long a command waits for its stream to answer again while it elects a leader. */
const ELECTION_PATIENCE_MS = 10_000;

/** "No responders" (nats.js calls it JetStreamNotEnabled): nobody serves the stream's subject now. */
function answeredByNobody(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    if (e.name === 'NoResponders' || e.name === 'JetStreamNotEnabled') return true;
  return false;
}

/** How long a start sent by this client is remembered, so that a read of it waits for a worker to take it. */
const START_MEMORY_MS = 60_000;
/** How long such a read waits for the execution's first event. */
const START_PATIENCE_MS = 10_000;

/** How long a workflow seen in the workers bucket counts as served without looking again. */
const SERVED_TRUST_MS = 10_000;

/** A schedule store opened on first use. */
function lazyScheduleStore(open: () => Promise<ScheduleStore>): ScheduleStore {
  return {
    get: async (id) => (await open()).get(id),
    list: async () => (await open()).list(),
    put: async (record) => (await open()).put(record),
    delete: async (id) => (await open()).delete(id),
    due: async (until) => (await open()).due(until),
    next: async () => (await open()).next(),
  };
}

export async function connectClient(options: NatsOptions): Promise<Client> {
  const {
    connection,
    prefix,
    replicas,
    secretKeyFile,
    dispatchPatienceMs: _unused,
    // A client drives no execution: everything it times is patience with the server and the
    // workers, real time whatever clock they run on (a test clock skipping must not time it out).
    // Only the schedules it makes are anchored on the workers' clock, given as this one.
    clock: workflowClock,
    logger = consoleLogger,
    ...connectOptions
  } = options;
  const clock = systemClock;
  const nc = connection ?? (await connect({ maxReconnectAttempts: -1, reconnectTimeWait: 250, ...connectOptions }));
  const names = natsNames(prefix);
  const store = await NatsStore.open(nc, names, {
    secretKeyFile: secretKeyFile ?? `${process.env.FLUX_HOME || './.flux'}/secret.key`,
    ...(replicas !== undefined && { replicas }),
  });
  const js = jetstream(nc);
  const kvm = new Kvm(js);
  const workersBucket = `${names.prefix}_workers`;
  const workers = await kvm
    .create(workersBucket, { history: 1, ...(replicas !== undefined && { replicas }) })
    .catch(() => kvm.open(workersBucket));
  const jsm = await jetstreamManager(nc);

  // Waiters for a result: each reads the log again after a reconnect, and is told when the client
  // closes (its timer must not keep the process alive).
  const waiters = new Map<() => void, () => void>();
  const status = nc.status();
  void (async () => {
    for await (const event of status) {
      if (event.type === 'disconnect') logger.warn('lost its NATS server; reconnecting');
      if (event.type !== 'reconnect') continue;
      logger.info?.('reconnected to its NATS server');
      for (const check of waiters.keys()) check();
    }
  })();

  const contextOf = <I, O>(executionId: string, events: StoredEvent[]): Execution<I, O> =>
    executionOf<I, O>({
      executionId,
      name: events[0]!.name,
      state: stateOf(rebuildSnapshot(executionId, events)),
      log: events,
    });

  // Starts this client sent lately: until a worker takes one, its log is empty, and a cancel or an
  // inspect right after the start would say it does not exist. Those wait for its first event.
  const startedHere = new Map<string, number>();
  /** Ids this client started a new run under (idReuse: 'allowIfFinished'): where that run's log begins. */
  const restartedAfter = new Map<string, number>();
  const rememberStart = (executionId: string) => {
    const now = clock.now();
    for (const [id, at] of startedHere)
      if (now - at > START_MEMORY_MS) startedHere.delete(id);
      else break;
    startedHere.set(executionId, now);
  };

  /** The log of an execution this client started, once a worker has written its first event (or after a while, empty). */
  const firstEvents = (executionId: string) =>
    new Promise<StoredEvent[]>((resolve) => {
      const done = (events: StoredEvent[]) => {
        subscription.unsubscribe();
        timer.clear();
        resolve(events);
      };
      const subscription = nc.subscribe(names.events(executionId), {
        max: 1,
        callback: () => void store.load(executionId).then(done, () => done([])),
      });
      const timer = clock.setTimeout(() => done([]), START_PATIENCE_MS);
      void nc
        .flush()
        .then(() => store.load(executionId))
        .then(
          (events) => void (events.length && done(events)),
          () => undefined,
        );
    });

  const load = async (executionId: string): Promise<StoredEvent[]> => {
    let events = await store.load(executionId);
    if (events.length === 0 && startedHere.has(executionId)) events = await firstEvents(executionId);
    if (events.length === 0) throw new ExecutionNotFoundError(executionId);
    startedHere.delete(executionId);
    return events;
  };

  /** Publishes a command to the commands stream, refusing one the server would not take. */
  const send = async (
    subject: string,
    data: Uint8Array,
    msgID: string,
    what: string,
    executionId?: string,
    replyTo?: string,
  ): Promise<void> => {
    const limit = nc.info?.max_payload ?? 1024 * 1024;
    if (data.length > limit - 1024) throw new PayloadTooLargeError(what, data.length, limit, executionId);
    // The caller's span, when it is traced: the run this command begins links to it.
    const traceparent = traceparentOf(trace.getSpan(context.active()));
    const h = traceparent || replyTo ? headers() : undefined;
    if (traceparent) h!.set(TRACEPARENT_HEADER, traceparent);
    if (replyTo) h!.set(REPLY_HEADER, replyTo);
    for (let waited = 0, pause = 100; ; waited += pause, pause = Math.min(pause * 2, 1000)) {
      try {
        await js.publish(subject, data, { msgID, ...(h && { headers: h }) });
        return;
      } catch (error) {
        if (isStoreFull(error))
          throw new StoreFullError(`the command for execution ${executionId ?? '(new)'} was not stored`, {
            cause: error,
            ...(executionId && { executionId }),
          });
        // The commands stream electing a leader (its node went down) answers nothing for a moment;
        // the message id makes a command sent again one command.
        if (!answeredByNobody(error) || waited >= ELECTION_PATIENCE_MS) throw error;
        await wait(clock, pause);
      }
    }
  };

  // A workflow seen served stays trusted for a while: scanning the workers bucket costs a few ms per
  // start, and a start sent while its workers restart is kept in the commands stream anyway.
  const servedUntil = new Map<string, number>();
  const served = async (workflow: string): Promise<boolean> => {
    if ((servedUntil.get(workflow) ?? 0) > clock.now()) return true;
    for (const name of await servedWorkflows(workers, await bucketKeys(jsm, workersBucket), { versions: true }))
      servedUntil.set(name, clock.now() + SERVED_TRUST_MS);
    return (servedUntil.get(workflow) ?? 0) > clock.now();
  };

  // Schedules: read and written in their bucket (made by the first worker); workers watch it and fire them.
  let scheduleStore: Promise<NatsSchedules> | undefined;
  const schedulesBucket = () => {
    scheduleStore ??= kvm.open(names.schedulesBucket).then(
      (kv) => new NatsSchedules(kv, jsm, names.schedulesBucket, logger),
      (error: unknown) => {
        scheduleStore = undefined;
        throw new FluxError(
          'SCHEDULES_UNAVAILABLE',
          `the schedules bucket ${names.schedulesBucket} cannot be opened (${(error as Error).message}): start a worker first`,
        );
      },
    );
    return scheduleStore;
  };
  const schedules = new ScheduleBook({
    store: lazyScheduleStore(schedulesBucket),
    clock: workflowClock ?? systemClock,
    stateOf: async (executionId) => (await store.get(executionId))?.state,
    start: async (spec, executionId) => {
      await send(
        names.command(spec.workflow, 'start'),
        encodeStartCommand({ workflow: spec.workflow, executionId, inputJson: spec.inputJson }),
        `start:${executionId}`,
        `the input of schedule run ${executionId}`,
        executionId,
      );
      rememberStart(executionId);
    },
    changed: () => {}, // the workers watch the bucket
  });

  const client: Client = {
    schedules,
    async startWorkflow(workflow, input, startOptions) {
      return client.handle(workflow, await client.start(workflow, input, startOptions));
    },
    handle<I, O>(_workflow: WorkflowDefinition<I, O>, executionId: string): WorkflowHandle<I, O> {
      checkExecutionId(executionId);
      return {
        executionId,
        result: (options) => client.result<I, O>(executionId, options),
        resume: (value, options) => client.resume<I, O>(executionId, value, options),
        cancel: (options) => client.cancel<I, O>(executionId, options),
        retry: (options) => client.retry<I, O>(executionId, options),
        inspect: () => client.inspect<I, O>(executionId),
        delete: () => client.delete(executionId),
      };
    },
    async start(workflow, input, startOptions = {}) {
      const name = checkName(typeof workflow === 'string' ? workflow : workflow.name, 'workflow name');
      const executionId =
        startOptions.executionId === undefined ? uuidv7() : checkExecutionId(startOptions.executionId);
      if (!(await served(name))) {
        throw new WorkflowNotFoundError(
          name,
          {},
          `no worker serves workflow '${name}' on prefix '${names.prefix}': start a worker with it in its workflows`,
        );
      }
      // A version no worker serves is refused here: a start for it would wait in the stream for one.
      if (startOptions.version !== undefined && !(await served(`${name}@${checkVersion(startOptions.version)}`))) {
        const versions = [...servedUntil.keys()]
          .filter((key) => key.startsWith(`${name}@`))
          .map((key) => key.slice(name.length + 1));
        throw new WorkflowVersionError(undefined, name, startOptions.version, versions);
      }
      const inputJson = encodeValue(input, `the input of workflow '${name}'`);
      let msgID = `start:${executionId}`;
      let seenEvents: number | undefined;
      if (startOptions.executionId !== undefined) {
        // The same id and input is the same start; another input under an id that exists is refused here.
        const existing = await store.load(executionId);
        const state = existing.length ? stateOf(rebuildSnapshot(executionId, existing)) : undefined;
        const again = startOptions.idReuse === 'allowIfFinished' && state !== undefined && isFinished(state);
        if (existing.length && !again && !sameStart(existing, inputJson))
          throw new ExecutionExistsError(executionId, state!);
        if (again) {
          // A new run is a new command (the first start's message id is still remembered by the
          // stream), one per log it follows and input; the worker starts it only on that log.
          msgID = `start:${executionId}:${existing.length}:${argumentsHash(inputJson ?? 'null')}`;
          seenEvents = existing.length;
          restartedAfter.set(executionId, existing.length);
          if (restartedAfter.size > 1000) restartedAfter.delete(restartedAfter.keys().next().value!); // never awaited
        }
      }
      // The message id makes a start sent twice (a retry after a lost ack) one start.
      await send(
        names.command(name, 'start'),
        encodeStartCommand({
          workflow: name,
          executionId,
          inputJson,
          ...(startOptions.version !== undefined && { version: checkVersion(startOptions.version) }),
          ...(startOptions.idReuse !== undefined && { idReuse: startOptions.idReuse }),
          ...(seenEvents !== undefined && { seenEvents }),
        }),
        msgID,
        `the input of workflow '${name}'`,
        executionId,
      );
      rememberStart(executionId);
      return executionId;
    },

    async result<I, O>(executionId: string, resultOptions: { timeoutMs?: number; afterSeq?: number } = {}) {
      // A new run started here under an id whose execution had finished: its end is the one awaited.
      const after = resultOptions.afterSeq ?? restartedAfter.get(executionId) ?? 0;
      return new Promise<Execution<I, O>>((resolve, reject) => {
        /** The seq of the last settling event a notification announced. */
        let announced = 0;
        const finish = (error?: Error, ctx?: Execution<I, O>) => {
          if (poller.stopped) return;
          poller.stop();
          timer.clear();
          waiters.delete(check);
          subscription.unsubscribe();
          if (error) return reject(error);
          if (restartedAfter.get(executionId) === after) restartedAfter.delete(executionId); // that run has settled
          resolve(ctx!);
        };
        const timer = clock.setTimeout(
          () =>
            finish(
              new FluxError(
                'RESULT_TIMEOUT',
                `execution ${executionId} did not pause or finish within ${resultOptions.timeoutMs} ms`,
                { executionId },
              ),
            ),
          resultOptions.timeoutMs ?? Infinity,
        );
        const poller = new LogPoller(
          () => store.load(executionId),
          (events): ReadVerdict => {
            if (events.length > after && isSettled(stateOf(rebuildSnapshot(executionId, events)))) {
              finish(undefined, contextOf<I, O>(executionId, events));
              return 'done';
            }
            return events.length < announced ? 'behind' : 'wait';
          },
          (error) => finish(error),
        );
        // Subscribe first, then read: an event appended in between is seen either way. What is
        // published while the connection is down is missed: a reconnect reads again.
        const check = () => poller.poll();
        waiters.set(check, () =>
          finish(
            new FluxError(
              'CLIENT_CLOSED',
              `the client was closed while waiting for execution ${executionId} to pause or finish`,
              { executionId },
            ),
          ),
        );
        const subscription = nc.subscribe(names.events(executionId), {
          callback: guarded(logger, (msg) => {
            const settling = decodeEventBatch(msg.data).filter((e) => SETTLING_EVENTS.has(e.type));
            if (settling.length === 0) return;
            announced = Math.max(announced, settling.at(-1)!.seq);
            check();
          }),
        });
        nc.flush().then(check, check);
      });
    },

    async resume<I, O>(
      executionId: string,
      value?: unknown,
      { pause, ...resumeOptions }: { timeoutMs?: number; pause?: string } = {},
    ) {
      const events = await load(executionId);
      const snapshot = rebuildSnapshot(executionId, events);
      if (!accepts(snapshot, 'RESUME'))
        throw new ExecutionStateError(executionId, stateOf(snapshot), 'resumed', ['paused']);
      const waits = pendingWaits(events);
      // Refused here, before anything is sent (the worker checks again): which pause is meant.
      if (waits.pauses.length > 0) resumeTarget(executionId, waits, pause);
      const valueJson = encodeValue(value, `the resume value for execution ${executionId}`, executionId);
      const workflow = events[0]!.name;
      await send(
        names.command(workflow, 'resume'),
        encodeResumeCommand({ workflow, executionId, valueJson, pause }),
        `resume:${executionId}:${events.length}`,
        `the resume value for execution ${executionId}`,
        executionId,
      );
      return client.result<I, O>(executionId, { afterSeq: events.length, ...resumeOptions });
    },

    async cancel<I, O>(executionId: string, cancelOptions: { rollback?: boolean; timeoutMs?: number } = {}) {
      const events = await load(executionId);
      const state = stateOf(rebuildSnapshot(executionId, events));
      if (isFinished(state)) throw new ExecutionStateError(executionId, state, 'cancelled', ['running', 'paused']);
      const workflow = events[0]!.name;
      await send(
        names.command(workflow, 'cancel'),
        encodeCancelCommand({ workflow, executionId, rollback: cancelOptions.rollback ?? false }),
        `cancel:${executionId}`,
        `the cancel of execution ${executionId}`,
        executionId,
      );
      const deadline = clock.now() + (cancelOptions.timeoutMs ?? 60_000);
      for (;;) {
        const now = await load(executionId);
        const reached = stateOf(rebuildSnapshot(executionId, now));
        if (reached === 'cancelled') return contextOf<I, O>(executionId, now);
        // It ended before the cancel was carried out (the worker refused the cancel): say so now, not at the deadline.
        if (isFinished(reached))
          throw new ExecutionStateError(executionId, reached, 'cancelled', ['running', 'paused']);
        if (clock.now() > deadline)
          throw new FluxError(
            'RESULT_TIMEOUT',
            `execution ${executionId} was not cancelled within ${cancelOptions.timeoutMs ?? 60_000} ms`,
            { executionId },
          );
        await client
          .result(executionId, { afterSeq: now.length, timeoutMs: Math.max(1, deadline - clock.now()) })
          .catch(() => undefined);
      }
    },

    async retry<I, O>(executionId: string, retryOptions: { timeoutMs?: number } = {}) {
      const events = await load(executionId);
      const snapshot = rebuildSnapshot(executionId, events);
      if (!accepts(snapshot, 'RETRY'))
        throw new ExecutionStateError(executionId, stateOf(snapshot), 'retried', ['failed']);
      const workflow = events[0]!.name;
      await send(
        names.command(workflow, 'retry'),
        encodeRetryCommand({ workflow, executionId }),
        `retry:${executionId}:${events.length}`,
        `the retry of execution ${executionId}`,
        executionId,
      );
      return client.result<I, O>(executionId, { afterSeq: events.length, ...retryOptions });
    },

    async fork(executionId: string, forkOptions: { from: string | number; executionId?: string }) {
      const events = await load(executionId);
      const state = stateOf(rebuildSnapshot(executionId, events));
      if (!isFinished(state))
        throw new ExecutionStateError(executionId, state, 'forked', ['succeeded', 'failed', 'cancelled']);
      // Checked here too (the worker checks again): a step that is not there is refused before sending.
      const step = forkStep(executionId, events, forkOptions.from);
      const forkId = forkOptions.executionId === undefined ? uuidv7() : checkExecutionId(forkOptions.executionId);
      const workflow = events[0]!.name;
      await send(
        names.command(workflow, 'fork'),
        encodeForkCommand({ workflow, executionId, fromStep: String(step), forkId }),
        `fork:${forkId}`,
        `the fork of execution ${executionId}`,
        executionId,
      );
      rememberStart(forkId);
      return forkId;
    },

    async delete(executionId: string, deleteOptions: { timeoutMs?: number } = {}) {
      // The log is the authority (the index may not have caught up with the end just read).
      const events = await load(checkExecutionId(executionId));
      const state = stateOf(rebuildSnapshot(executionId, events));
      startedHere.delete(executionId); // its log is about to be empty: a read must not wait for it to begin
      if (!isFinished(state)) throw new ExecutionStateError(executionId, state, 'deleted', FINISHED_STATES);
      const record = { workflow: events[0]!.name };
      // Carried out by a worker (a client may not purge streams), which answers on this inbox.
      const inbox = inboxOf(nc);
      const answer = nc.subscribe(inbox, { max: 1 });
      const timeoutMs = deleteOptions.timeoutMs ?? 60_000;
      const timer = clock.setTimeout(() => answer.unsubscribe(), timeoutMs);
      try {
        await send(
          names.command(record.workflow, 'delete'),
          encodeDeleteCommand({ workflow: record.workflow, executionId }),
          `delete:${executionId}:${events.length}`,
          `the delete of execution ${executionId}`,
          executionId,
          inbox,
        );
        for await (const message of answer) {
          const status = decodeExecutionStatus(message.data);
          if (status.error) throw fromErrorInfo(status.error);
          return;
        }
        throw new FluxError(
          'RESULT_TIMEOUT',
          `execution ${executionId} was not deleted within ${timeoutMs} ms: is a worker serving ${record.workflow} running?`,
          { executionId },
        );
      } finally {
        timer.clear();
        answer.unsubscribe();
      }
    },

    async purge(purgeOptions: PurgeOptions) {
      const before = new Date((workflowClock ?? clock).now() - toMilliseconds(purgeOptions.olderThan)).toISOString();
      let deleted = 0;
      for (const record of await store.list(purgeOptions.workflow ? { workflow: purgeOptions.workflow } : {})) {
        if (!isFinished(record.state) || record.updatedAt >= before) continue;
        if (purgeOptions.state && record.state !== purgeOptions.state) continue;
        // One that moved on meanwhile (a retry) is refused and kept.
        await client.delete(record.executionId).then(
          () => deleted++,
          (error: unknown) => {
            if (!hasErrorCode(error, 'INVALID_EXECUTION_STATE', 'EXECUTION_NOT_FOUND')) throw error;
          },
        );
      }
      return deleted;
    },

    async inspect<I, O>(executionId: string) {
      return contextOf<I, O>(executionId, await load(executionId));
    },

    list: (filter) => store.list(filter),

    async workflows() {
      return [...new Set(await servedWorkflows(workers, await bucketKeys(jsm, workersBucket)))].sort();
    },

    watch(executionId, onEvent) {
      // Each event once, in order. What is published while the connection is down never arrives
      // (core NATS keeps nothing): after a reconnect the log is read, and what was missed comes from it.
      let last: number | undefined; // the last event handed over
      let floor: number | undefined; // where the log ended as the watch began: a reconnect's read starts after it
      const emit = (event: StoredEvent) => {
        if (last !== undefined && event.seq <= last) return;
        last = event.seq;
        onEvent(toExecutionEvent(executionId, event));
      };
      store.load(executionId).then(
        (events) => {
          floor = events.at(-1)?.seq ?? 0;
        },
        () => undefined,
      );
      const subscription = nc.subscribe(names.events(executionId), {
        callback: guarded(logger, (msg) => {
          for (const event of decodeEventBatch(msg.data)) emit(event);
        }),
      });
      const caughtUp = () =>
        void store.load(executionId).then(
          (events) => {
            if (floor === undefined && last === undefined) return; // "now" is not known yet
            const after = Math.max(last ?? 0, floor ?? 0);
            for (const event of events) if (event.seq > after) emit(event);
          },
          () => undefined,
        );
      const stop = () => {
        waiters.delete(caughtUp);
        subscription.unsubscribe();
      };
      waiters.set(caughtUp, stop);
      return stop;
    },

    async close() {
      (status as { stop?(): void }).stop?.();
      for (const abort of [...waiters.values()]) abort();
      if (!connection) await drainOrClose(nc);
    },
  };
  return client;
}
