/**
 * A worker's share of the commands stream: pulls each workflow's start, resume and cancel commands
 * while it has free slots, carries each one out, and answers its sender. A command leaves the stream
 * only when it was carried out or can never be (a permanent refusal); anything else comes back later.
 */
import {
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type Consumer,
  type JsMsg,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { context } from '@opentelemetry/api';
import { contextOfTraceparent } from '../engine/tracing.js';
import { TRACEPARENT_HEADER } from './task-wire.js';
import { v7 as uuidv7 } from 'uuid';
import {
  decodeCancelCommand,
  decodeDeleteCommand,
  decodeForkCommand,
  decodeResumeCommand,
  decodeRetryCommand,
  decodeStartCommand,
  decodeWakeCommand,
  encodeExecutionStatus,
  type ExecutionStatus,
} from './codec.js';
import { MalformedMessageError } from '../engine/errors.js';
import {
  ConsumerUnavailableError,
  ExecutionBusyError,
  ExecutionStateError,
  hasErrorCode,
  isFluxError,
  type ErrorCode,
} from '../engine/errors.js';
import type { Logger } from '../engine/logger.js';
import { checkExecutionId } from '../engine/names.js';
import type { ActorRuntime } from '../host/actor-runtime.js';
import { decodeValue, toErrorInfo } from '../engine/serialization.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import { ensureCommandConsumer, type CommandConsumer } from './command-consumer.js';
import type { NatsWakes } from './nats-wakes.js';
import { isFinished } from '../engine/execution-state.js';
import type { NatsNames } from './names.js';
import { isReplySubject } from './reply-subjects.js';
import { clampInterval } from '../engine/timers.js';
import { repeat, systemClock, wait, type Clock } from '../engine/clock.js';

/** The header a command's sender sets to hear how it went (an `ExecutionStatus`). */
export const REPLY_HEADER = 'Flux-Reply-To';

/** Refusals that another try may not meet: the command stays in the stream. */
const TRANSIENT_CODES: readonly ErrorCode[] = [
  'EXECUTION_CONFLICT',
  'LOG_WRITE_FAILED',
  'STORE_FULL',
  'VERSION_NOT_SERVED',
];
/**
 * A command for an execution pinned to a version this worker does not serve goes back for another
 * worker soon (never run on other code); with no worker serving it, it waits, looked at again at this pace.
 */
const VERSION_REDELIVERY_MS = 250;
const MAX_VERSION_REDELIVERY_MS = 2_000;
/** How long a command that met a transient refusal waits before it is delivered again, at most. */
const MAX_REDELIVERY_DELAY_MS = 30_000;

/**
 * Whether a command that failed with `error` can never succeed, so that it is answered and removed.
 * Guarded by test/security/nats-commands.test.ts (a start delivered again while its first delivery
 * still holds the execution is not lost).
 */
export function isPermanentRefusal(error: unknown): boolean {
  if (error instanceof MalformedMessageError) return true;
  if (error instanceof ExecutionBusyError) return false; // another delivery of it is still being carried out here
  return isFluxError(error) && !hasErrorCode(error, ...TRANSIENT_CODES);
}

export interface CommandLoopOptions {
  concurrency: number;
  leaseMs: number;
  replicas: number;
  logger: Logger;
  /** The subject prefixes a command's `Flux-Reply-To` may name. */
  replyPrefixes: readonly string[];
  /** The durable timers (./nats-wakes.ts): a wake that finds nothing due removes its stale entry. */
  timers?: NatsWakes;
  /**
   * What it waits on between failed pulls and between the "still working" words to the server.
   * Default (and what workers give it): the system clock, as the server's ack wait is real time.
   */
  clock?: Clock;
}

export class CommandLoop {
  private running = 0;
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  /** The pull loops waiting for a free slot: each workflow's loop waits on its own, all are woken. */
  private readonly waiting = new Set<() => void>();
  private readonly clock: Clock;

  constructor(
    private readonly nc: NatsConnection,
    private readonly names: NatsNames,
    private readonly runtime: ActorRuntime,
    private readonly workflows: ReadonlyMap<string, WorkflowDefinition>,
    private readonly options: CommandLoopOptions,
  ) {
    this.clock = options.clock ?? systemClock;
  }

  /** Makes the stream and one consumer per workflow; fails, naming the consumer, when one cannot be made. */
  async start(): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    await jsm.streams
      .add({
        name: this.names.commandsStream,
        subjects: [`${this.names.prefix}.cmd.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Workqueue,
        duplicate_window: 120 * 1e9,
        num_replicas: this.options.replicas,
      })
      .catch(() => jsm.streams.info(this.names.commandsStream));
    for (const workflow of this.workflows.keys()) {
      const consumer = this.consumerOf(workflow);
      await ensureCommandConsumer(jsm, consumer);
      this.loops.push(this.pull(consumer));
    }
  }

  /** The commands stored for each workflow here and not yet delivered to a worker (the `flux.commands.pending` gauge). */
  async pending(): Promise<Map<string, number>> {
    const jsm = await jetstreamManager(this.nc);
    const counts = new Map<string, number>();
    for (const workflow of this.workflows.keys()) {
      const info = await jsm.consumers.info(this.names.commandsStream, this.consumerOf(workflow).durable);
      counts.set(workflow, info.num_pending);
    }
    return counts;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await Promise.allSettled(this.loops);
  }

  private consumerOf(workflow: string): CommandConsumer {
    return {
      stream: this.names.commandsStream,
      durable: `wf_${workflow}`,
      filter: this.names.commandsOf(workflow),
      ackWaitMs: this.options.leaseMs,
    };
  }

  private async pull(consumer: CommandConsumer): Promise<void> {
    const js = jetstream(this.nc);
    let pulling: Consumer | undefined;
    for (let failures = 0; !this.stopped; ) {
      const free = this.options.concurrency - this.running;
      if (free <= 0) {
        await new Promise<void>((resolve) => this.waiting.add(resolve));
        continue;
      }
      try {
        pulling ??= await js.consumers.get(consumer.stream, consumer.durable);
        const batch = await pulling.fetch({ max_messages: free, expires: 1000 });
        for await (const msg of batch) this.take(msg);
        failures = 0;
      } catch (error) {
        if (this.stopped) break;
        pulling = undefined;
        failures++;
        await this.mend(consumer, error);
        await wait(this.clock, Math.min(250 * failures, 5000));
      }
    }
  }

  /** After a failed pull: the consumer may be gone or changed; the server may be away (then the next pull tells). */
  private async mend(consumer: CommandConsumer, pullError: unknown): Promise<void> {
    try {
      const done = await ensureCommandConsumer(await jetstreamManager(this.nc, { checkAPI: false }), consumer);
      if (done !== 'ok')
        this.options.logger.warn(
          `consumer ${consumer.durable} of ${consumer.stream} was missing or wrong and has been ${done} (the pull failed with: ${(pullError as Error).message})`,
        );
    } catch (error) {
      if (error instanceof ConsumerUnavailableError) this.options.logger.error(error.message);
    }
  }

  /** Wakes every loop waiting for a slot (one waker per loop: a single one left all but the last loop parked for ever). */
  private wake(): void {
    const waiting = [...this.waiting];
    this.waiting.clear();
    for (const resolve of waiting) resolve();
  }

  private take(msg: JsMsg): void {
    if (this.stopped) return void msg.nak();
    this.running++;
    void this.handle(msg).finally(() => {
      this.running--;
      this.wake();
    });
  }

  private async handle(msg: JsMsg): Promise<void> {
    const kind = msg.subject.slice(msg.subject.lastIndexOf('.') + 1);
    const workflow = this.workflows.get(msg.subject.split('.').at(-2) ?? '')!;
    const answer = { executionId: '', acked: false };
    // A write that waits out a server restart takes longer than the ack wait: without a word the
    // command would go to another worker meanwhile, which would run it too.
    const working = repeat(this.clock, () => msg.working(), clampInterval(this.options.leaseMs / 3, 100));
    const accepted = (state: ExecutionStatus['state']) => {
      working.clear();
      answer.acked = true;
      msg.ack();
      this.reply(msg, { executionId: answer.executionId, workflow: workflow.name, state });
    };
    // A command sent from a traced caller: the run it begins links to the caller's span.
    const caller = contextOfTraceparent(msg.headers?.get(TRACEPARENT_HEADER) || undefined);
    const carryOut = () => this.carryOut(msg, kind, workflow, answer, accepted);
    try {
      await (caller ? context.with(caller, carryOut) : carryOut());
    } catch (error) {
      if (!answer.acked) this.refused(msg, error, answer.executionId, workflow.name);
    } finally {
      working.clear();
    }
  }

  /** What the command asks, carried out; `accepted` once it is durable. */
  private async carryOut(
    msg: JsMsg,
    kind: string,
    workflow: WorkflowDefinition,
    answer: { executionId: string; acked: boolean },
    accepted: (state: ExecutionStatus['state']) => void,
  ): Promise<void> {
    if (kind === 'start') {
      const command = decodeStartCommand(msg.data);
      answer.executionId = command.executionId ? checkExecutionId(command.executionId) : uuidv7();
      const { state, handle } = await this.runtime.startAs(workflow, answer.executionId, command.inputJson, {
        version: command.version,
        idReuse: command.idReuse,
        seenEvents: command.seenEvents,
      });
      accepted(state); // WORKFLOW_STARTED is durable; from here the lease keeps the run alive
      await handle.result().catch(() => undefined);
    } else if (kind === 'resume') {
      const command = decodeResumeCommand(msg.data);
      answer.executionId = checkExecutionId(command.executionId);
      if (msg.info.redelivered && (await this.alreadyResumed(answer.executionId, msg))) {
        // Carried out already, but its driver may have died before acking it or before its lease
        // was written: then nobody would take the execution over. Take it up if nobody drives it.
        return accepted(
          (await this.runtime.startAs(workflow, answer.executionId, undefined, { recoverOnly: true })).state,
        );
      }
      await this.runtime.resumeAccepted(
        answer.executionId,
        decodeValue(command.valueJson),
        workflow,
        () => accepted('running'),
        command.pause,
      );
    } else if (kind === 'wake') {
      const command = decodeWakeCommand(msg.data);
      answer.executionId = checkExecutionId(command.executionId);
      const woke = await this.runtime.wake(answer.executionId, () => accepted('running'));
      if (!woke && !answer.acked) {
        await this.discardStale(command.executionId, command.revision);
        accepted('');
      }
    } else if (kind === 'cancel') {
      const command = decodeCancelCommand(msg.data);
      answer.executionId = checkExecutionId(command.executionId);
      accepted((await this.runtime.cancel(answer.executionId, workflow, { rollback: command.rollback })).state);
    } else if (kind === 'retry') {
      const command = decodeRetryCommand(msg.data);
      answer.executionId = checkExecutionId(command.executionId);
      await this.runtime.retryOne(answer.executionId, workflow, () => accepted('running'));
    } else if (kind === 'fork') {
      const command = decodeForkCommand(msg.data);
      answer.executionId = checkExecutionId(command.forkId);
      const fork = await this.runtime.fork(checkExecutionId(command.executionId), {
        from: command.fromStep,
        executionId: answer.executionId,
        workflow,
      });
      accepted('running'); // its WORKFLOW_STARTED is durable
      await fork.result().catch(() => undefined);
    } else if (kind === 'delete') {
      const command = decodeDeleteCommand(msg.data);
      answer.executionId = checkExecutionId(command.executionId);
      await this.runtime.delete(answer.executionId);
      accepted('deleted');
    } else {
      throw new MalformedMessageError('command', `unknown command subject ${msg.subject}`);
    }
  }

  /** A wake that found nothing due: its timer entry is stale if its time came (or its awaited execution ended). */
  private async discardStale(executionId: string, revision: number): Promise<void> {
    const now = this.runtime.now();
    await this.options.timers?.discardStale(executionId, revision, async (value) => {
      if (value.wakeAt !== undefined && value.wakeAt <= now) return true;
      if (value.awaits === undefined) return false;
      const state = (await this.runtime.store.get(value.awaits))?.state;
      return state !== undefined && isFinished(state);
    });
  }

  /** A command that can never succeed is answered and removed; anything else is delivered again later. */
  private refused(msg: JsMsg, error: unknown, executionId: string, workflow: string): void {
    if (hasErrorCode(error, 'VERSION_NOT_SERVED')) {
      msg.nak(Math.min(VERSION_REDELIVERY_MS * msg.info.deliveryCount, MAX_VERSION_REDELIVERY_MS));
      return;
    }
    if (!isPermanentRefusal(error)) {
      msg.nak(Math.min(500 * 2 ** Math.min(msg.info.deliveryCount - 1, 6), MAX_REDELIVERY_DELAY_MS));
      return;
    }
    msg.term();
    const info = toErrorInfo(error);
    this.options.logger.info?.(
      `refused a ${msg.subject.slice(msg.subject.lastIndexOf('.') + 1)} command: ${info.message}`,
      {
        ...(executionId && { executionId }),
        workflow,
        code: info.code,
      },
    );
    if (msg.info.redelivered && error instanceof ExecutionStateError) return; // answered when it was first refused
    this.reply(msg, { executionId, workflow, state: '', error: info });
  }

  /** A resume delivered again after its worker stopped: whether its WORKFLOW_RESUMED is already in the log. */
  private async alreadyResumed(executionId: string, msg: JsMsg): Promise<boolean> {
    const sentAt = msg.info.timestampNanos / 1e6;
    const events = await this.runtime.store.load(executionId);
    return events.some((e) => e.type === 'WORKFLOW_RESUMED' && e.time >= sentAt - 1000);
  }

  /**
   * Answers the command's sender, only on an inbox it can subscribe to: never on a subject that
   * carries state (./reply-subjects.ts). The execution id in a refusal was checked, or is empty.
   */
  private reply(msg: JsMsg, status: ExecutionStatus): void {
    const to = msg.headers?.get(REPLY_HEADER);
    if (!to) return;
    if (!isReplySubject(to, this.names.prefix, this.options.replyPrefixes)) {
      this.options.logger.warn(
        `did not answer a command on ${msg.subject}: its ${REPLY_HEADER} '${to.slice(0, 200)}' is not an inbox (allowed: ${this.options.replyPrefixes.join(', ')})`,
      );
      return;
    }
    this.nc.publish(to, encodeExecutionStatus(status));
  }
}
