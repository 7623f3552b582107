/**
 * One run of a workflow body: the `body` actor of the execution machine, alive for as long as the
 * execution is `running`. It replays the log and makes the calls the body makes (tasks, pauses,
 * sleeps, child workflows, tasks called by task bodies), each one a step recorded in the log.
 *
 * The machine decides what the run may do: new calls are taken only while it is `running.working`;
 * in `running.draining` the body gets nothing more, the calls already running finish and are
 * recorded, then the run reports `DRAINED`. A run that is stopped (the machine left `running`)
 * stops every call it has running and records nothing more.
 */
import type { ExecutionMachineEvent } from './execution-machine.js';
import type { TaskHandle, TaskSender } from './task-executor.js';
import { Delivery, type LiveTicket } from '../runtime/engine/delivery.js';
import { hasErrorCode, NonDeterminismError, StoreFullError, type Divergence } from '../runtime/engine/errors.js';
import { ExecutionContext } from '../runtime/engine/execution-context.js';
import type { ExecutionLog } from '../runtime/engine/execution-log.js';
import { PROGRESS_TYPES, runCount, type EventType } from '../runtime/engine/events.js';
import { replayView } from '../runtime/engine/retry.js';
import { Replay, type RecordedCall } from '../runtime/engine/replay.js';
import { NestedTaskCalls } from './nested-calls.js';
import { resumePoint, type ResumePoint } from '../runtime/engine/task-resume.js';
import { storeOutput, type OutputStorage } from '../runtime/engine/output-storage.js';
import {
  scopeStorage,
  type ChildCall,
  type NestedCalls,
  type TaskScope,
  type WorkflowSession,
} from '../runtime/engine/scope.js';
import type { TaskDefinitions } from '../runtime/engine/registry.js';
import type { Timer } from '../runtime/engine/clock.js';
import { pendingWaits, type RecordedWake } from '../runtime/engine/waits.js';
import {
  childExecutionId,
  childFailure,
  endValueJson,
  pauseName,
  type ChildHandle,
  type ChildRunner,
  type ChildSettled,
} from '../runtime/engine/children.js';
import { encodeValue, toErrorInfo } from '../runtime/engine/serialization.js';
import { describeCall, recordOutcome, settleFromEvent, type FinalResult } from './outcomes.js';
import type { TaskDefinition } from '../runtime/engine/task-definition.js';
import type { WorkflowDefinition } from '../runtime/engine/workflow-definition.js';
import { jsonPayload, payloadJson, type TaskCommand, type TaskResult } from '../proto/messages.js';
import type { CancelOptions } from './cancel-options.js';
import { instruments } from '../runtime/engine/metrics.js';

/** A call running now: a task at an executor, or a durable timer. */
export interface LiveCall {
  taskId: string;
  name: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: Timer;
  /** Set when the result arrives; it is recorded when the body receives it. */
  result?: FinalResult;
  ticket: LiveTicket;
  /** For a durable sleep: when it falls due (epoch ms, workflow clock). */
  dueAt?: number;
  /** Where the task keeps its outputs, if not in the log. */
  storage?: OutputStorage | undefined;
  /** Stops the task at its executor (or the child execution) when the execution stops waiting for it. */
  handle?: TaskHandle | ChildHandle;
}

/** What a run needs from the execution actor that hosts it. */
export interface RunHost {
  readonly definition: WorkflowDefinition<unknown, unknown>;
  readonly log: ExecutionLog;
  readonly executor: TaskSender;
  readonly children: ChildRunner;
  /** The definitions the execution's calls used, one per name (a cancel's rollbacks run these). */
  readonly called: TaskDefinitions;
  /** Whether the machine is in `running.working`: the body may start calls. */
  working(): boolean;
  /** Whether the machine is in `running.draining`. */
  draining(): boolean;
  /** Sends the machine an event from the run (PAUSE, DRAINED, FAIL). */
  send(event: ExecutionMachineEvent): void;
  /** The log cannot be written: stop the run without recording anything. */
  abort(error: Error): void;
  /** A result for a call this run no longer waits for (the execution was cancelled meanwhile). */
  recordLate(result: TaskResult): void;
  /** What the cancel under way asked for, passed on to the child executions it stops. */
  cancelOptions(): CancelOptions;
  /**
   * A body that waits only on durable sleeps this long or longer parks (the machine's `waiting`)
   * and leaves its timer to the runtime's timer service; undefined: never (no timer service).
   */
  readonly parkAfterMs: number | undefined;
  /** The run recorded a wait (a pause, a sleep) while the pause drains: the index's timer follows. */
  waitsChanged(): void;
  /** The W3C traceparent of this run's span, when it is traced: task commands carry it to their executor. */
  traceparent(): string | undefined;
}

