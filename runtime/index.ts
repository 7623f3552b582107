/**
 * flux-actors: durable workflows for TypeScript, built as an actor system.
 *
 * @example
 * import { workflow, task, ExecutionContext } from 'flux-actors';
 *
 * const processData = task(async function processData(data: string) { return data.toUpperCase(); });
 * const myWorkflow = workflow(async function myWorkflow(ctx: ExecutionContext<string>) {
 *   return await processData(ctx.input);
 * });
 * const ctx = await myWorkflow.run('hello'); // ctx.output === 'HELLO'
 */
export { workflow } from './api/workflow.js';
export type { Workflow, RunOptions, ResumeOptions, RunArgs } from './api/workflow.js';
export { task } from './api/task.js';
export type { Task } from './api/task.js';
export type { TaskOptions } from './engine/task-definition.js';
export type { WorkflowOptions, WorkflowFunction, WorkflowDefinition } from './engine/workflow-definition.js';
export { pause, now, uuid4, randint, randrange, choice, sleep, patched, deprecatePatch } from './api/builtins.js';
export type { PauseOutcome, PauseWakeOptions, WakeReason } from './engine/waits.js';
export { taskContext } from './api/task-context.js';
export { parallel, pipeline } from './api/parallel.js';
export { call } from './api/subworkflows.js';
export { schedule } from './api/schedule.js';
export { replayCheck } from './host/replay-check.js';
export type { ReplayCheckOptions, ReplayReport, ReplayVerdict, ReplaySource } from './host/replay-check.js';
export type { Divergence } from './engine/errors.js';
export type { ScheduleOptions, OverlapPolicy, CatchupPolicy } from './engine/schedule-spec.js';
export type { Schedules, ScheduleInfo, ScheduleRunInfo, ScheduleChange } from './host/schedules.js';
export { Graph } from './api/graph.js';
export type { GraphEdge, NodeAction, EdgeCondition } from './api/graph.js';
export type { ParallelOptions, ParallelItem } from './api/parallel.js';
export { LocalFileStorage } from './engine/output-storage.js';
export type { OutputStorage } from './engine/output-storage.js';
export type { SecretManager } from './engine/secrets.js';
export type { TaskContext } from './api/task-context.js';
export { ExecutionContext } from './engine/execution-context.js';
export type { Execution, OutputIn } from './engine/execution-context.js';
export type { ExecutionEvent, EventType } from './engine/events.js';
export { EVENT_TYPES } from './engine/events.js';
export type { ExecutionState, FinishedState } from './engine/execution-state.js';
export { EXECUTION_STATES, FINISHED_STATES } from './engine/execution-state.js';
export { toMilliseconds } from './engine/duration.js';
export type { ErrorInfo } from '../proto/messages.js';
export { createRuntime } from './api/create-runtime.js';
export { startWorker, connectClient } from './api/on-nats.js';
export type { Worker, WorkerOptions } from './nats/worker.js';

export type { Client, WorkflowHandle } from './nats/client.js';
export { PayloadTooLargeError } from './engine/errors.js';
export type { NatsOptions } from './nats/nats-runtime.js';
export type { Logger, LogFields, LogLevel } from './engine/logger.js';
export { consoleLogger, jsonLogger, LOG_LEVELS } from './engine/logger.js';
export { MalformedMessageError } from './engine/errors.js';
export type { RecoveryReport } from './host/recovery.js';
export type { SqliteStoreOptions } from './stores/sqlite-options.js';
export type {
  Runtime,
  StartOptions,
  ExecutionHandle,
  ExecutionSummary,
  CancelOptions,
  ResumeTarget,
  ResultOptions,
  ForkOptions,
  PurgeOptions,
  IdReusePolicy,
} from './host/runtime.js';
export { ID_REUSE_POLICIES } from './host/runtime.js';
export type { ForkLink } from './engine/fork.js';
export { executionTraceId } from './engine/tracing.js';
export type { RuntimeOptions } from './api/create-runtime.js';
export type { ListFilter } from './engine/event-store.js';
export type { Duration } from './engine/duration.js';
export { TestClock } from './engine/test-clock.js';
export type { SkipOptions } from './engine/test-clock.js';
export { systemClock } from './engine/clock.js';
export type { Clock, Timer } from './engine/clock.js';
export { checkExecutionId, checkName, MAX_ID_LENGTH, MAX_NAME_LENGTH } from './engine/names.js';
export { checkVersion } from './engine/workflow-versions.js';
export {
  FluxError,
  ExecutionError,
  WorkflowNotFoundError,
  ExecutionNotFoundError,
  ExecutionExistsError,
  ForkStepError,
  ExecutionStateError,
  ResumeTargetError,
  WorkflowMismatchError,
  ExecutionConflictError,
  SerializationError,
  NonDeterminismError,
  DefinitionError,
  CorruptLogError,
  ExecutionTimeoutError,
  RetryError,
  InvalidNameError,
  StoreFullError,
  SecretNotFoundError,
  GraphValidationError,
  isFluxError,
  hasErrorCode,
  isErrorCode,
  ERROR_CODES,
} from './engine/errors.js';
export type { ErrorCode, FluxErrorLike } from './engine/errors.js';
