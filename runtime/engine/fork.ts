/**
 * A fork (DBOS's `fork`, Temporal's reset to a new run): a new execution whose log begins with the
 * first steps of another's, their outcomes kept, so a replay hands them back and the body goes on
 * from the step forked from, on the code deployed now. The fork's log records where it came from
 * (WORKFLOW_FORKED_FROM, right after WORKFLOW_STARTED); the source's records the fork (WORKFLOW_FORKED).
 */
import { runStartIndex, type StoredEvent } from './events.js';
import { ForkStepError } from './errors.js';
import { isNestedCall } from './identity.js';
import { replayView } from './retry.js';

/** What WORKFLOW_FORKED_FROM and WORKFLOW_FORKED record: the other execution and the step. */
export interface ForkLink {
  executionId: string;
  /** The step forked from, 1-based: the fork kept the steps before it. */
  step: number;
  /** In WORKFLOW_FORKED_FROM: how many of the source's events follow it, copied. */
  copied?: number;
}

/** One step of an execution: a call of its body, in the order the body made them. */
export interface Step {
  taskId: string;
  name: string;
}

/** The body's calls in the order they started (a call run again after a crash counts once). */
export function stepsOf(events: readonly StoredEvent[]): Step[] {
  const seen = new Set<string>();
  const steps: Step[] = [];
  for (const event of replayView(events)) {
    if (event.type !== 'TASK_STARTED' || isNestedCall(event.sourceId) || seen.has(event.sourceId)) continue;
    seen.add(event.sourceId);
    steps.push({ taskId: event.sourceId, name: event.name });
  }
  return steps;
}

/**
 * The step to fork from, 1-based: a number (up to one past the last step: keep them all), a task id,
 * or a task's name (its first call). Anything else is a `ForkStepError` naming the steps there are.
 */
export function forkStep(executionId: string, events: readonly StoredEvent[], from: string | number): number {
  const steps = stepsOf(events);
  const text = String(from).trim();
  if (/^\d+$/.test(text)) {
    const step = Number(text);
    if (step >= 1 && step <= steps.length + 1) return step;
  } else {
    const byId = steps.findIndex((step) => step.taskId === text);
    const at = byId >= 0 ? byId : steps.findIndex((step) => step.name === text);
    if (at >= 0) return at + 1;
  }
  throw new ForkStepError(
    executionId,
    text,
    steps.map((step) => step.taskId),
  );
}

/**
 * The events the fork's log takes over after its own start: everything the steps before `step`
 * recorded (their starts, progress, outcomes, nested calls, children), in recorded order. Lifecycle
 * events stay the source's.
 */
export function forkedEvents(events: readonly StoredEvent[], step: number): StoredEvent[] {
  const view = replayView(events);
  // A step a cancel rolled back did not happen, as far as the fork goes: it runs again there.
  const undone = new Set(view.filter((e) => e.type === 'TASK_ROLLBACK_COMPLETED').map((e) => e.sourceId));
  const kept = new Set(
    stepsOf(events)
      .slice(0, step - 1)
      .map((s) => s.taskId)
      .filter((taskId) => !undone.has(taskId)),
  );
  return view.filter((event) => {
    if (event.type.startsWith('WORKFLOW_')) return false;
    const slash = event.sourceId.indexOf('/');
    return kept.has(slash < 0 ? event.sourceId : event.sourceId.slice(0, slash));
  });
}

/**
 * Where the events the current run did itself begin: after its start, and after what a fork copied
 * from its source (the source did those: a cancel's rollbacks must not undo them here).
 */
export function ownEventsFrom(events: readonly StoredEvent[]): number {
  const start = runStartIndex(events);
  const link = events[start + 1];
  if (link?.type !== 'WORKFLOW_FORKED_FROM' || !link.valueJson) return start;
  return start + 2 + ((JSON.parse(link.valueJson) as ForkLink).copied ?? 0);
}

/** The execution a log was forked from, if it was. */
export function forkedFrom(events: readonly StoredEvent[]): ForkLink | undefined {
  const link = events[1]?.type === 'WORKFLOW_FORKED_FROM' ? events[1] : undefined;
  return link?.valueJson ? (JSON.parse(link.valueJson) as ForkLink) : undefined;
}

/** The forks made of an execution, as its log records them. */
export function forksOf(events: readonly StoredEvent[]): ForkLink[] {
  return events
    .filter((event) => event.type === 'WORKFLOW_FORKED' && event.valueJson)
    .map((event) => JSON.parse(event.valueJson!) as ForkLink);
}