/**
 * The task calls a run had running when it was resumed while draining, handed to the next run: it
 * takes each one up when its replay reaches the call, instead of sending it again. Results that
 * arrive before then wait here.
 */
export interface Inheritance {
  readonly calls: Map<string, { call: LiveCall; result?: TaskResult }>;
  /** The run that takes them: results, and tasks their bodies call, go to it from now on. */
  adoptedBy(run: WorkflowRun): void;
}

const FIRST_ATTEMPT: ResumePoint = { attempt: 1, resume: undefined };
const never = <T>(): Promise<T> => new Promise<T>(() => {});

export class WorkflowRun implements WorkflowSession, NestedCalls {
  readonly executionId: string;
  /** The calls running now. */
  readonly live = new Map<string, LiveCall>();
  /** Tasks called by task bodies. */
  readonly nested: NestedTaskCalls;
  private readonly replay: Replay;
  private readonly delivery: Delivery;
  private stopped = false;
  /** Set once the body made a call that was refused while the execution drained towards a pause. */
  private refusedWhileDraining = false;
  private recordedPending: Set<string> | undefined;
  /** Recorded pauses this run's body waits on, by call id: the execution pauses again on them. */
  private readonly waiting = new Map<string, string>();
  private blockedCheckScheduled = false;
  /** Durable sleeps started in this run that are long enough to park for. */
  private longSleeps = 0;
  private drainCheckScheduled = false;

  /** Which run of the execution's id this is (an id started again once finished holds several). */
  private readonly runNumber: number;

  /** The run that took this one's calls over (it was resumed while draining). */
  private successor: WorkflowRun | undefined;

  constructor(
    private readonly host: RunHost,
    private readonly inherited?: Inheritance,
  ) {
    this.executionId = host.log.executionId;
    // A retried execution's failed calls are read as never made: they run again.
    this.replay = new Replay(replayView(host.log.events));
    this.runNumber = runCount(host.log.events);
    this.nested = new NestedTaskCalls(host, () => this.stopped);
    this.delivery = new Delivery(this.replay);
  }

  /** Whether the run was stopped: the machine left `running`, or the log could not be written. */
  get active(): boolean {
    return !this.stopped;
  }

  /**
   * Starts the body. A run that continues a recorded log (resume, recovery) first commits the event
   * that says so: if another driver appended first, the commit fails and this run starts nothing.
   * (A driver that takes over a live one makes the old one fail at its next write; a task the old
   * one had in flight then runs twice, as at-least-once allows.) The body starts once the machine
   * has taken the transition into `running` (never inside it), so what it asks of the machine is
   * answered at once.
   */
  start(sendBack: (event: ExecutionMachineEvent) => void): void {
    const { log } = this.host;
    if (log.events.length <= 1) {
      queueMicrotask(() => this.startBody(sendBack));
      return;
    }
    log.commit().then(
      () => this.startBody(sendBack),
      (error: Error) => this.host.abort(error),
    );
  }

  /** Stops the run: deliveries end, every call running is stopped, nothing more is recorded. */
  stop(): void {
    this.replayEnded();
    // Handed over and never reached by the replay (the body took another way): stopped too.
    for (const { call } of this.inherited?.calls.values() ?? []) call.handle?.cancel();
    this.inherited?.calls.clear();
    this.stopped = true;
    this.delivery.stop();
    const options = this.host.cancelOptions();
    for (const call of this.live.values()) {
      call.timer?.clear();
      if (call.handle && 'detach' in call.handle) call.handle.cancel(options);
      else call.handle?.cancel();
    }
    this.live.clear();
    this.nested.stop();
  }

