/**
 * Which execution (if any) the current code runs in. A task call looks here to decide whether it is
 * a durable step (inside a workflow body) or a plain call (anywhere else); a task body finds its
 * `taskContext()` here.
 */
import type { Context as OtelContext } from '@opentelemetry/api';
import type { RecordedWake } from './waits.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import { systemClock, type Clock } from './clock.js';
import type { TaskDefinition } from './task-definition.js';
import type { WorkflowDefinition } from './workflow-definition.js';

/** A child call as the parent's body receives it: the child's id, and its output. */
export interface ChildCall {
  executionId: string;
  output: unknown;
}

/**
 * Where a task body's own task calls go: the execution it runs for records each as a durable step
 * of its own (a nested task), its id scoped under the calling task's.
 */
export interface NestedCalls {
  callNested(parent: TaskScope, definition: TaskDefinition, args: unknown[]): Promise<unknown>;
}

/** What the workflow body's built-ins and task calls ask of the execution actor hosting them. */
export interface WorkflowSession {
  readonly executionId: string;
  callTask(definition: TaskDefinition, args: unknown[]): Promise<unknown>;
  /** `wake`: the pause's wake condition, as `recordedWake` (./waits.ts) reduced it. */
  pause(name: string, output: unknown, wake?: RecordedWake): Promise<unknown>;
  sleep(milliseconds: number): Promise<void>;
  /** Whether this execution takes the patched path (see `patched` in runtime/api/builtins.ts). */
  patched(patchId: string, deprecated: boolean): boolean;
  /** Runs a child execution; rejects with an ExecutionError if it fails or is cancelled. */
  callWorkflow(definition: WorkflowDefinition, input: unknown): Promise<ChildCall>;
}

const NO_SECRETS: Readonly<Record<string, string>> = Object.freeze({});

/** One attempt of a task body (or of its fallback or rollback). */
export class TaskScope {
  readonly kind = 'task';
  private controller: AbortController | undefined;
  private abortReason: unknown;
  private aborted = false;
  /** How many calls with each base this attempt has made: nested call ids count per attempt. */
  private nestedCounts: Map<string, number> | undefined;
  /**
   * The OpenTelemetry context of this attempt's span, when its run is traced: spans the body makes
   * under it (`tracer.startActiveSpan(name, {}, taskContext().traceContext, fn)`) join the trace.
   */
  traceContext: OtelContext | undefined;

  constructor(
    readonly executionId: string,
    readonly taskId: string,
    readonly taskName: string,
    readonly attempt: number,
    readonly secrets: Readonly<Record<string, string>> = NO_SECRETS,
    readonly nested?: NestedCalls,
    /** The clock of the runtime running the task: the `now()` built-in reads it. */
    readonly clock: Clock = systemClock,
  ) {}

  /**
   * The id of a task this attempt calls: `<this task's id>/<name>_<hash>_<n>`. Counted per attempt,
   * so a retry that makes the same calls finds the ones that completed and does not run them again.
   */
  nestedId(base: string): string {
    this.nestedCounts ??= new Map();
    const n = (this.nestedCounts.get(base) ?? 0) + 1;
    this.nestedCounts.set(base, n);
    return `${this.taskId}/${base}_${n}`;
  }

  get idempotencyKey(): string {
    return `${this.executionId}/${this.taskId}`;
  }

  /** Created on first use: most task bodies never look at it, and an AbortController is not free. */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.aborted) this.controller.abort(this.abortReason);
    }
    return this.controller.signal;
  }

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.abortReason = reason;
    this.controller?.abort(reason);
  }
}

export type Scope = { kind: 'workflow'; session: WorkflowSession } | TaskScope;

export const scopeStorage = new AsyncLocalStorage<Scope>();

/** The session of the workflow body running here, if this code runs directly in one. */
export function currentSession(): WorkflowSession | undefined {
  const scope = scopeStorage.getStore();
  return scope?.kind === 'workflow' ? scope.session : undefined;
}

/** The task attempt running here, if this code runs in a task body. */
export function currentTask(): TaskScope | undefined {
  const scope = scopeStorage.getStore();
  return scope?.kind === 'task' ? scope : undefined;
}
