/**
 * `startWorker`: a process's share of the work on NATS. It hosts execution actors for the workflows
 * it knows, taking their start, resume and cancel commands from the commands stream (one durable
 * consumer per workflow, shared by every worker that knows it), serves the tasks it knows to any
 * execution's actor, and takes over the executions of workers that died.
 */
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType, type JsMsg } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { v7 as uuidv7 } from 'uuid';
import {
  decodeCancelCommand, decodeResumeCommand, decodeStartCommand, encodeExecutionStatus, MalformedMessageError, type ExecutionStatus,
} from '../../proto/codec.js';
import { ExecutionStateError, isFluxError } from '../errors.js';
import { ActorRuntime, type Runtime } from '../runtime.js';
import { decodeValue, toErrorInfo } from '../serialization.js';
import type { Task } from '../task.js';
import type { WorkflowDefinition } from '../workflow-definition.js';
import { bucketKeys } from './bucket-keys.js';
import { Leases } from './leases.js';
import { openNats, type NatsOptions } from './nats-runtime.js';
import type { NatsNames } from './names.js';

/** The header a command's sender sets to hear how it went (an `ExecutionStatus`). */
export const REPLY_HEADER = 'Flux-Reply-To';

export interface WorkerOptions {
  nats: NatsOptions;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  workflows: readonly WorkflowDefinition<any, any>[];
  /** Tasks served to every execution, besides those the workflows here call (served as they are called). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tasks?: readonly Task<any, any>[];
  /** Commands handled at once (each start or resume holds a slot until its run pauses or ends). Default 64. */
  concurrency?: number;
  /** After this long without a heartbeat, a worker's executions are taken over. Default 10 s. */
  leaseMs?: number;
}

export interface Worker {
  readonly id: string;
  /** The runtime the worker drives executions with: the public API, on the same NATS. */
  readonly runtime: Runtime;
  /** Stops taking commands, lets the executions it drives pause or finish, then disconnects. */
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const parts = await openNats(options.nats);
  const { nc, store } = parts;
  const names = store.names;
  const leaseMs = options.leaseMs ?? 10_000;
  const id = uuidv7();
  const kvm = new Kvm(jetstream(nc));
  const replicas = options.nats.replicas ?? 1;
  const jsm = await jetstreamManager(nc);
  const buckets = { workers: `${names.prefix}_workers`, leases: `${names.prefix}_leases` };
  const leases = new Leases(
    await kvm.create(buckets.workers, { replicas, history: 1 }),
    await kvm.create(buckets.leases, { replicas, history: 1 }),
    id, leaseMs,
    { workers: () => bucketKeys(jsm, buckets.workers), leases: () => bucketKeys(jsm, buckets.leases) },
    (revision) => jsm.streams.deleteMessage(`KV_${buckets.leases}`, revision, false),
  );
  const runtime = new ActorRuntime(store, { executor: parts.dispatcher, drivers: leases });
  for (const task of options.tasks ?? []) parts.server.serve(task.definition);
  const workflows = new Map(options.workflows.map((w) => [w.name, w as WorkflowDefinition]));

  const beat = () => leases.beat({ workflows: [...workflows.keys()], tasks: parts.server.served }).catch(() => undefined);
  await beat();
  const heartbeat = setInterval(beat, Math.max(100, Math.floor(leaseMs / 3)));

  const commands = new CommandLoop(nc, names, runtime, workflows, options.concurrency ?? 64, leaseMs, replicas);
  await commands.start();

  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      for (const lease of await leases.orphaned(new Set(workflows.keys()))) {
        if (!(await leases.takeOver(lease))) continue;
        // Recovered by replay; completed tasks are not run again.
        await runtime.startAs(workflows.get(lease.workflow)!, lease.executionId, undefined).catch(() => undefined);
      }
    } catch {
      // the server is away: the next sweep tries again
    } finally {
      sweeping = false;
    }
  };
  const sweeper = setInterval(() => void sweep(), Math.max(200, Math.floor(leaseMs / 2)));

  return {
    id,
    runtime,
    async stop() {
      clearInterval(sweeper);
      clearInterval(heartbeat);
      await commands.stop();
      await runtime.close(); // waits for the runs driven here
      await leases.leave();
      await parts.close();
    },
  };
}

/** Pulls each workflow's commands while slots are free, and carries each one out. */
class CommandLoop {
  private running = 0;
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private wake: (() => void) | undefined;