  /**
   * Resumed while draining: this run stops, and its task calls still running go to the next run
   * (child executions go on by themselves: the next run finds them again). Timers are gone already.
   */
  handOver(): Inheritance {
    this.stopped = true;
    this.delivery.stop();
    this.detachChildren();
    const calls = new Map<string, { call: LiveCall; result?: TaskResult }>();
    for (const call of this.live.values())
      if (call.handle && !('detach' in call.handle)) calls.set(call.taskId, { call });
    this.live.clear();
    return {
      calls,
      adoptedBy: (run) => {
        this.successor = run;
      },
    };
  }

  /** Lets the child executions of the calls running go on: whoever drives this execution now takes them up. */
  detachChildren(): void {
    for (const call of this.live.values()) if (call.handle && 'detach' in call.handle) call.handle.detach();
  }

  // --- WorkflowSession: what the body's task calls and built-ins ask of the run -----------------

  callTask(definition: TaskDefinition, args: unknown[]): Promise<unknown> {
    if (!this.accepting()) return never();
    const { log } = this.host;
    const name = definition.name;
    const argsJson = encodeValue(args, `the arguments of task '${name}'`, this.executionId)!;
    this.host.called.use(definition);
    const call = this.replay.identify(name, argsJson);
    const storage = definition.options.outputStorage;
    if (typeof call !== 'string' && call.outcome) return this.replayed(call, storage);
    if (!this.mayStart(call, name, argsJson)) return never();
    const taskId = typeof call === 'string' ? call : call.taskId;
    const adopted = this.inherited?.calls.get(taskId);
    if (adopted) return this.adopt(adopted, storage);
    // A call that started in an earlier run and never finished picks up where its progress stops.
    const { attempt, resume, settled } =
      typeof call === 'string' ? FIRST_ATTEMPT : resumePoint(log.events, call.started);
    log.append('TASK_STARTED', taskId, name, argsJson);
    return this.startLive(taskId, name, (live) => {
      live.storage = storage;
      if (settled) {
        // Only the final event was lost: the recorded result stands, delivered like one that just arrived.
        const header = { executionId: this.executionId, taskId, attempt };
        const result: TaskResult =
          'error' in settled
            ? { ...header, outcome: 'error', error: settled.error }
            : { ...header, outcome: 'output', output: jsonPayload(settled.outputJson) };
        void Promise.resolve().then(() => this.onTaskResult(result));
        return;
      }
      const secretRequests = this.host.definition.options.secretRequests;
      const command = {
        executionId: this.executionId,
        taskId,
        taskName: name,
        attempt,
        args: jsonPayload(argsJson),
        ...(resume && { resume }),
        ...(secretRequests?.length && { secretRequests: [...secretRequests] }),
      };
      const traceparent = this.host.traceparent();
      if (traceparent) (command as TaskCommand).traceparent = traceparent;
      // The task's secrets are known here before it can report anything that might quote them.
      const requests = definition.options.secretRequests;
      const learning = requests && log.secrets.learn(requests);
      if (!learning) {
        live.handle = this.host.executor.send(command, this.onTaskResult, definition, this);
        return;
      }
      void learning.then(() => {
        if (this.live.get(taskId) === live)
          live.handle = this.host.executor.send(command, this.onTaskResult, definition, this);
      });
    });
  }

