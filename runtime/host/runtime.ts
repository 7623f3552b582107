/**
 * What every runtime offers, embedded or on NATS: run, start, resume, cancel, inspect and list
 * executions. `ActorRuntime` (./actor-runtime.ts) is the one implementation; `createRuntime`
 * (runtime/api/create-runtime.ts) picks its store.
 */
import type { Schedules } from './schedules.js';
import type { CancelOptions } from '../../actors/execution-actor.js';
import type { Execution } from '../engine/execution-context.js';
import type { ExecutionRecord, ListFilter } from '../engine/event-store.js';
import type { SecretManager } from '../engine/secrets.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import type { RecoveryReport } from './recovery.js';
import type { Duration } from '../engine/duration.js';
import type { FinishedState } from '../engine/execution-state.js';

export type { RecoveryReport } from './recovery.js';

export interface StartOptions {
  /**
   * The execution's id (a business key). A free id starts a new execution under it. An id in use
   * with the same input (or none given) is the same start: it is continued as Flux's
   * `run(execution_id=...)` does (a paused one resumes, one whose driver died is taken over, a
   * finished one is returned as it is); with another input it is refused (EXECUTION_EXISTS).
   */
  executionId?: string;
  /**
   * What a start under an id in use does. `sameInput` (default): the same input is the same start,
   * another is refused. `allowIfFinished`: once the execution under the id has finished (succeeded,
   * failed or cancelled), the start begins a new run of it, with this input, in the same log (as
   * Temporal's id reuse policy); while it has not, the default rule holds.
   */
  idReuse?: IdReusePolicy;
  /** Run on this version of the workflow (default: the definition given, which is the newest by name). */
  version?: string;
}

/** See `StartOptions.idReuse`. */
/** Which finished executions `purge` deletes. */
export interface PurgeOptions {
  /** How long after its last event a finished execution is kept: ms, or '30d', '12h'. */
  olderThan: Duration;
  state?: FinishedState;
  workflow?: string;
}

export type IdReusePolicy = 'sameInput' | 'allowIfFinished';
export const ID_REUSE_POLICIES: readonly IdReusePolicy[] = ['sameInput', 'allowIfFinished'];

/** Where a fork starts, and under which id. */
export interface ForkOptions<I = unknown, O = unknown> {
  /** The step to go on from (its number from 1, its task id, or its task's name): the steps before it are kept. */
  from: string | number;
  /** The fork's id (default: a new one). Forking again under it, from the same step, is the same fork. */
  executionId?: string;
  /** The code to go on with (default: the newest version of the source's workflow served here). */
  workflow?: WorkflowDefinition<I, O>;
}

/** A started execution: its id at once, its result when it finishes or pauses. */
export interface ExecutionHandle<I = unknown, O = unknown> {
  readonly executionId: string;
  result(): Promise<Execution<I, O>>;
}

export type ExecutionSummary = ExecutionRecord;
export type { CancelOptions } from '../../actors/execution-actor.js';

export interface ResultOptions {
  /** `settled` (default): paused or finished; `finished`: succeeded, failed or cancelled. */
  until?: 'settled' | 'finished';
}

/** Which pause a resume answers, and the workflow the execution must belong to. */
export interface ResumeTarget<I = unknown, O = unknown> {
  /** The pause to answer, by name: needed when several are pending. */
  pause?: string;
  workflow?: WorkflowDefinition<I, O>;
}

/** `resume`'s third argument, either form. */
export function resumeTargetOf<I, O>(
  target: WorkflowDefinition<I, O> | ResumeTarget<I, O> | undefined,
): ResumeTarget<I, O> {
  if (!target) return {};
  return 'fn' in target ? { workflow: target } : target;
}

export interface Runtime {
  readonly kind: string;
  /** Schedules: create, list, change, pause, resume, trigger, delete, and their recent runs. */
  readonly schedules: Schedules;
  /** Secrets for task bodies: `set`, `get`, `delete`. */
  readonly secrets: SecretManager;
  run<I, O>(workflow: WorkflowDefinition<I, O>, input?: I, options?: StartOptions): Promise<Execution<I, O>>;
  start<I, O>(workflow: WorkflowDefinition<I, O>, input?: I, options?: StartOptions): Promise<ExecutionHandle<I, O>>;
  /**
   * Resumes a paused execution: the `pause()` it waits on returns `value`. With several pauses
   * pending, name the one to answer (`{ pause: 'finance' }`); without a name it is refused
   * (`AMBIGUOUS_RESUME`). A workflow given (or `{ workflow }`) must be the execution's.
   */
  resume<I = unknown, O = unknown>(
    executionId: string,
    value?: unknown,
    target?: WorkflowDefinition<I, O> | ResumeTarget<I, O>,
  ): Promise<Execution<I, O>>;
  /**
   * Cancels a running or paused execution; resolves with its context once it is `cancelled`. A
   * finished execution cannot be cancelled (ExecutionStateError).
   */
  cancel<I = unknown, O = unknown>(
    executionId: string,
    workflow?: WorkflowDefinition<I, O>,
    options?: CancelOptions,
  ): Promise<Execution<I, O>>;
  /**
   * Runs a failed execution again from where it failed, on the code deployed now: the calls whose
   * failures failed it run again, every completed call keeps its recorded outcome (nothing that
   * completed runs twice). Resolves with its next pause or end. Only a `failed` execution can be
   * retried (ExecutionStateError); one that failed on a `NonDeterminismError` can, once its code fits.
   */
  retry<I = unknown, O = unknown>(executionId: string, workflow?: WorkflowDefinition<I, O>): Promise<Execution<I, O>>;
  /**
   * Forks a finished execution: a new execution whose log takes over the source's steps before
   * `from` (their outputs reused, not run again) and goes on from there on the code deployed now.
   * The fork's log records its source (WORKFLOW_FORKED_FROM), the source's the fork (WORKFLOW_FORKED).
   */
  fork<I = unknown, O = unknown>(executionId: string, options: ForkOptions<I, O>): Promise<ExecutionHandle<I, O>>;
  inspect<I = unknown, O = unknown>(executionId: string): Promise<Execution<I, O>>;
  /**
   * Waits for an execution driven by this runtime: resolves once it is paused or finished
   * (`until: 'settled'`, the default) or finished (`until: 'finished'`), at once if it is already.
   * What wakes a paused execution (a timer, a resume) may happen meanwhile.
   */
  result<I = unknown, O = unknown>(executionId: string, options?: ResultOptions): Promise<Execution<I, O>>;
  list(filter?: ListFilter): Promise<ExecutionSummary[]>;
  /**
   * Deletes a finished execution with everything kept for it: its log, snapshot, large values, index
   * entry, and the outputs its output storage keeps. A running, paused or waiting execution is
   * refused (ExecutionStateError) and kept; an unknown one is an ExecutionNotFoundError. Child
   * executions are executions of their own: each is deleted on its own.
   */
  delete(executionId: string): Promise<void>;
  /**
   * Deletes every finished execution whose last event is older than `olderThan` (and of the state
   * and workflow given); resolves with how many. What `retention` does by itself.
   */
  purge(options: PurgeOptions): Promise<number>;
  /**
   * SQLite: takes over, now, the executions left running by runtimes that died (and those this
   * runtime stopped driving because their writes failed); see `RuntimeOptions.recover`. Resolves
   * once they are taken (not finished). Memory and NATS: nothing to do (NATS workers do it themselves).
   */
  recover(): Promise<RecoveryReport>;
  close(): Promise<void>;
}
