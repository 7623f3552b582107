/** The event log's vocabulary: Flux's event type names, as strings. */
export const EVENT_TYPES = [
  'WORKFLOW_STARTED',
  'WORKFLOW_COMPLETED',
  'WORKFLOW_FAILED',
  'WORKFLOW_PAUSED',
  'WORKFLOW_RESUMED',
  'WORKFLOW_CANCELLING',
  'WORKFLOW_CANCELLED',
  // Not one of Flux's: a new driver took over a running execution whose previous driver stopped.
  'WORKFLOW_RECOVERED',
  // Not Flux's: the body waits only on durable sleeps, long ones; the execution is parked until the
  // first falls due, and no driver holds it meanwhile (value: the wake time, epoch ms).
  'WORKFLOW_WAITING',
  // Not Flux's: a failed execution runs again from where it failed (`retry`; value: the calls whose
  // failures it sets aside, `{ superseded: [task ids] }`).
  'WORKFLOW_RETRIED',
  // Not Flux's: links between an execution and one forked from it (`fork`). The fork records
  // WORKFLOW_FORKED_FROM right after WORKFLOW_STARTED; the source records WORKFLOW_FORKED.
  'WORKFLOW_FORKED_FROM',
  'WORKFLOW_FORKED',
  // Not Flux's either: the links between a parent execution and a child it called (`call`, `map`).
  // The parent records CHILD_WORKFLOW_STARTED on the call step; the child, WORKFLOW_CALLED_BY.
  'CHILD_WORKFLOW_STARTED',
  'WORKFLOW_CALLED_BY',
  'TASK_STARTED',
  'TASK_COMPLETED',
  'TASK_FAILED',
  'TASK_PAUSED',
  'TASK_RESUMED',
  'TASK_CANCELLED',
  'TASK_RETRY_STARTED',
  'TASK_RETRY_COMPLETED',
  'TASK_RETRY_FAILED',
  'TASK_FALLBACK_STARTED',
  'TASK_FALLBACK_COMPLETED',
  'TASK_FALLBACK_FAILED',
  'TASK_ROLLBACK_STARTED',
  'TASK_ROLLBACK_COMPLETED',
  'TASK_ROLLBACK_FAILED',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** One entry of an execution's log, as users see it. */
export interface ExecutionEvent<V = unknown> {
  /** `<execution id>:<seq>`: stable, unique, and the de-duplication key when the log is on the wire. */
  id: string;
  type: EventType;
  /** The execution id for workflow events, the task call's id for task events. */
  sourceId: string;
  /** The workflow or task name. */
  name: string;
  value: V;
  /** ISO 8601, UTC. */
  time: string;
  /** On WORKFLOW_STARTED: the workflow version the execution runs on (`withOptions({ version })`). */
  version?: string;
}

/**
 * An event as the stores keep it: the value stays JSON text until someone reads it, so replaying a
 * long history parses only the values the workflow body actually receives.
 */
export interface StoredEvent {
  seq: number;
  type: EventType;
  sourceId: string;
  name: string;
  /** JSON text, or undefined when the event carries no value. */
  valueJson: string | undefined;
  /** Milliseconds since the epoch: a number is cheaper to write and read than an ISO string. */
  time: number;
  /**
   * On an outcome: the body received it in the same turn of the event loop as it made the call (see
   * `delivery.ts`), so a replay may hand it over one microtask after the call.
   */
  quick?: boolean;
  /** On WORKFLOW_STARTED: the version of the workflow's code the execution runs on, if it has one. */
  version?: string;
}

export function eventId(executionId: string, seq: number): string {
  return `${executionId}:${seq}`;
}

/** The steps of a task's failure handling that an executor reports while it works. */
export const PROGRESS_TYPES: ReadonlySet<EventType> = new Set<EventType>(
  EVENT_TYPES.filter((type) => /^TASK_(RETRY|FALLBACK|ROLLBACK)_/.test(type)),
);

/**
 * Where the execution's current run begins: its last WORKFLOW_STARTED. An id started again once its
 * execution finished (`idReuse: 'allowIfFinished'`) holds several runs in one log; everything that
 * replays or answers for the execution reads the last one.
 */
export function runStartIndex(events: readonly StoredEvent[]): number {
  for (let i = events.length - 1; i > 0; i--) if (events[i]!.type === 'WORKFLOW_STARTED') return i;
  return 0;
}

/** The current run's WORKFLOW_STARTED (its input and version). */
export function runStart(events: readonly StoredEvent[]): StoredEvent | undefined {
  return events[runStartIndex(events)];
}

/** How many runs a log holds. */
export function runCount(events: readonly StoredEvent[]): number {
  let runs = 0;
  for (const event of events) if (event.type === 'WORKFLOW_STARTED') runs++;
  return runs;
}

/**
 * Whether a start with `inputJson` is the start a log records (its WORKFLOW_STARTED input): what
 * makes a start under an id idempotent. Undefined input and `null` are the same (no input).
 */
export function sameStart(events: readonly StoredEvent[], inputJson: string | undefined): boolean {
  const start = runStart(events);
  const recorded = start?.type === 'WORKFLOW_STARTED' ? start.valueJson : undefined;
  const norm = (json: string | undefined) => (json === undefined || json === 'null' ? '' : json);
  return norm(recorded) === norm(inputJson);
}
