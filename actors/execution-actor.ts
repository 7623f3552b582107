/**
 * The execution actor: hosts one run of one execution (from start or resume until it pauses or
 * finishes). Its lifecycle is the execution machine; the workflow body runs as the machine's `body`
 * child; task calls become task commands to the executor, and every step lands in the log.
 *
 * A body that pauses is left behind: its pending `pause()` never settles in this run. Resuming starts
 * a new actor that replays the log, so a resume in this process and one in another process are the
 * same code path.
 */
import { createActor, type Actor } from 'xstate';
import { attachHost, executionMachine, type ExecutionHost, type ExecutionMachineEvent } from './execution-machine.js';
import { stateOf, type ExecutionSnapshot } from './lifecycle.js';
import type { TaskExecutor } from './task-executor.js';
import { ExecutionContext } from '../runtime/execution-context.js';
import type { ExecutionLog } from '../runtime/execution-log.js';
import type { StoredEvent } from '../runtime/events.js';
import type { ExecutionState } from '../runtime/execution-state.js';
import { NonDeterminismError } from '../runtime/errors.js';
import { Replay, type RecordedCall } from '../runtime/replay.js';
import { scopeStorage, type WorkflowSession } from '../runtime/scope.js';
import { decodeValue, encodeValue, fromErrorInfo, toErrorInfo } from '../runtime/serialization.js';
import type { TaskDefinition } from '../runtime/task-definition.js';
import type { WorkflowDefinition } from '../runtime/workflow-definition.js';
import { jsonPayload, payloadJson, type ErrorInfo, type TaskResult } from '../proto/messages.js';

interface LiveCall {
  name: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

const SETTLED_STATES: ReadonlySet<ExecutionState> = new Set<ExecutionState>(['paused', 'succeeded', 'failed', 'cancelled']);
const never = <T>(): Promise<T> => new Promise<T>(() => {});

export class ExecutionActor<I = unknown, O = unknown> implements ExecutionHost, WorkflowSession {
  readonly executionId: string;
  readonly done: Promise<ExecutionContext<I, O>>;
  private readonly actor: Actor<typeof executionMachine>;
  private readonly live = new Map<string, LiveCall>();
  private replay = new Replay([], () => false);
  private bodyActive = false;
  /** Set by the first driving event: a restored snapshot is already settled and must not count as an ending. */
  private driven = false;
  private settle!: { resolve(ctx: ExecutionContext<I, O>): void; reject(error: Error): void };

  constructor(
    private readonly definition: WorkflowDefinition<I, O>,
    private readonly log: ExecutionLog,
    private readonly executor: TaskExecutor,
    snapshot?: ExecutionSnapshot,
  ) {
    this.executionId = log.executionId;
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.actor = createActor(executionMachine, { input: { executionId: this.executionId }, ...(snapshot && { snapshot }) });
    attachHost(this.actor, this);
    this.actor.subscribe({ next: (s) => this.onState(stateOf(s)), error: (e) => this.settle.reject(e as Error) });
    this.actor.start();
  }

  /** Delivers a lifecycle event (START, RESUME, RECOVER) to the machine. */
  send(event: ExecutionMachineEvent): void {
    this.driven = true;
    this.actor.send(event);
  }

  // --- ExecutionHost: what the machine asks of its host -------------------------------------------

  record(event: ExecutionMachineEvent): void {
    const { log, executionId } = this;
    const name = this.definition.name;
    switch (event.type) {
      case 'START':
        log.append('WORKFLOW_STARTED', executionId, name, event.inputJson);
        return log.setState('running');
      case 'PAUSE':
        log.append('WORKFLOW_PAUSED', executionId, name, JSON.stringify(event.name));
        return log.setState('paused');
      case 'RESUME':
        return this.recordResume(event.valueJson);
      case 'SUCCEED':
        log.append('WORKFLOW_COMPLETED', executionId, name, event.outputJson);
        return log.setState('succeeded');
      case 'FAIL':
        log.append('WORKFLOW_FAILED', executionId, name, JSON.stringify(event.error));
        return log.setState('failed');
      case 'CANCEL':
      case 'CANCELLED':
      case 'RECOVER':
        return;
    }
  }

  runBody(sendBack: (event: ExecutionMachineEvent) => void): void {
    this.replay = new Replay(this.log.events, () => this.live.size > 0);
    this.bodyActive = true;
    const ctx = new ExecutionContext<I>({ executionId: this.executionId, name: this.definition.name, state: 'running', log: this.log.events });
    scopeStorage.run({ kind: 'workflow', session: this }, async () => this.definition.fn(ctx)).then(
      (output) => this.bodyEnded(sendBack, () => ({ type: 'SUCCEED', outputJson: encodeValue(output, `the output of workflow '${this.definition.name}'`) })),
      (error) => this.bodyEnded(sendBack, () => ({ type: 'FAIL', error: toErrorInfo(error) })),
    );
  }

  stopBody(): void {
    this.bodyActive = false;
    for (const call of this.live.values()) clearTimeout(call.timer);
    this.live.clear();
  }

  // --- WorkflowSession: what the body's task calls and built-ins ask of the actor ---------------

  callTask(definition: TaskDefinition, args: unknown[]): Promise<unknown> {
    const argsJson = encodeValue(args, `the arguments of task '${definition.name}'`)!;
    const call = this.replay.identify(definition.name, argsJson);
    if (typeof call !== 'string' && call.outcome) return this.replayed(call);
    if (typeof call === 'string' && this.diverges(definition.name, argsJson)) return never();
    const taskId = typeof call === 'string' ? call : call.taskId;
    this.log.append('TASK_STARTED', taskId, definition.name, argsJson);
    return new Promise((resolve, reject) => {
      this.live.set(taskId, { name: definition.name, resolve, reject });
      const command = { executionId: this.executionId, taskId, taskName: definition.name, attempt: 1, args: jsonPayload(argsJson) };
      this.executor.send(command, this.onTaskResult, definition);
    });
  }

