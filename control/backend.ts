/**
 * What the CLI and the HTTP API ask of a runtime, whichever it is: the embedded one (SQLite under
 * `$FLUX_HOME`, workflow bodies run in this process, from the modules given) or NATS (a client:
 * bodies run on workers, never here).
 */
import type { FluxError } from '../runtime/errors.js';
import type { ExecutionContext } from '../runtime/execution-context.js';
import type { ExecutionEvent } from '../runtime/events.js';
import type { ExecutionSummary } from '../runtime/runtime.js';
import type { ListFilter } from '../runtime/stores/event-store.js';

export interface WaitOptions {
  /** Give up waiting (RESULT_TIMEOUT) after this long. Default: wait as long as it takes. */
  timeoutMs?: number;
}

export interface Backend {
  /** `embedded (<database path>)` or `nats (<url>)`: for messages. */
  readonly description: string;
  /** The workflows that can be started: those of the modules loaded here, or those workers serve. */
  workflows(): Promise<string[]>;
  /** Starts an execution and returns its id at once (an unknown workflow is refused: WORKFLOW_NOT_FOUND). */
  start(workflow: string, input: unknown, options?: { executionId?: string }): Promise<string>;
  /** Waits until the execution pauses or finishes. */
  result(executionId: string, options?: WaitOptions): Promise<ExecutionContext>;
  /** Resumes a paused execution with a value and waits until it pauses again or finishes. */
  resume(executionId: string, value: unknown, options?: WaitOptions): Promise<ExecutionContext>;
  /** Cancels a running or paused execution and waits until it is cancelled. */
  cancel(executionId: string, options?: WaitOptions): Promise<ExecutionContext>;
  inspect(executionId: string): Promise<ExecutionContext>;
  list(filter?: ListFilter): Promise<ExecutionSummary[]>;
  /**
   * Calls `onEvent` with the events appended to the log from now on (some logged before may come
   * too: `follow` drops repeats); returns a function that stops it.
   */
  watch(executionId: string, onEvent: (event: ExecutionEvent) => void): () => void;
  close(): Promise<void>;
}

const SETTLED = new Set(['paused', 'succeeded', 'failed', 'cancelled']);

export function isSettled(state: string): boolean {
  return SETTLED.has(state);
}

function seqOf(event: ExecutionEvent): number {
  return Number(event.id.slice(event.id.lastIndexOf(':') + 1));
}

/**
 * Every event of an execution, those already logged then those to come, each once, in order. With
 * `onSettled`, it stops by itself once the execution pauses or finishes; without, it goes on (a
 * paused execution may be resumed) until the returned function is called.
 */
export function follow(
  backend: Backend,
  executionId: string,
  onEvent: (event: ExecutionEvent) => void,
  onSettled: ((ctx: ExecutionContext) => void) | undefined,
  onError: (error: Error) => void,
  options: { notFoundPatienceMs?: number } = {},
): () => void {
  let last = 0;
  let stopped = false;
  const pending: ExecutionEvent[] = [];
  let caughtUp = false;
  const emit = (event: ExecutionEvent) => {
    const seq = seqOf(event);
    if (seq <= last || stopped) return;
    last = seq;
    onEvent(event);
  };
  const settleIfDone = () => {
    if (stopped || !onSettled) return;
    backend.inspect(executionId).then((ctx) => {
      for (const event of ctx.events) emit(event);
      if (isSettled(ctx.state)) (stop(), onSettled(ctx));
    }, (error: Error) => (stop(), onError(error)));
  };
  // Subscribed first, then read: an event appended in between comes either way, and only once.
  const unwatch = backend.watch(executionId, (event) => {
    if (!caughtUp) return void pending.push(event);
    emit(event);
    if (event.type.startsWith('WORKFLOW_') && event.type !== 'WORKFLOW_STARTED' && event.type !== 'WORKFLOW_RESUMED') settleIfDone();
  });
  const stop = () => {
    stopped = true;
    unwatch();
  };
  // Just started on NATS, the execution exists once a worker took the start command: wait for it a while.
  const deadline = Date.now() + (options.notFoundPatienceMs ?? 0);
  const catchUp = () => backend.inspect(executionId).then((ctx) => {
    for (const event of ctx.events) emit(event);
    caughtUp = true;
    for (const event of pending.splice(0)) emit(event);
    if (onSettled && isSettled(ctx.state)) (stop(), onSettled(ctx));
  }, (error: Error) => {
    if (stopped) return;
    if ((error as FluxError).code === 'EXECUTION_NOT_FOUND' && Date.now() < deadline) return void setTimeout(catchUp, 50);
    stop();
    onError(error);
  });
  void catchUp();
  return stop;
}
