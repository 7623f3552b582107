/**
 * What the CLI and the HTTP API ask of a runtime, whichever it is: the embedded one (SQLite under
 * `$FLUX_HOME`, workflow bodies run in this process, from the modules given) or NATS (a client:
 * bodies run on workers, never here).
 */
import { systemClock, type Clock } from '../runtime/engine/clock.js';
import { hasErrorCode } from '../runtime/engine/errors.js';
import type { ExecutionContext } from '../runtime/engine/execution-context.js';
import { isSettled, SETTLING_EVENTS } from '../runtime/engine/execution-state.js';
import type { ExecutionEvent } from '../runtime/engine/events.js';
import type { ExecutionSummary, IdReusePolicy, PurgeOptions } from '../runtime/host/runtime.js';
import type { ListFilter } from '../runtime/engine/event-store.js';
import type { Schedules } from '../runtime/host/schedules.js';
import type { Graph } from '../runtime/api/graph.js';

export interface WaitOptions {
  /** Give up waiting (RESULT_TIMEOUT) after this long. Default: wait as long as it takes. */
  timeoutMs?: number;
}

export interface ResumeWaitOptions extends WaitOptions {
  /** The pause it answers, by name. */
  pause?: string | undefined;
}

/** Whether a backend can serve requests now, and if not, why. */
export interface BackendHealth {
  ok: boolean;
  /** What is wrong, when not ok (e.g. the NATS server cannot be reached). */
  reason?: string;
}

export interface Backend {
  /** `embedded (<database path>)` or `nats (<url>)`: for messages. */
  readonly description: string;
  /** The embedded runtime: always ok. NATS: ok while its server answers (the client reconnects meanwhile). */
  health(): Promise<BackendHealth>;
  /** The workflows that can be started: those of the modules loaded here, or those workers serve. */
  workflows(): Promise<string[]>;
  /** Starts an execution and returns its id at once (an unknown workflow is refused: WORKFLOW_NOT_FOUND). */
  start(
    workflow: string,
    input: unknown,
    options?: { executionId?: string; version?: string; idReuse?: IdReusePolicy },
  ): Promise<string>;
  /** Waits until the execution pauses or finishes. */
  result(executionId: string, options?: WaitOptions): Promise<ExecutionContext>;
  /**
   * Resumes a paused execution with a value and waits until it pauses again or finishes; `pause`
   * names the pause it answers when several are pending.
   */
  resume(executionId: string, value: unknown, options?: ResumeWaitOptions): Promise<ExecutionContext>;
  /**
   * Cancels a running or paused execution and waits until it is cancelled; with `rollback`, the
   * rollbacks of its completed tasks run first, newest first.
   */
  cancel(executionId: string, options?: WaitOptions & { rollback?: boolean }): Promise<ExecutionContext>;
  /** Runs a failed execution again from where it failed; waits until it pauses again or finishes. */
  retry(executionId: string, options?: WaitOptions): Promise<ExecutionContext>;
  /** Forks a finished execution from a step; returns the fork's id once it is started (or sent). */
  fork(executionId: string, options: { from: string; executionId?: string }): Promise<string>;
  inspect(executionId: string): Promise<ExecutionContext>;
  /** Deletes a finished execution with everything kept for it; a running or paused one is refused. */
  delete(executionId: string): Promise<void>;
  /** Deletes the finished executions older than `olderThan` (of a state, a workflow); resolves with how many. */
  purge(options: PurgeOptions): Promise<number>;
  list(filter?: ListFilter): Promise<ExecutionSummary[]>;
  /** The workflow Graphs of the modules loaded here (embedded); none where the bodies run elsewhere. */
  graphs?(): readonly Graph[];
  /** Schedules: the embedded runtime's, or those in NATS that workers fire. */
  readonly schedules: Schedules;
  /**
   * Calls `onEvent` with the events appended to the log from now on, in order, until the returned
   * function is called. Nothing is missed: what could not be handed over live (published while a
   * NATS connection was down, written by another process) is read and handed over later. Some
   * events logged before the watch began may come too, and an event may come twice: `follow`
   * drops repeats. Watching an idle execution costs next to nothing (no reading of its log).
   * `delivered`, when given, tells the seq of the last event the caller already has: a watch that
   * reads the log to find new events reads only those after it.
   */
  watch(executionId: string, onEvent: (event: ExecutionEvent) => void, delivered?: () => number): () => void;
  close(): Promise<void>;
}

function seqOf(event: ExecutionEvent): number {
  return Number(event.id.slice(event.id.lastIndexOf(':') + 1));
}

/** How long the log may lag behind events heard before `follow` forgets them (a refused append is never logged). */
const LAG_PATIENCE_MS = 30_000;
const READ_AGAIN_MS = 50;

