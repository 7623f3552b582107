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
export { workflow } from './workflow.js';
export type { Workflow, RunOptions, ResumeOptions, RunArgs } from './workflow.js';
export { task } from './task.js';
export type { Task } from './task.js';
export type { TaskOptions } from './task-definition.js';
export type { WorkflowOptions, WorkflowFunction } from './workflow-definition.js';
export { pause, now, uuid4, randint, randrange, choice, sleep } from './builtins.js';
export { taskContext } from './task-context.js';
export { parallel, pipeline } from './parallel.js';
export { call } from './subworkflows.js';
export { Graph, GraphValidationError } from './graph.js';
export type { GraphEdge, NodeAction, EdgeCondition } from './graph.js';
export type { ParallelOptions, ParallelItem } from './parallel.js';
export { LocalFileStorage } from './output-storage.js';
export type { OutputStorage } from './output-storage.js';
export type { SecretManager } from './secrets.js';
export { SecretNotFoundError } from './secrets.js';
export type { TaskContext } from './task-context.js';
export { ExecutionContext } from './execution-context.js';
export type { ExecutionEvent, EventType } from './events.js';
export { EVENT_TYPES } from './events.js';
export type { ExecutionState } from './execution-state.js';
export type { ErrorInfo } from '../proto/messages.js';
export { createRuntime } from './runtime.js';
export { startWorker } from './nats/worker.js';
export type { Worker, WorkerOptions } from './nats/worker.js';
export { connectClient } from './nats/client.js';
export type { Client } from './nats/client.js';
export { PayloadTooLargeError } from './nats/client.js';
export type { NatsOptions } from './nats/nats-runtime.js';
export type { Logger } from './logger.js';
export { MalformedMessageError } from '../proto/codec.js';
export type { RecoveryReport } from './recovery.js';
export type { SqliteStoreOptions } from './stores/sqlite-options.js';
export type {
  Runtime,
  RuntimeOptions,
  StartOptions,
  ExecutionHandle,
  ExecutionSummary,
  CancelOptions,
} from './runtime.js';
export type { ListFilter } from './stores/event-store.js';
export type { Duration } from './duration.js';
export { checkExecutionId, MAX_ID_LENGTH, MAX_NAME_LENGTH } from './names.js';
export {
  FluxError,
  ExecutionError,
  WorkflowNotFoundError,
  ExecutionNotFoundError,
  ExecutionStateError,
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
  isFluxError,
} from './errors.js';
