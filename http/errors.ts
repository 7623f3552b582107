/** Errors as the HTTP API returns them: `{ error: { code, message } }` with the status the code means. */
import type { ServerResponse } from 'node:http';
import { consoleLogger, FluxError, type ErrorCode, type Logger } from '../runtime/index.js';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_JSON: 400,
  BAD_ARGUMENT: 400,
  SERIALIZATION_ERROR: 400,
  INVALID_NAME: 400,
  UNAUTHORIZED: 401,
  HOST_NOT_ALLOWED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  WORKFLOW_NOT_FOUND: 404,
  EXECUTION_NOT_FOUND: 404,
  UNKNOWN_MACHINE: 404,
  METHOD_NOT_ALLOWED: 405,
  INVALID_EXECUTION_STATE: 409,
  EXECUTION_CONFLICT: 409,
  EXECUTION_EXISTS: 409,
  AMBIGUOUS_RESUME: 409,
  PAUSE_NOT_PENDING: 409,
  VERSION_NOT_SERVED: 409,
  FORK_STEP_NOT_FOUND: 400,
  INVALID_PAUSE: 400,
  INVALID_SCHEDULE: 400,
  SCHEDULE_NOT_FOUND: 404,
  SCHEDULE_CONFLICT: 409,
  SCHEDULES_UNAVAILABLE: 503,
  METRICS_UNAVAILABLE: 501,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  STORE_FULL: 507,
  RESULT_TIMEOUT: 504,
  NATS_UNREACHABLE: 503,
  TOO_MANY_STREAMS: 503,
};

export class HttpError extends FluxError {}

export function statusOf(error: unknown): number {
  return error instanceof FluxError ? (STATUS_BY_CODE[error.code] ?? 500) : 500;
}

/**
 * Answers with the error. A FluxError is meant for the caller; anything else is a fault of this
 * server, whose text may name its files or its backend's internals: it goes to `logger`, and the
 * caller gets only that it happened.
 */
export function sendError(res: ServerResponse, error: unknown, logger: Logger = consoleLogger): void {
  const status = statusOf(error);
  const code: ErrorCode = error instanceof FluxError ? error.code : 'INTERNAL';
  let message: string;
  if (error instanceof FluxError) message = error.message;
  else {
    logger.error(`HTTP API: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    message = 'internal error: the server logged what happened';
  }
  if (res.headersSent) return void res.end();
  if (status === 401) res.setHeader('www-authenticate', 'Bearer realm="flux"');
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      error: {
        code,
        message,
        ...(error instanceof FluxError && error.executionId && { executionId: error.executionId }),
      },
    }),
  );
}
