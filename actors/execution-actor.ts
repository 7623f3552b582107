/**
 * The execution actor: hosts one execution from a start or a resume until it pauses or ends. Its
 * lifecycle is the execution machine (./execution-machine.ts), the one authority on its state: the
 * body runs as the machine's `body` actor (./workflow-run.ts), a cancel's rollbacks as its
 * `rollbacks` actor, and each lifecycle event the log records is appended by a transition's
 * `record` action. The index is written from the machine's snapshot.
 *
 * A body that pauses is left behind: its pending `pause()` never settles in this run. Resuming
 * starts a new actor that replays the log, so a resume in this process and one in another process
 * are the same code path.
 */
import { context, type Span } from '@opentelemetry/api';
import { createActor, type Actor } from 'xstate';
import type { BoundExecutionMachine, ExecutionMachineHost, ExecutionMachines } from './execution-binding.js';
import type { ExecutionMachineContext, ExecutionMachineEvent, LifecycleEvent } from './execution-machine.js';
import { accepts, stateOf, type ExecutionSnapshot } from './lifecycle.js';
import type { TaskSender } from './task-executor.js';
import type { CancelOptions } from './cancel-options.js';
import { hasErrorCode } from '../runtime/engine/errors.js';
import { executionOf, type Execution } from '../runtime/engine/execution-context.js';
import type { ExecutionLog } from '../runtime/engine/execution-log.js';
import type { ExecutionState } from '../runtime/engine/execution-state.js';
import type { EventType, StoredEvent } from '../runtime/engine/events.js';
import { findTask, TaskDefinitions } from '../runtime/engine/registry.js';
import { rollBackOnCancel } from './cancel-rollback.js';
import type { ChildRunner } from '../runtime/engine/children.js';
import { recordOutcome } from './outcomes.js';
import type { TaskDefinition } from '../runtime/engine/task-definition.js';
import type { WorkflowDefinition } from '../runtime/engine/workflow-definition.js';
import { payloadJson, type TaskResult } from '../proto/messages.js';
import { wakeOf } from '../runtime/engine/waits.js';
import { instruments } from '../runtime/engine/metrics.js';
import { isFinished } from '../runtime/engine/execution-state.js';
import { endRunSpan, startRunSpan, traceparentOf, type RunKind } from '../runtime/engine/tracing.js';
import { WorkflowRun, type Inheritance, type LiveCall, type RunHost } from './workflow-run.js';

export type { CancelOptions } from './cancel-options.js';

export class ExecutionActor<I = unknown, O = unknown> implements ExecutionMachineHost {
  readonly executionId: string;
  /** The first report: the run reached a pause (reported at once, calls may still be draining) or an end. */
  readonly done: Promise<Execution<I, O>>;
  /** Resolves once this actor hosts the execution no more: its pause drained, or it ended (or stopped on an error). */
  readonly stopped: Promise<void>;
  /** The definitions this execution's calls used, one per name (a cancel's rollbacks run these). */
  readonly called = new TaskDefinitions();
  private readonly actor: Actor<BoundExecutionMachine>;
  private readonly unhost: () => void;
  /** The body's run while the machine is `running`. */
  private run: WorkflowRun | undefined;
  /** The state the index holds, written from the machine's snapshot when it changes. */
  private indexed: ExecutionState;
  /** Set by the machine's `settled` action: the snapshot that follows is reported. */
  private reached = false;
  private reported = false;
  /** The calls a cancellation cut short; of them, those whose result may still arrive. */
  private interrupted: LiveCall[] = [];
  private interruptedNested: { taskId: string; name: string }[] = [];
  private readonly stragglers = new Set<string>();
  /** Calls open in the log when this actor, not their driver, carries out a cancel. */
  private abandoned: { taskId: string; name: string }[] = [];
  private settle!: { resolve(ctx: Execution<I, O>): void; reject(error: Error): void };
  private markStopped!: () => void;
  private hasStopped = false;
  /** Set when a resume came while the pause drained: the run that stops hands its running calls over. */
  private handingOver = false;
  private inherited: Inheritance | undefined;
  /** Set while the secrets the execution knows are being resolved: nothing is recorded until then. */
  private secretsKnown: Promise<void> | undefined;
  private startCommit: Promise<void> | undefined;
  /** What the body's run sees of this actor. */
  private readonly runHost: RunHost;
  /** The caller's trace context when this actor was made (a start from a traced request links to it). */
  private readonly caller = context.active();
  private linkCaller = true;
  /** How the next run begins (the lifecycle event that begins it), and the span of the run under way. */
  private runKind: RunKind = 'start';
  private runSpan: Span | undefined;
  private runTraceparent: string | undefined;
  /** A run that stopped: its span ends once the machine's next state is known (or with the state it reached). */
  private endingSpan: Span | undefined;
  private endingState: ExecutionState | undefined;
  /** The state the machine was in last while the run under way ran. */
  private runState: ExecutionState | undefined;

