/**
 * The execution actor: hosts one run of one execution (from start or resume until it pauses or
 * finishes). Its lifecycle is the execution machine; the workflow body runs as the machine's `body`
 * child; task calls become task commands to the executor, and every step lands in the log.
 *
 * A body that pauses is left behind: its pending `pause()` never settles in this run, and it may
 * start nothing more. Resuming starts a new actor that replays the log, so a resume in this process
 * and one in another process are the same code path.
 */
import { createActor, type Actor } from 'xstate';
import { attachHost, executionMachine, type ExecutionHost, type ExecutionMachineEvent } from './execution-machine.js';
import { stateOf, type ExecutionSnapshot } from './lifecycle.js';
import type { TaskHandle, TaskSender } from './task-executor.js';
import { Delivery, type LiveTicket } from '../runtime/engine/delivery.js';
import { FluxError, NonDeterminismError, StoreFullError } from '../runtime/engine/errors.js';
import { ExecutionContext } from '../runtime/engine/execution-context.js';
import type { ExecutionLog } from '../runtime/engine/execution-log.js';
import type { ExecutionState } from '../runtime/engine/execution-state.js';
import { PROGRESS_TYPES, type EventType, type StoredEvent } from '../runtime/engine/events.js';
import { Replay, type RecordedCall } from '../runtime/engine/replay.js';
import { resumePoint, type ResumePoint } from '../runtime/engine/task-resume.js';
import { storeOutput, type OutputStorage } from '../runtime/engine/output-storage.js';
import {
  scopeStorage,
  type ChildCall,
  type NestedCalls,
  type TaskScope,
  type WorkflowSession,
} from '../runtime/engine/scope.js';
import { argumentsHash, callBase, isNestedCall } from '../runtime/engine/identity.js';
import { findTask, TaskDefinitions } from '../runtime/engine/registry.js';
import { rollBackOnCancel } from './cancel-rollback.js';
import type { Timer } from '../runtime/engine/clock.js';

import {
  childExecutionId,
  childFailure,
  endValueJson,
  pausedChild,
  pauseName,
  type ChildHandle,
  type ChildRunner,
  type ChildSettled,
} from '../runtime/engine/children.js';
import { encodeValue, toErrorInfo } from '../runtime/engine/serialization.js';
import { describeCall, settleFromEvent, settleOutput } from './outcomes.js';
import type { TaskDefinition } from '../runtime/engine/task-definition.js';
import type { WorkflowDefinition } from '../runtime/engine/workflow-definition.js';
import { jsonPayload, payloadJson, type TaskResult } from '../proto/messages.js';

export interface CancelOptions {
  /**
   * Run the rollback of every task that has one and completed, or was interrupted by the cancel
   * (it may have done part of its effect), newest first, before `cancelled`.
   */
  rollback?: boolean;
}

/** A call running now: a task at an executor, or a durable timer. */
interface LiveCall {
  taskId: string;
  name: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: Timer;
  /** Set when the result arrives; it is recorded when the body receives it. */
  result?: FinalResult;
  ticket: LiveTicket;
  /** Where the task keeps its outputs, if not in the log. */
  storage?: OutputStorage | undefined;
  /** Stops the task at its executor (or the child execution) when the execution stops waiting for it. */
  handle?: TaskHandle | ChildHandle;
}

type FinalResult = Exclude<TaskResult, { outcome: 'progress' }>;

/** A nested task running now, and the callers waiting for it (more than one when its caller retried meanwhile). */
interface NestedCall {
  name: string;
  handle?: TaskHandle;
  waiters: { resolve(value: unknown): void; reject(error: Error): void }[];
}

const FIRST_ATTEMPT: ResumePoint = { attempt: 1, resume: undefined };

const SETTLED_STATES: ReadonlySet<ExecutionState> = new Set<ExecutionState>([
  'paused',
  'succeeded',
  'failed',
  'cancelled',
]);
const never = <T>(): Promise<T> => new Promise<T>(() => {});
/** Errors that are the cancellation itself, reaching a task body: not news after the cancel. */
const CANCELLATION_CODES: ReadonlySet<string> = new Set(['TASK_CANCELLED', 'EXECUTION_STOPPED']);

