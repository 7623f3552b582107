/**
 * Sub-workflows as the logs see them. A parent's `call(child, input)` is a step of the parent whose
 * outcome is the child execution's end; the child has its own id and log. The two logs point at
 * each other: the parent's call step records CHILD_WORKFLOW_STARTED (the child's id), the child's
 * log records WORKFLOW_CALLED_BY (the parent's id and call step). The runtime follows these links
 * to pause, resume and cancel the two together.
 */
import type { ErrorCode } from './error-codes.js';
import type { StoredEvent } from './events.js';
import { ExecutionContext } from './execution-context.js';
import type { ExecutionState } from './execution-state.js';
import { OUTCOME_TYPES } from './call-index.js';
import type { ErrorInfo } from '../../proto/messages.js';
import type { WorkflowDefinition } from './workflow-definition.js';

/** Where a child execution was called from. */
export interface ParentLink {
  executionId: string;
  /** The parent's call step. */
  callId: string;
}

/** How a child execution stood when its parent stopped waiting for it (it paused or finished). */
export interface ChildSettled {
  state: ExecutionState;
  events: readonly StoredEvent[];
}

/**
 * The child's id follows from the parent's and the call step's: a parent that runs the step again
 * (after a crash, or a resume) finds the same child instead of starting a second one.
 */
export function childExecutionId(parentId: string, callId: string, run = 1): string {
  // A later run of an id started again calls its children anew: their ids say which run.
  return run === 1 ? `${parentId}-${callId}` : `${parentId}-r${run}-${callId}`;
}

/** The parent of an execution, if a workflow called it. */
export function parentOf(events: readonly StoredEvent[]): ParentLink | undefined {
  // Recorded right after WORKFLOW_STARTED.
  const link = events[1]?.type === 'WORKFLOW_CALLED_BY' ? events[1] : undefined;
  return link?.valueJson ? (JSON.parse(link.valueJson) as ParentLink) : undefined;
}

/** The child a paused execution waits on: its latest pause is a child's pause. */
export function pausedChild(events: readonly StoredEvent[]): { callId: string; executionId: string } | undefined {
  let paused: StoredEvent | undefined;
  for (let i = events.length - 1; i >= 0 && !paused; i--) {
    if (events[i]!.type === 'WORKFLOW_STARTED') break; // the current run's only
    if (events[i]!.type === 'TASK_PAUSED') paused = events[i];
  }
  if (!paused) return undefined;
  const executionId = childIds(events).get(paused.sourceId);
  return executionId === undefined ? undefined : { callId: paused.sourceId, executionId };
}

/** The children whose call steps have no outcome yet: a cancelled parent cancels them too. */
export function openChildren(events: readonly StoredEvent[]): string[] {
  const children = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'WORKFLOW_STARTED') children.clear();
    else if (event.type === 'CHILD_WORKFLOW_STARTED') children.set(event.sourceId, childIdOf(event));
    else if (OUTCOME_TYPES.has(event.type)) children.delete(event.sourceId);
  }
  return [...children.values()];
}

/** Every child a log's call steps started, with the step that called it. */
export function childCalls(events: readonly StoredEvent[]): { callId: string; executionId: string }[] {
  return [...childIds(events)].map(([callId, executionId]) => ({ callId, executionId }));
}

function childIds(events: readonly StoredEvent[]): Map<string, string> {
  const children = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'WORKFLOW_STARTED')
      children.clear(); // the current run's only
    else if (event.type === 'CHILD_WORKFLOW_STARTED') children.set(event.sourceId, childIdOf(event));
  }
  return children;
}

function childIdOf(event: StoredEvent): string {
  return (JSON.parse(event.valueJson!) as { executionId: string }).executionId;
}

/** The raw value of a settled child's end: its output's JSON, its error, or its pause's output. */
export function endValueJson(settled: ChildSettled): string | undefined {
  const type =
    settled.state === 'paused'
      ? 'TASK_PAUSED'
      : settled.state === 'succeeded'
        ? 'WORKFLOW_COMPLETED'
        : 'WORKFLOW_FAILED';
  for (let i = settled.events.length - 1; i >= 0; i--)
    if (settled.events[i]!.type === type) return settled.events[i]!.valueJson;
  return undefined;
}

/** The name of the pause a paused child stopped at. */
export function pauseName(settled: ChildSettled): string {
  for (let i = settled.events.length - 1; i >= 0; i--) {
    const event = settled.events[i]!;
    if (event.type === 'WORKFLOW_PAUSED') return JSON.parse(event.valueJson ?? '""') as string;
  }
  return '';
}

/** The error a parent's call step fails with when its child failed or was cancelled. */
export function childFailure(
  executionId: string,
  workflow: string,
  settled: ChildSettled & { error?: ErrorInfo | undefined },
): ErrorInfo {
  if (settled.state === 'cancelled') {
    return {
      name: 'ExecutionError',
      code: 'CHILD_WORKFLOW_CANCELLED' satisfies ErrorCode,
      message: `child execution ${executionId} of workflow '${workflow}' was cancelled`,
      details: { executionId, workflow, state: 'cancelled' },
    };
  }
  const json = settled.error ? undefined : endValueJson(settled);
  const error =
    settled.error ??
    (json === undefined ? { name: 'Error', message: 'no error was recorded' } : (JSON.parse(json) as ErrorInfo));
  return {
    name: 'ExecutionError',
    code: 'CHILD_WORKFLOW_FAILED' satisfies ErrorCode,
    message: `child execution ${executionId} of workflow '${workflow}' failed: ${error.message}`,
    details: { executionId, workflow, state: 'failed', error },
  };
}

/**
 * A child's context as its parent's body sees it: id, state, input and output (or error). Built
 * from what the parent's log holds, so it is the same on every replay; the child's own events are
 * `runtime.inspect(ctx.executionId)`.
 */
export class ChildContext<I = unknown, O = unknown> extends ExecutionContext<I, O> {
  constructor(
    executionId: string,
    name: string,
    state: ExecutionState,
    private readonly childInput: I,
    private readonly result: unknown,
  ) {
    super({ executionId, name, state, log: [] });
  }

  override get input(): I {
    return this.childInput;
  }

  override get output(): O {
    return this.result as O;
  }
}

/** A child execution a parent waits on. */
export interface ChildHandle {
  /** Resolves once the child pauses or finishes. */
  readonly result: Promise<ChildSettled>;
  /** The parent stopped waiting (it failed or was cancelled): cancel the child. */
  cancel(options?: { rollback?: boolean }): void;
  /** The parent lost its log to another driver: leave the child alone, the new driver takes it up. */
  detach(): void;
}

/** What an execution actor asks of its runtime to run children. */
export interface ChildRunner {
  /** Runs the child (starting it if it does not exist, picking it up if it does) until it pauses or finishes. */
  attach(
    definition: WorkflowDefinition,
    childId: string,
    inputJson: string | undefined,
    parent: ParentLink,
  ): ChildHandle;
}