  constructor(
    readonly definition: WorkflowDefinition<I, O>,
    readonly log: ExecutionLog,
    readonly executor: TaskSender,
    readonly children: ChildRunner,
    machines: ExecutionMachines,
    snapshot?: ExecutionSnapshot,
    /** See `RunHost.parkAfterMs`. */
    parkAfterMs?: number,
  ) {
    this.executionId = log.executionId;
    this.runHost = {
      definition: this.definition as WorkflowDefinition<unknown, unknown>,
      log: this.log,
      executor: this.executor,
      children: this.children,
      called: this.called,
      working: () => this.inRunning('working'),
      draining: () => this.inRunning('draining'),
      send: (event) => this.actor.send(event),
      abort: (error) => this.abort(error),
      recordLate: (result) => this.recordLate(result),
      cancelOptions: () => ({ rollback: this.actor.getSnapshot().context.rollback }),
      parkAfterMs,
      waitsChanged: () => this.waitsChanged(),
      traceparent: () => this.runTraceparent,
    };
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.stopped = new Promise((resolve) => {
      this.markStopped = resolve;
    });
    this.unhost = machines.host(this.executionId, this);
    this.actor = createActor(machines.machine, {
      input: { executionId: this.executionId },
      ...(snapshot && { snapshot: machines.restore(snapshot) }),
    });
    this.indexed = snapshot ? stateOf(snapshot) : 'created';
    // A log that can no longer be written stops the run at once, whatever it waits for.
    log.onFailure((error) => this.abort(error));
    this.actor.subscribe({
      next: (s) => this.onSnapshot(s),
      error: (e) => {
        this.settle.reject(e as Error);
        this.stop();
      },
    });
    this.actor.start();
    // The secrets this execution knows, before it records anything (see runtime/engine/secret-guard.ts).
    this.secretsKnown = log.secrets.learn(knownSecretNames(definition, log.events));
    this.secretsKnown?.then(() => {
      this.secretsKnown = undefined;
    });
  }

  /**
   * Resolves once the lifecycle event this run began with (WORKFLOW_STARTED, RESUMED, RECOVERED) is
   * durable; rejects if it could not be written (a full store, another driver): a command must not be
   * acknowledged then. Ask for it after `send`: the event is queued once the secrets are known.
   */
  get durable(): Promise<void> {
    const commit = () => this.log.commit();
    this.startCommit ??= this.secretsKnown ? this.secretsKnown.then(commit) : commit();
    return this.startCommit;
  }

  /** `durable`, for those who learn of a failed write from the run's end instead. */
  get started(): Promise<void> {
    return this.durable.catch(() => undefined);
  }

  /** Whether this run has ended (paused and drained, or finished) and is only making its last events durable. */
  get settling(): boolean {
    return this.reached && !this.inRunning('draining');
  }

  /** Whether calls of its body are running (a task at an executor, a child, a timer). */
  get callsRunning(): boolean {
    return (this.run?.live.size ?? 0) > 0;
  }

  /** Whether it is paused with calls still running (reported paused, not yet drained). */
  get draining(): boolean {
    return this.reported && this.inRunning('draining');
  }

