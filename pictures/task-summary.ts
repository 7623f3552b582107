/**
 * The task calls of an execution, in the order they started, each with its outcome and what its
 * failure handling did (retries, rollback, fallback), read from the per-task events of the log.
 */
import type { EventType, ExecutionEvent } from '../runtime/engine/events.js';

/** `resumed`: a `pause()` step the execution was resumed past. `running`: no outcome recorded yet. */
export type TaskOutcome = 'running' | 'completed' | 'failed' | 'paused' | 'resumed' | 'cancelled';
export type StepOutcome = 'started' | 'completed' | 'failed';

export interface TaskSummary {
  /** The call's id (`charge_<hash>_1`): one entry per call, however often it was retried. */
  id: string;
  name: string;
  /** Called inside another task's body; its id starts with the caller's. */
  nested: boolean;
  outcome: TaskOutcome;
  /** Retries started after the first attempt failed. */
  retries: number;
  // Absent rather than undefined when nothing happened, so the JSON a web page gets is the same object.
  rollback?: StepOutcome;
  fallback?: StepOutcome;
  /** For a child workflow call: the child execution's id. */
  childExecutionId?: string;
}

type Apply = (task: TaskSummary, event: ExecutionEvent) => void;

// One entry per event type a task call records; any other event is not about a task call.
const APPLY: Partial<Record<EventType, Apply>> = {
  TASK_STARTED: (task) => {
    task.outcome = 'running';
  },
  TASK_COMPLETED: (task) => {
    task.outcome = 'completed';
  },
  TASK_FAILED: (task) => {
    task.outcome = 'failed';
  },
  TASK_PAUSED: (task) => {
    task.outcome = 'paused';
  },
  TASK_RESUMED: (task) => {
    task.outcome = 'resumed';
  },
  TASK_CANCELLED: (task) => {
    task.outcome = 'cancelled';
  },
  TASK_RETRY_STARTED: (task) => {
    task.retries++;
  },
  TASK_ROLLBACK_STARTED: (task) => {
    task.rollback = 'started';
  },
  TASK_ROLLBACK_COMPLETED: (task) => {
    task.rollback = 'completed';
  },
  TASK_ROLLBACK_FAILED: (task) => {
    task.rollback = 'failed';
  },
  TASK_FALLBACK_STARTED: (task) => {
    task.fallback = 'started';
  },
  TASK_FALLBACK_COMPLETED: (task) => {
    task.fallback = 'completed';
  },
  TASK_FALLBACK_FAILED: (task) => {
    task.fallback = 'failed';
  },
  CHILD_WORKFLOW_STARTED: (task, event) => {
    const id = childId(event.value);
    if (id !== undefined) task.childExecutionId = id;
  },
};

export function summarizeTasks(events: readonly ExecutionEvent[]): TaskSummary[] {
  const tasks = new Map<string, TaskSummary>();
  for (const event of events) {
    const apply = APPLY[event.type];
    if (!apply) continue;
    // A log read from the middle may hold a task's later events without its TASK_STARTED.
    let task = tasks.get(event.sourceId);
    if (!task) {
      task = newTask(event);
      tasks.set(event.sourceId, task);
    }
    apply(task, event);
  }
  return [...tasks.values()];
}

function newTask(event: ExecutionEvent): TaskSummary {
  return { id: event.sourceId, name: event.name, nested: event.sourceId.includes('/'), outcome: 'running', retries: 0 };
}

function childId(value: unknown): string | undefined {
  const id = (value as { executionId?: unknown } | null | undefined)?.executionId;
  return typeof id === 'string' ? id : undefined;
}

/** One line per task for a note: `2. charge failed (2 retries, rollback completed)`. */
export function taskLine(task: TaskSummary, index: number): string {
  const details = [
    task.retries > 0 ? `${task.retries} ${task.retries === 1 ? 'retry' : 'retries'}` : '',
    task.rollback ? `rollback ${task.rollback}` : '',
    task.fallback ? `fallback ${task.fallback}` : '',
    task.childExecutionId ? 'child workflow' : '',
    task.nested ? 'nested' : '',
  ].filter(Boolean);
  return `${index + 1}. ${task.name} ${task.outcome}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}
