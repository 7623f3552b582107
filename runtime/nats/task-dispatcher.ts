/**
 * The dispatcher of task commands over NATS (./task-transport.ts tells the whole exchange): on the side
 * of the execution actors, it publishes each command on `<prefix>.tasks.<task name>` and hands the
 * results that come back to the call's reply. Each call waiting is a `PendingCall` (./pending-call.ts);
 * `ExecutorWatch` (./executor-watch.ts) sends again a command whose executor died.
 */
import { headers, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { v7 as uuidv7 } from 'uuid';
import type { ReplyTo, TaskHandle, TaskSender } from '../../actors/task-executor.js';
import {
  JSON_CONTENT_TYPE,
  jsonPayload,
  payloadJson,
  type ErrorInfo,
  type TaskCommand,
  type TaskResult,
} from '../../proto/messages.js';
import { systemClock, type Clock } from '../engine/clock.js';
import type { ErrorCode } from '../engine/errors.js';
import { consoleLogger, type Logger } from '../engine/logger.js';
import type { NestedCalls } from '../engine/scope.js';
import { toErrorInfo } from '../engine/serialization.js';
import type { TaskDefinition } from '../engine/task-definition.js';
import { decodeTaskResult, encodeTaskCommand, OBJECT_REF_CONTENT_TYPE } from './codec.js';
import { ExecutorWatch } from './executor-watch.js';
import { guarded } from './guarded.js';
import { inboxOf } from './inbox.js';
import { largeOutputName, type LargeValues } from './large-values.js';
import type { NatsNames } from './names.js';
import { outboxOf } from './outbox.js';
import { PendingCall } from './pending-call.js';
import type { NatsTaskServer } from './task-server.js';
import { callKey, EXECUTOR_HEADER, RESULTS_HEADER, TRACEPARENT_HEADER } from './task-wire.js';

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
  /** What the dispatcher's patience and its watch count on. Default: the system's. */
  clock?: Clock | undefined;
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
  private readonly clock: Clock;
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
    this.clock = options.clock ?? systemClock;
    this.resultsSubject = names.results(this.id);
    this.answersPrefix = inboxOf(nc);
    const logger = options.logger ?? consoleLogger;
    this.answers = nc.subscribe(`${this.answersPrefix}.*`, { callback: guarded(logger, (msg) => this.onAnswer(msg)) });
    const callback = guarded(logger, (msg) => this.onResult(msg));
    this.results = [
      nc.subscribe(this.resultsSubject, { callback }),
      nc.subscribe(`${this.resultsSubject}.>`, { callback }),
    ];
    this.watch = new ExecutorWatch(
      nc,
      names,
      this.pending,
      { timeoutMs: options.executorTimeoutMs ?? 5_000, clock: this.clock },
      (call) => this.sendAgain(call),
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
    const call = new PendingCall(key, command, (result) => {
      if (nested && result.outcome !== 'progress') this.holdNestedHost(command.executionId, nested, -1);
      reply(result);
    });
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
  private dispatch(call: PendingCall, firstSentAt = this.clock.now()): void {
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
    call.sent(token, this.clock.now(), firstSentAt);
    this.awaitingAnswer.set(token, { call, generation });
    try {
      this.nc.publish(subject, encodeTaskCommand(command), {
        reply: `${this.answersPrefix}.${token}`,
        headers: this.commandHeaders(generation, command.traceparent),
      });
    } catch {
      // The connection is closed or reconnecting: the watch sends it again when nothing is heard of it.
    }
  }

  /**
   * Where the executor sends a sending's results, and the W3C trace context of a traced run; the
   * first sending's headers of an untraced command are made once.
   */
  private commandHeaders(generation: number, traceparent: string | undefined): MsgHdrs {
    if (generation === 0 && !traceparent && this.firstSendingHeaders) return this.firstSendingHeaders;
    const h = headers();
    h.set(RESULTS_HEADER, generation === 0 ? this.resultsSubject : `${this.resultsSubject}.${generation}`);
    if (traceparent) h.set(TRACEPARENT_HEADER, traceparent);
    else if (generation === 0) this.firstSendingHeaders = h;
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
    if (msg.headers?.code === 503 && msg.data.length === 0) {
      this.notServed(call);
      return;
    }
    const refusal = msg.data.length ? (JSON.parse(decoder.decode(msg.data)) as ErrorInfo) : undefined;
    if (refusal) {
      this.fail(call, refusal);
      return;
    }
    call.taken(msg.headers?.get(EXECUTOR_HEADER) || undefined, this.clock.now());
  }

  /** Nobody serves the task (yet): try again shortly, or give up once the patience is spent. */
  private notServed(call: PendingCall): void {
    const { command, generation, firstSentAt } = call;
    const waited = this.clock.now() - firstSentAt;
    if (waited > this.patienceMs) {
      this.fail(call, {
        name: 'FluxError',
        code: 'TASK_NOT_SERVED' satisfies ErrorCode,
        message: `no executor serves task '${command.taskName}' (waited ${this.patienceMs} ms on ${this.names.task(command.taskName)}): start a worker that defines it`,
      });
      return;
    }
    call.notServed(); // not out: the watch leaves it alone until it is sent again
    const wait = Math.min(20 * 2 ** Math.floor(Math.log2(1 + waited / 20)), 500);
    this.clock.setTimeout(() => {
      if (this.waiting(call, generation)) this.dispatch(call, firstSentAt);
    }, wait);
  }

  /** Its current sending's answer is no longer awaited (it was sent again, or it settled). */
  private forgetAnswer(call: PendingCall): void {
    const { sending } = call;
    if (sending.phase === 'sent') this.awaitingAnswer.delete(sending.token);
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
    this.forgetAnswer(call);
    call.again();
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
      call.progressed(result.progress, this.clock.now());
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
      (json) => {
        reply({ ...result, output: { contentType: JSON_CONTENT_TYPE, data: new Uint8Array(0), json } });
        // Only carried the output here (the log keeps it): gone once read, if it is where this result's own would be.
        if (name === largeOutputName(result.executionId, result.taskId)) this.large.remove(name).catch(() => undefined);
      },
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