  /**
   * A resume while the pause drains: the body starts again by replay and takes over the calls
   * still running (they are not sent again). Resolves with the run's next pause or end.
   */
  resumeDraining(event: Extract<ExecutionMachineEvent, { type: 'RESUME' }>): Promise<Execution<I, O>> {
    const next = new Promise<Execution<I, O>>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.reached = false;
    this.reported = false;
    this.handingOver = true;
    this.actor.send(event);
    // `durable` is this resume's commit now (a command is acked once WORKFLOW_RESUMED is durable).
    this.startCommit = undefined;
    return next;
  }

  /** Delivers a lifecycle event (START, RESUME, RECOVER) to the machine. */
  send(event: ExecutionMachineEvent): void {
    this.whenSecretsKnown(() => this.actor.send(event));
  }

  /**
   * Cancels the execution: `cancelling` (running task bodies see their signal aborted, pending
   * retries and timers stop, each interrupted call is recorded), then `cancelled`. Completed and
   * interrupted tasks are rolled back only when asked. A result that arrives later is recorded and
   * changes nothing. A cancel already under way is joined.
   */
  cancel(options: CancelOptions = {}): Promise<Execution<I, O>> {
    if (this.reported) {
      // Paused, its calls still draining: the cancel's end is reported anew.
      const next = new Promise<Execution<I, O>>((resolve, reject) => {
        this.settle = { resolve, reject };
      });
      this.reached = false;
      this.reported = false;
      this.whenSecretsKnown(() => this.sendCancel(options));
      return next;
    }
    this.whenSecretsKnown(() => this.sendCancel(options));
    return this.done;
  }

  private sendCancel(options: CancelOptions): void {
    if (!accepts(this.actor.getSnapshot(), 'CANCEL')) return; // on its way already: joined
    // Taken now: the body's calls are stopped as the machine leaves `running`, after it records them.
    this.interrupted = this.run ? [...this.run.live.values()] : [];
    this.interruptedNested = this.run
      ? [...this.run.nested.live].map(([taskId, nested]) => ({ taskId, name: nested.name }))
      : [];
    // Cancelled away from its driver (in another process, or gone): the calls the log shows open
    // are recorded cancelled too, and their executors asked to stop.
    if (!this.run) this.abandoned = openCalls(this.log.events);
    this.actor.send({ type: 'CANCEL', rollback: options.rollback === true });
  }

  /**
   * Finishes a cancel its driver left half done (it died in `cancelling`, during the rollbacks):
   * with the options the cancel recorded; a rollback already settled is not run again, one that
   * was running runs again.
   */
  finishRecordedCancel(): Promise<Execution<I, O>> {
    this.send({ type: 'RECOVER' });
    return this.done;
  }

  // --- ExecutionMachineHost: what the machine asks of its host ------------------------------------

