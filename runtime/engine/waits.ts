/**
 * What a paused or parked execution waits for, read from its log alone: the pauses no resume has
 * answered yet, and the durable sleeps still running. Every wake time is derived from recorded
 * events (a pause's `after` is its TASK_STARTED time plus the delay), so a replay, another process
 * and the timer service all compute the same instant.
 */
import { toMilliseconds, type Duration } from './duration.js';
import type { StoredEvent } from './events.js';
import type { ExecutionState } from './execution-state.js';
import { FluxError, ResumeTargetError } from './errors.js';
import { checkExecutionId } from './names.js';

/** Exactly one of these wakes a pause without a resume (Flux's `until=`, `after=`, `on_complete=`). */
export interface PauseWakeOptions {
  /** Wake by itself this long after the pause is first recorded (resolved then, so a replay keeps it). */
  after?: Duration;
  /** Wake at this instant: an ISO 8601 string (UTC when it has no offset), epoch ms, or a Date. */
  until?: string | number | Date;
  /** Wake when this execution reaches a terminal state (succeeded, failed or cancelled). */
  onComplete?: string;
  /** Wait for a resume at most this long: the approval with a deadline, in one call. */
  timeout?: Duration;
}

export type WakeReason = 'after' | 'until' | 'onComplete' | 'timeout';

/**
 * What a pause given a wake condition returns: the resume's value, or why it woke by itself.
 * A pause without one returns the resume value alone, as it always has.
 */
export type PauseOutcome<T = unknown> =
  | { resumed: true; value: T }
  | {
      resumed: false;
      woke: WakeReason;
      /** When it woke (ISO 8601, on the runtime's clock). */
      at: string;
      /** For `onComplete`: the state the awaited execution ended in. */
      state?: ExecutionState;
    };

/** The wake condition as the pause's recorded arguments carry it: relative delays stay relative. */
export type RecordedWake = { after: number } | { until: number } | { onComplete: string } | { timeout: number };

/** Checks the options of `pause(name, output, options)` and reduces them to their recorded form. */
export function recordedWake(name: string, options: PauseWakeOptions): RecordedWake {
  const given = (['after', 'until', 'onComplete', 'timeout'] as const).filter((key) => options[key] !== undefined);
  if (given.length !== 1)
    throw new FluxError(
      'INVALID_PAUSE',
      `pause('${name}') takes exactly one of after, until, onComplete, timeout; it was given ${given.length ? given.join(', ') : 'none'}`,
    );
  const key = given[0]!;
  if (key === 'onComplete') return { onComplete: checkExecutionId(options.onComplete!) };
  if (key === 'until') return { until: instant(name, options.until!) };
  const milliseconds = toMilliseconds(options[key]!);
  if (milliseconds <= 0) throw new FluxError('INVALID_PAUSE', `pause('${name}'): ${key} must be a positive duration`);
  return key === 'after' ? { after: milliseconds } : { timeout: milliseconds };
}

function instant(name: string, until: string | number | Date): number {
  let time: number;
  if (until instanceof Date) time = until.getTime();
  else if (typeof until === 'number') time = until;
  // An ISO string without an offset is UTC, as Flux takes a naive datetime.
  else time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(until) || !until.includes('T') ? until : `${until}Z`);
  if (!Number.isFinite(time))
    throw new FluxError('INVALID_PAUSE', `pause('${name}'): until ${JSON.stringify(until)} is not an instant`);
  return time;
}

/** A pause recorded and not yet answered. */
export interface PendingPause {
  taskId: string;
  name: string;
  /** The pause's output, as JSON. */
  outputJson: string | undefined;
  wake: RecordedWake | undefined;
  /** When it wakes by itself (epoch ms), if it has a time to. */
  dueAt: number | undefined;
}

/** A durable sleep recorded and not yet over. */
export interface PendingSleep {
  taskId: string;
  dueAt: number;
}

export interface PendingWaits {
  pauses: PendingPause[];
  sleeps: PendingSleep[];
}

/** The pauses and sleeps of a log that nothing has settled yet, in the order they started. */
export function pendingWaits(events: readonly StoredEvent[]): PendingWaits {
  const started = new Map<string, StoredEvent>();
  const paused = new Map<string, StoredEvent>();
  const children = new Set<string>();
  for (const event of events) {
    switch (event.type) {
      case 'WORKFLOW_STARTED': // a new run (an id started again): what the last one left open is no more
        started.clear();
        paused.clear();
        children.clear();
        break;
      case 'TASK_STARTED':
        if (event.name === 'pause' || event.name === 'sleep') started.set(event.sourceId, event);
        break;
      case 'TASK_PAUSED':
        paused.set(event.sourceId, event);
        break;
      case 'CHILD_WORKFLOW_STARTED':
        children.add(event.sourceId);
        break;
      case 'TASK_RESUMED':
      case 'TASK_COMPLETED':
      case 'TASK_FAILED':
      case 'TASK_CANCELLED':
        started.delete(event.sourceId);
        paused.delete(event.sourceId);
        break;
    }
  }
  const waits: PendingWaits = { pauses: [], sleeps: [] };
  for (const start of started.values()) {
    if (start.name === 'sleep') {
      const [milliseconds] = JSON.parse(start.valueJson ?? '[0]') as [number];
      waits.sleeps.push({ taskId: start.sourceId, dueAt: start.time + milliseconds });
      continue;
    }
    const pause = paused.get(start.sourceId);
    if (!pause || children.has(start.sourceId)) continue; // not reached its pause; or a child's
    const [name, wake] = JSON.parse(start.valueJson ?? '[]') as [string, RecordedWake | undefined];
    waits.pauses.push({ taskId: start.sourceId, name, outputJson: pause.valueJson, wake, dueAt: dueAt(start, wake) });
  }
  return waits;
}