  constructor(
    private readonly nc: Awaited<ReturnType<typeof openNats>>['nc'],
    private readonly names: NatsNames,
    private readonly runtime: ActorRuntime,
    private readonly workflows: Map<string, WorkflowDefinition>,
    private readonly concurrency: number,
    private readonly leaseMs: number,
    private readonly replicas: number,
  ) {}

  async start(): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    await jsm.streams.add({
      name: this.names.commandsStream, subjects: [`${this.names.prefix}.cmd.>`], storage: StorageType.File,
      retention: RetentionPolicy.Workqueue, duplicate_window: 120 * 1e9, num_replicas: this.replicas,
    }).catch(() => jsm.streams.info(this.names.commandsStream));
    for (const workflow of this.workflows.keys()) {
      const durable = `wf_${workflow}`;
      await jsm.consumers.add(this.names.commandsStream, {
        durable_name: durable, filter_subject: this.names.commandsOf(workflow), ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All, ack_wait: this.leaseMs * 1e6, max_ack_pending: 10_000,
      }).catch(() => undefined); // made by another worker already
      this.loops.push(this.pull(durable));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await Promise.allSettled(this.loops);
  }

  private async pull(durable: string): Promise<void> {
    const consumer = await jetstream(this.nc).consumers.get(this.names.commandsStream, durable);
    while (!this.stopped) {
      const free = this.concurrency - this.running;
      if (free <= 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      try {
        const batch = await consumer.fetch({ max_messages: free, expires: 1000 });
        for await (const msg of batch) {
          if (this.stopped) {
            msg.nak();
            continue;
          }
          this.running++;
          void this.handle(msg).finally(() => {
            this.running--;
            this.wake?.();
          });
        }
      } catch {
        if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 250)); // the server is away
      }
    }
  }

  private async handle(msg: JsMsg): Promise<void> {
    const kind = msg.subject.slice(msg.subject.lastIndexOf('.') + 1);
    const workflow = this.workflows.get(msg.subject.split('.').at(-2) ?? '')!;
    let executionId = '';
    try {
      if (kind === 'start') {
        const command = decodeStartCommand(msg.data);
        executionId = command.executionId || uuidv7();
        const handle = await this.runtime.startAs(workflow, executionId, command.inputJson);
        msg.ack(); // WORKFLOW_STARTED is durable; from here the lease keeps the run alive
        this.reply(msg, { executionId, workflow: workflow.name, state: 'running' });
        await handle.result().catch(() => undefined);
      } else if (kind === 'resume') {
        const command = decodeResumeCommand(msg.data);
        executionId = command.executionId;
        if (msg.info.redelivered && (await this.alreadyResumed(executionId, msg))) return msg.term();
        await this.runtime.resumeAccepted(executionId, decodeValue(command.valueJson), workflow, () => {
          msg.ack();
          this.reply(msg, { executionId, workflow: workflow.name, state: 'running' });
        });
      } else if (kind === 'cancel') {
        const command = decodeCancelCommand(msg.data);
        executionId = command.executionId;
        const ctx = await this.runtime.cancel(executionId, workflow, { rollback: command.rollback });
        msg.ack();
        this.reply(msg, { executionId, workflow: workflow.name, state: ctx.state });
      } else {
        throw new MalformedMessageError('command', `unknown command subject ${msg.subject}`);
      }
    } catch (error) {
      // A command that can never succeed is answered and dropped; anything else is tried again.
      const final = error instanceof MalformedMessageError || (isFluxError(error) && error.code !== 'EXECUTION_CONFLICT' && error.code !== 'LOG_WRITE_FAILED');
      if (final) msg.term();
      else msg.nak(500);
      if (final && !(msg.info.redelivered && error instanceof ExecutionStateError)) {
        this.reply(msg, { executionId, workflow: workflow.name, state: '', error: toErrorInfo(error) });
      }
    }
  }

  /** A resume delivered again after its worker stopped: whether its WORKFLOW_RESUMED is already in the log. */
  private async alreadyResumed(executionId: string, msg: JsMsg): Promise<boolean> {
    const sentAt = msg.info.timestampNanos / 1e6;
    const events = await this.runtime.store.load(executionId);
    return events.some((e) => e.type === 'WORKFLOW_RESUMED' && e.time >= sentAt - 1000);
  }

  private reply(msg: JsMsg, status: ExecutionStatus): void {
    const to = msg.headers?.get(REPLY_HEADER);
    if (to) this.nc.publish(to, encodeExecutionStatus(status));
  }
}
