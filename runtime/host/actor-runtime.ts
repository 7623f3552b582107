/**
 * A runtime owns a store, the executions it is driving, and a task executor. The embedded runtime
 * runs everything in this process; its store is in memory or a SQLite file that other processes
 * can open too.
 */
import { clampInterval } from '../engine/timers.js';
import { repeat, systemClock, wait, type Clock, type Timer } from '../engine/clock.js';
import { v7 as uuidv7 } from 'uuid';
import { ExecutionActor, type CancelOptions } from '../../actors/execution-actor.js';
import { bindExecutionMachine } from '../../actors/execution-binding.js';
import { accepts, rebuildSnapshot, stateOf, type ExecutionSnapshot } from '../../actors/lifecycle.js';
import { TaskExecutor, type TaskSender } from '../../actors/task-executor.js';
import {
  ExecutionExistsError,
  ExecutionBusyError,
  ExecutionConflictError,
  ExecutionNotFoundError,
  ExecutionStateError,
  FluxError,
  WorkflowMismatchError,
  WorkflowNotFoundError,
  WorkflowVersionError,
} from '../engine/errors.js';
import { executionOf, type Execution, type ExecutionContext } from '../engine/execution-context.js';
import { ExecutionLog } from '../engine/execution-log.js';
import { runStart, sameStart, type StoredEvent } from '../engine/events.js';
import { definedWorkflows, findTask, findWorkflow, outputStorages } from '../engine/registry.js';
import { checkVersion, servedKey, type WorkflowVersions } from '../engine/workflow-versions.js';
import { checkExecutionId } from '../engine/names.js';
import { encodeValue } from '../engine/serialization.js';
import type {
  DueWake,
  EventStore,
  ExecutionRecord,
  ExecutionRemoval,
  ListFilter,
  WakeIndex,
} from '../engine/event-store.js';
import {
  resumeTargetOf,
  type ExecutionHandle,
  type ExecutionSummary,
  type ResultOptions,
  type ResumeTarget,
  type Runtime,
  type ForkOptions,
  type IdReusePolicy,
  type PurgeOptions,
  type StartOptions,
} from './runtime.js';
import {
  pendingWaits,
  resumeAnswer,
  resumeTarget,
  wakeAnswers,
  awaitedExecutions,
  wakeOf,
  type ResumeAnswer,
} from '../engine/waits.js';
import { recoverOrphans, type RecoveryReport } from './recovery.js';
import { Claims } from './claims.js';
import { ChildExecutions } from './child-executions.js';
import { Wakes } from './wakes.js';
import { Scheduler } from './scheduler.js';
import { deleteExpired, Retention } from './retention.js';
import { toMilliseconds } from '../engine/duration.js';
import { observeGauges } from '../engine/metrics.js';
import { ScheduleBook, unavailableSchedules, type Schedules } from './schedules.js';
import type { ScheduleSpec } from '../engine/schedule-spec.js';
import type { ScheduleStore } from '../engine/schedule-store.js';
import { consoleLogger, type Logger } from '../engine/logger.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import type { SecretManager } from '../engine/secrets.js';
import { FINISHED_STATES, isFinished, isSettled, type ExecutionState } from '../engine/execution-state.js';
import { childCalls, openChildren, pausedChild } from '../engine/children.js';
import { failedCalls } from '../engine/retry.js';
import { forkedEvents, forkedFrom, forksOf, forkStep, type ForkLink } from '../engine/fork.js';

/** Told when this runtime starts and stops driving an execution: how a NATS worker keeps its leases. */
export interface DriverHooks {
  /**
   * A run of the execution starts here; call what it returns when that run pauses or ends, or with
   * the error that stopped it (a store that could not be written, another driver).
   */
  driving(executionId: string, workflow: string): (error?: unknown) => void;
  /** Takes the lease of an execution nobody alive drives; false while a live driver holds it. */
  adopt(executionId: string, workflow: string): Promise<boolean>;
}

/** What a worker's start command found: a new run, or an execution that existed already. */
export interface StartedAs<I, O> {
  state: ExecutionState;
  handle: ExecutionHandle<I, O>;
}

export interface ActorRuntimeOptions {
  /** Where task commands go; by default an executor in this process. */
  executor?: TaskSender;
  drivers?: DriverHooks;
  /** Called last by `close()`: closes what the runtime's parts hold (a NATS connection). */
  onClose?: () => Promise<void>;
  /**
   * The runtime's clock (default: the system's): event times, durable sleeps and, for the default
   * executor, task timeouts, backoffs and `now()`. An `executor` given keeps time on its own.
   */
  clock?: Clock;
  /** Where the timer service reports what it could not do (default: stderr). */
  logger?: Logger;
  /**
   * The durable timers to keep, instead of the store's `wakes` woken here: a NATS worker watches
   * its bucket and fires a timer by sending a wake command, which any worker serving the workflow takes.
   */
  timers?: {
    index: WakeIndex;
    fire(due: DueWake): Promise<boolean>;
    /** How often (real time) to look again at timers whose firing failed (the server was away). */
    retryMs?: number;
  };
  /**
   * The schedules to keep, instead of the store's, and how a fire starts its execution (default:
   * here). A NATS worker sends a start command, which any worker serving the workflow takes.
   */
  schedules?: {
    store: ScheduleStore;
    start?(spec: ScheduleSpec, executionId: string): Promise<void>;
    /** How often (real time) to look again (a fire whose start could not be sent, a buffered one). */
    pollMs?: number;
  };
  /** The workflows this runtime serves: their declared schedules (`withOptions({ schedule })`) are made here. */
  // biome-ignore lint/suspicious/noExplicitAny: workflows of every input and output type
  workflows?: readonly WorkflowDefinition<any, any>[];
  /**
   * The workflow versions this runtime may drive (a worker's): an execution is driven only by the
   * version it recorded. Default: every workflow defined in this process.
   */
  served?: WorkflowVersions<WorkflowDefinition>;
  /**
   * A body that waits only on durable sleeps at least this long parks (`waiting`): no driver holds
   * it, the store's timer wakes it. Default 5 s; only with a store that keeps timers.
   */
  parkAfterMs?: number;
  /**
   * Delete finished executions this long (ms) after their last event, with everything they own.
   * `turn` says whether this process sweeps now, where several share the store (default: always).
   */
  retention?: { periodMs: number; turn?(): Promise<boolean> };
  /** What the `flux.commands.pending` gauge reads (a worker's consumers); the parked timers are the timer index's. */
  pendingCommands?(): Promise<Map<string, number>>;
}

