/**
 * A failed execution run again from where it failed (`retry`), as its log sees it. The retry records
 * WORKFLOW_RETRIED naming the calls whose failures failed the execution; every replay from then on
 * reads the log as if those calls had never been made before it, so they run again (a fresh first
 * attempt, on the code deployed now) while every call that completed keeps its recorded outcome.
 */
import { OUTCOME_TYPES } from './call-index.js';
import type { StoredEvent } from './events.js';
import { isNestedCall } from './identity.js';

/** What WORKFLOW_RETRIED records. */
export interface RetryRecord {
  /** The calls whose events before the retry are set aside: they run again. */
  superseded: string[];
}

/**
 * The calls whose failures failed the execution, decided from its log: those after which the body
 * started no other call (it stopped on them: alone, or several at once in a `parallel`), and the
 * last failed call whose error is the one the execution failed with (the body let it through, while
 * another branch went on). A failure the body caught and went on from is part of its history and
 * stays. A failure of the body's own code (a divergence, a throw) sets aside nothing: the body
 * replays on the new code.
 */
export function failedCalls(events: readonly StoredEvent[]): string[] {
  const view = replayView(events);
  const open = new Map<string, string | undefined>(); // failed and not run again: its error
  let unhandled = new Set<string>();
  let failure: string | undefined;
  for (const event of view) {
    if (event.type === 'WORKFLOW_FAILED') failure = errorKey(event.valueJson);
    if (isNestedCall(event.sourceId)) continue;
    if (event.type === 'TASK_STARTED') {
      // A new call after a failure: the body went on, so that failure was handled.
      if (!open.has(event.sourceId)) unhandled = new Set();
      open.delete(event.sourceId);
    } else if (event.type === 'TASK_FAILED') {
      open.set(event.sourceId, errorKey(event.valueJson));
      unhandled.add(event.sourceId);
    } else if (OUTCOME_TYPES.has(event.type)) open.delete(event.sourceId);
  }
  const failed = new Set([...unhandled].filter((id) => open.has(id)));
  const same = [...open].filter(([, error]) => error !== undefined && error === failure).map(([id]) => id);
  if (same.length) failed.add(same.at(-1)!);
  return [...failed];
}

/** An error as recorded, compared by name and message. */
function errorKey(valueJson: string | undefined): string | undefined {
  if (!valueJson) return undefined;
  try {
    const error = JSON.parse(valueJson) as { name?: unknown; message?: unknown };
    return `${String(error.name)}: ${String(error.message)}`;
  } catch {
    return undefined;
  }
}

/**
 * The log as a replay reads it: the current run only (an id started again holds earlier runs before
 * it), and without the events of superseded calls up to the retry that set them aside (the same
 * array when the execution has one run and was never retried).
 */
export function replayView(events: readonly StoredEvent[]): readonly StoredEvent[] {
  let last = -1;
  let first = 0;
  for (let i = events.length - 1; i > 0; i--) {
    const type = events[i]!.type;
    if (type === 'WORKFLOW_RETRIED' && last < 0) last = i;
    else if (type === 'WORKFLOW_STARTED') {
      first = i;
      break;
    }
  }
  if (first > 0) return replayView(events.slice(first));
  if (last < 0) return events;
  // Each retry sets aside what came before it; a call retried twice is set aside up to the later one.
  const until = new Map<string, number>();
  for (let i = 0; i <= last; i++) {
    const event = events[i]!;
    if (event.type !== 'WORKFLOW_RETRIED') continue;
    for (const taskId of retryRecord(event).superseded) until.set(taskId, i);
  }
  return events.filter((event, i) => {
    const before = until.get(event.sourceId);
    return before === undefined || i > before;
  });
}

function retryRecord(event: StoredEvent): RetryRecord {
  if (!event.valueJson) return { superseded: [] };
  const value = JSON.parse(event.valueJson) as Partial<RetryRecord>;
  return { superseded: Array.isArray(value.superseded) ? value.superseded.map(String) : [] };
}