/**
 * Every event of an execution, those already logged then those to come, each once, in order. With
 * `onSettled`, it stops by itself once the execution pauses or finishes; without, it goes on (a
 * paused execution may be resumed) until the returned function is called.
 *
 * The log is read once at the start, then only when needed: when a live event leaves a gap after
 * the last one delivered (the watch missed some: they are in the log), and, with `onSettled`, when
 * a settling event comes (the read says whether the execution did settle, and gives its context).
 * Live events can come before a read of the log shows them (on NATS a subscriber gets a batch as
 * it is published, before the stream stores it): events heard ahead of a gap are held until a read
 * fills it, and a read that does not reach them yet is done again shortly.
 */
export function follow(
  backend: Backend,
  executionId: string,
  onEvent: (event: ExecutionEvent) => void,
  onSettled: ((ctx: ExecutionContext) => void) | undefined,
  onError: (error: Error) => void,
  options: {
    notFoundPatienceMs?: number /** What its patience waits on; a test's clock. Default: the system's. */;
    clock?: Clock;
  } = {},
): () => void {
  const clock = options.clock ?? systemClock;
  /** The seq of the last event delivered: the next one delivered is `last + 1`, never another. */
  let last = 0;
  let stopped = false;
  let caughtUp = false;
  /** Events heard but not delivered yet: before the first read, or after a gap a read must fill. */
  const ahead = new Map<number, ExecutionEvent>();
  /** The latest settling event heard: a read that ends the stream must reach it. */
  let settlingSeq = 0;
  let reading = false;
  let readAgain = false;
  let behindSince: number | undefined;
  // Just started on NATS, the execution exists once a worker took the start command: wait for it a while.
  const notFoundUntil = clock.now() + (options.notFoundPatienceMs ?? 0);

  const deliver = (event: ExecutionEvent) => {
    ahead.delete(seqOf(event));
    last = seqOf(event);
    onEvent(event);
  };
  /** Delivers the events held while they follow on from the last one delivered; forgets those passed. */
  const drain = () => {
    for (let next = ahead.get(last + 1); next && !stopped; next = ahead.get(last + 1)) deliver(next);
    for (const seq of ahead.keys()) if (seq <= last) ahead.delete(seq);
  };
  const fail = (error: Error) => {
    stop();
    onError(error);
  };
  const heard = (event: ExecutionEvent) => {
    const seq = seqOf(event);
    if (stopped || seq <= last) return;
    ahead.set(seq, event);
    const settling = SETTLING_EVENTS.has(event.type);
    if (settling) settlingSeq = Math.max(settlingSeq, seq);
    if (!caughtUp) return; // the first read delivers it
    drain();
    if (ahead.size > 0)
      read(); // a gap: what the watch did not hand over is in the log
    else if (settling && onSettled) read();
  };
  /** After a read: behind what was heard (read again shortly), settled (the end), or nothing to do. */
  const judge = (ctx: ExecutionContext, readUpTo: number) => {
    // With `onSettled`, the read's state must cover every event delivered: one after it may change it.
    if (ahead.size > 0 || (onSettled && readUpTo < Math.max(last, settlingSeq))) {
      behindSince ??= clock.now();
      if (clock.now() - behindSince <= LAG_PATIENCE_MS) return void clock.setTimeout(read, READ_AGAIN_MS);
      // Heard but never logged (an append the store refused): forgotten, the log is the record.
      ahead.clear();
      settlingSeq = readUpTo;
    }
    behindSince = undefined;
    if (onSettled && isSettled(ctx.state)) {
      stop();
      onSettled(ctx);
      return;
    }
    if (readAgain) {
      readAgain = false;
      read();
    }
  };
  function read(): void {
    if (stopped) return;
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    backend.inspect(executionId).then(
      (ctx) => {
        reading = false;
        if (stopped) return;
        const events = ctx.events;
        for (const event of events) if (!stopped && seqOf(event) === last + 1) deliver(event);
        caughtUp = true;
        drain();
        if (!stopped) judge(ctx, events.length ? seqOf(events.at(-1)!) : 0);
      },
      (error: Error) => {
        reading = false;
        if (stopped) return;
        if (hasErrorCode(error, 'EXECUTION_NOT_FOUND') && clock.now() < notFoundUntil)
          return void clock.setTimeout(read, READ_AGAIN_MS);
        fail(error);
      },
    );
  }
  // Subscribed first, then read: an event appended in between comes either way, and only once.
  const unwatch = backend.watch(executionId, heard, () => last);
  function stop(): void {
    stopped = true;
    unwatch();
  }
  read();
  return stop;
}