  pause(name: string, output: unknown, wake?: RecordedWake): Promise<unknown> {
    if (!this.mayRecordWait() && !this.accepting()) return never();
    const { log } = this.host;
    const argsJson = encodeValue(wake ? [name, wake] : [name], 'the name of a pause', this.executionId)!;
    // Encoded before the call gets its identity: a refused output must not use up an occurrence.
    const outputJson = encodeValue(output, `the output of pause '${name}'`, this.executionId);
    const call = this.replay.identify('pause', argsJson);
    if (typeof call !== 'string' && call.outcome) return this.replayed(call);
    if (typeof call !== 'string' && this.pendingPauses().has(call.taskId)) {
      // Recorded, and answered by no resume yet: it waits on. The execution pauses again once
      // nothing else can move the body (`scheduleBlockedCheck`).
      this.waiting.set(call.taskId, name);
      this.scheduleBlockedCheck();
      return never();
    }
    if (!this.mayStart(call, 'pause', argsJson)) return never();
    const taskId = typeof call === 'string' ? call : call.taskId;
    log.append('TASK_STARTED', taskId, 'pause', argsJson);
    log.append('TASK_PAUSED', taskId, 'pause', outputJson);
    if (this.host.working()) this.beginPause(taskId, name);
    else this.host.waitsChanged();
    return never();
  }

