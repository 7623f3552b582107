/**
 * The wire messages as strict TypeScript types. They are the generated protobuf shapes with every
 * field required, so in-process delivery and NATS delivery carry exactly the same data.
 */
import type { flux } from './generated/flux.js';

export const JSON_CONTENT_TYPE = 'application/json';

/**
 * A serialised value. `data` empty means undefined. A payload made in this process also keeps its
 * JSON text (`json`), so in-process delivery never encodes and decodes bytes; the wire codec fills
 * `data` from it.
 */
export interface Payload {
  contentType: string;
  data: Uint8Array;
  json?: string | undefined;
}

export interface ErrorInfo {
  name: string;
  message: string;
  code?: string;
  /** Plain data of a flux error (a RetryError's attempts and last error, a timeout's limit). */
  details?: Record<string, unknown>;
  /** Where it was thrown (cut to 4,000 characters); secrets redacted as every logged value. */
  stack?: string;
  /** The error it was thrown because of (`new Error(msg, { cause })`), and so on, at most 4 deep. */
  cause?: ErrorInfo;
}

export interface TaskCommand {
  executionId: string;
  taskId: string;
  taskName: string;
  attempt: number;
  args: Payload;
  /** Set when the task is taken up again after its driver stopped part-way through. */
  resume?: TaskResume;
  /** Secrets the workflow requested for all its tasks, by name (never values), besides the task's own. */
  secretRequests?: string[];
  /**
   * The W3C traceparent of the run that sent it, when that run is traced: the executor's spans join
   * the execution's trace. Across NATS it travels as the `traceparent` header, not in the message.
   */
  traceparent?: string;
}

/** Where an interrupted task's failure handling picks up. */
export interface TaskResume {
  phase: 'attempt' | 'deciding' | 'rollingBack' | 'afterRollback' | 'fallingBack';
  /** Epoch ms before which attempt `attempt` must not start (a retry's backoff). */
  notBeforeMs: number;
  lastError?: ErrorInfo;
}

export interface TaskProgress {
  type: string;
  value: Payload;
}

export type TaskResult =
  | { executionId: string; taskId: string; attempt: number; outcome: 'output'; output: Payload }
  | { executionId: string; taskId: string; attempt: number; outcome: 'error'; error: ErrorInfo }
  | { executionId: string; taskId: string; attempt: number; outcome: 'progress'; progress: TaskProgress };

/** One task call: the execution and the call's identity in it. */
export interface TaskRef {
  executionId: string;
  taskId: string;
}

/** A dispatcher asks the executor that took some of its commands whether it still runs them. */
export interface ExecutorProbe {
  calls: TaskRef[];
}

/** The calls asked about that the executor does not run (any longer); `error` when it could not read the probe. */
export interface ExecutorProbeReply {
  notRunning: TaskRef[];
  error?: ErrorInfo;
}

// Compile-time proof that the strict types are valid generated message properties (ErrorInfo's
// details are a plain object here and a JSON payload on the wire).
const _command: flux.v1.TaskCommand.$Properties = {} as Omit<TaskCommand, 'resume'>;
const _result: flux.v1.TaskResult.$Properties = {} as Exclude<TaskResult, { outcome: 'error' }>;
const _probe: flux.v1.ExecutorProbe.$Properties = {} as ExecutorProbe;
void _command;
void _result;
void _probe;

const decoder = new TextDecoder();

const EMPTY = new Uint8Array(0);

/** Wraps a JSON text (or undefined) as a payload, lazily: bytes are made only for the wire. */
export function jsonPayload(json: string | undefined): Payload {
  return { contentType: JSON_CONTENT_TYPE, data: EMPTY, json };
}

/** The JSON text a payload carries, or undefined for an empty one. */
export function payloadJson(payload: Payload): string | undefined {
  if (payload.json !== undefined) return payload.json;
  return payload.data.length === 0 ? undefined : decoder.decode(payload.data);
}
