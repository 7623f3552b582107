/**
 * Tasks called inside a task body (nested calls): each a durable step of its own, recorded in the
 * execution's log under the calling task's id. One that completed (in an earlier attempt of the
 * caller, or an earlier run) returns its recorded output and does not run again; one that failed
 * runs again. Task bodies are not replayed in lockstep, so these results need no delivery schedule.
 */
import type { TaskHandle } from './task-executor.js';
import { recordOutcome, settleFromEvent, settleOutput } from './outcomes.js';
import type { RunHost } from './workflow-run.js';
import { FluxError } from '../runtime/engine/errors.js';
import { PROGRESS_TYPES, runStartIndex, type EventType, type StoredEvent } from '../runtime/engine/events.js';
import { argumentsHash, callBase, isNestedCall } from '../runtime/engine/identity.js';
import type { OutputStorage } from '../runtime/engine/output-storage.js';
import type { NestedCalls, TaskScope } from '../runtime/engine/scope.js';
import { encodeValue } from '../runtime/engine/serialization.js';
import type { TaskDefinition } from '../runtime/engine/task-definition.js';
import { jsonPayload, payloadJson, type TaskResult } from '../proto/messages.js';

/** A nested task running now, and the callers waiting for it (more than one when its caller retried meanwhile). */
export interface NestedCall {
  name: string;
  handle?: TaskHandle;
  waiters: { resolve(value: unknown): void; reject(error: Error): void }[];
}

export class NestedTaskCalls {
  /** The nested tasks running now. */
  readonly live = new Map<string, NestedCall>();
  private completedCalls: Map<string, StoredEvent> | undefined;
  private readonly executionId: string;

  constructor(
    private readonly host: RunHost,
    /** Whether the run that owns these calls was stopped. */
    private readonly stopped: () => boolean,
  ) {
    this.executionId = host.log.executionId;
  }

  /** Stops every nested task running: nothing more of them reaches the log. */
  stop(): void {
    for (const nested of this.live.values()) nested.handle?.cancel();
    this.live.clear();
  }

  /**
   * A task called inside another task's body: a durable step of its own, recorded in this log under
   * the calling task's id. One that completed (in an earlier attempt of the caller, or an earlier
   * run) returns its recorded output and does not run again; one that failed runs again.
   * Task bodies are not replayed in lockstep, so these results need no delivery schedule.
   */
  call(parent: TaskScope, definition: TaskDefinition, args: unknown[], session: NestedCalls): Promise<unknown> {
    const { log } = this.host;
    const name = definition.name;
    const argsJson = encodeValue(args, `the arguments of task '${name}'`, this.executionId)!;
    this.host.called.use(definition);
    // The calling task's secrets may be in the arguments: they are known to this log from now on.
    log.secrets.know(parent.secrets);
    const taskId = parent.nestedId(callBase(name, argumentsHash(argsJson)));
    const storage = definition.options.outputStorage;
    const completed = this.completed().get(taskId);
    return new Promise((resolve, reject) => {
      if (completed) {
        settleOutput(completed.valueJson, storage, resolve, reject);
        return;
      }
      if (this.stopped() || log.failure) {
        reject(
          new FluxError(
            'EXECUTION_STOPPED',
            `task '${name}' was not started: execution ${this.executionId} is no longer running`,
            { executionId: this.executionId },
          ),
        );
        return;
      }
      // Still running from the caller's earlier attempt (which timed out): wait for that run.
      const running = this.live.get(taskId);
      if (running) {
        running.waiters.push({ resolve, reject });
        return;
      }
      log.append('TASK_STARTED', taskId, name, argsJson);
      const command = {
        executionId: this.executionId,
        taskId,
        taskName: name,
        attempt: 1,
        args: jsonPayload(argsJson),
      };
      const entry: NestedCall = { name, waiters: [{ resolve, reject }] };
      this.live.set(taskId, entry);
      const reply = (result: TaskResult) => this.onResult(taskId, entry, storage, result);
      const send = () => {
        if (this.live.get(taskId) === entry)
          entry.handle = this.host.executor.send(command, reply, definition, session);
      };
      const learning = log.secrets.learn(definition.options.secretRequests);
      if (learning) void learning.then(send);
      else send();
    });
  }

  /** A nested task's progress or result: recorded, and its end handed to every caller waiting for it as recorded. */
  private onResult(taskId: string, entry: NestedCall, storage: OutputStorage | undefined, result: TaskResult): void {
    if (this.live.get(taskId) !== entry) return; // stopped meanwhile: nothing reaches the log
    const { log } = this.host;
    const name = entry.name;
    if (result.outcome === 'progress') {
      const type = result.progress.type as EventType;
      if (PROGRESS_TYPES.has(type)) log.append(type, taskId, name, payloadJson(result.progress.value));
      return;
    }
    this.live.delete(taskId);
    const recorded = recordOutcome(log, taskId, name, result);
    if (recorded.type === 'TASK_COMPLETED') this.completed().set(taskId, recorded);
    for (const waiter of entry.waiters)
      settleFromEvent(recorded, this.executionId, storage, waiter.resolve, waiter.reject, waiter.reject);
  }

  private completed(): Map<string, StoredEvent> {
    if (!this.completedCalls) {
      this.completedCalls = new Map();
      // The current run's only: an id started again makes the same nested calls anew.
      const { events } = this.host.log;
      for (let i = runStartIndex(events); i < events.length; i++) {
        const event = events[i]!;
        if (event.type === 'TASK_COMPLETED' && isNestedCall(event.sourceId))
          this.completedCalls.set(event.sourceId, event);
      }
    }
    return this.completedCalls;
  }
}