  pause(name: string, output: unknown): Promise<unknown> {
    const argsJson = encodeValue([name], 'the name of a pause')!;
    const call = this.replay.identify('pause', argsJson);
    if (typeof call !== 'string' && call.outcome) return this.replayed(call);
    if (typeof call === 'string' && this.diverges('pause', argsJson)) return never();
    const taskId = typeof call === 'string' ? call : call.taskId;
    const outputJson = encodeValue(output, `the output of pause '${name}'`);
    this.log.append('TASK_STARTED', taskId, 'pause', argsJson);
    this.log.append('TASK_PAUSED', taskId, 'pause', outputJson);
    this.actor.send({ type: 'PAUSE', taskId, name });
    return never();
  }

  /** A durable timer: the wake time is the recorded start plus the duration, so a replay waits only for what remains. */
  sleep(milliseconds: number): Promise<void> {
    const argsJson = JSON.stringify([milliseconds]);
    const call = this.replay.identify('sleep', argsJson);
    if (typeof call !== 'string' && call.outcome) return this.replayed(call) as Promise<void>;
    if (typeof call === 'string' && this.diverges('sleep', argsJson)) return never();
    const taskId = typeof call === 'string' ? call : call.taskId;
    const started = typeof call === 'string' ? this.log.append('TASK_STARTED', taskId, 'sleep', argsJson) : call.started;
    const remaining = Math.max(0, Date.parse(started.time) + milliseconds - Date.now());
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.onTaskResult({ executionId: this.executionId, taskId, attempt: 1, outcome: 'output', output: jsonPayload(undefined) }), remaining);
      this.live.set(taskId, { name: 'sleep', resolve: () => resolve(), reject, timer });
    });
  }

  // --- internals ----------------------------------------------------------------------------------

  private replayed(call: RecordedCall): Promise<unknown> {
    // The fast path of a long replay: a sequential body gets an already-settled promise.
    if (this.replay.takeNow(call)) return settledFromEvent(call.outcome!, this.executionId);
    return new Promise((resolve, reject) => this.replay.deliver(call, (outcome) => settledFromEvent(outcome, this.executionId).then(resolve, reject)));
  }

  /** Task results arrive here, from the executor or a timer; a result for a left-behind body is dropped. */
  private readonly onTaskResult = (result: TaskResult): void => {
    const call = this.live.get(result.taskId);
    if (!call || !this.bodyActive) return;
    this.live.delete(result.taskId);
    if (result.outcome === 'output') {
      const outputJson = payloadJson(result.output);
      this.log.append('TASK_COMPLETED', result.taskId, call.name, outputJson);
      call.resolve(decodeValue(outputJson));
    } else {
      this.log.append('TASK_FAILED', result.taskId, call.name, JSON.stringify(result.error));
      call.reject(taskError(result.error, call.name, this.executionId));
    }
    this.replay.poke();
  };

  /** A new call while recorded ones are unmatched: fail the execution; the call never settles. */
  private diverges(name: string, argsJson: string): boolean {
    const expected = this.replay.firstUnmatched();
    if (!expected) return false;
    this.fail(new NonDeterminismError(
      `execution ${this.executionId} diverged from its log: replay expected ${describeCall(expected)} but the workflow called '${name}' with arguments ${argsJson}`,
      this.executionId,
    ));
    return true;
  }

  private bodyEnded(sendBack: (event: ExecutionMachineEvent) => void, outcome: () => ExecutionMachineEvent): void {
    if (!this.bodyActive) return;
    const unreached = this.replay.firstUnmatched();
    if (unreached) {
      return this.fail(new NonDeterminismError(
        `execution ${this.executionId} diverged from its log: the workflow ended without reaching ${describeCall(unreached)}`,
        this.executionId,
      ));
    }
    let event: ExecutionMachineEvent;
    try {
      event = outcome();
    } catch (error) {
      event = { type: 'FAIL', error: toErrorInfo(error) };
    }
    sendBack(event);
  }

  private fail(error: Error): void {
    if (this.bodyActive) this.actor.send({ type: 'FAIL', error: toErrorInfo(error) });
  }

  private recordResume(valueJson: string | undefined): void {
    const paused = this.log.last('TASK_PAUSED');
    this.log.append('WORKFLOW_RESUMED', this.executionId, this.definition.name, valueJson);
    if (paused) this.log.append('TASK_RESUMED', paused.sourceId, paused.name, valueJson);
    this.log.setState('running');
  }

  private onState(state: ExecutionState): void {
    if (!this.driven || !SETTLED_STATES.has(state)) return;
    this.actor.stop();
    const ctx = new ExecutionContext<I, O>({ executionId: this.executionId, name: this.definition.name, state, log: this.log.events });
    this.log.commit().then(() => this.settle.resolve(ctx), (error) => this.settle.reject(error));
  }
}

function settledFromEvent(outcome: StoredEvent, executionId: string): Promise<unknown> {
  if (outcome.type === 'TASK_FAILED') return Promise.reject(taskError(JSON.parse(outcome.valueJson!) as ErrorInfo, outcome.name, executionId));
  return Promise.resolve(decodeValue(outcome.valueJson));
}

/** The error a failed task throws into the body: the original's name, message and code, rebuilt from the log. */
function taskError(info: ErrorInfo, taskName: string, executionId: string): Error {
  return fromErrorInfo(info, { taskName, executionId });
}

function describeCall(call: RecordedCall): string {
  return `task '${call.name}' (call ${call.position}, arguments ${call.argsJson ?? '[]'})`;
}