  record(event: LifecycleEvent, cause: ExecutionMachineEvent, context: ExecutionMachineContext): void {
    const { log, executionId } = this;
    this.runKind = runKindOf(event, cause);
    const name = this.definition.name;
    switch (event) {
      case 'WORKFLOW_STARTED': {
        const start = cause as Extract<ExecutionMachineEvent, { type: 'START' }>;
        instruments().started.add(1, { workflow: name });
        log.append('WORKFLOW_STARTED', executionId, name, start.inputJson, false, this.definition.options.version);
        if (start.parent) log.append('WORKFLOW_CALLED_BY', executionId, name, JSON.stringify(start.parent));
        if (start.fork) {
          log.append('WORKFLOW_FORKED_FROM', executionId, name, JSON.stringify(start.fork.from));
          for (const e of start.fork.events) log.append(e.type, e.sourceId, e.name, e.valueJson, e.quick);
        }
        return;
      }
      case 'WORKFLOW_PAUSED':
        log.append('WORKFLOW_PAUSED', executionId, name, JSON.stringify(context.pause?.name));
        return;
      case 'WORKFLOW_RESUMED':
        this.recordResume(cause as Extract<ExecutionMachineEvent, { type: 'RESUME' }>);
        return;
      case 'WORKFLOW_COMPLETED':
        log.append(event, executionId, name, (cause as Extract<ExecutionMachineEvent, { type: 'SUCCEED' }>).outputJson);
        return;
      case 'WORKFLOW_FAILED':
        log.append(
          event,
          executionId,
          name,
          JSON.stringify((cause as Extract<ExecutionMachineEvent, { type: 'FAIL' }>).error),
        );
        return;
      case 'WORKFLOW_RECOVERED':
        // Recorded, and committed before the body runs: a driver that is in fact still alive
        // finds its next write refused, instead of both driving the execution unnoticed.
        log.append(event, executionId, name, undefined);
        return;
      case 'WORKFLOW_CANCELLING':
        this.recordCancelling(context.rollback);
        return;
      case 'WORKFLOW_CANCELLED':
        log.append(event, executionId, name, undefined);
        return;
      case 'WORKFLOW_RETRIED': {
        const superseded = (cause as Extract<ExecutionMachineEvent, { type: 'RETRY' }>).superseded ?? [];
        log.append(event, executionId, name, JSON.stringify({ superseded }));
        return;
      }
      case 'WORKFLOW_WAITING': {
        const wakeAt = (cause as Extract<ExecutionMachineEvent, { type: 'PARK' }>).wakeAt;
        log.append(event, executionId, name, wakeAt === undefined ? undefined : String(wakeAt));
        return;
      }
    }
  }

  runBody(sendBack: (event: ExecutionMachineEvent) => void): void {
    this.runSpan = startRunSpan(
      this.executionId,
      this.definition.name,
      this.definition.options.version,
      this.runKind,
      this.log.clock.now(),
      this.linkCaller ? this.caller : undefined,
    );
    this.linkCaller = false; // only the run the caller began
    this.runTraceparent = traceparentOf(this.runSpan);
    const run = new WorkflowRun(this.runHost, this.inherited);
    this.inherited?.adoptedBy(run);
    this.inherited = undefined;
    this.run = run;
    run.start(sendBack);
  }

  stopBody(): void {
    // Leaving a pause's drain (drained, or resumed meanwhile): that run reached the pause.
    this.endingState = this.runState === 'paused' ? 'paused' : undefined;
    this.endingSpan = this.runSpan;
    this.runSpan = undefined;
    this.runTraceparent = undefined;
    if (this.handingOver && this.run) {
      // Resumed while draining: the calls still running go to the next run, which replays.
      this.handingOver = false;
      this.inherited = this.run.handOver();
    } else this.run?.stop();
    this.run = undefined;
  }

  rollBack(): Promise<void> {
    return rollBackOnCancel(this.log, this.definitionOf, this.rollbackSecrets);
  }

  cancelStopped(): void {
    queueMicrotask(() => this.actor.send({ type: 'CANCELLED' }));
  }

  settled(): void {
    this.reached = true;
  }

  // --- internals ----------------------------------------------------------------------------------

  private inRunning(sub: 'working' | 'draining'): boolean {
    const value = this.actor.getSnapshot().value;
    return typeof value === 'object' && (value as { running?: string }).running === sub;
  }

  /** Runs `step` once the execution's secrets are known: at once, unless a run is just starting. */
  private whenSecretsKnown(step: () => void): void {
    if (this.secretsKnown) void this.secretsKnown.then(step);
    else step();
  }

  /** A task by name: the definition this run called under it, else the process's (refused if ambiguous). */
  private readonly definitionOf = (name: string): TaskDefinition | undefined => this.called.get(name) ?? findTask(name);

  /** A rollback on cancel gets the secrets its task would: its own and the workflow's. */
  private readonly rollbackSecrets = (task: TaskDefinition): Promise<Readonly<Record<string, string>>> => {
    const names = new Set([...(this.definition.options.secretRequests ?? []), ...(task.options.secretRequests ?? [])]);
    return this.log.secrets.resolve([...names], task.name, this.executionId);
  };

