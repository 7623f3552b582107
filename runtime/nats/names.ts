/**
 * Every subject, stream and bucket flux-actors uses on NATS, under one prefix (default `flux`), so
 * several deployments share a server without meeting. proto/README.md documents each one.
 */
import { DefinitionError } from '../engine/errors.js';
import { checkExecutionId, checkName } from '../engine/names.js';

export interface NatsNames {
  readonly prefix: string;
  /** The event log: one subject per execution, file storage. */
  readonly eventsStream: string;
  events(executionId: string): string;
  /** The latest whole-log snapshot of each long execution (one message per subject). */
  readonly snapshotsStream: string;
  snapshot(executionId: string): string;
  /** Durable start/resume/cancel commands: a work queue, kept until a worker takes them. */
  readonly commandsStream: string;
  command(workflow: string, kind: 'start' | 'resume' | 'cancel' | 'wake' | 'retry' | 'fork' | 'delete'): string;
  /** Commands for one workflow: what a worker that knows it consumes. */
  commandsOf(workflow: string): string;
  /** KV buckets: the execution index, the task cache, sealed secrets; the object store for large values. */
  readonly executionsBucket: string;
  readonly cacheBucket: string;
  readonly secretsBucket: string;
  readonly payloadsBucket: string;
  /** The durable timers: key = execution id, value = when it wakes (./nats-wakes.ts). */
  readonly wakesBucket: string;
  /** Schedules: key = schedule id, value = the schedule (./nats-schedules.ts). */
  readonly schedulesBucket: string;
  /** Task commands for a task, to whichever executor serving it answers first (a queue group). */
  task(taskName: string): string;
  readonly executorsQueue: string;
  /** Where a dispatcher receives results and progress of the tasks it sent. */
  results(dispatcherId: string): string;
  /** Broadcast: stop a task run (its execution was cancelled or no longer waits). */
  readonly taskCancel: string;
  /** One executor's probes: a dispatcher asks whether it still runs the commands it took. */
  executor(executorId: string): string;
}

export function natsNames(prefix = 'flux'): NatsNames {
  if (!/^[A-Za-z0-9_-]+$/.test(prefix))
    throw new DefinitionError(`NATS prefix '${prefix}' must be letters, digits, '_' or '-'`);
  const upper = prefix.toUpperCase().replace(/-/g, '_');
  return {
    prefix,
    eventsStream: `${upper}_EVENTS`,
    events: (executionId) => `${prefix}.events.${checkExecutionId(executionId)}`,
    snapshotsStream: `${upper}_SNAPSHOTS`,
    snapshot: (executionId) => `${prefix}.snapshots.${checkExecutionId(executionId)}`,
    commandsStream: `${upper}_COMMANDS`,
    command: (workflow, kind) => `${prefix}.cmd.${checkName(workflow, 'workflow name')}.${kind}`,
    commandsOf: (workflow) => `${prefix}.cmd.${checkName(workflow, 'workflow name')}.*`,
    executionsBucket: `${prefix}_executions`,
    cacheBucket: `${prefix}_cache`,
    secretsBucket: `${prefix}_secrets`,
    payloadsBucket: `${prefix}_payloads`,
    wakesBucket: `${prefix}_wakes`,
    schedulesBucket: `${prefix}_schedules`,
    task: (taskName) => `${prefix}.tasks.${checkName(taskName, 'task name')}`,
    executorsQueue: `${prefix}-executors`,
    results: (dispatcherId) => `${prefix}.results.${dispatcherId}`,
    taskCancel: `${prefix}.control.cancel-task`,
    executor: (executorId) => `${prefix}.control.executor.${executorId}`,
  };
}
