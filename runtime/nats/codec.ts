/**
 * Encoding the wire messages as protobuf bytes for NATS, and decoding them back into the strict
 * shapes of messages.ts. A message that cannot be decoded is a MalformedMessageError naming the
 * message type, never a crash: a worker that receives garbage on a subject answers and goes on.
 */
import { flux } from '../../proto/generated/flux.js';
import {
  JSON_CONTENT_TYPE,
  payloadJson,
  type ErrorInfo,
  type ExecutorProbe,
  type ExecutorProbeReply,
  type Payload,
  type TaskCommand,
  type TaskRef,
  type TaskResult,
  type TaskResume,
} from '../../proto/messages.js';
import { MalformedMessageError } from '../engine/errors.js';
import { MAX_NAME_LENGTH } from '../engine/names.js';
import { checkVersion } from '../engine/workflow-versions.js';
import { ID_REUSE_POLICIES, type IdReusePolicy } from '../host/runtime.js';
import type { EventType, StoredEvent } from '../engine/events.js';

const v1 = flux.v1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function decodeWith<T>(messageType: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    throw new MalformedMessageError(messageType, (error as Error).message);
  }
}

// --- values ----------------------------------------------------------------------------------------

export function toWirePayload(payload: Payload | undefined): flux.v1.Payload.$Properties | undefined {
  if (!payload) return undefined;
  const json = payloadJson(payload);
  return {
    contentType: payload.contentType || JSON_CONTENT_TYPE,
    data: json === undefined ? new Uint8Array(0) : encoder.encode(json),
  };
}

function jsonBytes(json: string | undefined): flux.v1.Payload.$Properties {
  return { contentType: JSON_CONTENT_TYPE, data: json === undefined ? new Uint8Array(0) : encoder.encode(json) };
}

export function fromWirePayload(wire: flux.v1.IPayload | null | undefined): Payload {
  const data = wire?.data ?? new Uint8Array(0);
  const json = data.length === 0 ? undefined : decoder.decode(data);
  return { contentType: wire?.contentType || JSON_CONTENT_TYPE, data: new Uint8Array(0), json };
}

/** The JSON a wire payload carries; refuses a payload that is not JSON. */
export function wireJson(wire: flux.v1.IPayload | null | undefined, what: string): string | undefined {
  const payload = fromWirePayload(wire);
  if (payload.contentType !== JSON_CONTENT_TYPE)
    throw new MalformedMessageError(what, `content type ${payload.contentType} is not ${JSON_CONTENT_TYPE}`);
  if (payload.json !== undefined) {
    try {
      JSON.parse(payload.json);
    } catch {
      throw new MalformedMessageError(what, 'its payload is not valid JSON');
    }
  }
  return payload.json;
}

export function toWireError(error: ErrorInfo): flux.v1.ErrorInfo.$Properties {
  return {
    name: error.name,
    message: error.message,
    code: error.code ?? '',
    ...(error.details && { details: jsonBytes(JSON.stringify(error.details)) }),
    ...(error.stack && { stack: error.stack }),
    ...(error.cause && { cause: toWireError(error.cause) }),
  };
}

export function fromWireError(wire: flux.v1.IErrorInfo | null | undefined): ErrorInfo {
  const info: ErrorInfo = { name: wire?.name || 'Error', message: wire?.message ?? '' };
  if (wire?.code) info.code = wire.code;
  const details = wire?.details?.data?.length
    ? (JSON.parse(decoder.decode(wire.details.data)) as Record<string, unknown>)
    : undefined;
  if (details) info.details = details;
  if (wire?.stack) info.stack = wire.stack;
  if (wire?.cause) info.cause = fromWireError(wire.cause);
  return info;
}

// --- task commands and results ------------------------------------------------------------------

export function encodeTaskCommand(command: TaskCommand): Uint8Array {
  return v1.TaskCommand.encode({
    executionId: command.executionId,
    taskId: command.taskId,
    taskName: command.taskName,
    attempt: command.attempt,
    args: toWirePayload(command.args)!,
    ...(command.resume && {
      resume: {
        phase: command.resume.phase,
        notBeforeMs: command.resume.notBeforeMs,
        ...(command.resume.lastError && { lastError: toWireError(command.resume.lastError) }),
      },
    }),
    ...(command.secretRequests?.length && { secretRequests: command.secretRequests }),
  }).finish();
}