export class ExecutionActor<I = unknown, O = unknown> implements ExecutionHost, WorkflowSession, NestedCalls {
  readonly executionId: string;
  readonly done: Promise<ExecutionContext<I, O>>;
  private readonly actor: Actor<typeof executionMachine>;
  private readonly live = new Map<string, LiveCall>();
  /** Nested tasks running now (called by task bodies), and the ones this execution has completed. */
  private readonly nestedLive = new Map<string, NestedCall>();
  private nestedCompleted: Map<string, StoredEvent> | undefined;
  private replay = new Replay([]);
  private delivery = new Delivery(this.replay);
  private bodyActive = false;
  /** The pause the body asked for, while calls already running finish and are recorded. */
  private pausing: { taskId: string; name: string } | undefined;
  /** Set by the first driving event: a restored snapshot is already settled and must not count as an ending. */
  private driven = false;
  /** The calls a cancellation cuts short, and those of them whose result may still arrive. */
  private interrupted: LiveCall[] = [];
  /** Calls open in the log when this actor, not their driver, carries out a cancel. */
  private abandoned: { taskId: string; name: string }[] = [];
  private readonly stragglers = new Set<string>();
  /**
   * The definitions this run's calls used, one per name (runtime/engine/registry.ts): a second one under a
   * name is refused here too, whatever executor runs the tasks; a cancel's rollbacks run these.
   */
  private readonly called = new TaskDefinitions();
  private cancelOptions: CancelOptions = {};
  private cancelling = false;
  private ended = false;
  private settle!: { resolve(ctx: ExecutionContext<I, O>): void; reject(error: Error): void };