  /**
   * WORKFLOW_CANCELLING, with what the cancel asked for (a driver that takes over a cancel left half
   * done finishes it as asked), then the calls it interrupts, recorded before they are stopped: a
   * result that had arrived is kept (it changes nothing now), the others are marked cancelled.
   */
  private recordCancelling(rollback: boolean): void {
    const { log, executionId } = this;
    log.append(
      'WORKFLOW_CANCELLING',
      executionId,
      this.definition.name,
      rollback ? JSON.stringify({ rollback: true }) : undefined,
    );
    for (const call of this.interrupted) {
      // A task's result may still come: it is recorded then (timers and children do not reply).
      if (!call.result && !call.timer && !(call.handle && 'detach' in call.handle)) this.stragglers.add(call.taskId);
      if (call.result) recordOutcome(log, call.taskId, call.name, call.result);
      else log.append('TASK_CANCELLED', call.taskId, call.name, undefined);
    }
    for (const nested of this.interruptedNested) log.append('TASK_CANCELLED', nested.taskId, nested.name, undefined);
    for (const call of this.abandoned) {
      log.append('TASK_CANCELLED', call.taskId, call.name, undefined);
      this.executor.abandon?.(executionId, call.taskId);
    }
  }

  /**
   * The result of a task that was running when the execution was cancelled: recorded, as the
   * task's history, and nothing else. An error that is the cancellation itself is not news.
   */
  private recordLate(result: TaskResult): void {
    if (result.outcome === 'progress' || !this.stragglers.delete(result.taskId)) return;
    const name = this.interrupted.find((call) => call.taskId === result.taskId)!.name;
    if (result.outcome === 'output') this.log.append('TASK_COMPLETED', result.taskId, name, payloadJson(result.output));
    // An error that is the cancellation itself, reaching the task body, is not news after the cancel.
    else if (!hasErrorCode(result.error, 'TASK_CANCELLED', 'EXECUTION_STOPPED') && result.error.name !== 'AbortError')
      this.log.append('TASK_FAILED', result.taskId, name, JSON.stringify(result.error));
    else return;
    this.log.commit().catch(() => undefined); // a store closed meanwhile: the result is lost, nothing else
  }

  /** The log cannot be written (another driver, a broken store): stop without recording anything. */
  private abort(error: Error): void {
    const run = this.run;
    if (!run) return;
    // Children go on: whoever drives this execution now takes them up.
    run.detachChildren();
    this.stopBody();
    this.settle.reject(error);
    this.stop();
  }

  /** Hosts the execution no more. */
  private stop(): void {
    if (this.hasStopped) return;
    this.hasStopped = true;
    // A run stopped by an error (its log could not be written): its span says so.
    for (const span of [this.runSpan, this.endingSpan])
      if (span) endRunSpan(span, this.indexed, this.log.clock.now(), this.log.failure ?? { message: 'stopped' });
    this.runSpan = this.endingSpan = undefined;
    this.actor.stop();
    this.unhost();
    this.markStopped();
  }

  /** WORKFLOW_RESUMED, then what the resume settles: the body receives each as its call's gate opens, on every replay too. */
  private recordResume(resume: Extract<ExecutionMachineEvent, { type: 'RESUME' }>): void {
    this.log.append('WORKFLOW_RESUMED', this.executionId, this.definition.name, resume.valueJson);
    for (const answer of resume.answers ?? [])
      this.log.append(answer.type, answer.taskId, answer.name, answer.valueJson, true);
  }

