/**
 * `startWorker`: a process's share of the work on NATS. It hosts execution actors for the workflows
 * it knows, taking their start, resume and cancel commands from the commands stream (one durable
 * consumer per workflow, shared by every worker that knows it), serves the tasks it knows to any
 * execution's actor, and takes over the executions of workers that died.
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { v7 as uuidv7 } from 'uuid';
import { consoleLogger } from '../engine/logger.js';
import { ExecutionNotFoundError } from '../engine/errors.js';
import { ActorRuntime } from '../host/actor-runtime.js';
import type { Runtime } from '../host/runtime.js';
import type { HasTaskDefinition } from '../engine/task-definition.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import { bucketKeys } from './bucket-keys.js';
import { CommandLoop } from './command-loop.js';
import { clampInterval } from '../engine/timers.js';
import { repeat, systemClock } from '../engine/clock.js';
import { Leases } from './leases.js';
import { openNats, type NatsOptions } from './nats-runtime.js';
import { DEFAULT_REPLY_PREFIXES } from './reply-subjects.js';
import { NatsWakes } from './nats-wakes.js';
import { encodeStartCommand, encodeWakeCommand } from './codec.js';
import { NatsSchedules } from './nats-schedules.js';
import type { ScheduleSpec } from '../engine/schedule-spec.js';
import type { DueWake } from '../engine/event-store.js';
import { servedKey, WorkflowVersions } from '../engine/workflow-versions.js';
import { instruments } from '../engine/metrics.js';
import { toMilliseconds, type Duration } from '../engine/duration.js';

export { REPLY_HEADER } from './command-loop.js';

export interface WorkerOptions {
  nats: NatsOptions;
  // biome-ignore lint/suspicious/noExplicitAny: workflows of every input and output type (`unknown` would refuse them)
  workflows: readonly WorkflowDefinition<any, any>[];
  /** Tasks served to every execution, besides those the workflows here call (served as they are called). */
  tasks?: readonly HasTaskDefinition[];
  /** Commands handled at once (each start or resume holds a slot until its run pauses or ends). Default 64. */
  concurrency?: number;
  /** After this long without a heartbeat, a worker's executions are taken over. Default 10 s. */
  leaseMs?: number;
  /**
   * Subject prefixes where the worker may answer a command (its `Flux-Reply-To` header). Default
   * `['_INBOX.', '_INBOX_']`: NATS clients' default inboxes and per-user ones (`inboxPrefix: '_INBOX_client'`);
   * set it when clients use another inbox prefix.
   * A subject under the deployment's prefix or the server's own (`$JS`, `$KV`, `$O`, `$SYS`) is never answered.
   */
  replyPrefixes?: readonly string[];
  /**
   * Bounded storage: finished executions are deleted this long after their last event ('30d', or
   * ms), with their log, snapshot, large values, index entry; cached task outputs older than that
   * are forgotten. One worker sweeps at a time (the live worker whose id sorts first). Running,
   * paused and waiting executions are never deleted. Default: everything is kept.
   */
  retention?: Duration;
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
    id,
    leaseMs,
    { workers: () => bucketKeys(jsm, buckets.workers), leases: () => bucketKeys(jsm, buckets.leases) },
    (revision) => jsm.streams.deleteMessage(`KV_${buckets.leases}`, revision, false),
    options.nats.logger ?? consoleLogger,
  );
  const logger = options.nats.logger ?? consoleLogger;
  // The durable timers: every worker watches them; a due one is sent as a wake command (one per
  // revision, whichever worker sends it first), taken by any worker that serves its workflow.
  const timers = store.wakesBucket && new NatsWakes(store.wakesBucket, logger);
  const js = jetstream(nc);
  const fire = async (due: DueWake): Promise<boolean> => {
    const revision = timers!.revisionOf(due.executionId) ?? 0;
    await js.publish(
      names.command(due.workflow, 'wake'),
      encodeWakeCommand({ workflow: due.workflow, executionId: due.executionId, revision }),
      { msgID: `wake:${due.executionId}:${revision}` },
    );
    timers!.markFired(due.executionId);
    return true;
  };
  // Schedules: every worker watches them and fires what is due by sending a start command under
  // the fire's execution id (one per fire, whichever worker sends it first: its message id).
  const schedules = new NatsSchedules(
    await kvm.create(names.schedulesBucket, { replicas, history: 1 }).catch(() => kvm.open(names.schedulesBucket)),
    jsm,
    names.schedulesBucket,
    logger,
  );
  const startFire = async (spec: ScheduleSpec, executionId: string): Promise<void> => {
    await js.publish(
      names.command(spec.workflow, 'start'),
      encodeStartCommand({ workflow: spec.workflow, executionId, inputJson: spec.inputJson }),
      { msgID: `start:${executionId}` },
    );
  };
  const served = new WorkflowVersions<WorkflowDefinition>();
  for (const workflow of options.workflows) served.add(workflow as WorkflowDefinition);
  const runtime = new ActorRuntime(store, {
    executor: parts.dispatcher,
    drivers: leases,
    clock: options.nats.clock,
    logger,
    // A wake that could not be sent (the server was away) is sent again a beat later.
    ...(timers && { timers: { index: timers, fire, retryMs: clampInterval(leaseMs / 3, 100) } }),
    schedules: { store: schedules, start: startFire, pollMs: clampInterval(leaseMs, 100) },
    workflows: options.workflows,
    served,
    // The command loop is made below, for this runtime: read only once the gauge is collected.
    pendingCommands: () => commands.pending(),
    ...(options.retention !== undefined && {
      retention: { periodMs: toMilliseconds(options.retention), turn: () => leases.first() },
    }),
  });
  schedules.onChange = () => runtime.schedulesChanged();
  await schedules.watch();
  if (timers) {
    timers.onTimer = (executionId, wakeAt) => runtime.timerNoted(executionId, wakeAt);
    await timers.start();
  }
  try {
    for (const task of options.tasks ?? []) parts.server.serve(task.definition);
  } catch (error) {
    await parts.close(); // two different tasks under one name: nothing was started
    throw error;
  }
  // Each command goes to the newest version of its workflow served here; an execution pinned to a
  // version is driven only by that version (`served`), or waits for a worker that serves it.
  const workflows = new Map(served.names().map((name) => [name, served.newest(name)!]));
  const byKey = new Map(served.all().map((w) => [servedKey(w), w]));

  const beat = () =>
    leases
      .beat({ workflows: [...workflows.keys()], versions: [...byKey.keys()], tasks: parts.server.served })
      .catch(() => undefined);
  await beat();
  // Heartbeats and sweeps keep real time, whatever the runtime's clock: they tell live workers from dead ones.
  const heartbeat = repeat(systemClock, beat, clampInterval(leaseMs / 3, 100));

  const commands: CommandLoop = new CommandLoop(nc, names, runtime, workflows, {
    concurrency: options.concurrency ?? 64,
    leaseMs,
    replicas,
    logger,
    ...(timers && { timers }),
    replyPrefixes: options.replyPrefixes ?? DEFAULT_REPLY_PREFIXES,
  });
  try {
    await commands.start();
  } catch (error) {
    heartbeat.clear();
    timers?.close();
    schedules.close();
    await leases.leave();
    await parts.close();
    throw error;
  }

  /**
   * Takes up an execution whose lease this worker holds and that no run here drives, by replay. One
   * that cannot be taken up now (the server is away) stays on the list for the next sweep.
   */
  const takeUp = async (executionId: string, workflow: string) => {
    await runtime
      .startAs(byKey.get(workflow)!, executionId, undefined, { recoverOnly: true })
      .catch((error: unknown) => {
        if (!(error instanceof ExecutionNotFoundError)) leases.stall(executionId, workflow);
      });
  };
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      for (const { executionId, workflow } of leases.takeStalled()) await takeUp(executionId, workflow);
      for (const lease of await leases.orphaned(new Set(byKey.keys()))) {
        if (!(await leases.takeOver(lease))) continue;
        instruments().takenOver.add(1, { workflow: lease.workflow });
        logger.info?.('took over an execution whose worker stopped', {
          executionId: lease.executionId,
          workflow: lease.workflow,
          from: lease.worker,
        });
        await takeUp(lease.executionId, lease.workflow);
      }
    } catch {
      // the server is away: the next sweep tries again
    } finally {
      sweeping = false;
    }
  };
  const sweeper = repeat(systemClock, () => void sweep(), clampInterval(leaseMs / 2, 200));
  // Losing and regaining the server are notable events of a worker's life (its runs wait meanwhile).
  void (async () => {
    for await (const event of nc.status()) {
      if (event.type === 'disconnect') logger.warn('lost its NATS server; reconnecting', { worker: id });
      else if (event.type === 'reconnect') logger.info?.('reconnected to its NATS server', { worker: id });
    }
  })().catch(() => undefined);
  logger.info?.('worker started', { worker: id, workflows: [...byKey.keys()], prefix: names.prefix });

  return {
    id,
    runtime,
    async stop() {
      sweeper.clear();
      heartbeat.clear();
      await commands.stop();
      await runtime.close(); // waits for the runs driven here
      timers?.close();
      schedules.close();
      await leases.leave();
      await parts.close();
      logger.info?.('worker stopped', { worker: id });
    },
  };
}
