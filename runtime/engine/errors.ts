/**
 * Every error flux-actors raises. Each has a stable `code` (assert on it, not on the wording; the
 * codes are listed in ./error-codes.ts) and, where one applies, the execution id. Errors that crossed
 * a process or the wire are recognised by `code`/`name` (see `isFluxError`), never by `instanceof` alone.
 */
import type { ExecutionState } from './execution-state.js';
import type { ErrorInfo } from '../../proto/messages.js';
import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';
export { ERROR_CODES, isErrorCode } from './error-codes.js';

export interface FluxErrorOptions {
  executionId?: string;
  cause?: unknown;
}

export class FluxError extends Error {
  readonly code: ErrorCode;
  readonly executionId: string | undefined;
  /** Plain data that travels with the error through the log and the wire (see `toErrorInfo`). */
  details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: FluxErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.executionId = options.executionId;
  }
}

/** A failure inside an execution: a task error rebuilt from the log, or a failed child. */
export class ExecutionError extends FluxError {
  constructor(message: string, options: FluxErrorOptions & { code?: ErrorCode } = {}) {
    super(options.code ?? 'EXECUTION_ERROR', message, options);
  }
}

export class WorkflowNotFoundError extends FluxError {
  constructor(
    readonly workflowName: string,
    options: FluxErrorOptions = {},
    message?: string,
  ) {
    super(
      'WORKFLOW_NOT_FOUND',
      message ?? `workflow '${workflowName}' is not defined in this process; import the module that defines it`,
      options,
    );
  }
}

export class ExecutionNotFoundError extends FluxError {
  constructor(executionId: string) {
    super('EXECUTION_NOT_FOUND', `execution ${executionId} does not exist in this runtime's store`, { executionId });
  }
}

/** An operation that the execution's state machine refuses, e.g. resuming a finished execution. */
export class ExecutionStateError extends FluxError {
  constructor(
    executionId: string,
    readonly state: ExecutionState,
    readonly operation: string,
    readonly expected: readonly ExecutionState[],
    /** What to do about it, when there is something to do (e.g. take over an execution whose driver died). */
    hint?: string,
  ) {
    super(
      'INVALID_EXECUTION_STATE',
      `execution ${executionId} is ${state}; only a ${expected.join(' or ')} execution can be ${operation}${hint ? `; ${hint}` : ''}`,
      { executionId },
    );
  }
}

/**
 * Another driver in this process holds the execution right now (a resume or start of it is being
 * carried out). The state machine's refusal, as for any running execution, but one that may pass:
 * a worker leaves the command that met it for a later delivery instead of dropping it.
 */
export class ExecutionBusyError extends ExecutionStateError {
  constructor(executionId: string) {
    super(executionId, 'running', 'continued', ['paused']);
  }
}

/**
 * A resume that does not say which pause it answers while several are pending
 * (`AMBIGUOUS_RESUME`), or that names one the execution does not wait on (`PAUSE_NOT_PENDING`).
 * Refused before anything is written.
 */
export class ResumeTargetError extends FluxError {
  constructor(
    executionId: string,
    /** The pauses the execution waits on, by name. */
    readonly pending: readonly string[],
    /** The pause the resume named, if it named one. */
    readonly asked?: string,
  ) {
    const names = pending.map((name) => `'${name}'`).join(', ');
    super(
      asked === undefined ? 'AMBIGUOUS_RESUME' : 'PAUSE_NOT_PENDING',
      asked === undefined
        ? `execution ${executionId} waits on ${pending.length} pauses (${names}): name the one to resume ({ pause: name })`
        : `execution ${executionId} has no pending pause '${asked}'${pending.length ? `; it waits on ${names}` : ''}`,
      { executionId },
    );
  }
}

/**
 * A start under an id that exists already, with another input: refused, naming the id and its
 * state. (The same id and the same input is the same start: it is answered with the execution.)
 */
export class ExecutionExistsError extends FluxError {
  constructor(
    executionId: string,
    readonly state: ExecutionState,
  ) {
    super(
      'EXECUTION_EXISTS',
      `execution ${executionId} exists already (${state}) with another input: a start under an id is the same start only with the same input`,
      { executionId },
    );
  }
}

/**
 * The execution is pinned to a workflow version this process does not serve: it is never driven by
 * other code. On NATS the command waits for a worker that serves it.
 */
