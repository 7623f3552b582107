/**
 * One task command being carried out by an executor: the first (or resumed) attempt, then, if it
 * fails and the task has retries, a rollback or a fallback, the task-executor machine. It replies
 * exactly once with the output or the error, reports each failure-handling step on the way, and
 * stops everything (timers, the machine, the attempt's signal) when cancelled.
 */
import { ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';
import { createActor, fromPromise, type Actor } from 'xstate';
import { taskExecutorMachine, type TaskMachineContext, type TaskMachineInput } from './task-executor-machine.js';
import { systemClock, xstateClock, type Clock, type Timer, type XStateClock } from '../runtime/engine/clock.js';
import { deadlinesOn, type Deadlines } from '../runtime/engine/deadlines.js';
import { ExecutionTimeoutError, fallbackFailure, FluxError, RetryError } from '../runtime/engine/errors.js';
import type { EventType } from '../runtime/engine/events.js';
import { storeOutput } from '../runtime/engine/output-storage.js';
import { scopeStorage, TaskScope, type NestedCalls } from '../runtime/engine/scope.js';
import { redactJson, secretIn, secretInOutput } from '../runtime/engine/secrets.js';
import { encodeValue, toErrorInfo } from '../runtime/engine/serialization.js';
import type { TaskDefinition, TaskFunction } from '../runtime/engine/task-definition.js';
import { jsonPayload, type ErrorInfo, type TaskCommand, type TaskResult } from '../proto/messages.js';
import { ATTR, contextOfTraceparent, markPartSpan, startPartSpan } from '../runtime/engine/tracing.js';
import { instruments } from '../runtime/engine/metrics.js';

export type ReplyTo = (result: TaskResult) => void;
export type Secrets = Readonly<Record<string, string>>;

export const NO_SECRETS: Secrets = Object.freeze({});

/** The clock runs keep time on, and what is derived from it once per executor rather than per run. */
export interface RunClock {
  clock: Clock;
  deadlines: Deadlines;
  /** For the task-executor machine's delayed transitions (the backoff). */
  xstate: XStateClock;
}

export function runClock(clock: Clock): RunClock {
  return { clock, deadlines: deadlinesOn(clock), xstate: xstateClock(clock) };
}

export const SYSTEM_RUN_CLOCK = runClock(systemClock);

/** What a run gets besides its command. */
export interface RunSetting {
  secrets: Secrets;
  /** Default: the system clock. */
  time?: RunClock;
  /** Called with an output the task itself produced (not its fallback): for the cache. */
  onTaskOutput?: ((outputJson: string | undefined) => void) | undefined;
  /** Where the body's own task calls go, when the execution is in this process. */
  nested?: NestedCalls | undefined;
}
const UNKNOWN_ERROR: ErrorInfo = { name: 'Error', message: 'the error of an earlier attempt was not recorded' };

export class TaskRun {
  private cancelled = false;
  private replied = false;
  private waitTimer: Timer | undefined;
  private machine: Actor<typeof taskExecutorMachine> | undefined;
  private scope: TaskScope | undefined;

  private readonly secrets: Secrets;
  private readonly onTaskOutput: ((outputJson: string | undefined) => void) | undefined;
  private readonly nested: NestedCalls | undefined;
  private readonly time: RunClock;
  /** The run that sent the command, when it is traced; the span of the part of it under way. */
  private readonly traced: Context | undefined;
  private part: Span | undefined;

  constructor(
    private readonly definition: TaskDefinition,
    private readonly args: unknown[],
    private readonly command: TaskCommand,
    private readonly reply: ReplyTo,
    setting: RunSetting,
  ) {
    this.secrets = setting.secrets;
    this.onTaskOutput = setting.onTaskOutput;
    this.nested = setting.nested;
    this.time = setting.time ?? SYSTEM_RUN_CLOCK;
    this.traced = command.traceparent ? contextOfTraceparent(command.traceparent) : undefined;
  }

  start(): this {
    const { policy } = this.definition;
    const { resume, attempt } = this.command;
    if (!resume) return this.go();
    if (policy && resume.phase !== 'attempt') {
      this.startMachine(resume.lastError ?? UNKNOWN_ERROR, attempt, resume.phase);
      return this;
    }
    // The runtime owns the backoff's timer: a retry taken up again waits out what remains of it.
    const wait = resume.notBeforeMs - this.time.clock.now();
    if (wait > 0) this.waitTimer = this.time.clock.setTimeout(() => this.go(), wait);
    else this.go();
    return this;
  }

  private go(): this {
    const { policy } = this.definition;
    const { resume, attempt } = this.command;
    // A retry taken up again after a crash runs inside the machine, so its outcome is recorded too.
    if (policy && attempt > 1) {
      this.startMachine(resume?.lastError ?? UNKNOWN_ERROR, attempt, 'retrying');
      return this;
    }
    // (A traced command's attempt runs in a span of its own: `runPart` keeps the timeout then.)
    if (policy?.timeoutMs !== undefined && !this.traced) {
      this.firstTimed(attempt, policy.timeoutMs);
      return this;
    }
    this.runAttempt(attempt).then(
      (outputJson) => this.succeed(outputJson, true),
      (error: ErrorInfo) => this.firstFailed(error, attempt),
    );
    return this;
  }

  /**
   * The first attempt of a task with a timeout, with no promise wrapped around the body (a
   * guarded task that succeeds must cost about what a plain one does): the deadline reports
   * straight to this run, and a result that comes after it is ignored.
   */
  private firstTimed(attempt: number, timeoutMs: number): void {
    const { executionId, taskId } = this.command;
    const name = this.definition.name;
    const scope = new TaskScope(executionId, taskId, name, attempt, this.secrets, this.nested, this.time.clock);
    this.scope = scope;
    let over = false;
    const began = this.time.clock.now();
    const fail = (error: ErrorInfo) => {
      over = true;
      this.measure('attempt', 'failed', began);
      this.firstFailed(error, attempt);
    };
    const timedOut = () => {
      const error = new ExecutionTimeoutError(name, timeoutMs, attempt, executionId);
      scope.abort(error); // the body learns through taskContext().signal
      fail(this.safeError(error));
    };
    const deadline = this.time.deadlines.add(timeoutMs, () => over || timedOut());
    call(scope, this.definition.fn, this.args).then(
      (output) => {
        if (over) return;
        deadline.cancel();
        if (this.time.clock.now() > deadline.at) return timedOut(); // the body blocked past its deadline
        let kept: string | undefined | Promise<string | undefined>;
        try {
          kept = this.keepOut(encodeValue(output, `the result of task '${name}'`, executionId));
        } catch (error) {
          return fail(this.safeError(error));
        }
        over = true;
        this.measure('attempt', 'completed', began);
        if (kept instanceof Promise)
          kept.then(
            (json) => this.succeed(json, true),
            (error: ErrorInfo) => this.firstFailed(error, attempt),
          );
        else this.succeed(kept, true);
      },
      (error: unknown) => {
        if (over) return;
        deadline.cancel();
        fail(this.safeError(error));
      },
    );
  }

  private firstFailed(error: ErrorInfo, attempt: number): void {
    if (this.definition.policy && !this.cancelled) this.startMachine(error, attempt);
    else this.finish(this.failure(error));
  }

  /** The execution no longer wants the result: stop retrying, abort the running attempt. */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.waitTimer?.clear();
    this.machine?.stop();
    this.scope?.abort(
      new FluxError(
        'TASK_CANCELLED',
        `task '${this.definition.name}' was cancelled: its execution no longer waits for it`,
      ),
    );
  }

  /** One run of the task body, with its timeout: resolves with the output's JSON, rejects with its error's. */
  private runAttempt(attempt: number): Promise<string | undefined> {
    return this.runPart(this.definition.fn, 'result', attempt, this.definition.policy?.timeoutMs);
  }

  private runPart(
    fn: TaskFunction,
    what: string,
    attempt: number,
    timeoutMs: number | undefined,
  ): Promise<string | undefined> {
    const { executionId, taskId } = this.command;
    const name = this.definition.name;
    const scope = new TaskScope(executionId, taskId, name, attempt, this.secrets, this.nested, this.time.clock);
    this.scope = scope;
    // A traced command's part runs under a span of its own; the body may nest its own under it (`traceContext`).
    const part = partOf(what);
    const span = this.traced && this.startPart(this.traced, part, attempt);
    const began = this.time.clock.now();
    if (span) scope.traceContext = trace.setSpan(ROOT_CONTEXT, span);
    const ran = runIn(scope, fn, this.args, timeoutMs, this.time.deadlines);
    // As few promise steps as possible: a task that finishes at once must reach its gate in time
    // (see runtime/engine/delivery.ts), or every step of a sequential workflow costs a turn of the loop.
    return ran.then(
      (output) => {
        try {
          const kept = this.keepOut(encodeValue(output, `the ${what} of task '${name}'`, executionId));
          if (span) this.markPart(span, kept);
          this.measure(part, 'completed', began);
          return kept;
        } catch (error) {
          this.measure(part, 'failed', began);
          return Promise.reject(this.failedPart(span, error));
        }
      },
      (error: unknown) => {
        this.measure(part, 'failed', began);
        return Promise.reject(this.failedPart(span, error));
      },
    );
  }

  /** A part's outcome and duration, in the metrics (a no-op without a registered MeterProvider). */
  private measure(part: 'attempt' | 'fallback' | 'rollback', outcome: 'completed' | 'failed', began: number): void {
    const meters = instruments();
    const task = this.definition.name;
    meters.attempts.add(1, { task, part, outcome });
    meters.attemptDuration.record(this.time.clock.now() - began, { task });
  }

  /** The span of the next part of a traced command; the last part's ends. */
  private startPart(parent: Context, part: 'attempt' | 'fallback' | 'rollback', attempt: number): Span {
    const now = this.time.clock.now();
    this.part?.end(now);
    this.part = startPartSpan(parent, this.command, part, attempt, now);
    return this.part;
  }

  /** A traced part's outcome, once its output is kept (stored, when the task keeps outputs out of the log). */
  private markPart(span: Span, kept: string | undefined | Promise<string | undefined>): void {
    if (!(kept instanceof Promise)) {
      markPartSpan(span, 'completed');
      return;
    }
    kept.then(
      () => markPartSpan(span, 'completed'),
      (error: ErrorInfo) => markPartSpan(span, 'failed', error),
    );
  }

  /** A part's error as stored; its span, if traced, says so. */
  private failedPart(span: Span | undefined, error: unknown): ErrorInfo {
    const info = this.safeError(error);
    if (span) markPartSpan(span, 'failed', info);
    return info;
  }

  /**
   * An output on its way to the log: refused if it carries a secret, stored if the task keeps
   * outputs out of the log (only then is there a promise to wait for).
   */
  private keepOut(outputJson: string | undefined): string | undefined | Promise<string | undefined> {
    const secret =
      outputJson === undefined || this.secrets === NO_SECRETS ? undefined : secretIn(outputJson, this.secrets);
    if (secret) throw secretInOutput(`the result of task '${this.definition.name}'`, secret);
    const storage = this.definition.options.outputStorage;
    if (!storage) return outputJson;
    return storeOutput(storage, this.command.executionId, this.command.taskId, outputJson).catch((error: unknown) =>
      Promise.reject(this.safeError(error)),
    );
  }

  /** The stored form of an error, every secret value in it (message, details, any escaping) redacted. */
  private safeError(error: unknown): ErrorInfo {
    const info = toErrorInfo(error);
    return this.secrets === NO_SECRETS
      ? info
      : (JSON.parse(redactJson(JSON.stringify(info), this.secrets)) as ErrorInfo);
  }

  private startMachine(error: ErrorInfo, attempt: number, start?: TaskMachineInput['start']): void {
    if (this.cancelled) return;
    const { policy } = this.definition;
    const machine = taskExecutorMachine.provide({
      actors: {
        attempt: fromPromise(({ input }: { input: { attempt: number } }) => this.runAttempt(input.attempt)),
        rollback: fromPromise(({ input }: { input: { attempt: number } }) =>
          this.runPart(policy!.rollback!, 'rollback result', input.attempt, undefined),
        ),
        fallback: fromPromise(({ input }: { input: { attempt: number } }) =>
          this.runPart(policy!.fallback!, 'fallback result', input.attempt, undefined),
        ),
      },
      actions: {
        report: (_, params) => {
          if (!this.cancelled) this.reply(this.progress(params.type, params.valueJson));
        },
      },
    });
    // The backoff is the machine's delayed transition: on the run's clock, whose timers take any delay.
    const input = { policy: policy!, attempt, error, ...(start && { start }) };
    const actor = createActor(machine, { clock: this.time.xstate, input });
    this.machine = actor;
    actor.subscribe({
      complete: () => {
        const { value, context, status } = actor.getSnapshot();
        if (status !== 'done') return; // stopped by a cancel
        if (value === 'failed')
          return this.finish(this.failure(finalError(this.definition.name, context, this.command.executionId)));
        this.succeed(context.outputJson, value === 'succeeded');
      },
      error: (thrown) => this.finish(this.failure(toErrorInfo(thrown))),
    });
    actor.start();
  }

  private succeed(outputJson: string | undefined, byTheTask: boolean): void {
    if (byTheTask && !this.cancelled) this.onTaskOutput?.(outputJson);
    const { executionId, taskId, attempt } = this.command;
    this.finish({ executionId, taskId, attempt, outcome: 'output', output: jsonPayload(outputJson) });
  }

  private failure(error: ErrorInfo): TaskResult {
    const { executionId, taskId, attempt } = this.command;
    return { executionId, taskId, attempt, outcome: 'error', error };
  }

  private progress(type: EventType, valueJson: string | undefined): TaskResult {
    const { executionId, taskId, attempt } = this.command;
    this.part?.addEvent(type, { [ATTR.attempt]: attempt }, this.time.clock.now());
    if (type === 'TASK_RETRY_STARTED') instruments().retries.add(1, { task: this.definition.name });
    return { executionId, taskId, attempt, outcome: 'progress', progress: { type, value: jsonPayload(valueJson) } };
  }

  /** Replies once. After a cancel too: the execution records a late result, and nothing else. */
  private finish(result: TaskResult): void {
    if (this.replied) return;
    this.replied = true;
    this.part?.end(this.time.clock.now());
    this.reply(result);
  }
}