/** See `ActorRuntimeOptions.parkAfterMs`. */
export const DEFAULT_PARK_AFTER_MS = 5000;

/** An execution a schedule's fire started (`fireExecutionId`). */
const FIRE_ID = /-\d{8}T\d{6,9}Z$/;

/** How `resumeOne` resumes: with a value (for a named pause), or as a wake. */
interface ResumeHow<I, O> {
  value?: unknown;
  workflow?: WorkflowDefinition<I, O> | undefined;
  pause?: string | undefined;
  /** Whether a pause that is a child's goes on to the child (not when the child woke this one). */
  forward: boolean;
  wake?: boolean;
  onAccepted?: () => void;
}

export class ActorRuntime implements Runtime {
  /** The execution machine, bound to this runtime's execution actors. */
  private readonly machines = bindExecutionMachine();
  private readonly active = new Map<string, ExecutionActor<unknown, unknown>>();
  /** Executions a driver in this process holds (or is about to): at most one driver each. */
  private readonly claims = new Claims();
  private readonly executor: TaskSender;

  private readonly onClose: (() => Promise<void>) | undefined;
  private readonly drivers: DriverHooks | undefined;
  private readonly clock: Clock;
  /** The child executions its executions call (sub-workflows), and the parents they wake. */
  private readonly children: ChildExecutions;
  /** Wakes paused executions whose durable timers fall due, if the store keeps timers. */
  private readonly wakes: Wakes | undefined;
  private readonly parkAfterMs: number | undefined;
  /** Fires the store's schedules, if it keeps any. */
  private readonly scheduler: Scheduler | undefined;
  /** `runtime.schedules`: refuses every call (SCHEDULES_UNAVAILABLE) on a store without schedules. */
  readonly schedules: Schedules;
  /** Declaring the served workflows' schedules: `close` waits for it. */
  private readonly declaring: Promise<void>;
  /** The versions of each workflow this runtime drives. */
  private readonly served: WorkflowVersions<WorkflowDefinition>;
  /** Deletes finished executions past the retention period, if one is set. */
  private readonly retention: Retention | undefined;
  /** Takes the gauges off the MeterProvider. */
  private readonly unobserve: () => void;

  constructor(
    readonly store: EventStore,
    options: ActorRuntimeOptions = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.executor = options.executor ?? new TaskExecutor(findTask, store.cache, store.secrets, this.clock);
    this.onClose = options.onClose;
    this.drivers = options.drivers;
    this.served = options.served ?? (definedWorkflows as WorkflowVersions<WorkflowDefinition>);
    this.children = new ChildExecutions({
      store,
      claims: this.claims,
      drive: (definition, executionId, events, snapshot) => {
        // A child that exists runs on the version it recorded, whatever its parent's code passes.
        const code = events.length
          ? this.codeFor(executionId, definition.name, runStart(events)!.version, definition)
          : definition;
        return this.host(code, this.logOf(executionId, definition.name, events), snapshot);
      },
      resume: (executionId, forward) => this.resumeOne(executionId, { forward }),
      cancel: (executionId, options) => this.cancel(executionId, undefined, options),
      result: (executionId) => this.result(executionId),
    });
    const index = options.timers?.index ?? store.wakes;
    if (index) {
      const fire = options.timers?.fire;
      this.wakes = new Wakes({
        index,
        clock: this.clock,
        wake: fire ?? ((due) => this.wakeAccepted(due.executionId)),
        logger: options.logger ?? consoleLogger,
        // A file other processes open too: they arm timers this one must see. Real time, as the leases.
        ...(store.leases && { poll: { clock: systemClock, everyMs: clampInterval(store.leases.leaseMs, 1) } }),
        ...(options.timers?.retryMs !== undefined && { poll: { clock: systemClock, everyMs: options.timers.retryMs } }),
      });
      this.wakes.start();
    }
    this.parkAfterMs = index ? (options.parkAfterMs ?? DEFAULT_PARK_AFTER_MS) : undefined;
    const scheduleStore = options.schedules?.store ?? store.schedules;
    const start = options.schedules?.start ?? ((spec, executionId) => this.startFire(spec, executionId));
    if (scheduleStore) {
      const logger = options.logger ?? consoleLogger;
      this.scheduler = new Scheduler({
        store: scheduleStore,
        clock: this.clock,
        realClock: systemClock,
        runtimeId: store.leases?.runtimeId ?? uuidv7(),
        claimMs: store.leases?.leaseMs ?? 10_000,
        start,
        active: async (executionId) => {
          const state = (await this.store.get(executionId))?.state;
          return state !== undefined && !isFinished(state);
        },
        logger,
        ...(store.leases && { poll: { clock: systemClock, everyMs: clampInterval(store.leases.leaseMs, 1) } }),
        ...(options.schedules?.pollMs !== undefined && {
          poll: { clock: systemClock, everyMs: options.schedules.pollMs },
        }),
      });
      const book = new ScheduleBook({
        store: scheduleStore,
        clock: this.clock,
        stateOf: async (executionId) => (await this.store.get(executionId))?.state,
        start,
        changed: () => this.scheduler?.poke(),
        ...(!options.schedules && {
          checkWorkflow: (name: string) => {
            if (!findWorkflow(name)) throw new WorkflowNotFoundError(name);
          },
        }),
      });
      this.schedules = book;
      this.declaring = Promise.all(
        (options.workflows ?? []).flatMap((workflow) =>
          workflow.options.schedule ? [book.declare(workflow.name, workflow.options.schedule)] : [],
        ),
      ).then(
        () => this.scheduler?.start(),
        (error: unknown) => {
          logger.error(`could not declare the workflows' schedules: ${(error as Error).message}`);
          this.scheduler?.start();
        },
      );
    } else {
      this.schedules = unavailableSchedules(store.kind);
      this.declaring = Promise.resolve();
    }
    this.unobserve = observeGauges({
      ...(index?.count && { parkedTimers: () => index.count!() }),
      ...(options.pendingCommands && { pendingCommands: options.pendingCommands }),
    });
    if (options.retention) {
      this.retention = new Retention({
        removal: this.removal(),
        clock: this.clock,
        periodMs: options.retention.periodMs,
        remove: (record) => this.removeHere(record.executionId).then((outcome) => outcome === 'deleted'),
        ...(options.retention.turn && { turn: options.retention.turn }),
        logger: options.logger ?? consoleLogger,
      });
      this.retention.start();
    }
  }