export class WorkflowVersionError extends FluxError {
  constructor(
    /** The execution pinned to the version; none for a start that asked for it. */
    executionId: string | undefined,
    readonly workflow: string,
    readonly version: string,
    readonly served: readonly (string | undefined)[],
  ) {
    const shown = served.map((v) => v ?? '(no version)').join(', ') || 'none';
    super(
      'VERSION_NOT_SERVED',
      executionId === undefined
        ? `version '${version}' of workflow '${workflow}' is not served here (served: ${shown})`
        : `execution ${executionId} runs on version '${version}' of workflow '${workflow}', which is not served here (served: ${shown}); ` +
            'serve that version beside the new one (workflow.withOptions({ version })) until its executions end',
      executionId === undefined ? {} : { executionId },
    );
  }
}

/** A fork from a step its source does not have: names the steps it has. */
export class ForkStepError extends FluxError {
  constructor(executionId: string, from: string, steps: readonly string[]) {
    const shown = steps.slice(0, 20).map((step, i) => `${i + 1} ${step}`);
    super(
      'FORK_STEP_NOT_FOUND',
      `execution ${executionId} has no step '${from}' to fork from; its steps: ${shown.join(', ') || 'none'}${steps.length > 20 ? ', ...' : ''} (a step is its number, its task id or its task's name)`,
      { executionId },
    );
  }
}

/** The execution belongs to another workflow than the one asked to continue it. */
export class WorkflowMismatchError extends FluxError {
  constructor(
    executionId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super('WORKFLOW_MISMATCH', `execution ${executionId} belongs to workflow '${actual}', not '${expected}'`, {
      executionId,
    });
  }
}

/** Another process appended to the execution's log while this one was driving it. */
export class ExecutionConflictError extends FluxError {
  constructor(executionId: string, cause?: unknown) {
    super(
      'EXECUTION_CONFLICT',
      `execution ${executionId} was changed by another process while this one drove it; nothing was overwritten`,
      { executionId, cause },
    );
  }
}

/** A value that JSON cannot carry faithfully: a function, a symbol, a BigInt, a cycle, NaN. */
export class SerializationError extends FluxError {
  constructor(
    readonly what: string,
    detail: string,
    options: FluxErrorOptions = {},
  ) {
    super('SERIALIZATION_ERROR', `${what} cannot be serialised: ${detail}`, options);
  }
}

/** Replay of a workflow body stopped matching its recorded log. */
/** Where a replay left its log: what the log recorded there, what the body did instead, and where in the body. */
export interface Divergence {
  /** The recorded call the replay expected: its name, arguments (JSON), the seq of its TASK_STARTED, and its place among the body's calls. */
  expected?: { name: string; argsJson: string | undefined; seq: number; position: number };
  /** The call the body made instead (none: the body ended before reaching `expected`). */
  actual?: { name: string; argsJson: string };
  /** The line of the workflow's code that made the call or ended, when it can be found (`file:line:column`). */
  site?: string;
}

export class NonDeterminismError extends FluxError {
  constructor(message: string, executionId: string, divergence?: Divergence) {
    super('NON_DETERMINISM', message, { executionId });
    if (divergence) this.details = { ...divergence };
  }
}

/** An attempt of a task ran longer than its `timeout`. */
export class ExecutionTimeoutError extends FluxError {
  constructor(
    readonly taskName: string,
    readonly timeoutMs: number,
    attempt: number,
    executionId?: string,
  ) {
    super(
      'TIMEOUT',
      `task '${taskName}' timed out after ${timeoutMs} ms (attempt ${attempt})`,
      executionId === undefined ? {} : { executionId },
    );
    this.details = { timeout: timeoutMs, attempt };
  }
}

/** A task failed on its first run and on every retry. */
export class RetryError extends FluxError {
  constructor(
    readonly taskName: string,
    readonly attempts: number,
    readonly lastError: { name: string; message: string },
    executionId?: string,
  ) {
    super(
      'RETRY_EXHAUSTED',
      `task '${taskName}' failed after ${attempts} attempts; the last one with ${lastError.name}: ${lastError.message}`,
      executionId === undefined ? {} : { executionId },
    );
    // Plain data: the last error's stack and causes go in the chain (`cause`), not here.
    const { name, message } = lastError;
    const code = (lastError as { code?: string }).code;
    this.details = { attempts, lastError: { name, message, ...(code && { code }) } };
  }
}

/**
 * The error a task fails with when its fallback failed too: both failures are in the message.
 * Used live (the executor) and when a task interrupted after its fallback failed is taken up again.
 */
export function fallbackFailure(taskName: string, fallbackError: ErrorInfo, lastError: ErrorInfo): ErrorInfo {
  return {
    name: fallbackError.name,
    code: fallbackError.code ?? ('FALLBACK_FAILED' satisfies ErrorCode),
    message: `the fallback of task '${taskName}' failed with ${fallbackError.name}: ${fallbackError.message}, after the task failed with ${lastError.name}: ${lastError.message}`,
  };
}

