/**
 * Where a task that started but never finished picks up when its execution is replayed: its
 * recorded progress says which attempt comes next, how long its backoff still runs, or whether the
 * rollback or fallback had begun. A task interrupted before any progress was recorded starts over.
 */
import type { ErrorInfo, TaskResume } from '../../proto/messages.js';
import type { StoredEvent } from './events.js';
import { fallbackFailure } from './errors.js';

export interface ResumePoint {
  attempt: number;
  resume: TaskResume | undefined;
  /**
   * Set when the recorded progress already settles the task (its retry or fallback finished, and
   * only the final event was lost): that result stands, nothing runs again.
   */
  settled?: { outputJson: string | undefined } | { error: ErrorInfo };
}

export function resumePoint(events: readonly StoredEvent[], started: StoredEvent): ResumePoint {
  let point: ResumePoint = { attempt: 1, resume: undefined };
  for (let i = started.seq; i < events.length; i++) {
    const event = events[i]!;
    if (event.sourceId === started.sourceId) point = advanceResumePoint(point, event);
  }
  return point;
}

/** The resume point after one more recorded step of the task (or reported progress, on its way to the log). */
export function advanceResumePoint(point: ResumePoint, event: StoredEvent): ResumePoint {
  const value =
    event.valueJson === undefined
      ? {}
      : (JSON.parse(event.valueJson) as { attempt?: number; delay?: number; error?: ErrorInfo });
  switch (event.type) {
    case 'TASK_RETRY_STARTED':
      return {
        attempt: value.attempt!,
        resume: {
          phase: 'attempt',
          notBeforeMs: event.time + (value.delay ?? 0),
          ...(value.error && { lastError: value.error }),
        },
      };
    case 'TASK_RETRY_COMPLETED':
    case 'TASK_FALLBACK_COMPLETED':
      return { ...point, settled: { outputJson: event.valueJson } };
    case 'TASK_FALLBACK_FAILED': {
      const lastError = point.resume?.lastError ?? { name: 'Error', message: 'unrecorded' };
      return { ...point, settled: { error: fallbackFailure(event.name, value as unknown as ErrorInfo, lastError) } };
    }
    case 'TASK_RETRY_FAILED':
      return { attempt: value.attempt!, resume: { phase: 'deciding', notBeforeMs: 0, lastError: value.error! } };
    case 'TASK_ROLLBACK_STARTED':
      return { attempt: point.attempt, resume: { phase: 'rollingBack', notBeforeMs: 0, lastError: value.error! } };
    case 'TASK_ROLLBACK_COMPLETED':
    case 'TASK_ROLLBACK_FAILED':
      return {
        attempt: point.attempt,
        resume: { phase: 'afterRollback', notBeforeMs: 0, lastError: point.resume?.lastError },
      };
    case 'TASK_FALLBACK_STARTED':
      return { attempt: point.attempt, resume: { phase: 'fallingBack', notBeforeMs: 0, lastError: value.error! } };
    default:
      return point;
  }
}