  /**
   * Deletes a finished execution with everything the store keeps for it (log, snapshot, objects,
   * index entry) and the outputs its output storage keeps. A running, paused or waiting execution
   * is refused (ExecutionStateError) and kept.
   */
  async delete(executionId: string): Promise<void> {
    checkExecutionId(executionId);
    const outcome = await this.removeHere(executionId);
    if (outcome === 'missing') throw new ExecutionNotFoundError(executionId);
    if (outcome !== 'deleted') {
      const state = (await this.store.get(executionId))?.state ?? 'running';
      throw new ExecutionStateError(
        executionId,
        state,
        'deleted',
        FINISHED_STATES,
        outcome === 'held' ? 'a driver here holds it' : undefined,
      );
    }
  }

  /** Deletes the finished executions whose last event is older than `olderThan`; resolves with how many. */
  purge(options: PurgeOptions): Promise<number> {
    const before = new Date(this.clock.now() - toMilliseconds(options.olderThan)).toISOString();
    return deleteExpired(
      this.removal(),
      {
        before,
        ...(options.state && { state: options.state }),
        ...(options.workflow && { workflow: options.workflow }),
      },
      async (record: ExecutionRecord) => (await this.removeHere(record.executionId)) === 'deleted',
    );
  }

  private removal(): ExecutionRemoval {
    const removal = this.store.removal;
    if (!removal) throw new FluxError('DELETE_UNAVAILABLE', `a ${this.store.kind} store cannot delete executions`);
    return removal;
  }

  /** One deletion, under the execution's claim: a retry or a new run here cannot start on it meanwhile. */
  private async removeHere(executionId: string): Promise<'deleted' | 'unfinished' | 'missing' | 'held'> {
    const removal = this.removal();
    if (this.claims.has(executionId)) return 'held';
    this.claims.add(executionId);
    try {
      let outcome = await removal.remove(executionId);
      // The index follows the log: an execution whose end was just written may be indexed as running
      // for a moment (on NATS the two are separate writes). Its log says it ended: look again.
      for (let look = 0; outcome !== 'deleted' && look < 20 && (await this.endedInLog(executionId)); look++) {
        await wait(systemClock, 50);
        outcome = await removal.remove(executionId);
      }
      if (outcome === 'deleted') await Promise.all(outputStorages().map((storage) => storage.discard?.(executionId)));
      return outcome;
    } finally {
      this.claims.delete(executionId);
    }
  }

  private async endedInLog(executionId: string): Promise<boolean> {
    const events = await this.store.load(executionId);
    return events.length > 0 && isFinished(stateOf(rebuildSnapshot(executionId, events)));
  }

  /** A schedule's fire, started here: under its id, once (a second start finds it and starts nothing). */
  private async startFire(spec: ScheduleSpec, executionId: string): Promise<void> {
    const definition = this.served.newest(spec.workflow);
    if (!definition) throw new WorkflowNotFoundError(spec.workflow, { executionId });
    const { handle } = await this.startAs(definition, executionId, spec.inputJson);
    this.inBackground(handle.result().then(() => undefined));
  }

  /**
   * For a worker taking a start command: starts the execution under the id the command gives. One
   * that exists already (the command was sent or delivered again) is answered with its state and left
   * to its driver; it is taken up here only when it runs without a live driver (`DriverHooks.adopt`):
   * a second start must never run its in-flight task a second time.
   */
  async startAs<I, O>(
    workflow: WorkflowDefinition<I, O>,
    executionId: string,
    inputJson: string | undefined,
    options: {
      recoverOnly?: boolean;
      version?: string | undefined;
      idReuse?: IdReusePolicy | undefined;
      /** With `allowIfFinished`: start a new run only while the log has this many events (what the sender saw). */
      seenEvents?: number | undefined;
    } = {},
  ): Promise<StartedAs<I, O>> {
    // A run that just ended here is making its last events durable: a new run of the id waits for it.
    if (options.idReuse === 'allowIfFinished') await this.unlessSettling(executionId);
    const active = this.active.get(executionId) as ExecutionActor<I, O> | undefined;
    if (active) {
      if (!options.recoverOnly && !sameStart(active.log.events, inputJson))
        throw new ExecutionExistsError(executionId, active.draining ? 'paused' : 'running');
      return { state: 'running', handle: this.handleOf(active) };
    }
    this.claim(executionId);
    let events: StoredEvent[];
    try {
      events = await this.store.load(executionId);
    } finally {
      this.claims.delete(executionId);
    }
    if (events.length) {
      const snapshot = rebuildSnapshot(executionId, events);
      const state = stateOf(snapshot);
      const unchanged = options.seenEvents === undefined || options.seenEvents === events.length;
      if (options.idReuse === 'allowIfFinished' && isFinished(state) && unchanged && !options.recoverOnly)
        return {
          state: 'running',
          handle: await this.startAgain(workflow, executionId, inputJson, events, snapshot, options.version),
        };
      // The same id and the same input is the same start; another input under that id is refused.
      if (!options.recoverOnly && !sameStart(events, inputJson)) throw new ExecutionExistsError(executionId, state);
      const orphaned =
        (state === 'running' || state === 'cancelling') &&
        ((await this.drivers?.adopt(
          executionId,
          servedKey({ name: workflow.name, options: { version: runStart(events)!.version } }),
        )) ??
          true);
      if (orphaned) return { state, handle: await this.continue(workflow, executionId) };
      const ctx = executionOf<I, O>({ executionId, name: events[0]!.name, state, log: events });
      return { state, handle: { executionId, result: async () => ctx } };
    }
    // Taking up an execution (a takeover, a run that stopped): an empty log is never a start without its input.
    if (options.recoverOnly) throw new ExecutionNotFoundError(executionId);
    const actor = this.host(
      this.versionAsked(workflow, options.version, executionId),
      this.logOf(executionId, workflow.name, []),
    );
    actor.send({ type: 'START', inputJson });
    await actor.durable; // a start whose WORKFLOW_STARTED was not written is not acknowledged
    return { state: 'running', handle: this.handleOf(actor) };
  }

