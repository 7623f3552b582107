/**
 * Task commands and results over NATS.
 *
 * - The dispatcher (on the side of the execution actors) sends each command as a request on
 *   `<prefix>.tasks.<task name>`. An executor that serves the task answers at once ("taken") and
 *   later publishes progress and the result, as protobuf `TaskResult`s, on the dispatcher's own
 *   results subject. Nobody serving the task: the dispatcher tries again until `dispatchPatienceMs`,
 *   then fails the task with TASK_NOT_SERVED.
 * - The task server (on the side of the executors) runs the commands for the tasks it serves in a
 *   local `TaskExecutor`, in a queue group: each command goes to one executor.
 *
 * A cancelled call is announced on `<prefix>.control.cancel-task`; the executor running it aborts it.
 */
import { headers, type Msg, type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { v7 as uuidv7 } from 'uuid';
import { decodeTaskCommand, decodeTaskResult, encodeTaskCommand, encodeTaskResult, MalformedMessageError } from '../../proto/codec.js';
import type { ErrorInfo, TaskCommand, TaskResult } from '../../proto/messages.js';
import type { ReplyTo, TaskExecutor, TaskHandle, TaskSender } from '../../actors/task-executor.js';
import type { NestedCalls } from '../scope.js';
import type { TaskDefinition } from '../task-definition.js';
import { toErrorInfo } from '../serialization.js';
import type { NatsNames } from './names.js';
import { OBJECT_REF_CONTENT_TYPE } from '../../proto/codec.js';
import { JSON_CONTENT_TYPE, payloadJson } from '../../proto/messages.js';

/** Where a value too large for one message goes (the object store), and how it comes back. */
export interface LargeValues {
  readonly messageLimit: number;
  putLarge(objectName: string, json: string): Promise<void>;
  getLarge(objectName: string): Promise<string>;
}

/** The header that tells an executor where to send a command's results. */
export const RESULTS_HEADER = 'Flux-Results';

export interface DispatcherOptions {
  /** How long a command waits for an executor that serves its task. Default 30 s. */
  dispatchPatienceMs?: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function callKey(executionId: string, taskId: string): string {
  return `${executionId}\n${taskId}`;
}

export class NatsTaskDispatcher implements TaskSender {
  readonly id = uuidv7();
  private readonly pending = new Map<string, ReplyTo>();
  /** The executions driven in this process, for task bodies run here that call tasks (nested calls). */
  private readonly nestedHosts = new Map<string, { host: NestedCalls; calls: number }>();
  private readonly results: Subscription;
  private readonly patienceMs: number;

  constructor(
    private readonly nc: NatsConnection,
    private readonly names: NatsNames,
    /** Serves the tasks this process defines, when it is handed one (`local`). */
    private readonly server: NatsTaskServer | undefined,
    private readonly large: LargeValues,
    options: DispatcherOptions = {},
  ) {
    this.patienceMs = options.dispatchPatienceMs ?? 30_000;
    this.results = nc.subscribe(names.results(this.id), { callback: (error, msg) => void (error || this.onResult(msg)) });
  }

  send(command: TaskCommand, reply: ReplyTo, local?: TaskDefinition, nested?: NestedCalls): TaskHandle {
    if (local) this.server?.serve(local);
    const key = callKey(command.executionId, command.taskId);
    if (nested) this.holdNestedHost(command.executionId, nested, 1);
    this.pending.set(key, (result) => {
      if (nested && result.outcome !== 'progress') this.holdNestedHost(command.executionId, nested, -1);
      reply(result);
    });
    void this.dispatch(command, key);
    return {
      // The reply stays registered: a result that still comes is the execution's to record or drop.
      cancel: () => {
        if (!this.pending.has(key)) return;
        this.nc.publish(this.names.taskCancel, encoder.encode(JSON.stringify({ executionId: command.executionId, taskId: command.taskId })));
      },
    };
  }

  async close(): Promise<void> {
    this.results.unsubscribe();
  }

  /**
   * Where a task body run in this process sends its own task calls: the actor driving its
   * execution, when that is here too. A task run by an executor elsewhere has none: its inner calls
   * run as plain calls there.
   */
  nestedHost(executionId: string): NestedCalls | undefined {
    return this.nestedHosts.get(executionId)?.host;
  }

  private holdNestedHost(executionId: string, host: NestedCalls, delta: number): void {
    const held = this.nestedHosts.get(executionId) ?? { host, calls: 0 };
    held.calls += delta;
    if (held.calls > 0) this.nestedHosts.set(executionId, held);
    else this.nestedHosts.delete(executionId);
  }

  private async dispatch(command: TaskCommand, key: string): Promise<void> {
    const data = encodeTaskCommand(command);
    const h = headers();
    h.set(RESULTS_HEADER, this.names.results(this.id));
    const started = Date.now();
    for (let wait = 20; this.pending.has(key); wait = Math.min(wait * 2, 500)) {
      try {
        const taken = await this.nc.request(this.names.task(command.taskName), data, { timeout: 5000, headers: h });
        const refusal = taken.data.length ? (JSON.parse(decoder.decode(taken.data)) as ErrorInfo) : undefined;
        if (refusal) this.fail(command, key, refusal);
        return;
      } catch (error) {
        if (Date.now() - started > this.patienceMs) {
          return this.fail(command, key, {
            name: 'FluxError', code: 'TASK_NOT_SERVED',
            message: `no executor serves task '${command.taskName}' (waited ${this.patienceMs} ms on ${this.names.task(command.taskName)}): start a worker that defines it`,
          });
        }
        // Nobody serves it yet (503), or the server is restarting: try again shortly.
        void error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private fail(command: TaskCommand, key: string, error: ErrorInfo): void {
    const reply = this.pending.get(key);
    this.pending.delete(key);
    reply?.({ executionId: command.executionId, taskId: command.taskId, attempt: command.attempt, outcome: 'error', error });
  }

  private onResult(msg: Msg): void {
    let result: TaskResult;
    try {
      result = decodeTaskResult(msg.data);
    } catch {
      return; // not ours to answer: a result subject has no one to reply to
    }
    const key = callKey(result.executionId, result.taskId);
    const reply = this.pending.get(key);
    if (!reply) return; // a call this process no longer waits for
    if (result.outcome !== 'progress') this.pending.delete(key);
    if (result.outcome !== 'output' || result.output.contentType !== OBJECT_REF_CONTENT_TYPE) return reply(result);
    // An output too large for a message: the executor put it in the object store.
    const { name } = JSON.parse(payloadJson(result.output)!) as { name: string };
    this.large.getLarge(name).then(
      (json) => reply({ ...result, output: { contentType: JSON_CONTENT_TYPE, data: new Uint8Array(0), json } }),
      (error: unknown) => reply({ executionId: result.executionId, taskId: result.taskId, attempt: result.attempt, outcome: 'error', error: toErrorInfo(error) }),
    );
  }
}

/** Runs task commands that arrive over NATS, for the tasks it serves. */
export class NatsTaskServer {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly running = new Map<string, TaskHandle>();
  private readonly cancels: Subscription;

  constructor(
    private readonly nc: NatsConnection,
    private readonly names: NatsNames,
    private readonly executor: TaskExecutor,
    private readonly large: LargeValues,
    private readonly nestedHost: (executionId: string) => NestedCalls | undefined = () => undefined,
  ) {
    this.cancels = nc.subscribe(names.taskCancel, {
      callback: (error, msg) => {
        if (error) return;
        try {
          const { executionId, taskId } = JSON.parse(decoder.decode(msg.data)) as { executionId: string; taskId: string };
          this.running.get(callKey(executionId, taskId))?.cancel();
        } catch {
          // not a cancel message: nothing to stop
        }
      },
    });
  }

  /** Serves a task from now on (idempotent). */
  serve(definition: TaskDefinition): void {
    if (this.subscriptions.has(definition.name)) return;
    const subscription = this.nc.subscribe(this.names.task(definition.name), {
      queue: this.names.executorsQueue,
      callback: (error, msg) => void (error || this.onCommand(msg, definition)),
    });
    this.subscriptions.set(definition.name, subscription);
  }

  get served(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** Stops taking commands; runs already going finish. */
  async close(): Promise<void> {
    for (const subscription of this.subscriptions.values()) subscription.unsubscribe();
    this.subscriptions.clear();
    this.cancels.unsubscribe();
  }

  /** Sends a result; an output too large for a message goes to the object store, the message carries its name. */
  private async publishResult(to: string, result: TaskResult): Promise<void> {
    let bytes = encodeTaskResult(result);
    if (bytes.length > this.large.messageLimit && result.outcome === 'output') {
      const name = `${result.executionId}/${result.taskId}/output`;
      try {
        await this.large.putLarge(name, payloadJson(result.output) ?? 'null');
        bytes = encodeTaskResult({ ...result, output: { contentType: OBJECT_REF_CONTENT_TYPE, data: new Uint8Array(0), json: JSON.stringify({ name }) } });
      } catch (error) {
        bytes = encodeTaskResult({ executionId: result.executionId, taskId: result.taskId, attempt: result.attempt, outcome: 'error', error: toErrorInfo(error) });
      }
    }
    this.nc.publish(to, bytes);
  }

  private onCommand(msg: Msg, definition: TaskDefinition): void {
    let command: TaskCommand;
    try {
      command = decodeTaskCommand(msg.data);
    } catch (error) {
      const info = toErrorInfo(error instanceof MalformedMessageError ? error : new MalformedMessageError('TaskCommand', String(error)));
      return void msg.respond(encoder.encode(JSON.stringify(info)));
    }
    const resultsTo = msg.headers?.get(RESULTS_HEADER);
    if (!resultsTo) return void msg.respond(encoder.encode(JSON.stringify({ name: 'FluxError', code: 'BAD_COMMAND', message: `a task command needs a ${RESULTS_HEADER} header` })));
    msg.respond(); // taken
    const key = callKey(command.executionId, command.taskId);
    let finished = false;
    const handle = this.executor.send(command, (result) => {
      if (result.outcome !== 'progress') (finished = true), this.running.delete(key);
      void this.publishResult(resultsTo, result);
    }, definition, this.nestedHost(command.executionId));
    if (!finished) this.running.set(key, handle);
  }
}
