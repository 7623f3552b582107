/**
 * Task commands and results over NATS.
 *
 * - The dispatcher (on the side of the execution actors) publishes each command on
 *   `<prefix>.tasks.<task name>`, with a reply subject of its own. An executor that serves the task
 *   publishes progress and the result, as protobuf `TaskResult`s, on the dispatcher's results
 *   subject; a task still running after `TAKEN_AFTER_MS` is also answered on the reply subject
 *   ("taken", naming the executor), so that the dispatcher can watch that executor. A quick task
 *   costs one message each way. Nobody serving the task: the server answers "no responders" on the
 *   reply subject, and the dispatcher tries again until `dispatchPatienceMs`, then fails the task with
 *   TASK_NOT_SERVED.
 * - The task server (on the side of the executors) runs the commands for the tasks it serves in a
 *   local `TaskExecutor`, in a queue group: each command goes to one executor.
 *
 * A cancelled call is announced on `<prefix>.control.cancel-task`; the executor running it aborts it.
 *
 * An executor that dies while running a command does not leave it hanging: the "taken" answer names
 * the executor, the dispatcher probes it while the call is pending (./executor-watch.ts), and sends the
 * command again to the queue group once it is gone; a command nobody said a word about (lost on the
 * way, or its executor died before answering) is sent again too. Results of the earlier sending are
 * ignored.
 */