  /**
   * The index follows the machine; a run that reached a pause or an end is reported once its log
   * is durable. A pause is reported as it begins; the actor stops once its calls have drained.
   */
  private onSnapshot(snapshot: ExecutionSnapshot): void {
    const state = stateOf(snapshot);
    if (this.endingSpan) {
      const reached = this.endingState ?? state;
      endRunSpan(
        this.endingSpan,
        reached,
        this.log.clock.now(),
        reached === 'failed' ? failureOf(this.log) : undefined,
      );
      this.endingSpan = undefined;
    }
    this.runState = this.runSpan ? state : undefined;
    const drained = this.reported && !this.inRunning('draining');
    if (state !== this.indexed || (drained && state === 'paused')) {
      if (state !== this.indexed && isFinished(state))
        instruments().finished.add(1, { workflow: this.definition.name, state });
      this.indexed = state;
      // A paused execution's index entry is its durable timer (runtime/host/wakes.ts arms it).
      this.log.setState(state, state === 'paused' || state === 'waiting' ? wakeOf(this.log.events) : undefined);
    }
    if (!this.reached) return;
    if (this.reported) {
      if (drained)
        this.log.commit().then(
          () => this.stop(),
          () => this.stop(),
        );
      return;
    }
    this.reported = true;
    const draining = this.inRunning('draining');
    if (!draining) this.actor.stop(); // the end, or a pause with nothing running: nothing more happens here
    const ctx = executionOf<I, O>({
      executionId: this.executionId,
      name: this.definition.name,
      state,
      // A copy while the actor goes on (draining calls, a resume here): the report is of this moment.
      log: draining ? this.log.events.slice() : this.log.events,
    });
    const settle = this.settle;
    this.log.commit().then(
      () => {
        settle.resolve(ctx);
        if (!draining) this.stop();
      },
      (error: Error) => {
        settle.reject(error);
        this.stop();
      },
    );
  }

  /** Waits the body recorded while the pause drains (more pauses, sleeps): the index's timer follows. */
  private waitsChanged(): void {
    if (this.inRunning('draining')) this.log.setState('paused', wakeOf(this.log.events));
  }
}

/** How a run that a lifecycle event begins is named in its span. */
function runKindOf(event: LifecycleEvent, cause: ExecutionMachineEvent): RunKind {
  switch (event) {
    case 'WORKFLOW_RESUMED': {
      const resume = cause as Extract<ExecutionMachineEvent, { type: 'RESUME' }>;
      return resume.valueJson === undefined && (resume.answers?.length ?? 0) > 0 ? 'wake' : 'resume';
    }
    case 'WORKFLOW_RECOVERED':
      return 'recover';
    case 'WORKFLOW_RETRIED':
      return 'retry';
    default:
      return 'start';
  }
}

/** The error a failed execution recorded, for its run's span. */
function failureOf(log: ExecutionLog): { message: string } | undefined {
  const failed = log.last('WORKFLOW_FAILED');
  if (!failed?.valueJson) return undefined;
  try {
    return { message: String((JSON.parse(failed.valueJson) as { message?: unknown }).message) };
  } catch {
    return undefined;
  }
}

/** What settles a call for good: a paused call waits for its resume, it is not running. */
const CALL_SETTLED = new Set<EventType>([
  'TASK_COMPLETED',
  'TASK_FAILED',
  'TASK_CANCELLED',
  'TASK_PAUSED',
  'TASK_RESUMED',
]);

/** The calls a log shows started and not settled, in the order they started. */
function openCalls(events: readonly StoredEvent[]): { taskId: string; name: string }[] {
  const open = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'WORKFLOW_STARTED')
      open.clear(); // a new run of an id started again
    else if (event.type === 'TASK_STARTED') open.set(event.sourceId, event.name);
    else if (CALL_SETTLED.has(event.type)) open.delete(event.sourceId);
  }
  return [...open].map(([taskId, name]) => ({ taskId, name }));
}

/**
 * The secrets an execution knows before its run records anything: its workflow's, and those of
 * every task its log records (a resume value or a rollback may carry them).
 */
function knownSecretNames(
  definition: { options: { secretRequests?: readonly string[] } },
  events: readonly StoredEvent[],
): string[] {
  const names = new Set(definition.options.secretRequests ?? []);
  const tasks = new Set<string>();
  for (const event of events) if (event.type === 'TASK_STARTED') tasks.add(event.name);
  for (const task of tasks) {
    let requests: readonly string[] | undefined;
    try {
      requests = findTask(task)?.options.secretRequests;
    } catch {
      continue; // an ambiguous name: its calls are refused, and have no secrets
    }
    for (const name of requests ?? []) names.add(name);
  }
  return [...names];
}
