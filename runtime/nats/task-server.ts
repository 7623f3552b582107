/**
 * The task server (./task-transport.ts tells the whole exchange): on the side of the executors, it
 * takes the commands of the tasks it serves, in a queue group (each command goes to one executor),
 * runs them in a local `TaskExecutor`, and publishes their results where the dispatcher listens. It
 * answers the dispatchers' probes of which of their commands still run here.
 */
import { headers, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from '@nats-io/nats-core';
import { v7 as uuidv7 } from 'uuid';
import type { TaskExecutor, TaskHandle } from '../../actors/task-executor.js';
import { payloadJson, type TaskCommand, type TaskResult } from '../../proto/messages.js';
import { systemClock, type Clock } from '../engine/clock.js';
import { MalformedMessageError, type ErrorCode } from '../engine/errors.js';
import { consoleLogger, type Logger } from '../engine/logger.js';
import type { NestedCalls } from '../engine/scope.js';
import { toErrorInfo } from '../engine/serialization.js';
import type { TaskDefinition } from '../engine/task-definition.js';
import {
  decodeExecutorProbe,
  decodeTaskCommand,
  encodeExecutorProbeReply,
  encodeTaskResult,
  OBJECT_REF_CONTENT_TYPE,
} from './codec.js';
import { guarded } from './guarded.js';
import { largeOutputName, type LargeValues } from './large-values.js';
import type { NatsNames } from './names.js';
import { outboxOf } from './outbox.js';
import { isLiteralSubject } from './reply-subjects.js';
import { callKey, EXECUTOR_HEADER, RESULTS_HEADER, TAKEN_AFTER_MS, TRACEPARENT_HEADER } from './task-wire.js';

export interface TaskServerOptions {
  /** Where messages that could not be handled are reported. Default: stderr. */
  logger?: Logger | undefined;
  /** The execution actor of a call's execution, when it is driven in this process: where its task body's own task calls go. */
  nestedHost?: ((executionId: string) => NestedCalls | undefined) | undefined;
  /** What the "taken" answer waits on. Default: the system's. */
  clock?: Clock | undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

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
  private readonly logger: Logger;
  private readonly nestedHost: (executionId: string) => NestedCalls | undefined;
  private readonly clock: Clock;
  private closing = false;

  constructor(
    private readonly nc: NatsConnection,
    private readonly names: NatsNames,
    private readonly executor: TaskExecutor,
    private readonly large: LargeValues,
    options: TaskServerOptions = {},
  ) {
    const logger = options.logger ?? consoleLogger;
    this.logger = logger;
    this.nestedHost = options.nestedHost ?? (() => undefined);
    this.clock = options.clock ?? systemClock;
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
    const name = largeOutputName(result.executionId, result.taskId);
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
    // The sender's run, when traced: this executor's spans join the execution's trace (checked where it is read).
    const traceparent = msg.headers?.get(TRACEPARENT_HEADER);
    if (traceparent) command.traceparent = traceparent;
    const key = callKey(command.executionId, command.taskId);
    let finished = false;
    // Taken, and by whom: said only by a command that runs a while (a quick one's result says it all).
    const taken = this.clock.setTimeout(() => finished || msg.respond(undefined, this.taken), TAKEN_AFTER_MS);
    let handle: TaskHandle | undefined;
    handle = this.executor.send(
      command,
      (result) => {
        if (result.outcome === 'progress') return void this.publishResult(resultsTo, result);
        finished = true;
        taken.clear();
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
