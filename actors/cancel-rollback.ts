/**
 * Rolling back what a cancelled execution completed, when the cancel asks for it
 * (`cancel(id, { rollback: true })`): each completed task that has a rollback, newest first, called
 * with the task's own arguments, each step recorded as TASK_ROLLBACK_*. A rollback that throws is
 * recorded and the others still run: the execution is cancelled either way.
 */
import type { TaskLookup } from './task-executor.js';
import type { StoredEvent } from '../runtime/events.js';
import type { ExecutionLog } from '../runtime/execution-log.js';
import type { TaskFunction } from '../runtime/task-definition.js';
import { scopeStorage, TaskScope } from '../runtime/scope.js';
import { decodeValue, encodeValue, toErrorInfo } from '../runtime/serialization.js';

export async function rollBackCompleted(log: ExecutionLog, lookup: TaskLookup): Promise<void> {
  const argsOf = new Map<string, string | undefined>();
  const completed: StoredEvent[] = [];
  // Rolled back by this cancel already (a driver that died part-way through it did those).
  const rolledBack = new Set<string>();
  let cancelling = false;
  for (const event of log.events) {
    if (event.type === 'TASK_STARTED') argsOf.set(event.sourceId, event.valueJson);
    else if (event.type === 'TASK_COMPLETED') completed.push(event);
    else if (event.type === 'WORKFLOW_CANCELLING') cancelling = true;
    else if (cancelling && (event.type === 'TASK_ROLLBACK_COMPLETED' || event.type === 'TASK_ROLLBACK_FAILED')) rolledBack.add(event.sourceId);
  }
  for (const done of completed.reverse()) {
    if (rolledBack.has(done.sourceId)) continue;
    let rollback: TaskFunction | undefined;
    try {
      rollback = lookup(done.name)?.policy?.rollback;
    } catch (error) {
      // The name is ambiguous here (two different tasks share it): which rollback is meant is unknown.
      log.append('TASK_ROLLBACK_FAILED', done.sourceId, done.name, JSON.stringify(toErrorInfo(error)));
      continue;
    }
    if (!rollback) continue;
    const args = decodeValue(argsOf.get(done.sourceId));
    log.append('TASK_ROLLBACK_STARTED', done.sourceId, done.name, undefined);
    try {
      const scope = new TaskScope(log.executionId, done.sourceId, done.name, 1);
      const output = await scopeStorage.run(scope, rollback, ...(Array.isArray(args) ? args : []));
      log.append('TASK_ROLLBACK_COMPLETED', done.sourceId, done.name, encodeValue(output, `the rollback result of task '${done.name}'`, log.executionId));
    } catch (error) {
      log.append('TASK_ROLLBACK_FAILED', done.sourceId, done.name, JSON.stringify(toErrorInfo(error)));
    }
  }
}
