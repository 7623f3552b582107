/**
 * Where the runtime reports what happened on its own: what it dropped or could not do (a message it
 * could not decode, a consumer it had to recreate), and, to a logger that takes them, the notable
 * events of a worker or server (it started, took an execution over, refused a command, lost and
 * regained its server). Nothing a caller asked for, so there is nobody to throw to.
 */
import { systemClock, type Clock } from './clock.js';
import { executionTraceId } from './tracing.js';

/** What a log line is about, besides its message: the execution (its trace id is added), a code. */
export interface LogFields {
  executionId?: string | undefined;
  [field: string]: string | number | boolean | readonly string[] | undefined;
}

export interface Logger {
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** A notable event that is not a problem (a start, a takeover, a reconnect); optional. */
  info?(message: string, fields?: LogFields): void;
}

/** Lines on stderr, each naming flux-actors. */
export const consoleLogger: Logger = {
  warn: (message) => console.warn(`flux-actors: ${message}`),
  error: (message) => console.error(`flux-actors: ${message}`),
};

export const LOG_LEVELS = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * One JSON line per event, at `level` and above: `{"time","level","msg",...fields}`, with the
 * execution's trace id (`traceId`) beside its id, so a line leads to the execution's trace.
 */
export function jsonLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => void process.stderr.write(line),
  clock: Clock = systemClock,
): Logger {
  const from = LOG_LEVELS.indexOf(level);
  const line =
    (at: LogLevel) =>
    (msg: string, fields: LogFields = {}) => {
      if (LOG_LEVELS.indexOf(at) < from) return;
      const traceId = fields.executionId === undefined ? undefined : executionTraceId(fields.executionId);
      write(
        `${JSON.stringify({ time: new Date(clock.now()).toISOString(), level: at, msg, ...fields, ...(traceId && { traceId }) })}\n`,
      );
    };
  return { info: line('info'), warn: line('warn'), error: line('error') };
}
