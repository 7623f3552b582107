/**
 * What the CLI and the HTTP API ask of a runtime, whichever it is: the embedded one (SQLite under
 * `$FLUX_HOME`, workflow bodies run in this process, from the modules given) or NATS (a client:
 * bodies run on workers, never here).
 */
import type { FluxError } from '../runtime/errors.js';
import type { ExecutionContext } from '../runtime/execution-context.js';
import { isSettled, SETTLING_EVENTS } from '../runtime/execution-state.js';
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


function seqOf(event: ExecutionEvent): number {
  return Number(event.id.slice(event.id.lastIndexOf(':') + 1));
}

/** How long a read may lag behind a settling event heard live before `follow` gives up. */
const LAG_PATIENCE_MS = 30_000;
const READ_AGAIN_MS = 50;
/**
 * How often the log is read anyway: events published while a NATS connection was down never reach
 * the watch (core NATS does not replay them), and a settling one missed would leave a stream open.
 */
const REREAD_MS = 1_000;

/**
 * Every event of an execution, those already logged then those to come, each once, in order. With
 * `onSettled`, it stops by itself once the execution pauses or finishes; without, it goes on (a
 * paused execution may be resumed) until the returned function is called.
 *
 * Live events can come before a read of the log shows them (on NATS a subscriber gets a batch as
 * it is published, before the stream stores it): a read that does not show the settling event
 * heard is behind, and is done again shortly. Events the watch never gets (published during a
 * reconnect) come with the read done every `REREAD_MS`.
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
  let caughtUp = false;
  const pending: ExecutionEvent[] = [];
  /** The latest settling event heard live: a read that does not reach it is behind. */
  let settlingSeq = 0;
  let reading = false;
  let readAgain = false;
  let behindSince: number | undefined;
  // Just started on NATS, the execution exists once a worker took the start command: wait for it a while.
  const notFoundUntil = Date.now() + (options.notFoundPatienceMs ?? 0);

  const emit = (event: ExecutionEvent) => {
    const seq = seqOf(event);
    if (seq <= last || stopped) return;
    last = seq;
    onEvent(event);
  };
  const fail = (error: Error) => {
    stop();
    onError(error);
  };
  const heard = (event: ExecutionEvent) => {
    emit(event);
    if (!SETTLING_EVENTS.has(event.type)) return;
    settlingSeq = Math.max(settlingSeq, seqOf(event));
    read();
  };
  const judge = (ctx: ExecutionContext) => {
    const readUpTo = ctx.events.length ? seqOf(ctx.events.at(-1)!) : 0;
    if (onSettled && readUpTo < settlingSeq) {
      behindSince ??= Date.now();
      if (Date.now() - behindSince > LAG_PATIENCE_MS) return fail(new Error(`the log of execution ${executionId} stayed behind its events for ${LAG_PATIENCE_MS} ms`));
      return void setTimeout(read, READ_AGAIN_MS);
    }
    behindSince = undefined;
    if (onSettled && isSettled(ctx.state)) return stop(), onSettled(ctx);
    if (readAgain) (readAgain = false), read();
  };
  function read(): void {
    if (stopped) return;
    if (reading) return void (readAgain = true);
    reading = true;
    backend.inspect(executionId).then((ctx) => {
      reading = false;
      if (stopped) return;
      for (const event of ctx.events) emit(event);
      if (!caughtUp) {
        caughtUp = true;
        for (const event of pending.splice(0)) heard(event);
      }
      judge(ctx);
    }, (error: Error) => {
      reading = false;
      if (stopped) return;
      if ((error as FluxError).code === 'EXECUTION_NOT_FOUND' && Date.now() < notFoundUntil) return void setTimeout(read, READ_AGAIN_MS);
      fail(error);
    });
  }
  // Subscribed first, then read: an event appended in between comes either way, and only once.
  const unwatch = backend.watch(executionId, (event) => (caughtUp ? heard(event) : void pending.push(event)));
  const rereads = setInterval(() => caughtUp && read(), REREAD_MS);
  rereads.unref();
  function stop(): void {
    stopped = true;
    clearInterval(rereads);
    unwatch();
  }
  read();
  return stop;
}
