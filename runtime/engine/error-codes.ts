/**
 * Every `code` a flux error is raised with, in one list: a caller asserts on the code, never on the
 * wording, so a code is part of the public API. A code read back from a log or the wire (an error
 * made by another process, perhaps another version) may be any string: `ErrorInfo.code` stays a
 * `string`, and `isErrorCode` tells whether it is one of these.
 */
export const ERROR_CODES = [
  // --- executions --------------------------------------------------------------------------------
  /** A failure inside an execution with no more precise code (`ExecutionError`). */
  'EXECUTION_ERROR',
  /** No workflow of that name is defined in this process (`WorkflowNotFoundError`). */
  'WORKFLOW_NOT_FOUND',
  /** The store holds no execution with that id (`ExecutionNotFoundError`). */
  'EXECUTION_NOT_FOUND',
  /** A start under an id that exists with another input (`ExecutionExistsError`): the same id and input is the same start. */
  'EXECUTION_EXISTS',
  /** The execution's state machine refuses the operation, e.g. resuming a finished one (`ExecutionStateError`). */
  'INVALID_EXECUTION_STATE',
  /** The execution belongs to another workflow than the one asked to continue it (`WorkflowMismatchError`). */
  'WORKFLOW_MISMATCH',
  /** Another driver appended to the execution's log while this one drove it (`ExecutionConflictError`). */
  'EXECUTION_CONFLICT',
  /** A replayed body stopped matching its recorded log (`NonDeterminismError`). */
  'NON_DETERMINISM',
  /** An execution's log holds a sequence its state machine refuses (`CorruptLogError`). */
  'CORRUPT_LOG',
  /** A task call made after its execution stopped running (paused, cancelled, its log failed). */
  'EXECUTION_STOPPED',
  /** `pause()` called outside a workflow body. */
  'NOT_IN_WORKFLOW',
  /** `taskContext()` called outside a task body. */
  'NOT_IN_TASK',
  /** A resume that names no pause while several are pending, or a pause that is not pending (`ResumeTargetError`). */
  'AMBIGUOUS_RESUME',
  /** A resume names a pause the execution does not wait on (`ResumeTargetError`). */
  'PAUSE_NOT_PENDING',
  /** `pause(name, output, options)` with wake options that are not exactly one valid condition. */
  'INVALID_PAUSE',
  /** The execution runs on a workflow version this process does not serve (`WorkflowVersionError`). */
  'VERSION_NOT_SERVED',
  /** A fork names a step its source execution does not have (`ForkStepError`). */
  'FORK_STEP_NOT_FOUND',

  // --- schedules ---------------------------------------------------------------------------------
  /** A schedule's options are not valid: not exactly one of cron/every/at, a bad cron, an unknown time zone. */
  'INVALID_SCHEDULE',
  /** No schedule has that id. */
  'SCHEDULE_NOT_FOUND',
  /** A schedule with that id exists already (create), or changed while it was being changed. */
  'SCHEDULE_CONFLICT',
  /** The runtime's store keeps no schedules. */
  'SCHEDULES_UNAVAILABLE',
  /** Prometheus metrics were asked for, but their optional packages are not installed. */
  'METRICS_UNAVAILABLE',

  // --- children ----------------------------------------------------------------------------------
  /** A child workflow failed: its parent's `call` step fails with it. */
  'CHILD_WORKFLOW_FAILED',
  /** A child workflow was cancelled: its parent's `call` step fails with it. */
  'CHILD_WORKFLOW_CANCELLED',
  /** `call(child, input)` outside a workflow body ran a child that paused (it waits for a resume by its id). */
  'CHILD_WORKFLOW_PAUSED',

  // --- definitions and values --------------------------------------------------------------------
  /** A workflow or task defined wrongly, or two definitions under one name (`DefinitionError`). */
  'INVALID_DEFINITION',
  /** An execution id, workflow or task name outside what stores and subjects carry (`InvalidNameError`). */
  'INVALID_NAME',
  /** A graph that cannot run: a cycle, a missing node (`GraphValidationError`). */
  'GRAPH_INVALID',
  /** A value JSON cannot carry faithfully: a function, a BigInt, a cycle, NaN (`SerializationError`). */
  'SERIALIZATION_ERROR',
  /** An output refers to output storage it cannot be read from. */
  'OUTPUT_UNAVAILABLE',

  // --- tasks -------------------------------------------------------------------------------------
  /** An attempt of a task ran longer than its `timeout` (`ExecutionTimeoutError`). */
  'TIMEOUT',
  /** A task failed on its first run and on every retry (`RetryError`). */
  'RETRY_EXHAUSTED',
  /** A task's fallback failed too, after the task itself. */
  'FALLBACK_FAILED',
  /** A task call was cancelled: its execution no longer waits for it. */
  'TASK_CANCELLED',
  /** An executor was sent a command for a task it does not define. */
  'TASK_NOT_FOUND',
  /** No executor on NATS served the task within the dispatcher's patience. */
  'TASK_NOT_SERVED',
  /** A task command an executor cannot run: no argument list, no results subject under the prefix. */
  'BAD_COMMAND',

  // --- secrets -----------------------------------------------------------------------------------
  /** A task requested a secret that is not set (`SecretNotFoundError`). */
  'SECRET_NOT_FOUND',
  /** A task requested secrets where the runtime has no secret manager. */
  'NO_SECRET_MANAGER',
  /** A stored secret cannot be decrypted with the key at hand. */
  'SECRET_UNREADABLE',
  /** The key file that seals secrets is not a 32-byte key. */
  'SECRET_KEY_INVALID',
  /** A secret set to something that is not a string. */
  'SECRET_INVALID',
  /** A result carries the value of a secret, which never reaches the log. */
  'SECRET_IN_OUTPUT',

  // --- stores --------------------------------------------------------------------------------------
  /** The store has no room left (`StoreFullError`). */
  'STORE_FULL',
  /** SQLite could not write a log, for another reason than a full disk. */
  'STORE_ERROR',
  /** A SQLite file written by a newer flux-actors. */
  'STORE_TOO_NEW',
  /** A NATS write kept failing past its patience, or the stream kept moving. */
  'LOG_WRITE_FAILED',
  /** A large value's object is gone from the NATS object store. */
  'PAYLOAD_MISSING',
  /** A large value's object reads back with the wrong size or digest. */
  'PAYLOAD_CORRUPT',
  /** The store cannot delete executions (a store of another kind than memory, SQLite or NATS). */
  'DELETE_UNAVAILABLE',

  // --- NATS ----------------------------------------------------------------------------------------
  /** Bytes that are not the protobuf message their subject carries (`MalformedMessageError`). */
  'MALFORMED_MESSAGE',
  /** A command larger than the NATS server takes in one message (`PayloadTooLargeError`). */
  'PAYLOAD_TOO_LARGE',
  /** A worker cannot make the consumer it takes commands through (`ConsumerUnavailableError`). */
  'CONSUMER_UNAVAILABLE',
  /** An execution did not pause, finish or cancel within the time a caller gave it. */
  'RESULT_TIMEOUT',
  /** A NATS client was closed while a caller waited on it. */
  'CLIENT_CLOSED',
  /** No NATS server answers at the URL given. */
  'NATS_UNREACHABLE',
  /** The NATS server refused the credentials. */
  'NATS_AUTH_FAILED',
  /** The NATS user may not publish or subscribe where flux needs to. */
  'NATS_PERMISSION_DENIED',
  /** The TLS handshake with the NATS server failed. */
  'NATS_TLS_FAILED',
  /** NATS login options that do not go together, or a credentials file that cannot be read. */
  'NATS_LOGIN_INVALID',

  // --- the CLI and what it loads -------------------------------------------------------------------
  /** A module given to the CLI or the server does not exist. */
  'MODULE_NOT_FOUND',
  /** A module given to the CLI or the server fails to load. */
  'MODULE_LOAD_FAILED',
  /** A `flux worker` without a NATS URL. */
  'NATS_REQUIRED',
  /** A `flux worker` whose modules define no workflow and no task. */
  'NOTHING_TO_SERVE',
  /** Something the backend in use cannot do (e.g. start under a given id on a runtime without it). */
  'UNSUPPORTED',
  /** A command-line or request argument out of its range or form. */
  'BAD_ARGUMENT',
  /** A command-line argument or request body that is not valid JSON. */
  'BAD_JSON',
  /** The flux-actors installation is incomplete (no package.json of it above the code). */
  'INSTALL_BROKEN',

  // --- pictures ------------------------------------------------------------------------------------
  /** No machine of that name can be drawn (`UnknownMachineError`). */
  'UNKNOWN_MACHINE',
  /** A picture format that is not one of those known. */
  'UNKNOWN_FORMAT',
  /** Graphviz could not draw a picture. */
  'PICTURE_FAILED',

  // --- the HTTP API (http/errors.ts maps each to its status) ---------------------------------------
  /** No route for the request's path. */
  'NOT_FOUND',
  /** The path exists, not with that method. */
  'METHOD_NOT_ALLOWED',
  /** A request whose Content-Type is not JSON in UTF-8. */
  'UNSUPPORTED_MEDIA_TYPE',
  /** A request without the server's token, or with another. */
  'UNAUTHORIZED',
  /** A request whose Host header is not this server's name. */
  'HOST_NOT_ALLOWED',
  /** A browser request from another origin. */
  'ORIGIN_NOT_ALLOWED',
  /** A server told to listen where others can reach it, without a token. */
  'TOKEN_REQUIRED',
  /** The server already streams to as many clients as it allows. */
  'TOO_MANY_STREAMS',
  /** An event stream that failed after it started (sent as an event, the status being sent). */
  'STREAM_FAILED',
  /** A `TestClock` given a start that is not a finite time. */
  'INVALID_CLOCK_START',
  /** `TestClock.advance`/`skipUntil` called while another one is moving the same clock. */
  'CLOCK_BUSY',
  /** `TestClock.skipUntil`: the work waited for is pending, and nothing is armed on the clock to move to. */
  'CLOCK_STUCK',
  /** `TestClock.skipUntil`: the time moved past the limit given before the work ended. */
  'CLOCK_LIMIT',
  /** A fault of flux-actors itself: the HTTP server's (only the code goes to the caller), or a broken invariant. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/** Whether a code (read from a log or the wire, where it may be anything) is one flux-actors raises. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN.has(code);
}