export function decodeTaskCommand(bytes: Uint8Array): TaskCommand {
  return decodeWith('TaskCommand', () => {
    const wire = v1.TaskCommand.decode(bytes);
    if (!wire.executionId || !wire.taskId || !wire.taskName)
      throw new Error('execution_id, task_id and task_name are required');
    const command: TaskCommand = {
      executionId: wire.executionId,
      taskId: wire.taskId,
      taskName: wire.taskName,
      attempt: wire.attempt || 1,
      args: fromWirePayload(wire.args),
    };
    if (wire.resume) {
      const resume: TaskResume = {
        phase: wire.resume.phase as TaskResume['phase'],
        notBeforeMs: Number(wire.resume.notBeforeMs ?? 0),
      };
      if (wire.resume.lastError) resume.lastError = fromWireError(wire.resume.lastError);
      command.resume = resume;
    }
    if (wire.secretRequests?.length) command.secretRequests = [...wire.secretRequests];
    return command;
  });
}

export function encodeTaskResult(result: TaskResult): Uint8Array {
  const header = { executionId: result.executionId, taskId: result.taskId, attempt: result.attempt };
  if (result.outcome === 'output')
    return v1.TaskResult.encode({ ...header, output: toWirePayload(result.output)! }).finish();
  if (result.outcome === 'error') return v1.TaskResult.encode({ ...header, error: toWireError(result.error) }).finish();
  return v1.TaskResult.encode({
    ...header,
    progress: { type: result.progress.type, value: toWirePayload(result.progress.value)! },
  }).finish();
}

export function decodeTaskResult(bytes: Uint8Array): TaskResult {
  return decodeWith('TaskResult', () => {
    const wire = v1.TaskResult.decode(bytes);
    const header = { executionId: wire.executionId, taskId: wire.taskId, attempt: wire.attempt || 1 };
    if (wire.outcome === 'output') return { ...header, outcome: 'output', output: fromWirePayload(wire.output) };
    if (wire.outcome === 'error') return { ...header, outcome: 'error', error: fromWireError(wire.error) };
    if (wire.outcome === 'progress')
      return {
        ...header,
        outcome: 'progress',
        progress: { type: wire.progress!.type ?? '', value: fromWirePayload(wire.progress!.value) },
      };
    throw new Error('it carries no outcome');
  });
}

// --- probes of the executor running a task ---------------------------------------------------------

function fromWireRefs(refs: flux.v1.ITaskRef[] | null | undefined): TaskRef[] {
  return (refs ?? []).map((ref) => ({ executionId: ref.executionId ?? '', taskId: ref.taskId ?? '' }));
}

export function encodeExecutorProbe(probe: ExecutorProbe): Uint8Array {
  return v1.ExecutorProbe.encode(probe).finish();
}

export function decodeExecutorProbe(bytes: Uint8Array): ExecutorProbe {
  return decodeWith('ExecutorProbe', () => ({ calls: fromWireRefs(v1.ExecutorProbe.decode(bytes).calls) }));
}

export function encodeExecutorProbeReply(reply: ExecutorProbeReply): Uint8Array {
  return v1.ExecutorProbeReply.encode({
    notRunning: reply.notRunning,
    ...(reply.error && { error: toWireError(reply.error) }),
  }).finish();
}

export function decodeExecutorProbeReply(bytes: Uint8Array): ExecutorProbeReply {
  return decodeWith('ExecutorProbeReply', () => {
    const wire = v1.ExecutorProbeReply.decode(bytes);
    const reply: ExecutorProbeReply = { notRunning: fromWireRefs(wire.notRunning) };
    if (wire.error) reply.error = fromWireError(wire.error);
    return reply;
  });
}

// --- the event log --------------------------------------------------------------------------------

/** The content type of a value kept in the object store: the data is `{"bucket","name"}`. */
export const OBJECT_REF_CONTENT_TYPE = 'application/vnd.flux.object-ref+json';

/**
 * @param objectName where an event's value was put instead of the message (too large for it), if it was
 * @param bucket the object store bucket of those values
 */