  constructor(
    private readonly definition: WorkflowDefinition<I, O>,
    private readonly log: ExecutionLog,
    private readonly executor: TaskSender,
    private readonly children: ChildRunner,
    snapshot?: ExecutionSnapshot,
  ) {
    this.executionId = log.executionId;
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.actor = createActor(executionMachine, {
      input: { executionId: this.executionId },
      ...(snapshot && { snapshot }),
    });
    attachHost(this.actor, this);
    // A log that can no longer be written stops the run at once, whatever it waits for.
    log.onFailure((error) => this.abort(error));
    this.actor.subscribe({ next: (s) => this.onState(stateOf(s)), error: (e) => this.settle.reject(e as Error) });
    this.actor.start();
    // The secrets this execution knows, before it records anything (see runtime/engine/secret-guard.ts).
    this.secretsKnown = log.secrets.learn(knownSecretNames(definition, log.events));
    this.secretsKnown?.then(() => (this.secretsKnown = undefined));
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
  private startCommit: Promise<void> | undefined;

  /** `durable`, for those who learn of a failed write from the run's end instead. */
  get started(): Promise<void> {
    return this.durable.catch(() => undefined);
  }
  /** Set while the secrets the execution knows are being resolved: nothing is recorded until then. */
  private secretsKnown: Promise<void> | undefined;

  /** Runs `step` once the execution's secrets are known: at once, unless a run is just starting. */
  private whenSecretsKnown(step: () => void): void {
    if (this.secretsKnown) void this.secretsKnown.then(step);
    else step();
  }

  /** Delivers a lifecycle event (START, RESUME, RECOVER) to the machine. */
  send(event: ExecutionMachineEvent): void {
    this.driven = true;
    this.whenSecretsKnown(() => this.actor.send(event));
  }

  /**
   * Cancels the execution: `cancelling` (running task bodies see their signal aborted, pending
   * retries and timers stop, each interrupted call is recorded), then `cancelled`. Completed and
   * interrupted tasks are rolled back only when asked. A result that arrives later is recorded and
   * changes nothing.
   */
  cancel(options: CancelOptions = {}): Promise<ExecutionContext<I, O>> {
    if (this.cancelling) return this.done; // already on its way: join it
    this.cancelling = true;
    this.driven = true;
    this.cancelOptions = options;
    this.whenSecretsKnown(() => {
      // Taken now: the body's calls are stopped as the machine leaves `running`, before it records.
      this.interrupted = [...this.live.values()];
      // Cancelled away from its driver (in another process, or gone): the calls the log shows open
      // are recorded cancelled too, and their executors asked to stop.
      if (!this.bodyActive) this.abandoned = openCalls(this.log.events);
      // The rest happens as the machine takes the transition (see `record`), which may come later
      // than this call when it is made from inside another transition.
      this.actor.send({ type: 'CANCEL' });
    });
    return this.done;
  }

  /**
   * Finishes a cancel its driver left half done (it died in `cancelling`, during the rollbacks):
   * with the options the cancel recorded; a rollback already settled is not run again, one that
   * was running runs again.
   */
  finishRecordedCancel(): Promise<ExecutionContext<I, O>> {
    this.cancelling = true;
    this.driven = true;
    const recorded = this.log.last('WORKFLOW_CANCELLING')?.valueJson;
    this.cancelOptions = recorded ? (JSON.parse(recorded) as CancelOptions) : {};
    this.whenSecretsKnown(() => this.finishCancel());
    return this.done;
  }

  /**
   * In `cancelling`: everything running was stopped as the machine left `running` (and recorded
   * TASK_CANCELLED); roll back what completed and what was interrupted, if asked; then end.
   */
  private finishCancel(): void {
    if (!this.cancelOptions.rollback) {
      this.actor.send({ type: 'CANCELLED' });
      return;
    }
    void rollBackOnCancel(this.log, this.definitionOf, this.rollbackSecrets).finally(() =>
      this.actor.send({ type: 'CANCELLED' }),
    );
  }

  /** A task by name: the definition this run called under it, else the process's (refused if ambiguous). */
  private readonly definitionOf = (name: string): TaskDefinition | undefined => this.called.get(name) ?? findTask(name);

  /** A rollback on cancel gets the secrets its task would: its own and the workflow's. */
  private readonly rollbackSecrets = (task: TaskDefinition): Promise<Readonly<Record<string, string>>> => {
    const names = new Set([...(this.definition.options.secretRequests ?? []), ...(task.options.secretRequests ?? [])]);
    return this.log.secrets.resolve([...names], task.name, this.executionId);
  };

  // --- ExecutionHost: what the machine asks of its host -------------------------------------------

  record(event: ExecutionMachineEvent): void {
    const { log, executionId } = this;
    const name = this.definition.name;
    switch (event.type) {
      case 'START':
        log.append('WORKFLOW_STARTED', executionId, name, event.inputJson);
        if (event.parent) log.append('WORKFLOW_CALLED_BY', executionId, name, JSON.stringify(event.parent));
        log.setState('running');
        return;
      case 'PAUSE':
        log.append('WORKFLOW_PAUSED', executionId, name, JSON.stringify(event.name));
        log.setState('paused');
        return;
      case 'RESUME':
        this.recordResume(event.valueJson);
        return;
      case 'SUCCEED':
        log.append('WORKFLOW_COMPLETED', executionId, name, event.outputJson);
        log.setState('succeeded');
        return;
      case 'FAIL':
        log.append('WORKFLOW_FAILED', executionId, name, JSON.stringify(event.error));
        log.setState('failed');
        return;
      case 'RECOVER':
        // Recorded, and committed before the body runs: a driver that is in fact still alive
        // finds its next write refused, instead of both driving the execution unnoticed.
        log.append('WORKFLOW_RECOVERED', executionId, name, undefined);
        log.setState('running');
        return;
      case 'CANCEL':
        // What the cancel asked for is recorded: a driver that takes over a cancel left half done
        // finishes it as asked (see `finishRecordedCancel`).
        log.append(
          'WORKFLOW_CANCELLING',
          executionId,
          name,
          this.cancelOptions.rollback ? JSON.stringify({ rollback: true }) : undefined,
        );
        // The calls it interrupts, recorded before they are stopped: a result that had arrived is
        // kept (it changes nothing now), the others are marked cancelled.
        for (const call of this.interrupted) {
          // A task's result may still come: it is recorded then (timers and children do not reply).
          if (!call.result && !call.timer && !(call.handle && 'detach' in call.handle))
            this.stragglers.add(call.taskId);
          if (call.result) this.recordOutcome(call.taskId, call.name, call.result);
          else log.append('TASK_CANCELLED', call.taskId, call.name, undefined);
        }
        for (const [taskId, nested] of this.nestedLive) log.append('TASK_CANCELLED', taskId, nested.name, undefined);
        for (const call of this.abandoned) {
          log.append('TASK_CANCELLED', call.taskId, call.name, undefined);
          this.executor.abandon?.(executionId, call.taskId);
        }
        log.setState('cancelling');
        queueMicrotask(() => this.finishCancel());
        return;
      case 'CANCELLED':
        log.append('WORKFLOW_CANCELLED', executionId, name, undefined);
        log.setState('cancelled');
        return;
    }
  }

  runBody(sendBack: (event: ExecutionMachineEvent) => void): void {
    this.replay = new Replay(this.log.events);
    this.delivery = new Delivery(this.replay);
    this.bodyActive = true;
    // A run that continues a recorded log (resume, recovery) first commits the event that says so:
    // if another driver appended first, the commit fails and this run starts nothing. (A driver
    // that takes over a live one makes the old one fail at its next write; a task the old one had
    // in flight then runs twice, as at-least-once allows.)
    if (this.log.events.length <= 1) {
      this.startBody(sendBack);
      return;
    }
    this.log.commit().then(
      () => this.startBody(sendBack),
      (error: Error) => this.abort(error),
    );
  }

  stopBody(): void {
    this.bodyActive = false;
    this.delivery.stop();
    for (const call of this.live.values()) {
      call.timer?.clear();
      if (call.handle && 'detach' in call.handle) call.handle.cancel(this.cancelOptions);
      else call.handle?.cancel();
    }
    this.live.clear();
    for (const nested of this.nestedLive.values()) nested.handle?.cancel();
    this.nestedLive.clear();
  }

  // --- WorkflowSession: what the body's task calls and built-ins ask of the actor ---------------

  callTask(definition: TaskDefinition, args: unknown[]): Promise<unknown> {
    if (!this.accepting()) return never();
    const name = definition.name;
    const argsJson = encodeValue(args, `the arguments of task '${name}'`, this.executionId)!;
    this.called.use(definition);
    const call = this.replay.identify(name, argsJson);
    const storage = definition.options.outputStorage;
    if (typeof call !== 'string' && call.outcome) return this.replayed(call, storage);
    if (!this.mayStart(call, name, argsJson)) return never();
    const taskId = typeof call === 'string' ? call : call.taskId;
    // A call that started in an earlier run and never finished picks up where its progress stops.
    const { attempt, resume, settled } =
      typeof call === 'string' ? FIRST_ATTEMPT : resumePoint(this.log.events, call.started);
    this.log.append('TASK_STARTED', taskId, name, argsJson);
    return this.startLive(taskId, name, (live) => {
      live.storage = storage;
      if (settled) {
        // Only the final event was lost: the recorded result stands, delivered like one that just arrived.
        const header = { executionId: this.executionId, taskId, attempt };
        const result: TaskResult =
          'error' in settled
            ? { ...header, outcome: 'error', error: settled.error }
            : { ...header, outcome: 'output', output: jsonPayload(settled.outputJson) };
        return void Promise.resolve().then(() => this.onTaskResult(result));
      }
      const secretRequests = this.definition.options.secretRequests;
      const command = {
        executionId: this.executionId,
        taskId,
        taskName: name,
        attempt,
        args: jsonPayload(argsJson),
        ...(resume && { resume }),
        ...(secretRequests?.length && { secretRequests: [...secretRequests] }),
      };
      // The task's secrets are known here before it can report anything that might quote them.
      const requests = definition.options.secretRequests;
      const learning = requests && this.log.secrets.learn(requests);
      if (!learning) {
        live.handle = this.executor.send(command, this.onTaskResult, definition, this);
        return;
      }
      void learning.then(() => {
        if (this.live.get(taskId) === live)
          live.handle = this.executor.send(command, this.onTaskResult, definition, this);
      });
    });
  }

  pause(name: string, output: unknown): Promise<unknown> {
    if (!this.accepting()) return never();
    const argsJson = encodeValue([name], 'the name of a pause', this.executionId)!;
    // Encoded before the call gets its identity: a refused output must not use up an occurrence.
    const outputJson = encodeValue(output, `the output of pause '${name}'`, this.executionId);
    const call = this.replay.identify('pause', argsJson);
    if (typeof call !== 'string' && call.outcome) return this.replayed(call);
    if (!this.mayStart(call, 'pause', argsJson)) return never();
    const taskId = typeof call === 'string' ? call : call.taskId;
    this.log.append('TASK_STARTED', taskId, 'pause', argsJson);
    this.log.append('TASK_PAUSED', taskId, 'pause', outputJson);
    this.beginPause(taskId, name);
    return never();
  }

  /** A durable timer: the wake time is the recorded start plus the duration, so a replay waits only for what remains. */
  sleep(milliseconds: number): Promise<void> {
    if (!this.accepting()) return never();
    const argsJson = JSON.stringify([milliseconds]);
    const call = this.replay.identify('sleep', argsJson);
    if (typeof call !== 'string' && call.outcome) return this.replayed(call) as Promise<void>;
    if (!this.mayStart(call, 'sleep', argsJson)) return never();
    const started = typeof call === 'string' ? this.log.append('TASK_STARTED', call, 'sleep', argsJson) : call.started;
    const remaining = Math.max(0, started.time + milliseconds - this.log.clock.now());
    const taskId = started.sourceId;
    return this.startLive(taskId, 'sleep', (live) => {
      const woke: TaskResult = {
        executionId: this.executionId,
        taskId,
        attempt: 1,
        outcome: 'output',
        output: jsonPayload(undefined),
      };
      // On the runtime's clock, whose timers take any delay: `sleep('30d')` outlasts Node's longest timer.
      live.timer = this.log.clock.setTimeout(() => this.onTaskResult(woke), remaining);
    }) as Promise<void>;
  }

  /**
   * A child execution, as one step of this one: the step's outcome is the child's end. A child
   * that pauses pauses this execution; the step stays open, so resuming picks the child up again.
   */
  callWorkflow(definition: WorkflowDefinition, input: unknown): Promise<ChildCall> {
    if (!this.accepting()) return never();
    const name = definition.name;
    const inputJson = encodeValue(input, `the input of workflow '${name}'`, this.executionId);
    const argsJson = `[${inputJson ?? 'null'}]`;
    const call = this.replay.identify(name, argsJson);
    const storage = definition.options.outputStorage;
    const taskId = typeof call === 'string' ? call : call.taskId;
    const childId = childExecutionId(this.executionId, taskId);
    let step: Promise<unknown>;
    if (typeof call !== 'string' && call.outcome) step = this.replayed(call, storage);
    else if (!this.mayStart(call, name, argsJson)) return never();
    else {
      this.log.append('TASK_STARTED', taskId, name, argsJson);
      if (typeof call === 'string')
        this.log.append('CHILD_WORKFLOW_STARTED', taskId, name, JSON.stringify({ executionId: childId }));
      step = this.startLive(taskId, name, (live) => {
        live.storage = storage;
        // The child's log does not know this execution's secrets: its input leaves here without them.
        const childInput = this.log.secrets.redact(inputJson);
        const parent = { executionId: this.executionId, callId: taskId };
        const child = this.children.attach(definition, childId, childInput, parent);
        live.handle = child;
        child.result.then(
          (settled) => this.onChildSettled(live, childId, settled),
          (error: unknown) =>
            this.onTaskResult({
              executionId: this.executionId,
              taskId,
              attempt: 1,
              outcome: 'error',
              error: toErrorInfo(error),
            }),
        );
      });
    }
    return step.then((output) => ({ executionId: childId, output }));
  }

  // --- NestedCalls: tasks called by task bodies --------------------------------------------------

  /**
   * A task called inside another task's body: a durable step of its own, recorded in this log under
   * the calling task's id. One that completed (in an earlier attempt of the caller, or an earlier
   * run) returns its recorded output and does not run again; one that failed runs again.
   * Task bodies are not replayed in lockstep, so these results need no delivery schedule.
   */
  callNested(parent: TaskScope, definition: TaskDefinition, args: unknown[]): Promise<unknown> {
    const name = definition.name;
    const argsJson = encodeValue(args, `the arguments of task '${name}'`, this.executionId)!;
    this.called.use(definition);
    // The calling task's secrets may be in the arguments: they are known to this log from now on.
    this.log.secrets.know(parent.secrets);
    const taskId = parent.nestedId(callBase(name, argumentsHash(argsJson)));
    const storage = definition.options.outputStorage;
    const completed = this.completedNested().get(taskId);
    return new Promise((resolve, reject) => {
      if (completed) return settleOutput(completed.valueJson, storage, resolve, reject);
      if (!this.bodyActive || this.log.failure) {
        return reject(
          new FluxError(
            'EXECUTION_STOPPED',
            `task '${name}' was not started: execution ${this.executionId} is no longer running`,
            { executionId: this.executionId },
          ),
        );
      }
      // Still running from the caller's earlier attempt (which timed out): wait for that run.
      const running = this.nestedLive.get(taskId);
      if (running) return void running.waiters.push({ resolve, reject });
      this.log.append('TASK_STARTED', taskId, name, argsJson);
      const command = {
        executionId: this.executionId,
        taskId,
        taskName: name,
        attempt: 1,
        args: jsonPayload(argsJson),
      };
      const entry: NestedCall = { name, waiters: [{ resolve, reject }] };
      this.nestedLive.set(taskId, entry);
      const reply = (result: TaskResult) => this.onNestedResult(taskId, entry, storage, result);
      const send = () => {
        if (this.nestedLive.get(taskId) === entry) entry.handle = this.executor.send(command, reply, definition, this);
      };
      const learning = this.log.secrets.learn(definition.options.secretRequests);
      if (learning) void learning.then(send);
      else send();
    });
  }

  /** A nested task's progress or result: recorded, and its end handed to every caller waiting for it as recorded. */
  private onNestedResult(
    taskId: string,
    entry: NestedCall,
    storage: OutputStorage | undefined,
    result: TaskResult,
  ): void {
    if (this.nestedLive.get(taskId) !== entry) return; // stopped meanwhile: nothing reaches the log
    const name = entry.name;
    if (result.outcome === 'progress') {
      const type = result.progress.type as EventType;
      if (PROGRESS_TYPES.has(type)) this.log.append(type, taskId, name, payloadJson(result.progress.value));
      return;
    }
    this.nestedLive.delete(taskId);
    const recorded = this.recordOutcome(taskId, name, result);
    if (recorded.type === 'TASK_COMPLETED') this.completedNested().set(taskId, recorded);
    for (const waiter of entry.waiters)
      settleFromEvent(recorded, this.executionId, storage, waiter.resolve, waiter.reject, waiter.reject);
  }

  private completedNested(): Map<string, StoredEvent> {
    if (!this.nestedCompleted) {
      this.nestedCompleted = new Map();
      for (const event of this.log.events)
        if (event.type === 'TASK_COMPLETED' && isNestedCall(event.sourceId))
          this.nestedCompleted.set(event.sourceId, event);
    }
    return this.nestedCompleted;
  }

  // --- internals ----------------------------------------------------------------------------------

  private onChildSettled(call: LiveCall, childId: string, settled: ChildSettled): void {
    if (this.live.get(call.taskId) !== call) return; // a body left behind
    const header = { executionId: this.executionId, taskId: call.taskId, attempt: 1 };
    if (settled.state === 'succeeded') {
      this.onTaskResult({ ...header, outcome: 'output', output: jsonPayload(endValueJson(settled)) });
      return;
    }
    if (settled.state !== 'paused') {
      this.onTaskResult({ ...header, outcome: 'error', error: childFailure(childId, call.name, settled) });
      return;
    }
    // The child paused: so does this execution, at this step, which stays open for the resume.
    this.live.delete(call.taskId);
    if (this.pausing) {
      this.pauseWhenDrained(); // already pausing: the resume finds the child paused again
      return;
    }
    this.log.append('TASK_PAUSED', call.taskId, call.name, endValueJson(settled));
    this.beginPause(call.taskId, pauseName(settled));
  }

  /** New calls are refused once the body is left behind or has asked to pause. */
  private accepting(): boolean {
    return this.bodyActive && !this.pausing;
  }

  /**
   * Whether a call that has no recorded outcome may run: not when it is new while recorded calls are
   * unmatched (a divergence), and not once the log can no longer be written.
   */
  private mayStart(call: RecordedCall | string, name: string, argsJson: string): boolean {
    if (typeof call === 'string') {
      const expected = this.replay.firstUnmatched();
      if (expected) {
        this.fail(
          new NonDeterminismError(
            `execution ${this.executionId} diverged from its log: replay expected ${describeCall(expected)} but the workflow called '${name}' with arguments ${argsJson}`,
            this.executionId,
          ),
        );
        return false;
      }
    }
    if (this.log.failure) {
      this.abort(this.log.failure);
      return false;
    }
    return true;
  }

  private replayed(call: RecordedCall, storage?: OutputStorage): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.delivery.replayed(call, (outcome) =>
        settleFromEvent(outcome, this.executionId, storage, resolve, reject, this.failStorage),
      ),
    );
  }

  private startLive(taskId: string, name: string, start: (call: LiveCall) => void): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const call: LiveCall = { taskId, name, resolve, reject, ticket: this.delivery.liveStarted() };
      this.live.set(taskId, call);
      start(call);
    });
  }

  /** Task results arrive here, from the executor or a timer. */
  private readonly onTaskResult = (result: TaskResult): void => {
    const call = this.live.get(result.taskId);
    if (!call) {
      this.recordLate(result); // else a body left behind: nothing reaches the log
      return;
    }
    if (result.outcome === 'error' && result.error.code === 'STORE_FULL') {
      // A store with no room (the child's log, a task's own writes) is not the step's outcome: the
      // execution stops with the step open, and goes on from it once there is room.
      const what = `execution ${this.executionId} stopped at step '${call.name}', which could not write`;
      this.abort(new StoreFullError(what, { executionId: this.executionId }));
      return;
    }
    if (result.outcome === 'progress') {
      // A retry, rollback or fallback step: part of the task's history as it happens. Anything
      // else claiming to be progress is not written into the log.
      const type = result.progress.type as EventType;
      if (PROGRESS_TYPES.has(type)) this.log.append(type, call.taskId, call.name, payloadJson(result.progress.value));
      return;
    }
    call.result = result;
    if (this.pausing) {
      this.recordDrained(call);
      return;
    }
    this.delivery.liveArrived(call.ticket, (quick) => this.deliverLive(call, quick));
  };

  /**
   * The result of a task that was running when the execution was cancelled: recorded, as the
   * task's history, and nothing else. An error that is the cancellation itself is not news.
   */
  private recordLate(result: TaskResult): void {
    if (result.outcome === 'progress' || !this.stragglers.delete(result.taskId)) return;
    const name = this.interrupted.find((call) => call.taskId === result.taskId)!.name;
    if (result.outcome === 'output') this.log.append('TASK_COMPLETED', result.taskId, name, payloadJson(result.output));
    else if (!CANCELLATION_CODES.has(result.error.code ?? '') && result.error.name !== 'AbortError')
      this.log.append('TASK_FAILED', result.taskId, name, JSON.stringify(result.error));
    else return;
    this.log.commit().catch(() => undefined); // a store closed meanwhile: the result is lost, nothing else
  }

  /** Records a live result and hands it to the body: the log's order is the order the body saw. */
  private deliverLive(call: LiveCall, quick: boolean): void {
    this.live.delete(call.taskId);
    // What the body gets is what was recorded (a result refused for a secret is a failure): as on replay.
    const recorded = this.recordOutcome(call.taskId, call.name, call.result!, quick);
    settleFromEvent(recorded, this.executionId, call.storage, call.resolve, call.reject, this.failStorage);
  }

  /** Records a call's final result: TASK_COMPLETED with its output, or TASK_FAILED with its error. */
  private recordOutcome(taskId: string, name: string, result: FinalResult, quick?: boolean): StoredEvent {
    if (result.outcome === 'output')
      return this.log.append('TASK_COMPLETED', taskId, name, payloadJson(result.output), quick);
    return this.log.append('TASK_FAILED', taskId, name, JSON.stringify(result.error), quick);
  }

  /**
   * Pausing: the body receives nothing more and may start nothing more. Tasks already running
   * finish and are recorded (so a resume does not run them again); timers are dropped (a resume
   * waits only for what remains of them). Then the machine pauses.
   */
  private beginPause(taskId: string, name: string): void {
    this.pausing = { taskId, name };
    this.delivery.stop();
    for (const call of [...this.live.values()]) {
      if (call.result) this.recordDrained(call);
      else if (call.timer) {
        call.timer.clear();
        this.live.delete(call.taskId);
      }
    }
    this.pauseWhenDrained();
  }

  private recordDrained(call: LiveCall): void {
    this.live.delete(call.taskId);
    this.recordOutcome(call.taskId, call.name, call.result!);
    this.pauseWhenDrained();
  }

  private pauseWhenDrained(): void {
    if (this.pausing && this.live.size === 0 && this.bodyActive) this.actor.send({ type: 'PAUSE', ...this.pausing });
  }

  private startBody(sendBack: (event: ExecutionMachineEvent) => void): void {
    if (!this.bodyActive) return;
    const ctx = new ExecutionContext<I>({
      executionId: this.executionId,
      name: this.definition.name,
      state: 'running',
      log: this.log.events,
    });
    scopeStorage
      .run({ kind: 'workflow', session: this }, async () => this.definition.fn(ctx))
      .then(
        (output) =>
          this.bodyEnded(sendBack, () => ({
            type: 'SUCCEED',
            outputJson: encodeValue(output, `the output of workflow '${this.definition.name}'`, this.executionId),
          })),
        (error) => this.bodyEnded(sendBack, () => ({ type: 'FAIL', error: toErrorInfo(error) })),
      );
  }

  private bodyEnded(sendBack: (event: ExecutionMachineEvent) => void, outcome: () => ExecutionMachineEvent): void {
    if (!this.accepting()) return;
    const unreached = this.replay.firstUnmatched();
    if (unreached) {
      this.fail(
        new NonDeterminismError(
          `execution ${this.executionId} diverged from its log: the workflow ended without reaching ${describeCall(unreached)}`,
          this.executionId,
        ),
      );
      return;
    }
    let event: ExecutionMachineEvent;
    try {
      event = outcome();
      // The workflow's output is what its caller receives: one that carries a secret is refused.
      if (event.type === 'SUCCEED')
        this.log.refuseSecret(event.outputJson, `the output of workflow '${this.definition.name}'`);
    } catch (error) {
      event = { type: 'FAIL', error: toErrorInfo(error) };
    }
    const storage = this.definition.options.outputStorage;
    if (event.type !== 'SUCCEED' || !storage) {
      sendBack(event);
      return;
    }
    storeOutput(storage, this.executionId, this.executionId, event.outputJson).then(
      (referenceJson) => sendBack({ type: 'SUCCEED', outputJson: referenceJson }),
      (error: unknown) => sendBack({ type: 'FAIL', error: toErrorInfo(error) }),
    );
  }

  private readonly failStorage = (error: Error): void => this.fail(error);

  private fail(error: Error): void {
    if (this.bodyActive) this.actor.send({ type: 'FAIL', error: toErrorInfo(error) });
  }

  /** The log cannot be written (another driver, a broken store): stop without recording anything. */
  private abort(error: Error): void {
    if (!this.bodyActive) return;
    // Children go on: whoever drives this execution now takes them up.
    for (const call of this.live.values()) if (call.handle && 'detach' in call.handle) call.handle.detach();
    this.stopBody();
    this.actor.stop();
    this.settle.reject(error);
  }

  private recordResume(valueJson: string | undefined): void {
    const paused = this.log.last('TASK_PAUSED');
    // A child's pause: the call step stays open, and its outcome is the child's end.
    const own = paused && !pausedChild(this.log.events);
    this.log.append('WORKFLOW_RESUMED', this.executionId, this.definition.name, valueJson);
    // The body receives the value as the pause's gate opens: quick, on every replay too.
    if (own) this.log.append('TASK_RESUMED', paused.sourceId, paused.name, valueJson, true);
    this.log.setState('running');
  }

  /** Whether this run has ended (paused or finished) and is only making its last events durable. */
  get settling(): boolean {
    return this.ended;
  }

  private onState(state: ExecutionState): void {
    if (!this.driven || !SETTLED_STATES.has(state)) return;
    this.ended = true;
    this.actor.stop();
    const ctx = new ExecutionContext<I, O>({
      executionId: this.executionId,
      name: this.definition.name,
      state,
      log: this.log.events,
    });
    this.log.commit().then(
      () => this.settle.resolve(ctx),
      (error: Error) => this.settle.reject(error),
    );
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
    if (event.type === 'TASK_STARTED') open.set(event.sourceId, event.name);
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