/** Which part of a task command `runPart` runs, by what its output is called. */
function partOf(what: string): 'attempt' | 'fallback' | 'rollback' {
  return what === 'result' ? 'attempt' : what === 'fallback result' ? 'fallback' : 'rollback';
}

/**
 * Runs a task body in its scope, within its timeout. The deadline counts from before the call, so
 * a body that blocks synchronously past it fails with the timeout too.
 */
function runIn(
  scope: TaskScope,
  fn: TaskFunction,
  args: unknown[],
  timeoutMs: number | undefined,
  deadlines: Deadlines,
): Promise<unknown> {
  if (timeoutMs === undefined) return call(scope, fn, args);
  return new Promise((resolve, reject) => {
    const deadline = deadlines.add(timeoutMs, () => {
      const error = new ExecutionTimeoutError(scope.taskName, timeoutMs, scope.attempt, scope.executionId);
      scope.abort(error); // the body learns through taskContext().signal
      reject(error);
    });
    call(scope, fn, args).then(
      (value) => {
        deadline.cancel();
        if (deadlines.clock.now() <= deadline.at) resolve(value);
        else reject(new ExecutionTimeoutError(scope.taskName, timeoutMs, scope.attempt, scope.executionId));
      },
      (error: unknown) => {
        deadline.cancel();
        reject(error);
      },
    );
  });
}

/** Calls a task function in its scope; no async wrapper, which would cost the hot path promise steps. */
function call(scope: TaskScope, fn: TaskFunction, args: unknown[]): Promise<unknown> {
  try {
    const result = scopeStorage.run(scope, fn, ...args);
    return result instanceof Promise ? result : Promise.resolve(result);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The error the task fails with once everything is exhausted. */
function finalError(taskName: string, context: TaskMachineContext, executionId: string): ErrorInfo {
  const { lastError, fallbackError, policy, attempt } = context;
  if (fallbackError) return fallbackFailure(taskName, fallbackError, lastError);
  if (policy.maxAttempts <= 1) return lastError;
  // The last attempt's error, with its stack and causes, is the retry error's cause.
  return { ...toErrorInfo(new RetryError(taskName, attempt, lastError, executionId)), cause: lastError };
}