export function encodeEventBatch(
  executionId: string,
  events: readonly StoredEvent[],
  objectName: (event: StoredEvent) => string | undefined = () => undefined,
  bucket = '',
): Uint8Array {
  return v1.EventBatch.encode({
    events: events.map((e) => {
      const name = objectName(e);
      const value =
        name === undefined
          ? jsonBytes(e.valueJson)
          : { contentType: OBJECT_REF_CONTENT_TYPE, data: encoder.encode(JSON.stringify({ bucket, name })) };
      return {
        id: `${executionId}:${e.seq}`,
        seq: e.seq,
        type: e.type,
        sourceId: e.sourceId,
        name: e.name,
        value,
        time: new Date(e.time).toISOString(),
        quick: e.quick === true,
        ...(e.version !== undefined && { version: e.version }),
      };
    }),
  }).finish();
}

/** Decodes a batch; an event whose value is in the object store comes with `objectName` set and no value yet. */
export function decodeEventBatch(bytes: Uint8Array): (StoredEvent & { objectName?: string })[] {
  return decodeWith('EventBatch', () =>
    v1.EventBatch.decode(bytes).events.map((wire) => {
      const data = wire.value?.data;
      const text = data?.length ? decoder.decode(data) : undefined;
      const event: StoredEvent & { objectName?: string } = {
        seq: wire.seq ?? 0,
        type: wire.type as EventType,
        sourceId: wire.sourceId ?? '',
        name: wire.name ?? '',
        valueJson: text,
        time: Date.parse(wire.time ?? ''),
      };
      if (wire.quick) event.quick = true;
      if (wire.version) event.version = wire.version;
      if (wire.value?.contentType === OBJECT_REF_CONTENT_TYPE) {
        event.objectName = (JSON.parse(text!) as { name: string }).name;
        event.valueJson = undefined;
      }
      return event;
    }),
  );
}

// --- commands and status ----------------------------------------------------------------------------

export interface StartCommand {
  workflow: string;
  executionId: string;
  inputJson: string | undefined;
  /** Run on this workflow version; only a worker serving it takes the command. */
  version?: string | undefined;
  /** `allowIfFinished`: a new run under the id once the execution there has finished. */
  idReuse?: IdReusePolicy | undefined;
  /** With `allowIfFinished`: the length of the finished log the sender saw (a new run only while it still is). */
  seenEvents?: number | undefined;
}

export interface ResumeCommand {
  workflow: string;
  executionId: string;
  valueJson: string | undefined;
  /** The pause it answers, by name; undefined: the only pending one. */
  pause?: string | undefined;
}

export interface WakeCommand {
  workflow: string;
  executionId: string;
  revision: number;
}

export interface CancelCommand {
  workflow: string;
  executionId: string;
  rollback: boolean;
}

export interface RetryCommand {
  workflow: string;
  executionId: string;
}

export interface ForkCommand {
  workflow: string;
  executionId: string;
  fromStep: string;
  forkId: string;
}

export interface ExecutionStatus {
  executionId: string;
  workflow: string;
  state: string;
  createdAt?: string;
  updatedAt?: string;
  error?: ErrorInfo;
}

export function encodeStartCommand(command: StartCommand): Uint8Array {
  return v1.StartCommand.encode({
    workflow: command.workflow,
    executionId: command.executionId,
    input: jsonBytes(command.inputJson),
    ...(command.version !== undefined && { version: command.version }),
    ...(command.idReuse !== undefined && command.idReuse !== 'sameInput' && { idReuse: command.idReuse }),
    ...(command.seenEvents !== undefined && { seenEvents: command.seenEvents }),
  }).finish();
}

export function decodeStartCommand(bytes: Uint8Array): StartCommand {
  return decodeWith('StartCommand', () => {
    const wire = v1.StartCommand.decode(bytes);
    if (!wire.workflow) throw new Error('workflow is required');
    return {
      workflow: wire.workflow,
      executionId: wire.executionId ?? '',
      inputJson: wireJson(wire.input, 'StartCommand'),
      ...(wire.version && { version: checkVersion(wire.version) }),
      ...(wire.idReuse && { idReuse: idReusePolicy(wire.idReuse) }),
      ...(wire.seenEvents && { seenEvents: wire.seenEvents }),
    };
  });
}

function idReusePolicy(text: string): IdReusePolicy {
  if (!(ID_REUSE_POLICIES as readonly string[]).includes(text))
    throw new Error(`id_reuse must be one of ${ID_REUSE_POLICIES.join(', ')}, not '${text.slice(0, 40)}'`);
  return text as IdReusePolicy;
}

export function encodeResumeCommand(command: ResumeCommand): Uint8Array {
  return v1.ResumeCommand.encode({
    workflow: command.workflow,
    executionId: command.executionId,
    value: jsonBytes(command.valueJson),
    ...(command.pause && { pause: command.pause }),
  }).finish();
}