  /**
   * A durable timer: the wake time is the recorded start plus the duration, so a replay waits only
   * for what remains. While the execution drains towards a pause it is recorded like a pause (and
   * armed by the timer service, not here): a race of a pause and a sleep wakes at the sleep's end.
   */
  sleep(milliseconds: number): Promise<void> {
    const pausing = this.mayRecordWait();
    if (!pausing && !this.accepting()) return never();
    const argsJson = JSON.stringify([milliseconds]);
    const call = this.replay.identify('sleep', argsJson);
    if (typeof call !== 'string' && call.outcome) return this.replayed(call) as Promise<void>;
    if (!this.mayStart(call, 'sleep', argsJson)) return never();
    const started =
      typeof call === 'string' ? this.host.log.append('TASK_STARTED', call, 'sleep', argsJson) : call.started;
    if (pausing) {
      this.host.waitsChanged();
      return never();
    }
    const remaining = Math.max(0, started.time + milliseconds - this.host.log.clock.now());
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
      live.timer = this.host.log.clock.setTimeout(() => this.onTaskResult(woke), remaining);
      live.dueAt = started.time + milliseconds;
      if (this.mayPark(remaining)) {
        this.longSleeps++;
        this.scheduleBlockedCheck();
      }
    }) as Promise<void>;
  }

  /**
   * A patch point: true when the execution reaches it on new ground (recorded as a marker, a call
   * `patched` that completes at once), or when its log has the marker here; false while replaying a
   * log recorded before the patch (recorded calls still ahead, and not this marker). Nothing is
   * recorded then, and it is no divergence. A deprecated patch records no new marker, and only
   * takes up one its log has.
   */
  patched(patchId: string, deprecated: boolean): boolean {
    if (this.stopped) return !deprecated;
    const argsJson = JSON.stringify([patchId]);
    const recorded = this.replay.peekStart('patched', argsJson);
    if (recorded) {
      // Taken up: the marker is matched, and its outcome passes in its recorded place, so the
      // outcomes after it are delivered in order (the body does not wait on it).
      const call = this.replay.identify('patched', argsJson);
      if (typeof call !== 'string' && call.outcome) this.delivery.replayed(call, () => {});
      return true;
    }
    if (deprecated || this.replay.firstUnmatched()) return deprecated; // a log from before the patch
    const taskId = this.replay.identify('patched', argsJson) as string;
    this.host.log.append('TASK_STARTED', taskId, 'patched', argsJson);
    this.host.log.append('TASK_COMPLETED', taskId, 'patched', 'true', true);
    return true;
  }

  /**
   * A child execution, as one step of this one: the step's outcome is the child's end. A child
   * that pauses pauses this execution; the step stays open, so resuming picks the child up again.
   */
  callWorkflow(definition: WorkflowDefinition, input: unknown): Promise<ChildCall> {
    if (!this.accepting()) return never();
    const { log } = this.host;
    const name = definition.name;
    const inputJson = encodeValue(input, `the input of workflow '${name}'`, this.executionId);
    const argsJson = `[${inputJson ?? 'null'}]`;
    const call = this.replay.identify(name, argsJson);
    const storage = definition.options.outputStorage;
    const taskId = typeof call === 'string' ? call : call.taskId;
    const childId = childExecutionId(this.executionId, taskId, this.runNumber);
    let step: Promise<unknown>;
    if (typeof call !== 'string' && call.outcome) step = this.replayed(call, storage);
    else if (!this.mayStart(call, name, argsJson)) return never();
    else {
      log.append('TASK_STARTED', taskId, name, argsJson);
      if (typeof call === 'string')
        log.append('CHILD_WORKFLOW_STARTED', taskId, name, JSON.stringify({ executionId: childId }));
      step = this.startLive(taskId, name, (live) => {
        live.storage = storage;
        // The child's log does not know this execution's secrets: its input leaves here without them.
        const childInput = log.secrets.redact(inputJson);
        const parent = { executionId: this.executionId, callId: taskId };
        const child = this.host.children.attach(definition, childId, childInput, parent);
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

  // --- NestedCalls: tasks called by task bodies (./nested-calls.ts) ------------------------------

  callNested(parent: TaskScope, definition: TaskDefinition, args: unknown[]): Promise<unknown> {
    // A task handed over to the next run calls its tasks through that run.
    if (this.successor) return this.successor.callNested(parent, definition, args);
    return this.nested.call(parent, definition, args, this);
  }

  /** A call the previous run handed over: the same task run, now waited on here. */
  private adopt(
    adopted: { call: LiveCall; result?: TaskResult },
    storage: OutputStorage | undefined,
  ): Promise<unknown> {
    this.inherited!.calls.delete(adopted.call.taskId);
    return this.startLive(adopted.call.taskId, adopted.call.name, (live) => {
      live.storage = storage;
      live.handle = adopted.call.handle!;
      if (adopted.result) {
        const result = adopted.result;
        void Promise.resolve().then(() => this.onTaskResult(result));
      }
    });
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
    if (this.host.draining()) {
      this.drainedYet(); // already pausing: the resume finds the child paused again
      return;
    }
    this.host.log.append('TASK_PAUSED', call.taskId, call.name, endValueJson(settled));
    this.beginPause(call.taskId, pauseName(settled));
  }

  /** New calls are taken only while the machine is `running.working` and this run goes on. */
  private accepting(): boolean {
    if (!this.stopped && this.host.working()) return true;
    this.refusedWhileDraining = true;
    return false;
  }

  /**
   * While the execution drains towards a pause, waits (pauses, sleeps) are still recorded (a
   * `parallel` of approvals waits on all of them at once), until the body first makes a call that
   * is refused: the log keeps the body's calls a prefix of what a replay makes.
   */
  private mayRecordWait(): boolean {
    return !this.stopped && this.host.draining() && !this.refusedWhileDraining;
  }

  /** The pauses the log records that no resume has answered (read once, when a replay first meets one). */
  private pendingPauses(): ReadonlySet<string> {
    this.recordedPending ??= new Set(pendingWaits(this.host.log.events).pauses.map((pause) => pause.taskId));
    return this.recordedPending;
  }

  /**
   * Once the body waits on recorded pauses: checks, after every continuation has run, whether
   * anything else can still move it (a call running, an outcome to deliver). If not, the execution
   * pauses again on them; a durable sleep it also waits on is kept by the timer service.
   */
  private scheduleBlockedCheck(): void {
    if ((this.waiting.size === 0 && this.longSleeps === 0) || this.blockedCheckScheduled || this.stopped) return;
    this.blockedCheckScheduled = true;
    setImmediate(() => {
      this.blockedCheckScheduled = false;
      if (this.stopped || !this.host.working()) return;
      let firstDue = Infinity;
      for (const call of this.live.values()) {
        if (!call.timer) return; // a call running: its delivery checks again
        firstDue = Math.min(firstDue, call.dueAt ?? Infinity);
      }
      if (!this.delivery.idle) {
        this.scheduleBlockedCheck();
        return;
      }
      if (this.replay.replaying) {
        // Nothing can move the body but its waits, yet the log has calls it never reached: it left
        // its recorded course (a marker of a patch the code no longer has, a step taken out).
        const unreached = this.replay.firstUnmatched();
        if (!unreached) {
          this.scheduleBlockedCheck();
          return;
        }
        this.fail(
          new NonDeterminismError(
            `execution ${this.executionId} diverged from its log: the workflow waits without reaching ${describeCall(unreached)}`,
            this.executionId,
            { expected: expectedOf(unreached) },
          ),
        );
        return;
      }
      if (this.waiting.size > 0) {
        const [taskId, name] = this.waiting.entries().next().value!;
        this.beginPause(taskId, name);
      } else if (firstDue !== Infinity && this.mayPark(firstDue - this.host.log.clock.now())) {
        this.host.send({ type: 'PARK', wakeAt: firstDue });
      }
    });
  }

  /** Whether a wait of `remaining` ms is long enough to park the execution for. */
  private mayPark(remaining: number): boolean {
    const { parkAfterMs } = this.host;
    return parkAfterMs !== undefined && remaining >= parkAfterMs;
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
            { expected: expectedOf(expected), actual: { name, argsJson }, ...siteOf(new Error()) },
          ),
        );
        return false;
      }
    }
    const failure = this.host.log.failure;
    if (failure) {
      this.host.abort(failure);
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

  /** When the body began replaying a recorded log (a resume, a recovery), until its first live call or its stop. */
  private replayFrom: number | undefined;

  private replayEnded(): void {
    if (this.replayFrom === undefined) return;
    const took = this.host.log.clock.now() - this.replayFrom;
    this.replayFrom = undefined;
    instruments().replayDuration.record(took, { workflow: this.host.definition.name });
  }

  private startLive(taskId: string, name: string, start: (call: LiveCall) => void): Promise<unknown> {
    this.replayEnded();
    return new Promise((resolve, reject) => {
      const call: LiveCall = { taskId, name, resolve, reject, ticket: this.delivery.liveStarted() };
      this.live.set(taskId, call);
      start(call);
    });
  }

  /** Task results arrive here, from the executor or a timer. */
  private readonly onTaskResult = (result: TaskResult): void => {
    if (this.successor) {
      this.successor.inheritedResult(result);
      return;
    }
    const call = this.live.get(result.taskId);
    if (!call) {
      this.host.recordLate(result); // else a body left behind: nothing reaches the log
      return;
    }
    if (result.outcome === 'error' && hasErrorCode(result.error, 'STORE_FULL')) {
      // A store with no room (the child's log, a task's own writes) is not the step's outcome: the
      // execution stops with the step open, and goes on from it once there is room.
      const what = `execution ${this.executionId} stopped at step '${call.name}', which could not write`;
      this.host.abort(new StoreFullError(what, { executionId: this.executionId }));
      return;
    }
    if (result.outcome === 'progress') {
      // A retry, rollback or fallback step: part of the task's history as it happens. Anything
      // else claiming to be progress is not written into the log.
      const type = result.progress.type as EventType;
      if (PROGRESS_TYPES.has(type))
        this.host.log.append(type, call.taskId, call.name, payloadJson(result.progress.value));
      return;
    }
    call.result = result;
    if (this.host.draining()) {
      this.recordDrained(call);
      return;
    }
    this.delivery.liveArrived(call.ticket, (quick) => this.deliverLive(call, quick));
  };

  /** A result of a call handed over by the previous run: here if taken up already, else kept until it is. */
  private inheritedResult(result: TaskResult): void {
    const waiting = this.inherited?.calls.get(result.taskId);
    if (!waiting) {
      this.onTaskResult(result);
      return;
    }
    if (result.outcome === 'progress') {
      const type = result.progress.type as EventType;
      if (PROGRESS_TYPES.has(type) && !this.stopped)
        this.host.log.append(type, waiting.call.taskId, waiting.call.name, payloadJson(result.progress.value));
      return;
    }
    waiting.result = result;
  }

  /** Records a live result and hands it to the body: the log's order is the order the body saw. */
  private deliverLive(call: LiveCall, quick: boolean): void {
    this.live.delete(call.taskId);
    // What the body gets is what was recorded (a result refused for a secret is a failure): as on replay.
    const recorded = recordOutcome(this.host.log, call.taskId, call.name, call.result!, quick);
    settleFromEvent(recorded, this.executionId, call.storage, call.resolve, call.reject, this.failStorage);
    this.scheduleBlockedCheck();
  }

  /**
   * Pausing: the machine drains. The body receives nothing more and may start nothing more. Tasks
   * already running finish and are recorded (so a resume does not run them again); timers are
   * dropped (a resume waits only for what remains of them). Then the machine pauses.
   */
  private beginPause(taskId: string, name: string): void {
    this.host.send({ type: 'PAUSE', taskId, name });
    this.delivery.stop();
    for (const call of [...this.live.values()]) {
      if (call.result) this.recordDrained(call);
      else if (call.timer) {
        call.timer.clear();
        this.live.delete(call.taskId);
      }
    }
    this.drainedYet();
  }

  private recordDrained(call: LiveCall): void {
    this.live.delete(call.taskId);
    recordOutcome(this.host.log, call.taskId, call.name, call.result!);
    this.drainedYet();
  }

  /**
   * Drained once no call runs: reported a turn later, after the body's pending continuations have
   * run, so the other pauses and sleeps it reaches in the same breath are recorded too.
   */
  private drainedYet(): void {
    if (this.live.size !== 0 || this.stopped || !this.host.draining() || this.drainCheckScheduled) return;
    this.drainCheckScheduled = true;
    setImmediate(() => {
      this.drainCheckScheduled = false;
      if (this.live.size === 0 && !this.stopped && this.host.draining()) this.host.send({ type: 'DRAINED' });
    });
  }

  private startBody(sendBack: (event: ExecutionMachineEvent) => void): void {
    if (this.stopped) return;
    const { definition, log } = this.host;
    if (this.replay.replaying) this.replayFrom = log.clock.now();
    const ctx = new ExecutionContext<unknown>({
      executionId: this.executionId,
      name: definition.name,
      state: 'running',
      log: log.events,
    });
    scopeStorage
      .run({ kind: 'workflow', session: this }, async () => definition.fn(ctx))
      .then(
        (output) =>
          this.bodyEnded(sendBack, () => ({
            type: 'SUCCEED',
            outputJson: encodeValue(output, `the output of workflow '${definition.name}'`, this.executionId),
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
          { expected: expectedOf(unreached) },
        ),
      );
      return;
    }
    const { definition, log } = this.host;
    let event: ExecutionMachineEvent;
    try {
      event = outcome();
      // The workflow's output is what its caller receives: one that carries a secret is refused.
      if (event.type === 'SUCCEED') log.refuseSecret(event.outputJson, `the output of workflow '${definition.name}'`);
    } catch (error) {
      event = { type: 'FAIL', error: toErrorInfo(error) };
    }
    const storage = definition.options.outputStorage;
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
    if (!this.stopped) this.host.send({ type: 'FAIL', error: toErrorInfo(error) });
  }
}

/** A recorded call, as a divergence names it. */
function expectedOf(call: RecordedCall): NonNullable<Divergence['expected']> {
  return { name: call.name, argsJson: call.argsJson, seq: call.started.seq, position: call.position };
}

/** Frames of this project's own code and of its dependencies: what a call site is not. */
const ENGINE_FRAME = /[\\/](actors|runtime|node_modules|proto)[\\/]|node:|\(native\)/;

/** The first frame of the caller's code in a stack: the workflow line that made the call. */
function siteOf(error: Error): { site?: string } {
  for (const line of (error.stack ?? '').split('\n').slice(1)) {
    const match = /\(?((?:file:\/\/)?[^()\s]+:\d+:\d+)\)?\s*$/.exec(line.trim());
    if (match && !ENGINE_FRAME.test(match[1]!)) return { site: match[1]!.replace(/^file:\/\//, '') };
  }
  return {};
}