  /** A new run of a finished execution's id (`idReuse: 'allowIfFinished'`), in the same log. */
  private async startAgain<I, O>(
    workflow: WorkflowDefinition<I, O>,
    executionId: string,
    inputJson: string | undefined,
    events: StoredEvent[],
    snapshot: ExecutionSnapshot,
    version: string | undefined,
  ): Promise<ExecutionHandle<I, O>> {
    const recorded = events[0]!.name;
    if (workflow.name !== recorded) throw new WorkflowMismatchError(executionId, workflow.name, recorded);
    this.claim(executionId);
    let actor: ExecutionActor<I, O>;
    try {
      actor = this.host(
        this.versionAsked(workflow, version, executionId),
        this.logOf(executionId, workflow.name, events),
        snapshot,
      );
    } catch (error) {
      this.claims.delete(executionId);
      throw error;
    }
    actor.send({ type: 'START', inputJson });
    await actor.durable; // another process that started it again first: its run stands, this one fails here
    return this.handleOf(actor);
  }

  /** Whether this runtime drives the execution now. */
  drives(executionId: string): boolean {
    return this.active.has(executionId);
  }

  get secrets(): SecretManager {
    return this.store.secrets;
  }

  get kind(): string {
    return this.store.kind;
  }

  async run<I, O>(workflow: WorkflowDefinition<I, O>, input?: I, options: StartOptions = {}): Promise<Execution<I, O>> {
    return (await this.start(workflow, input, options)).result();
  }

  async start<I, O>(
    workflow: WorkflowDefinition<I, O>,
    input?: I,
    options: StartOptions = {},
  ): Promise<ExecutionHandle<I, O>> {
    if (options.executionId !== undefined)
      return this.startUnder(workflow, checkExecutionId(options.executionId), input, options.version, options.idReuse);
    const inputJson = encodeValue(input, `the input of workflow '${workflow.name}'`);
    const code = this.versionAsked(workflow, options.version);
    const log = this.logOf(uuidv7(), workflow.name, []);
    const actor = this.host(code, log);
    actor.send({ type: 'START', inputJson });
    // The id is handed out once the execution exists in the store: `inspect(id)` finds it at once.
    // Everything the start queued is one commit: if it failed (a full store), nothing of it exists.
    await actor.durable;
    return this.handleOf(actor);
  }

  /**
   * A start under the caller's id (a business key): a new execution when the id is free. One that
   * exists is the same start when the input is the same (or none is given) and is continued as Flux's
   * `run(execution_id=...)` does: a paused one resumes, one whose driver died is taken over, a
   * finished one is returned as it is. Another input under that id is refused (EXECUTION_EXISTS).
   */
  private async startUnder<I, O>(
    workflow: WorkflowDefinition<I, O>,
    executionId: string,
    input: I | undefined,
    version: string | undefined,
    idReuse: IdReusePolicy | undefined,
  ): Promise<ExecutionHandle<I, O>> {
    const inputJson =
      input === undefined ? undefined : encodeValue(input, `the input of workflow '${workflow.name}'`, executionId);
    const active =
      idReuse === 'allowIfFinished' ? await this.unlessSettling(executionId) : this.active.get(executionId);
    const events = active ? active.log.events : await this.store.load(executionId);
    const again =
      idReuse === 'allowIfFinished' &&
      !active &&
      events.length > 0 &&
      isFinished(stateOf(rebuildSnapshot(executionId, events)));
    if ((events.length === 0 && !active) || again) {
      const { handle } = await this.startAs(workflow, executionId, inputJson, { version, idReuse });
      return handle;
    }
    if (input !== undefined && !sameStart(events, inputJson))
      throw new ExecutionExistsError(executionId, stateOf(rebuildSnapshot(executionId, events)));
    return this.continue(workflow, executionId);
  }

  /**
   * Resumes a paused execution. One paused because its child paused passes the value on to the
   * child; a child's resume resumes the parent that waits on it, once the child pauses again or ends.
   */
  async resume<I, O>(
    executionId: string,
    value?: unknown,
    target?: WorkflowDefinition<I, O> | ResumeTarget<I, O>,
  ): Promise<Execution<I, O>> {
    const { workflow, pause } = resumeTargetOf(target);
    return this.resumeOne(checkExecutionId(executionId), { value, workflow, pause, forward: true });
  }

  /** Like `resume`; `onAccepted` is called once the resume is durable (a worker acks its command then). */
  resumeAccepted<I, O>(
    executionId: string,
    value: unknown,
    workflow: WorkflowDefinition<I, O> | undefined,
    onAccepted: () => void,
    pause?: string,
  ): Promise<Execution<I, O>> {
    return this.resumeOne(executionId, { value, workflow, pause, forward: true, onAccepted });
  }

  /**
   * Wakes a paused or parked execution whose durable timer fell due (or whose awaited execution
   * ended): records what fell due, then replays. Nothing due (a timer that fired twice, or early,
   * or a resume that came first) is not an error: it resolves undefined and writes nothing.
   */
  async wake(executionId: string, onAccepted?: () => void): Promise<ExecutionContext | undefined> {
    if (this.claims.has(executionId)) return undefined; // driven here now: its run re-arms the timer when it stops
    try {
      return await this.resumeOne(executionId, { forward: false, wake: true, ...(onAccepted && { onAccepted }) });
    } catch (error) {
      // Another process woke or resumed it first, or it was cancelled meanwhile: nothing to do here.
      if (error instanceof ExecutionConflictError || error instanceof ExecutionStateError) return undefined;
      throw error;
    }
  }

  /** Workflow time: the runtime's clock now. */
  now(): number {
    return this.clock.now();
  }

  /** Schedules changed elsewhere (a client, another worker): the scheduler looks again. */
  schedulesChanged(): void {
    this.scheduler?.poke();
  }

  /** A timer that came to be known otherwise than by a run here (another worker's, in a watched bucket). */
  timerNoted(executionId: string, wakeAt: number): void {
    this.wakes?.noted(executionId, wakeAt);
  }

