/**
 * Watching an execution on the embedded runtime: its log lives in a SQLite file that other
 * processes may write too (a `flux resume` elsewhere), so new events are found by reading, and
 * only what follows the last event seen is read (a look-up in the primary key while nothing is new).
 */
import { ActorRuntime } from '../runtime/host/actor-runtime.js';
import type { Runtime } from '../runtime/host/runtime.js';
import { toExecutionEvent } from '../runtime/engine/execution-context.js';
import type { ExecutionEvent, StoredEvent } from '../runtime/engine/events.js';
import type { EventStore } from '../runtime/engine/event-store.js';

/** How often an execution is looked at for new events. */
export const WATCH_POLL_MS = 100;

/**
 * Calls `onEvent` with each event of the execution's log as it is logged, from the first the caller
 * does not have (`delivered()`: the seq of the last it has); returns a stop function.
 */
export function watchStoredLog(
  runtime: Runtime,
  executionId: string,
  onEvent: (event: ExecutionEvent) => void,
  delivered: () => number = () => 0,
): () => void {
  const store = storeOf(runtime);
  const after = (afterSeq: number): Promise<StoredEvent[]> =>
    store.loadAfter
      ? store.loadAfter(executionId, afterSeq)
      : store.load(executionId).then((events) => events.filter((event) => event.seq > afterSeq));
  let seen = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    seen = Math.max(seen, delivered());
    const events = await after(seen).catch((): StoredEvent[] => []); // a failed read is tried again on the next poll
    for (const event of events) {
      if (stopped) return;
      if (event.seq !== seen + 1) break; // a log has no gaps: never skip over one
      seen = event.seq;
      onEvent(toExecutionEvent(executionId, event));
    }
    if (!stopped) timer = setTimeout(() => void poll(), WATCH_POLL_MS);
  };
  // Not at once: the caller's own first read of the log (follow's) is usually done by then, and
  // `delivered()` spares this watch reading the same events again.
  timer = setTimeout(() => void poll(), WATCH_POLL_MS);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The store of an embedded runtime (the one `createRuntime({ store })` makes). */
function storeOf(runtime: Runtime): EventStore {
  if (!(runtime instanceof ActorRuntime))
    throw new TypeError(`a ${runtime.kind} runtime has no store to watch: the embedded backend runs on SQLite`);
  return runtime.store;
}