function dueAt(start: StoredEvent, wake: RecordedWake | undefined): number | undefined {
  if (!wake) return undefined;
  if ('after' in wake) return start.time + wake.after;
  if ('timeout' in wake) return start.time + wake.timeout;
  if ('until' in wake) return wake.until;
  return undefined;
}

/** The earliest instant at which something the execution waits for falls due. */
function nextWake(waits: PendingWaits): number | undefined {
  let next: number | undefined;
  for (const wait of [...waits.pauses, ...waits.sleeps])
    if (wait.dueAt !== undefined && (next === undefined || wait.dueAt < next)) next = wait.dueAt;
  return next;
}

/** The executions that pending pauses wait on to end (`onComplete`). */
export function awaitedExecutions(waits: PendingWaits): string[] {
  return waits.pauses.flatMap((pause) => (pause.wake && 'onComplete' in pause.wake ? [pause.wake.onComplete] : []));
}

function wakeReason(wake: RecordedWake): WakeReason {
  return Object.keys(wake)[0] as WakeReason;
}

/**
 * The pause a resume answers: the one it names, else the only one pending. Undefined when the
 * execution has no pause of its own pending (it waits on a child's). Refused, with the pending
 * pauses named, when the choice is not clear.
 */
export function resumeTarget(executionId: string, waits: PendingWaits, asked?: string): PendingPause | undefined {
  const { pauses } = waits;
  if (asked !== undefined) {
    const named = pauses.filter((pause) => pause.name === asked);
    if (named.length === 1) return named[0];
    if (named.length === 0)
      throw new ResumeTargetError(
        executionId,
        pauses.map((p) => p.name),
        asked,
      );
    // Several pauses of one name (a map over items): the one that started first.
    return named[0];
  }
  if (pauses.length > 1)
    throw new ResumeTargetError(
      executionId,
      pauses.map((p) => p.name),
    );
  return pauses[0];
}

/** An outcome a resume records for a wait before the body runs again (the body receives it at its call's gate). */
export interface ResumeAnswer {
  type: 'TASK_RESUMED' | 'TASK_COMPLETED';
  taskId: string;
  name: string;
  valueJson: string | undefined;
}

/** A resume's value for the pause it answers: as given, or `{ resumed: true, value }` for a pause that could wake. */
export function resumeAnswer(target: PendingPause, valueJson: string | undefined): ResumeAnswer {
  return {
    type: 'TASK_RESUMED',
    taskId: target.taskId,
    name: 'pause',
    valueJson: target.wake ? `{"resumed":true,"value":${valueJson ?? 'null'}}` : valueJson,
  };
}

/**
 * What a wake at `at` settles: every pause and sleep due by then, and every `onComplete` pause
 * whose execution `ended` says has ended. Empty when nothing is due (a timer that fired early or
 * twice): the wake then does nothing.
 */
export function wakeAnswers(
  waits: PendingWaits,
  at: number,
  ended: (executionId: string) => ExecutionState | undefined = () => undefined,
): ResumeAnswer[] {
  const answers: ResumeAnswer[] = [];
  const when = new Date(at).toISOString();
  for (const pause of waits.pauses) {
    if (!pause.wake) continue;
    let woke: Extract<PauseOutcome, { resumed: false }> | undefined;
    if (pause.dueAt !== undefined && pause.dueAt <= at)
      woke = { resumed: false, woke: wakeReason(pause.wake), at: when };
    else if ('onComplete' in pause.wake) {
      const state = ended(pause.wake.onComplete);
      if (state) woke = { resumed: false, woke: 'onComplete', at: when, state };
    }
    if (woke)
      answers.push({ type: 'TASK_RESUMED', taskId: pause.taskId, name: 'pause', valueJson: JSON.stringify(woke) });
  }
  for (const sleep of waits.sleeps)
    if (sleep.dueAt <= at)
      answers.push({ type: 'TASK_COMPLETED', taskId: sleep.taskId, name: 'sleep', valueJson: undefined });
  return answers;
}

/** What the index keeps of a paused execution's waits: its timer, and the execution whose end it awaits. */
export function wakeOf(events: readonly StoredEvent[]): { wakeAt?: number; awaits?: string } {
  const waits = pendingWaits(events);
  const wakeAt = nextWake(waits);
  const awaits = awaitedExecutions(waits)[0];
  return { ...(wakeAt !== undefined && { wakeAt }), ...(awaits !== undefined && { awaits }) };
}