import { headers, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { v7 as uuidv7 } from 'uuid';
import {
  decodeExecutorProbe,
  decodeTaskCommand,
  decodeTaskResult,
  encodeExecutorProbeReply,
  encodeTaskCommand,
  encodeTaskResult,
  OBJECT_REF_CONTENT_TYPE,
} from './codec.js';
import { MalformedMessageError, type ErrorCode } from '../engine/errors.js';
import {
  JSON_CONTENT_TYPE,
  jsonPayload,
  payloadJson,
  type ErrorInfo,
  type TaskCommand,
  type TaskProgress,
  type TaskResult,
} from '../../proto/messages.js';
import type { ReplyTo, TaskExecutor, TaskHandle, TaskSender } from '../../actors/task-executor.js';
import type { EventType, StoredEvent } from '../engine/events.js';
import type { NestedCalls } from '../engine/scope.js';
import type { TaskDefinition } from '../engine/task-definition.js';
import { advanceResumePoint } from '../engine/task-resume.js';
import { toErrorInfo } from '../engine/serialization.js';
import { callKey, EXECUTOR_HEADER, ExecutorWatch, type PendingCall } from './executor-watch.js';
import type { NatsNames } from './names.js';
import { outboxOf } from './outbox.js';
import { inboxOf } from './inbox.js';
import { isLiteralSubject } from './reply-subjects.js';
import { guarded } from './guarded.js';
import { consoleLogger, type Logger } from '../engine/logger.js';

/** Where a value too large for one message goes (the object store), and how it comes back. */
export interface LargeValues {
  readonly messageLimit: number;
  putLarge(objectName: string, json: string): Promise<void>;
  getLarge(objectName: string): Promise<string>;
}

/** The header that tells an executor where to send a command's results. */
export const RESULTS_HEADER = 'Flux-Results';
export { EXECUTOR_HEADER };
/** How long a command runs before its executor says it took it (quicker ones are answered by their result alone). */
export const TAKEN_AFTER_MS = 100;

export interface DispatcherOptions {
  /** How long a command waits for an executor that serves its task. Default 30 s. */
  dispatchPatienceMs?: number | undefined;
  /**
   * How long the executor running a task may be gone before the command is sent again to another
   * executor (same attempt, same idempotency key). Default 5 s. The executor is probed every
   * quarter of this; one still connected but not answering (a task body blocking its event loop)
   * is given three times as long.
   */
  executorTimeoutMs?: number | undefined;
  logger?: Logger | undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class NatsTaskDispatcher implements TaskSender {
  readonly id = uuidv7();
  private readonly pending = new Map<string, PendingCall>();
  /** The executions driven in this process, for task bodies run here that call tasks (nested calls). */
  private readonly nestedHosts = new Map<string, { host: NestedCalls; calls: number }>();
  /** Results of a command's first sending come here; those of a sending again, to `<this>.<generation>`. */
  private readonly resultsSubject: string;
  private readonly results: Subscription[];
  private readonly patienceMs: number;
  private readonly watch: ExecutorWatch;
  /** Where "taken" answers and the server's "no responders" come back: `<inbox>.<token>`, a token per sending. */
  private readonly answersPrefix: string;
  private readonly answers: Subscription;
  private readonly awaitingAnswer = new Map<string, { call: PendingCall; generation: number }>();
  private nextToken = 0;
  private firstSendingHeaders: MsgHdrs | undefined;

  constructor(
    private readonly nc: NatsConnection,
    private readonly names: NatsNames,
    /** Serves the tasks this process defines, when it is handed one (`local`). */
    private readonly server: NatsTaskServer | undefined,
    private readonly large: LargeValues,
    options: DispatcherOptions = {},
  ) {
    this.patienceMs = options.dispatchPatienceMs ?? 30_000;
    this.resultsSubject = names.results(this.id);
    this.answersPrefix = inboxOf(nc);
    const logger = options.logger ?? consoleLogger;
    this.answers = nc.subscribe(`${this.answersPrefix}.*`, { callback: guarded(logger, (msg) => this.onAnswer(msg)) });
    const callback = guarded(logger, (msg) => this.onResult(msg));
    this.results = [
      nc.subscribe(this.resultsSubject, { callback }),
      nc.subscribe(`${this.resultsSubject}.>`, { callback }),
    ];
    this.watch = new ExecutorWatch(nc, names, this.pending, options.executorTimeoutMs ?? 5_000, (call) =>
      this.sendAgain(call),
    );
  }

  send(command: TaskCommand, reply: ReplyTo, local?: TaskDefinition, nested?: NestedCalls): TaskHandle {
    try {
      if (local) this.server?.serve(local);
    } catch {
      // A name no subject can carry: the dispatch below fails the call with that error.
    }
    const key = callKey(command.executionId, command.taskId);
    if (nested) this.holdNestedHost(command.executionId, nested, 1);
    const call: PendingCall = {
      key,
      command,
      generation: 0,
      executor: undefined,
      heardAt: 0,
      sentAt: 0,
      firstSentAt: 0,
      answerToken: undefined,
      missing: 0,
      unreachable: false,
      point: undefined,
      reply: (result) => {
        if (nested && result.outcome !== 'progress') this.holdNestedHost(command.executionId, nested, -1);
        reply(result);
      },
    };
    this.pending.set(key, call);
    outboxOf(this.nc).defer(() => this.dispatch(call), true);
    return {
      // The reply stays registered: a result that still comes is the execution's to record or drop.
      cancel: () => {
        if (!this.pending.has(key)) return;
        this.nc.publish(
          this.names.taskCancel,
          encoder.encode(JSON.stringify({ executionId: command.executionId, taskId: command.taskId })),
        );
      },
    };
  }

  abandon(executionId: string, taskId: string): void {
    try {
      this.nc.publish(this.names.taskCancel, encoder.encode(JSON.stringify({ executionId, taskId })));
    } catch {
      // closed: the call's result goes to a driver that can no longer write, and changes nothing
    }
  }

  async close(): Promise<void> {
    this.watch.close();
    this.answers.unsubscribe();
    for (const subscription of this.results) subscription.unsubscribe();
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

  private settled(call: PendingCall): void {
    this.pending.delete(call.key);
    this.forgetAnswer(call);
  }

  /** Whether the call still waits for this sending of its command. */
  private waiting(call: PendingCall, generation: number): boolean {
    return this.pending.get(call.key) === call && call.generation === generation;
  }

  /** Publishes the call's command (again, after a "no responders", until the patience runs out). */
  private dispatch(call: PendingCall, firstSentAt = Date.now()): void {
    const { command, generation } = call;
    let subject: string;
    try {
      subject = this.names.task(command.taskName);
    } catch (error) {
      this.fail(call, toErrorInfo(error)); // a name no subject can carry
      return;
    }
    this.forgetAnswer(call);
    const token = (++this.nextToken).toString(36);
    call.answerToken = token;
    call.firstSentAt = firstSentAt;
    this.awaitingAnswer.set(token, { call, generation });
    call.sentAt = Date.now();
    try {
      this.nc.publish(subject, encodeTaskCommand(command), {
        reply: `${this.answersPrefix}.${token}`,
        headers: this.commandHeaders(generation),
      });
    } catch {
      // The connection is closed or reconnecting: the watch sends it again when nothing is heard of it.
    }
  }

  /** Where the executor sends a sending's results; the first sending's headers are made once. */
  private commandHeaders(generation: number): MsgHdrs {
    if (generation === 0 && this.firstSendingHeaders) return this.firstSendingHeaders;
    const h = headers();
    h.set(RESULTS_HEADER, generation === 0 ? this.resultsSubject : `${this.resultsSubject}.${generation}`);
    if (generation === 0) this.firstSendingHeaders = h;
    return h;
  }

  /** A "taken" answer from the executor running a command, or the server's "no responders". */
  private onAnswer(msg: Msg): void {
    const token = msg.subject.slice(this.answersPrefix.length + 1);
    const awaiting = this.awaitingAnswer.get(token);
    if (!awaiting) return;
    this.awaitingAnswer.delete(token);
    const { call, generation } = awaiting;
    if (!this.waiting(call, generation)) return; // the result came first
    call.answerToken = undefined;
    if (msg.headers?.code === 503 && msg.data.length === 0) {
      this.notServed(call);
      return;
    }
    const refusal = msg.data.length ? (JSON.parse(decoder.decode(msg.data)) as ErrorInfo) : undefined;
    if (refusal) {
      this.fail(call, refusal);
      return;
    }
    call.executor = msg.headers?.get(EXECUTOR_HEADER) || undefined;
    call.heardAt = Date.now();
  }

  /** Nobody serves the task (yet): try again shortly, or give up once the patience is spent. */
  private notServed(call: PendingCall): void {
    const { command, generation, firstSentAt } = call;
    const waited = Date.now() - firstSentAt;
    if (waited > this.patienceMs) {
      this.fail(call, {
        name: 'FluxError',
        code: 'TASK_NOT_SERVED' satisfies ErrorCode,
        message: `no executor serves task '${command.taskName}' (waited ${this.patienceMs} ms on ${this.names.task(command.taskName)}): start a worker that defines it`,
      });
      return;
    }
    call.sentAt = 0; // not out: the watch leaves it alone until it is sent again
    const wait = Math.min(20 * 2 ** Math.floor(Math.log2(1 + waited / 20)), 500);
    setTimeout(() => {
      if (this.waiting(call, generation)) this.dispatch(call, firstSentAt);
    }, wait);
  }

  private forgetAnswer(call: PendingCall): void {
    if (call.answerToken !== undefined) this.awaitingAnswer.delete(call.answerToken);
    call.answerToken = undefined;
  }

  /**
   * The executor running a call is gone, or its result was lost: the same command goes again to
   * whichever executor serves the task (same attempt, so the same idempotency key), picking up where
   * the reported progress left off. Results of the earlier sending are ignored from now on.
   * Guarded by test/e2e/nats-executors.test.ts and test/integration/nats-redispatch.test.ts.
   */
  private sendAgain(call: PendingCall): void {
    const { command, point } = call;
    const settled = point?.settled;
    if (settled) {
      // Its retry or fallback had already settled it; only the final message was lost.
      this.settled(call);
      const header = { executionId: command.executionId, taskId: command.taskId, attempt: point.attempt };
      call.reply(
        'error' in settled
          ? { ...header, outcome: 'error', error: settled.error }
          : { ...header, outcome: 'output', output: jsonPayload(settled.outputJson) },
      );
      return;
    }
    if (point) call.command = { ...command, attempt: point.attempt, ...(point.resume && { resume: point.resume }) };
    call.generation++;
    call.executor = undefined;
    call.missing = 0;
    call.unreachable = false;
    this.dispatch(call);
  }

  private fail(call: PendingCall, error: ErrorInfo): void {
    this.settled(call);
    const { command } = call;
    call.reply({
      executionId: command.executionId,
      taskId: command.taskId,
      attempt: command.attempt,
      outcome: 'error',
      error,
    });
  }

  /** Progress of a call: its executor is alive, and a sending again would resume after this step. */
  private progressed(call: PendingCall, progress: TaskProgress): void {
    const { command } = call;
    call.heardAt = Date.now();
    const step: StoredEvent = {
      seq: 0,
      type: progress.type as EventType,
      sourceId: command.taskId,
      name: command.taskName,
      valueJson: payloadJson(progress.value),
      time: call.heardAt,
    };
    call.point = advanceResumePoint(call.point ?? { attempt: command.attempt, resume: command.resume }, step);
  }

  private onResult(msg: Msg): void {
    let result: TaskResult;
    try {
      result = decodeTaskResult(msg.data);
    } catch {
      return; // not ours to answer: a result subject has no one to reply to
    }
    const call = this.pending.get(callKey(result.executionId, result.taskId));
    if (!call) return; // a call this process no longer waits for
    // Sent for an earlier sending of the command (an executor given up on that was not dead after all): the first result wins.
    const generation =
      msg.subject === this.resultsSubject ? 0 : Number(msg.subject.slice(this.resultsSubject.length + 1));
    if (generation !== call.generation) return;
    if (result.outcome === 'progress') {
      this.progressed(call, result.progress);
      call.reply(result);
      return;
    }
    this.settled(call);
    const reply = call.reply;
    if (result.outcome !== 'output' || result.output.contentType !== OBJECT_REF_CONTENT_TYPE) {
      reply(result);
      return;
    }
    // An output too large for a message: the executor put it in the object store.
    const { name } = JSON.parse(payloadJson(result.output)!) as { name: string };
    this.large.getLarge(name).then(
      (json) => reply({ ...result, output: { contentType: JSON_CONTENT_TYPE, data: new Uint8Array(0), json } }),
      (error: unknown) =>
        reply({
          executionId: result.executionId,
          taskId: result.taskId,
          attempt: result.attempt,
          outcome: 'error',
          error: toErrorInfo(error),
        }),
    );
  }
}

/** Runs task commands that arrive over NATS, for the tasks it serves. */
export class NatsTaskServer {
  /** Named in each "taken" answer: dispatchers probe `names.executor(id)` while it runs their commands. */
  readonly id = uuidv7();
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly running = new Map<string, TaskHandle>();
  private readonly cancels: Subscription;
  private readonly probes: Subscription;
  private readonly taken: { headers: MsgHdrs };
  private readonly resultsPrefix: string;
  private closing = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly names: NatsNames,
    private readonly executor: TaskExecutor,
    private readonly large: LargeValues,
    private readonly logger: Logger = consoleLogger,
    private readonly nestedHost: (executionId: string) => NestedCalls | undefined = () => undefined,
  ) {
    this.cancels = nc.subscribe(names.taskCancel, {
      callback: guarded(logger, (msg) => {
        const { executionId, taskId } = JSON.parse(decoder.decode(msg.data)) as { executionId: string; taskId: string };
        this.running.get(callKey(executionId, taskId))?.cancel();
      }),
    });
    this.probes = nc.subscribe(names.executor(this.id), { callback: guarded(logger, (msg) => this.onProbe(msg)) });
    const h = headers();
    h.set(EXECUTOR_HEADER, this.id);
    this.taken = { headers: h };
    this.resultsPrefix = names.results('');
  }

  /**
   * Serves a task from now on (idempotent). Commands carry only the task's name: a second, different
   * definition under a served name is refused with a DefinitionError naming both, and from then on
   * so is every command of that name (the executor's `tasks`), rather than running one for the other.
   */
  serve(definition: TaskDefinition): void {
    this.executor.tasks.use(definition);
    if (this.subscriptions.has(definition.name)) return;
    const subscription = this.nc.subscribe(this.names.task(definition.name), {
      queue: this.names.executorsQueue,
      callback: guarded(this.logger, (msg) => this.onCommand(msg, definition)),
    });
    this.subscriptions.set(definition.name, subscription);
  }

  get served(): string[] {
    return [...this.subscriptions.keys()];
  }

  /** Stops taking commands; runs already going finish, and their dispatchers' probes are answered until then. */
  async close(): Promise<void> {
    for (const subscription of this.subscriptions.values()) subscription.unsubscribe();
    this.subscriptions.clear();
    this.cancels.unsubscribe();
    this.closing = true;
    if (this.running.size === 0) this.probes.unsubscribe();
  }

  /** Sends a result; an output too large for a message goes to the object store first (then it returns a promise). */
  private publishResult(to: string, result: TaskResult): Promise<void> | undefined {
    const bytes = encodeTaskResult(result);
    if (bytes.length > this.large.messageLimit && result.outcome === 'output') return this.publishLarge(to, result);
    this.publish(to, bytes);
  }

  /** The message carries the object's name instead of the output. */
  private async publishLarge(to: string, result: TaskResult & { outcome: 'output' }): Promise<void> {
    const name = `${result.executionId}/${result.taskId}/output`;
    try {
      await this.large.putLarge(name, payloadJson(result.output) ?? 'null');
      this.publish(
        to,
        encodeTaskResult({
          ...result,
          output: { contentType: OBJECT_REF_CONTENT_TYPE, data: new Uint8Array(0), json: JSON.stringify({ name }) },
        }),
      );
    } catch (error) {
      this.publish(
        to,
        encodeTaskResult({
          executionId: result.executionId,
          taskId: result.taskId,
          attempt: result.attempt,
          outcome: 'error',
          error: toErrorInfo(error),
        }),
      );
    }
  }

  /** Sent with the other results of this callback, in one write (./outbox.ts); before any other message is read. */
  private publish(to: string, bytes: Uint8Array): void {
    outboxOf(this.nc).defer(() => {
      try {
        this.nc.publish(to, bytes);
      } catch {
        // The connection is closed: the dispatcher finds this executor gone and sends the command again.
      }
    });
  }

  private onCommand(msg: Msg, definition: TaskDefinition): void {
    let command: TaskCommand;
    try {
      command = decodeTaskCommand(msg.data);
    } catch (error) {
      const info = toErrorInfo(
        error instanceof MalformedMessageError ? error : new MalformedMessageError('TaskCommand', String(error)),
      );
      return void msg.respond(encoder.encode(JSON.stringify(info)));
    }
    const resultsTo = msg.headers?.get(RESULTS_HEADER);
    // Results go only where a dispatcher listens: never to a subject a sender picks (the event log, a bucket).
    if (
      !resultsTo?.startsWith(this.resultsPrefix) ||
      resultsTo.length === this.resultsPrefix.length ||
      !isLiteralSubject(resultsTo)
    ) {
      const message = `a task command needs a ${RESULTS_HEADER} header naming a subject under ${this.resultsPrefix}`;
      return void msg.respond(
        encoder.encode(JSON.stringify({ name: 'FluxError', code: 'BAD_COMMAND' satisfies ErrorCode, message })),
      );
    }
    const key = callKey(command.executionId, command.taskId);
    let finished = false;
    // Taken, and by whom: said only by a command that runs a while (a quick one's result says it all).
    const taken = setTimeout(() => finished || msg.respond(undefined, this.taken), TAKEN_AFTER_MS);
    let handle: TaskHandle | undefined;
    handle = this.executor.send(
      command,
      (result) => {
        if (result.outcome === 'progress') return void this.publishResult(resultsTo, result);
        finished = true;
        clearTimeout(taken);
        // Running until its result is out: a probe must never find the call neither here nor delivered.
        const publishing = this.publishResult(resultsTo, result);
        if (publishing) void publishing.finally(() => this.forget(key, handle));
        else this.forget(key, handle);
      },
      definition,
      this.nestedHost(command.executionId),
    );
    if (!finished) this.running.set(key, handle);
  }

  private forget(key: string, handle: TaskHandle | undefined): void {
    if (this.running.get(key) === handle) this.running.delete(key);
    if (this.closing && this.running.size === 0 && !this.probes.isClosed()) this.probes.unsubscribe();
  }

  /** A dispatcher asks which of the commands it sent here still run. */
  private onProbe(msg: Msg): void {
    let reply: Uint8Array;
    try {
      const { calls } = decodeExecutorProbe(msg.data);
      reply = encodeExecutorProbeReply({
        notRunning: calls.filter((ref) => !this.running.has(callKey(ref.executionId, ref.taskId))),
      });
    } catch (error) {
      reply = encodeExecutorProbeReply({ notRunning: [], error: toErrorInfo(error) });
    }
    msg.respond(reply);
  }
}