function pauseName(name: string): string {
  if (name.length > MAX_NAME_LENGTH) throw new Error(`pause is longer than ${MAX_NAME_LENGTH} characters`);
  return name;
}

export function decodeResumeCommand(bytes: Uint8Array): ResumeCommand {
  return decodeWith('ResumeCommand', () => {
    const wire = v1.ResumeCommand.decode(bytes);
    if (!wire.executionId) throw new Error('execution_id is required');
    return {
      workflow: wire.workflow ?? '',
      executionId: wire.executionId,
      valueJson: wireJson(wire.value, 'ResumeCommand'),
      ...(wire.pause && { pause: pauseName(wire.pause) }),
    };
  });
}

export function encodeWakeCommand(command: WakeCommand): Uint8Array {
  return v1.WakeCommand.encode(command).finish();
}

export function decodeWakeCommand(bytes: Uint8Array): WakeCommand {
  return decodeWith('WakeCommand', () => {
    const wire = v1.WakeCommand.decode(bytes);
    if (!wire.executionId) throw new Error('execution_id is required');
    return { workflow: wire.workflow ?? '', executionId: wire.executionId, revision: Number(wire.revision ?? 0) };
  });
}

export function encodeCancelCommand(command: CancelCommand): Uint8Array {
  return v1.CancelCommand.encode(command).finish();
}

export function decodeCancelCommand(bytes: Uint8Array): CancelCommand {
  return decodeWith('CancelCommand', () => {
    const wire = v1.CancelCommand.decode(bytes);
    if (!wire.executionId) throw new Error('execution_id is required');
    return { workflow: wire.workflow ?? '', executionId: wire.executionId, rollback: wire.rollback === true };
  });
}

export function encodeRetryCommand(command: RetryCommand): Uint8Array {
  return v1.RetryCommand.encode(command).finish();
}

export function decodeRetryCommand(bytes: Uint8Array): RetryCommand {
  return decodeWith('RetryCommand', () => {
    const wire = v1.RetryCommand.decode(bytes);
    if (!wire.executionId) throw new Error('execution_id is required');
    return { workflow: wire.workflow ?? '', executionId: wire.executionId };
  });
}

export function encodeForkCommand(command: ForkCommand): Uint8Array {
  return v1.ForkCommand.encode(command).finish();
}

export function decodeForkCommand(bytes: Uint8Array): ForkCommand {
  return decodeWith('ForkCommand', () => {
    const wire = v1.ForkCommand.decode(bytes);
    if (!wire.executionId) throw new Error('execution_id is required');
    if (!wire.forkId) throw new Error('fork_id is required');
    if (!wire.fromStep) throw new Error('from_step is required');
    if (wire.fromStep.length > MAX_NAME_LENGTH)
      throw new Error(`from_step is longer than ${MAX_NAME_LENGTH} characters`);
    return {
      workflow: wire.workflow ?? '',
      executionId: wire.executionId,
      fromStep: wire.fromStep,
      forkId: wire.forkId,
    };
  });
}

export interface DeleteCommand {
  workflow: string;
  executionId: string;
}

export function encodeDeleteCommand(command: DeleteCommand): Uint8Array {
  return v1.DeleteCommand.encode(command).finish();
}

export function decodeDeleteCommand(bytes: Uint8Array): DeleteCommand {
  return decodeWith('DeleteCommand', () => {
    const wire = v1.DeleteCommand.decode(bytes);
    if (!wire.executionId) throw new Error('execution_id is required');
    return { workflow: wire.workflow ?? '', executionId: wire.executionId };
  });
}

export function decodeExecutionStatus(bytes: Uint8Array): ExecutionStatus {
  return decodeWith('ExecutionStatus', () => {
    const wire = v1.ExecutionStatus.decode(bytes);
    return {
      executionId: wire.executionId ?? '',
      workflow: wire.workflow ?? '',
      state: wire.state ?? '',
      ...(wire.error && { error: fromWireError(wire.error) }),
    };
  });
}

export function encodeExecutionStatus(status: ExecutionStatus): Uint8Array {
  return v1.ExecutionStatus.encode({
    executionId: status.executionId,
    workflow: status.workflow,
    state: status.state,
    createdAt: status.createdAt ?? '',
    updatedAt: status.updatedAt ?? '',
    ...(status.error && { error: toWireError(status.error) }),
  }).finish();
}