/** A workflow or task defined wrongly, e.g. an anonymous function without a name. */
export class DefinitionError extends FluxError {
  constructor(message: string) {
    super('INVALID_DEFINITION', message);
  }
}

/**
 * An execution id, workflow name or task name outside the alphabet and length every store and
 * subject can carry (see `checkName` in ./names.ts). Refused where it enters, before anything is stored.
 */
export class InvalidNameError extends FluxError {
  constructor(
    readonly what: string,
    readonly value: string,
    readonly rule: string,
  ) {
    super(
      'INVALID_NAME',
      `${what} '${value.length > 80 ? `${value.slice(0, 80)}…' (${value.length} characters)` : `${value}'`} is invalid: ${rule}`,
    );
  }
}

/** The store has no room left (a full disk, JetStream's max_file_store, a size-capped database). */
export class StoreFullError extends FluxError {
  constructor(what: string, options: FluxErrorOptions = {}) {
    super(
      'STORE_FULL',
      `${what}: the store is full; free space (or raise its limit) and the execution continues where it stopped`,
      options,
    );
  }
}

/** Bytes that are not the protobuf message the subject carries. */
export class MalformedMessageError extends FluxError {
  constructor(messageType: string, reason: string) {
    super('MALFORMED_MESSAGE', `not a valid ${messageType} message: ${reason}`);
  }
}

/** A command larger than the server takes in one message. */
export class PayloadTooLargeError extends FluxError {
  constructor(what: string, bytes: number, limit: number, executionId?: string) {
    super(
      'PAYLOAD_TOO_LARGE',
      `${what} is ${bytes} bytes; the NATS server takes at most ${limit} bytes in a message (max_payload)`,
      executionId ? { executionId } : {},
    );
  }
}

/**
 * A flux error wherever it was made. One rebuilt from a log or a wire message is a plain `Error`
 * carrying the `code` it was sent with, which a process of another version may not know: a string.
 */
export type FluxErrorLike = Error & {
  readonly code: string;
  readonly executionId?: string | undefined;
  details?: Record<string, unknown>;
};

/** True for any flux error, including one rebuilt from a log or a wire message. */
export function isFluxError(error: unknown): error is FluxErrorLike {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

/** Whether something thrown (here, or rebuilt from a log or the wire) carries one of these codes. */
export function hasErrorCode(error: unknown, ...codes: readonly ErrorCode[]): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && (codes as readonly string[]).includes(code);
}

/** An execution's log holds a sequence its state machine refuses: written by something else, or damaged. */
export class CorruptLogError extends FluxError {
  constructor(executionId: string, detail: string) {
    super('CORRUPT_LOG', `the log of execution ${executionId} is corrupt: ${detail}`, { executionId });
  }
}

/** A task requested a secret that is not set. */
export class SecretNotFoundError extends FluxError {
  constructor(
    readonly secretName: string,
    taskName: string,
    executionId?: string,
  ) {
    super(
      'SECRET_NOT_FOUND',
      `secret '${secretName}' requested by task '${taskName}' does not exist${executionId ? ` (execution ${executionId})` : ''}; set it with runtime.secrets.set('${secretName}', value)`,
      executionId ? { executionId } : {},
    );
  }
}

/** A graph that cannot run; `node` names the node at fault. */
export class GraphValidationError extends FluxError {
  constructor(
    readonly graph: string,
    readonly node: string,
    problem: string,
  ) {
    super('GRAPH_INVALID', `graph '${graph}': ${problem}`);
  }
}

/** The durable consumer a worker takes a workflow's commands through, as its errors name it. */
export interface ConsumerName {
  stream: string;
  durable: string;
  filter: string;
}

/** A worker's command consumer cannot be made as it must be (another one overlaps it, or no permission). */
export class ConsumerUnavailableError extends FluxError {
  constructor(consumer: ConsumerName, reason: string, cause?: unknown) {
    super(
      'CONSUMER_UNAVAILABLE',
      `cannot take commands through consumer ${consumer.durable} of stream ${consumer.stream} (filter ${consumer.filter}): ${reason}; ` +
        `if another consumer of ${consumer.stream} overlaps that filter, delete it (nats consumer rm ${consumer.stream} <name>)`,
      { cause },
    );
  }
}

/** No machine of that name can be drawn (pictures/machines.ts lists those that can). */
export class UnknownMachineError extends FluxError {
  constructor(
    readonly machine: string,
    readonly known: readonly string[],
  ) {
    super(
      'UNKNOWN_MACHINE',
      `there is no machine named '${machine}'; the machines that can be drawn are ${known.join(', ')}`,
    );
  }
}