  /** `wake`, for the timer service: resolves once the wake is durable (true) or found nothing due (false). */
  private wakeAccepted(executionId: string): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const run = this.wake(executionId, () => resolve(true));
      this.inBackground(
        run.then(
          (ctx) => resolve(ctx !== undefined),
          (error: unknown) => reject(error),
        ),
      );
    });
  }

  private async resumeOne<I, O>(executionId: string, how: ResumeHow<I, O>): Promise<Execution<I, O>> {
    const valueJson = how.wake
      ? undefined
      : encodeValue(how.value, `the resume value for execution ${executionId}`, executionId);
    let draining = await this.unlessSettling(executionId);
    // Other code given for it (a fix deployed beside the old): its run here drains first.
    const sameVersion = how.workflow?.options.version === draining?.definition.options.version;
    if (draining?.draining && how.workflow && sameVersion && how.workflow.fn !== draining.definition.fn) {
      await draining.stopped;
      draining = undefined;
    }
    if (draining?.draining && !how.wake) {
      const events = draining.log.events;
      // A value for a child's pause goes on to the child, from the log once the parent has drained.
      if (!how.forward || pendingWaits(events).pauses.length > 0 || !pausedChild(events))
        return this.resumeDraining(draining as ExecutionActor<I, O>, how, valueJson);
      await draining.stopped;
      draining = undefined;
    }
    this.claim(executionId);
    let ctx: Execution<I, O>;
    let log: readonly StoredEvent[];
    try {
      const { definition, events } = await this.load(executionId, how.workflow);
      const snapshot = rebuildSnapshot(executionId, events);
      if (!accepts(snapshot, 'RESUME'))
        throw new ExecutionStateError(
          executionId,
          stateOf(snapshot),
          'resumed',
          ['paused'],
          this.recoveryHint(snapshot),
        );
      if (!how.wake && how.forward && stateOf(snapshot) === 'waiting')
        throw new ExecutionStateError(
          executionId,
          'waiting',
          'resumed',
          ['paused'],
          'it wakes by itself when its sleep ends',
        );
      const waits = pendingWaits(events);
      let answers: ResumeAnswer[];
      if (how.wake) {
        const ended = await this.endedStates(awaitedExecutions(waits));
        answers = wakeAnswers(waits, this.clock.now(), (id) => ended.get(id));
        if (answers.length === 0) {
          this.claims.delete(executionId);
          return undefined as unknown as Execution<I, O>; // nothing due: see `wake`
        }
      } else {
        const child = waits.pauses.length === 0 ? pausedChild(events) : undefined;
        if (how.forward && child && (await this.children.stateOf(child.executionId)) === 'paused') {
          this.claims.delete(executionId);
          await this.resumeOne(child.executionId, { ...how, workflow: undefined }); // which resumes this one as it settles
          return await this.inspect<I, O>(executionId);
        }
        const target = child ? undefined : resumeTarget(executionId, waits, how.pause);
        answers = target ? [resumeAnswer(target, valueJson)] : [];
      }
      const actor = this.host(definition, this.logOf(executionId, definition.name, events), snapshot);
      actor.send({ type: 'RESUME', valueJson, answers });
      if (how.onAccepted) actor.durable.then(how.onAccepted, () => undefined); // not written: the run's end says why
      ctx = await this.outcome(actor);
      log = events; // the run appended to it
    } catch (error) {
      if (!this.active.has(executionId)) this.claims.delete(executionId);
      throw error;
    }
    await this.children.wakeParent(executionId, log);
    return ctx;
  }

  /**
   * Runs a failed execution again from where it failed: the calls whose failures failed it run
   * again on the code deployed now (a failed child they called is retried with them), everything
   * that completed keeps its recorded outcome. Resolves with its next pause or end.
   */
  retry<I = unknown, O = unknown>(executionId: string, workflow?: WorkflowDefinition<I, O>): Promise<Execution<I, O>> {
    return this.retryOne(checkExecutionId(executionId), workflow);
  }

  /** Like `retry`; `onAccepted` is called once WORKFLOW_RETRIED is durable (a worker acks its command then). */
  async retryOne<I, O>(
    executionId: string,
    workflow?: WorkflowDefinition<I, O>,
    onAccepted?: () => void,
  ): Promise<Execution<I, O>> {
    await this.unlessSettling(executionId);
    this.claim(executionId);
    try {
      const { definition, events } = await this.load(executionId, workflow);
      const snapshot = rebuildSnapshot(executionId, events);
      if (!accepts(snapshot, 'RETRY'))
        throw new ExecutionStateError(executionId, stateOf(snapshot), 'retried', ['failed']);
      const superseded = failedCalls(events);
      await this.retryChildren(events, superseded);
      const actor = this.host(definition, this.logOf(executionId, definition.name, events), snapshot);
      actor.send({ type: 'RETRY', superseded });
      if (onAccepted) actor.durable.then(onAccepted, () => undefined); // not written: the run's end says why
      return await this.outcome(actor);
    } catch (error) {
      if (!this.active.has(executionId)) this.claims.delete(executionId);
      throw error;
    }
  }

  /**
   * A new execution that takes over the steps of a finished one before `from` (their outcomes kept,
   * nothing re-run) and goes on from there on the code deployed now: the newest version served, or
   * the workflow given. Under an id given, a second fork of the same source from the same step is
   * the same fork (answered as it stands); anything else there is refused.
   */
  async fork<I = unknown, O = unknown>(sourceId: string, options: ForkOptions<I, O>): Promise<ExecutionHandle<I, O>> {
    checkExecutionId(sourceId);
    const events = await this.store.load(sourceId);
    if (events.length === 0) throw new ExecutionNotFoundError(sourceId);
    const name = events[0]!.name;
    if (options.workflow && options.workflow.name !== name)
      throw new WorkflowMismatchError(sourceId, options.workflow.name, name);
    const definition = (options.workflow ?? this.served.newest(name)) as WorkflowDefinition<I, O> | undefined;
    if (!definition) throw new WorkflowNotFoundError(name, { executionId: sourceId });
    const state = stateOf(rebuildSnapshot(sourceId, events));
    if (!isFinished(state))
      throw new ExecutionStateError(sourceId, state, 'forked', ['succeeded', 'failed', 'cancelled']);
    const step = forkStep(sourceId, events, options.from);
    const executionId = options.executionId === undefined ? uuidv7() : checkExecutionId(options.executionId);
    const link: ForkLink = { executionId, step };
    this.claim(executionId);
    let actor: ExecutionActor<I, O>;
    try {
      const existing = await this.store.load(executionId);
      if (existing.length) {
        const from = forkedFrom(existing);
        if (from?.executionId !== sourceId || from.step !== step)
          throw new ExecutionExistsError(executionId, stateOf(rebuildSnapshot(executionId, existing)));
        this.claims.delete(executionId);
        // The same fork again (a command delivered twice): its link is made if the first was cut short.
        if (!forksOf(events).some((f) => f.executionId === executionId)) await this.linkFork(sourceId, name, link);
        const ctx = await this.inspect<I, O>(executionId);
        return { executionId, result: async () => ctx };
      }
      actor = this.host(definition, this.logOf(executionId, definition.name, []));
    } catch (error) {
      if (!this.active.has(executionId)) this.claims.delete(executionId);
      throw error;
    }
    const copied = forkedEvents(events, step);
    actor.send({
      type: 'START',
      inputJson: runStart(events)!.valueJson,
      fork: { from: { executionId: sourceId, step, copied: copied.length }, events: copied },
    });
    await actor.durable;
    await this.linkFork(sourceId, name, link);
    return this.handleOf(actor);
  }

  /**
   * The source of a fork records it, while it is still finished: a source that runs again meanwhile
   * (a retry, a new run) is not written to, so its driver is never disturbed. Best effort: the fork
   * exists and names its source either way.
   */
  private async linkFork(sourceId: string, workflow: string, link: ForkLink): Promise<void> {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await this.claims.acquire(sourceId);
      try {
        const events = await this.store.load(sourceId);
        if (!isFinished(stateOf(rebuildSnapshot(sourceId, events)))) return;
        const log = this.logOf(sourceId, workflow, events);
        log.append('WORKFLOW_FORKED', sourceId, workflow, JSON.stringify(link));
        await log.commit();
        return;
      } catch (error) {
        if (!(error instanceof ExecutionConflictError)) return; // the store is away: the link is left out
      } finally {
        this.claims.delete(sourceId);
      }
    }
  }

  /**
   * The failed children of the calls a retry runs again are retried first (their retries durable and
   * driven here): the parent's call then finds its child running again instead of failed.
   */
  private async retryChildren(events: readonly StoredEvent[], superseded: readonly string[]): Promise<void> {
    const calls = new Set(superseded);
    for (const child of childCalls(events)) {
      if (!calls.has(child.callId) || (await this.store.get(child.executionId))?.state !== 'failed') continue;
      await new Promise<void>((accepted, refused) => {
        this.inBackground(this.retryOne(child.executionId, undefined, accepted).then(() => undefined, refused));
      });
    }
  }

  /**
   * A resume of an execution paused here whose calls are still running: the same actor goes on,
   * its next run taking those calls over (nothing runs twice).
   */
  private async resumeDraining<I, O>(
    actor: ExecutionActor<I, O>,
    how: ResumeHow<I, O>,
    valueJson: string | undefined,
  ): Promise<Execution<I, O>> {
    const { executionId } = actor;
    if (how.workflow && how.workflow.name !== actor.definition.name)
      throw new WorkflowMismatchError(executionId, how.workflow.name, actor.definition.name);
    const target = resumeTarget(executionId, pendingWaits(actor.log.events), how.pause);
    // Looked at before the resume hands the calls over to the next run.
    const inFlight = actor.callsRunning;
    const next = actor.resumeDraining({
      type: 'RESUME',
      valueJson,
      answers: target ? [resumeAnswer(target, valueJson)] : [],
    });
    if (how.onAccepted) actor.durable.then(how.onAccepted, () => undefined);
    const woken = next.then(async (ctx) => {
      await this.children.wakeParent(executionId, actor.log.events);
      return ctx;
    });
    if (how.forward || !inFlight) return woken;
    // Woken by its child, whose resume waits for this: the calls still draining here may wait on
    // something that comes only after that resume returns. It goes on by itself.
    this.inBackground(woken.then(() => undefined));
    await actor.durable.catch(() => undefined);
    return executionOf<I, O>({
      executionId,
      name: actor.definition.name,
      state: 'running',
      log: actor.log.events.slice(),
    });
  }

  /**
   * The actor driving an execution here, once it is not just stopping: one that paused and drained
   * (or ended) is making its last events durable, and is waited for.
   */
  private async unlessSettling(executionId: string): Promise<ExecutionActor<unknown, unknown> | undefined> {
    const active = this.active.get(executionId);
    if (!active?.settling) return active;
    await active.stopped;
    return this.active.get(executionId);
  }

  /** Which of these executions have ended, and how (from the index). */
  private async endedStates(executionIds: readonly string[]): Promise<Map<string, ExecutionState>> {
    const ended = new Map<string, ExecutionState>();
    for (const id of executionIds) {
      const state = (await this.store.get(id))?.state;
      if (state && isFinished(state)) ended.set(id, state);
    }
    return ended;
  }

  async cancel<I, O>(
    executionId: string,
    workflow?: WorkflowDefinition<I, O>,
    options: CancelOptions = {},
  ): Promise<Execution<I, O>> {
    const ctx = await this.cancelOne(checkExecutionId(executionId), workflow, options);
    // Its children that are still open (the one it waits on, paused ones it left behind) go too.
    const children = openChildren(await this.store.load(executionId));
    await Promise.allSettled(children.map((childId) => this.cancel(childId, undefined, options)));
    // A parent paused on this child learns of it: its call step fails with an ExecutionError.
    await this.children.wakeParent(executionId);
    return ctx;
  }

  private async cancelOne<I, O>(
    executionId: string,
    workflow: WorkflowDefinition<I, O> | undefined,
    options: CancelOptions,
  ): Promise<Execution<I, O>> {
    const active = this.active.get(executionId) as ExecutionActor<I, O> | undefined;
    if (active && !active.settling) return active.cancel(options);
    // A run that just paused or finished: let it make its events durable, then decide from the log.
    if (active) await active.stopped;
    this.claim(executionId);
    try {
      const { definition, events } = await this.load(executionId, workflow);
      const snapshot = rebuildSnapshot(executionId, events);
      if (!accepts(snapshot, 'CANCEL'))
        throw new ExecutionStateError(executionId, stateOf(snapshot), 'cancelled', ['running', 'paused']);
      // Paused here, or running in a process that stopped: its driver, if alive, fails at its next write.
      return await this.host(definition, this.logOf(executionId, definition.name, events), snapshot).cancel(options);
    } catch (error) {
      if (!this.active.has(executionId)) this.claims.delete(executionId);
      throw error;
    }
  }

  async inspect<I, O>(executionId: string): Promise<Execution<I, O>> {
    const events = await this.store.load(checkExecutionId(executionId));
    if (events.length === 0) throw new ExecutionNotFoundError(executionId);
    const state = stateOf(rebuildSnapshot(executionId, events));
    return executionOf<I, O>({ executionId, name: events[0]!.name, state, log: events });
  }

  async result<I, O>(executionId: string, options: ResultOptions = {}): Promise<Execution<I, O>> {
    const release = this.wakes?.hold();
    try {
      return await this.untilDone<I, O>(executionId, options.until === 'finished' ? isFinished : isSettled);
    } finally {
      release?.();
    }
  }

  private async untilDone<I, O>(
    executionId: string,
    done: (state: ExecutionState) => boolean,
  ): Promise<Execution<I, O>> {
    for (;;) {
      // Registered before the look, so a run that ends in between is not missed.
      const next = new Promise<void>((resolve) => {
        const waiting = this.waiters.get(executionId) ?? new Set();
        waiting.add(resolve);
        this.waiters.set(executionId, waiting);
      });
      // The index says whether it is done (a look-up, not a replay of the log); the log is read once it is.
      const record = this.active.has(executionId) ? undefined : await this.store.get(executionId);
      if (!this.active.has(executionId) && (!record || done(record.state))) {
        const ctx = await this.inspect<I, O>(executionId); // an unknown id: EXECUTION_NOT_FOUND
        if (done(ctx.state)) {
          this.waiters.get(executionId)?.clear();
          return ctx;
        }
      }
      await next;
    }
  }

  /** Those waiting in `result` for an execution's next pause or end. */
  private readonly waiters = new Map<string, Set<() => void>>();

  private settledHere(executionId: string): void {
    const waiting = this.waiters.get(executionId);
    if (!waiting) return;
    this.waiters.delete(executionId);
    for (const resolve of waiting) resolve();
  }

  list(filter?: ListFilter): Promise<ExecutionSummary[]> {
    return this.store.list(filter);
  }

  /** The pass running now (one at a time), and the timer of `recover: true`'s passes. */
  private recovering: Promise<RecoveryReport> | undefined;
  private sweeper: Timer | undefined;
  private closing = false;

  recover(): Promise<RecoveryReport> {
    const previous = this.recovering;
    const pass = (async () => {
      await previous?.catch(() => undefined);
      const report = await recoverOrphans({
        store: this.store,
        holds: (executionId) => this.claims.has(executionId),
        takeUp: (definition, executionId) => this.continue(definition, executionId),
        codeFor: (workflow, version) => this.served.forRecorded(workflow, version),
      });
      // Driven here now: `close` waits for them; their failures (a store still full) leave them to the
      // next pass. A child that settles wakes its parent if the parent waits on it, as a resumed one does.
      for (const { executionId, result } of report.recovered)
        this.inBackground(result().then(() => this.children.wakeParent(executionId)));
      return report;
    })();
    this.recovering = pass;
    pass
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        if (this.recovering === pass) this.recovering = undefined;
      });
    return pass;
  }

  /** `recover: true`: a pass now, then one every lease period (unless one is still running) until `close`. */
  async recoverContinually(): Promise<RecoveryReport> {
    const report = await this.recover();
    const leases = this.store.leases;
    if (leases && !this.sweeper && !this.closing) {
      // Real time, as the leases are: they say whether other processes are alive.
      this.sweeper = repeat(
        systemClock,
        () => void (this.recovering ?? this.recover().catch(() => undefined)),
        clampInterval(leases.leaseMs, 1),
      ).unref();
    }
    return report;
  }

  /** For a running execution in a store with leases: how to take it over if its driver died. */
  private recoveryHint(snapshot: ExecutionSnapshot): string | undefined {
    if (stateOf(snapshot) !== 'running' || !this.store.leases) return undefined;
    return (
      'if the process driving it died, open the store with recover: true (flux exec and flux server do), which takes it over ' +
      `once that process is gone from this host or its lease (${this.store.leases.leaseMs} ms) has lapsed, and finishes it; ` +
      'or continue it now with run(input, { executionId })'
    );
  }

  /** Work the runtime does on its own (waking a parent): `close` waits for it. */
  private readonly background = new Set<Promise<void>>();

  private inBackground(work: Promise<void>): void {
    const tracked = work.catch(() => undefined).finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.declaring;
    await this.scheduler?.close();
    await this.retention?.close();
    this.unobserve();
    await this.wakes?.close();
    this.sweeper?.clear();
    await this.recovering?.catch(() => undefined);
    while (this.active.size || this.background.size) {
      await Promise.allSettled([...[...this.active.values()].map((actor) => actor.stopped), ...this.background]);
    }
    await this.store.close();
    await this.onClose?.();
  }

  /** `run(..., { executionId })`: paused resumes, running-but-orphaned recovers, finished is returned as is. */
  private async continue<I, O>(
    workflow: WorkflowDefinition<I, O>,
    executionId: string,
  ): Promise<ExecutionHandle<I, O>> {
    if ((await this.unlessSettling(executionId))?.draining) {
      // Paused here, its calls still draining: resumed here, taking them over.
      const done = this.resume(executionId, undefined, workflow);
      done.catch(() => {});
      return { executionId, result: () => done };
    }
    this.claim(executionId);
    let loaded: Awaited<ReturnType<typeof this.load<I, O>>>;
    try {
      loaded = await this.load(executionId, workflow);
    } finally {
      this.claims.delete(executionId);
    }
    const { definition, events } = loaded;
    const snapshot = rebuildSnapshot(executionId, events);
    const state = stateOf(snapshot);
    if (state === 'paused') {
      const done = this.resume(executionId, undefined, definition);
      done.catch(() => {}); // reported through result(); must not be an unhandled rejection meanwhile
      return { executionId, result: () => done };
    }
    if (state === 'cancelling') {
      // Its driver died part-way through the cancel: finish it, as it was asked for.
      this.claim(executionId);
      const actor = this.host(definition, this.logOf(executionId, definition.name, events), snapshot);
      actor.finishRecordedCancel().catch(() => undefined); // reported through result()
      return this.handleOf(actor);
    }
    if (state !== 'running') {
      const ctx = executionOf<I, O>({ executionId, name: definition.name, state, log: events });
      return { executionId, result: async () => ctx };
    }
    this.claim(executionId);
    const actor = this.host(definition, this.logOf(executionId, definition.name, events), snapshot);
    actor.send({ type: 'RECOVER' });
    return this.handleOf(actor);
  }

  /**
   * Reserves an execution for one driver in this process, synchronously, before anything is loaded:
   * two concurrent resumes of one execution must not both get past the state check.
   */
  private claim(executionId: string): void {
    if (this.claims.has(executionId)) throw new ExecutionBusyError(executionId);
    this.claims.add(executionId);
  }

  private async load<I, O>(
    executionId: string,
    workflow?: WorkflowDefinition<I, O>,
  ): Promise<{ definition: WorkflowDefinition<I, O>; events: StoredEvent[] }> {
    const events = await this.store.load(executionId);
    if (events.length === 0) throw new ExecutionNotFoundError(executionId);
    const { name: recorded } = events[0]!;
    const { version } = runStart(events)!;
    if (workflow && workflow.name !== recorded) throw new WorkflowMismatchError(executionId, workflow.name, recorded);
    return { definition: this.codeFor(executionId, recorded, version, workflow), events };
  }

  /**
   * The code an execution runs on: the version it recorded, never another. The workflow given is
   * taken when it is that version (or the execution recorded none); else the version served here.
   */
  private codeFor<I, O>(
    executionId: string,
    name: string,
    version: string | undefined,
    given: WorkflowDefinition<I, O> | undefined,
  ): WorkflowDefinition<I, O> {
    if (given && given.options.version === version) return given;
    // Recorded before versions were used: the definition without a version if one is served, else the newest.
    const served = this.served.forRecorded(name, version) as WorkflowDefinition<I, O> | undefined;
    if (served) return served;
    if (given && version === undefined) return given;
    if (version !== undefined) throw new WorkflowVersionError(executionId, name, version, this.served.versions(name));
    throw new WorkflowNotFoundError(name, { executionId });
  }

  /** The code a start asked to run on a version runs (the workflow given when it is that version). */
  private versionAsked<I, O>(
    workflow: WorkflowDefinition<I, O>,
    version: string | undefined,
    executionId?: string,
  ): WorkflowDefinition<I, O> {
    if (version === undefined || workflow.options.version === version) return workflow;
    const code = this.served.pick(workflow.name, checkVersion(version)) as WorkflowDefinition<I, O> | undefined;
    if (!code) throw new WorkflowVersionError(executionId, workflow.name, version, this.served.versions(workflow.name));
    return code;
  }

  /** The state a log leads to (for a run that stopped here). */
  private indexedState(events: readonly StoredEvent[]): ExecutionState | undefined {
    try {
      return stateOf(rebuildSnapshot('', events));
    } catch {
      return undefined;
    }
  }

  /** A run here paused: its timer is armed, and an `onComplete` pause on an execution that already ended wakes now. */
  private notePaused(executionId: string, events: readonly StoredEvent[]): void {
    if (!this.wakes) return;
    const { wakeAt, awaits } = wakeOf(events);
    this.wakes.noted(executionId, wakeAt);
    if (awaits === undefined) return;
    const wakes = this.wakes;
    this.inBackground(
      this.store.get(awaits).then((record) => {
        if (record && isFinished(record.state)) return wakes.ended(awaits);
      }),
    );
  }

  /** Starts an actor for an execution this process has claimed; the claim ends with the run. */
  private handleOf<I, O>(actor: ExecutionActor<I, O>): ExecutionHandle<I, O> {
    return { executionId: actor.executionId, result: () => this.outcome(actor) };
  }

  /**
   * A run's end. A run that lost its execution to another driver (ExecutionConflictError: a cancel
   * carried out by another process) ends with what that driver made of it, once it is finished.
   */
  private outcome<I, O>(actor: ExecutionActor<I, O>): Promise<Execution<I, O>> {
    const ended = actor.done.catch(async (error: unknown) => {
      if (!(error instanceof ExecutionConflictError)) throw error;
      const now = await this.inspect<I, O>(actor.executionId).catch(() => undefined);
      if (now && isFinished(now.state)) return now;
      throw error;
    });
    // Parked on a long sleep: not an end. Its caller waits on, while the timer service wakes it here.
    return ended.then((ctx) => (ctx.state === 'waiting' ? this.result<I, O>(ctx.executionId) : ctx));
  }

  /** An execution's log as a run here appends to it: events stamped with this runtime's clock. */
  private logOf(executionId: string, workflow: string, events: StoredEvent[]): ExecutionLog {
    return new ExecutionLog(this.store, executionId, workflow, events, this.clock);
  }

  private host<I, O>(
    definition: WorkflowDefinition<I, O>,
    log: ExecutionLog,
    snapshot?: ExecutionSnapshot,
  ): ExecutionActor<I, O> {
    const actor = new ExecutionActor<I, O>(
      definition,
      log,
      this.executor,
      this.children,
      this.machines,
      snapshot,
      this.parkAfterMs,
    );
    const { executionId } = actor;
    this.claims.add(executionId);
    this.active.set(executionId, actor as ExecutionActor<unknown, unknown>);
    const released = this.drivers?.driving(executionId, servedKey(definition));
    let failed: unknown;
    const release = () => {
      this.active.delete(executionId);
      this.claims.delete(executionId);
      released?.(failed);
      this.settledHere(executionId);
    };
    // The caller may never ask for the result; a failed commit must not become an unhandled rejection.
    // Driven here until the actor stops: a pause is reported as it begins, its calls drain after.
    actor.stopped.then(() => {
      release();
      const state = this.indexedState(log.events);
      if (state === 'paused' || state === 'waiting') this.notePaused(executionId, log.events);
    });
    actor.done.then(
      (ctx) => {
        if (ctx.state === 'paused') this.inBackground(this.children.wakeIfChildMoved(executionId, log.events));
        if (isFinished(ctx.state)) {
          if (this.wakes) this.inBackground(this.wakes.ended(executionId));
          // A schedule's run ended: a fire it held back (overlap 'bufferOne') may go now.
          if (FIRE_ID.test(executionId)) this.scheduler?.poke();
        }
      },
      (error: unknown) => {
        failed = error;
      },
    );
    return actor;
  }
}
