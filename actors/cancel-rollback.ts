/**
 * Rolling back what a cancelled execution did, when the cancel asks for it
 * (`cancel(id, { rollback: true })`), as Flux does: each task that completed and each task the
 * cancel interrupted (it may have done part of its effect) that has a rollback, newest first by
 * when it ended (so the interrupted ones, recorded TASK_CANCELLED by the cancel, come first). Each
 * rollback is called with the task's own arguments and secrets, each step recorded as
 * TASK_ROLLBACK_*. A rollback that throws is recorded and the others still run: the execution is
 * cancelled either way. A rollback already settled by this cancel (its driver died part-way
 * through) does not run again; one that was running runs again.
 */
import type { TaskLookup } from './task-executor.js';
import type { StoredEvent } from '../runtime/engine/events.js';
import { ownEventsFrom } from '../runtime/engine/fork.js';
import type { ExecutionLog } from '../runtime/engine/execution-log.js';
import type { TaskDefinition, TaskFunction } from '../runtime/engine/task-definition.js';
import { scopeStorage, TaskScope } from '../runtime/engine/scope.js';
import { decodeValue, encodeValue, toErrorInfo } from '../runtime/engine/serialization.js';

/** The secrets a rollback of a task gets: the task's own and its workflow's, resolved. */
export type RollbackSecrets = (definition: TaskDefinition) => Promise<Readonly<Record<string, string>>>;

export async function rollBackOnCancel(
  log: ExecutionLog,
  lookup: TaskLookup,
  secretsFor: RollbackSecrets,
): Promise<void> {
  // Only what this run did: an earlier run's tasks (an id started again) and a fork's copied steps are not its own.
  const { ended, argsOf, rolledBack } = readLog(log.events.slice(ownEventsFrom(log.events)));
  const taken = new Set<string>();
  for (const done of ended.reverse()) {
    // Once per call (a result that came after its TASK_CANCELLED ends it twice), and not again.
    if (taken.has(done.sourceId) || rolledBack.has(done.sourceId)) continue;
    taken.add(done.sourceId);
    let definition: TaskDefinition | undefined;
    try {
      definition = lookup(done.name);
    } catch (error) {
      // The name is ambiguous here (two different tasks share it): which rollback is meant is unknown.
      log.append('TASK_ROLLBACK_FAILED', done.sourceId, done.name, JSON.stringify(toErrorInfo(error)));
      continue;
    }
    const rollback = definition?.policy?.rollback;
    if (definition && rollback) await rollBack(log, done, definition, rollback, argsOf.get(done.sourceId), secretsFor);
  }
}

async function rollBack(
  log: ExecutionLog,
  done: StoredEvent,
  definition: TaskDefinition,
  rollback: TaskFunction,
  argsJson: string | undefined,
  secretsFor: RollbackSecrets,
): Promise<void> {
  log.append('TASK_ROLLBACK_STARTED', done.sourceId, done.name, undefined);
  try {
    const secrets = await secretsFor(definition);
    // The log keeps the arguments with secrets redacted; the rollback gets them as the task did.
    const args = decodeValue(log.secrets.restore(argsJson, namedByCaller(log.events)));
    const scope = new TaskScope(log.executionId, done.sourceId, done.name, 1, secrets);
    const output = await scopeStorage.run(scope, rollback, ...(Array.isArray(args) ? args : []));
    const outputJson = encodeValue(output, `the rollback result of task '${done.name}'`, log.executionId);
    log.append('TASK_ROLLBACK_COMPLETED', done.sourceId, done.name, outputJson);
  } catch (error) {
    log.append('TASK_ROLLBACK_FAILED', done.sourceId, done.name, JSON.stringify(toErrorInfo(error)));
  }
}

/**
 * The calls that ended (completed, or interrupted by this cancel) in log order, not child workflows
 * (a cancelled child is cancelled with the same options, and rolls back its own tasks); their
 * arguments; and those this cancel has already rolled back.
 */
function readLog(events: readonly StoredEvent[]) {
  const argsOf = new Map<string, string | undefined>();
  const ended: StoredEvent[] = [];
  const children = new Set<string>();
  const rolledBack = new Set<string>();
  let cancelling = false;
  for (const event of events) {
    switch (event.type) {
      case 'TASK_STARTED':
        argsOf.set(event.sourceId, event.valueJson);
        break;
      case 'CHILD_WORKFLOW_STARTED':
        children.add(event.sourceId);
        break;
      case 'TASK_COMPLETED':
        ended.push(event);
        break;
      case 'WORKFLOW_CANCELLING':
        cancelling = true;
        break;
      case 'TASK_CANCELLED':
        if (cancelling) ended.push(event);
        break;
      case 'TASK_ROLLBACK_COMPLETED':
      case 'TASK_ROLLBACK_FAILED':
        if (cancelling) rolledBack.add(event.sourceId);
        break;
    }
  }
  return { ended: ended.filter((event) => !children.has(event.sourceId)), argsOf, rolledBack };
}

/**
 * The secrets whose `[secret NAME]` a caller wrote, or may have: those in the execution's input or
 * in a resume value. A rollback gets these as written, never the value: a caller who typed the
 * placeholder into an argument would have it turned into the secret. (One who sent the value
 * itself knows it already.)
 */
function namedByCaller(events: readonly StoredEvent[]): Set<string> {
  const names = new Set<string>();
  for (const event of events) {
    if (
      (event.type === 'WORKFLOW_STARTED' || event.type === 'WORKFLOW_RESUMED') &&
      event.valueJson?.includes('[secret ')
    ) {
      for (const [, name] of event.valueJson.matchAll(/\[secret ([^\]]+)\]/g)) names.add(name!);
    }
  }
  return names;
}
