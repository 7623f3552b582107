/**
 * What a task-executor actor does once a task's first attempt has failed, as an XState machine:
 *
 *   deciding → backoff → retrying → (succeeded | deciding)
 *   deciding → rollingBack → (fallingBack | failed)
 *   deciding → fallingBack → (succeeded | failed)
 *   deciding → failed
 *
 * Retries come first (up to `maxAttempts` runs in all, waiting `delay * backoff^(n-1)` before retry
 * n); once they are exhausted the rollback runs (if any), then the fallback (if any), whose result
 * becomes the task's. Each step is reported through the `report` action so the execution records
 * it. A task that succeeds on its first attempt never creates this actor: the happy path costs
 * nothing. The running parts (`attempt`, `rollback`, `fallback`) and `report` are provided by the
 * executor with `machine.provide()`.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { ErrorInfo } from '../proto/messages.js';
import type { EventType } from '../runtime/engine/events.js';
import type { TaskPolicy } from '../runtime/engine/task-definition.js';

export interface TaskMachineInput {
  policy: TaskPolicy;
  /** The attempt that just failed. */
  attempt: number;
  error: ErrorInfo;
  /** Where to start: after a failed attempt (the default), or part-way when a task is taken up again. */
  start?: 'deciding' | 'retrying' | 'rollingBack' | 'afterRollback' | 'fallingBack';
}

export interface TaskMachineContext {
  policy: TaskPolicy;
  start: NonNullable<TaskMachineInput['start']>;
  attempt: number;
  /** The error of the last failed attempt of the task itself. */
  lastError: ErrorInfo;
  fallbackError: ErrorInfo | undefined;
  outputJson: string | undefined;
}

export interface Report {
  type: EventType;
  valueJson: string | undefined;
}

/**
 * Delay before retry `n` (1 = the first retry). Timers take any delay (runtime/engine/timers.ts); the
 * growth stops only where a number would stop being exact, so the delay stays finite in the log.
 */
export function retryDelay(policy: TaskPolicy, n: number): number {
  return Math.min(policy.delayMs * policy.backoff ** (n - 1), Number.MAX_SAFE_INTEGER);
}

const errorJson = (error: ErrorInfo) => JSON.stringify(error);

export const taskExecutorMachine = setup({
  types: {
    context: {} as TaskMachineContext,
    input: {} as TaskMachineInput,
  },
  actors: {
    attempt: fromPromise<string | undefined, { attempt: number }>(async () => undefined),
    rollback: fromPromise<string | undefined, { attempt: number }>(async () => undefined),
    fallback: fromPromise<string | undefined, { attempt: number }>(async () => undefined),
  },
  actions: {
    report: (_, _params: Report) => {},
  },
  guards: {
    canRetry: ({ context }) => context.attempt < context.policy.maxAttempts,
    hasRollback: ({ context }) => context.policy.rollback !== undefined,
    hasFallback: ({ context }) => context.policy.fallback !== undefined,
    // Where a command sent again (its first executor died) picks up: named, so pictures can say it.
    resumesAtRetry: ({ context }) => context.start === 'retrying',
    resumesAtRollback: ({ context }) => context.start === 'rollingBack',
    resumesAfterRollback: ({ context }) => context.start === 'afterRollback',
    resumesAtFallback: ({ context }) => context.start === 'fallingBack',
  },
  delays: {
    backoff: ({ context }) => retryDelay(context.policy, context.attempt),
  },
}).createMachine({
  id: 'taskExecutor',
  context: ({ input }) => ({
    policy: input.policy,
    start: input.start ?? 'deciding',
    attempt: input.attempt,
    lastError: input.error,
    fallbackError: undefined,
    outputJson: undefined,
  }),
  initial: 'starting',
  states: {
    starting: {
      always: [
        { guard: 'resumesAtRetry', target: 'retrying' },
        { guard: 'resumesAtRollback', target: 'rollingBack' },
        { guard: 'resumesAfterRollback', target: 'afterRollback' },
        { guard: 'resumesAtFallback', target: 'fallingBack' },
        { target: 'deciding' },
      ],
    },
    deciding: {
      always: [
        { guard: 'canRetry', target: 'backoff' },
        { guard: 'hasRollback', target: 'rollingBack' },
        { guard: 'hasFallback', target: 'fallingBack' },
        { target: 'failed' },
      ],
    },
    backoff: {
      entry: {
        type: 'report',
        params: ({ context }) => ({
          type: 'TASK_RETRY_STARTED',
          // The error that caused the retry rides along: the log then tells why, on every attempt.
          valueJson: JSON.stringify({
            attempt: context.attempt + 1,
            delay: retryDelay(context.policy, context.attempt),
            error: context.lastError,
          }),
        }),
      },
      after: { backoff: { target: 'retrying', actions: assign({ attempt: ({ context }) => context.attempt + 1 }) } },
    },
    retrying: {
      invoke: {
        src: 'attempt',
        input: ({ context }) => ({ attempt: context.attempt }),
        onDone: {
          target: 'succeeded',
          actions: [
            assign({ outputJson: ({ event }) => event.output }),
            { type: 'report', params: ({ event }) => ({ type: 'TASK_RETRY_COMPLETED', valueJson: event.output }) },
          ],
        },
        onError: {
          target: 'deciding',
          actions: [
            assign({ lastError: ({ event }) => event.error as ErrorInfo }),
            {
              type: 'report',
              params: ({ context, event }) => ({
                type: 'TASK_RETRY_FAILED',
                valueJson: JSON.stringify({ attempt: context.attempt, error: event.error as ErrorInfo }),
              }),
            },
          ],
        },
      },
    },
    rollingBack: {
      // The value keeps the error that led here, so a task taken up again mid-way still knows it.
      entry: {
        type: 'report',
        params: ({ context }) => ({
          type: 'TASK_ROLLBACK_STARTED',
          valueJson: JSON.stringify({ error: context.lastError }),
        }),
      },
      invoke: {
        src: 'rollback',
        input: ({ context }) => ({ attempt: context.attempt }),
        onDone: {
          target: 'afterRollback',
          actions: {
            type: 'report',
            params: ({ event }) => ({ type: 'TASK_ROLLBACK_COMPLETED', valueJson: event.output }),
          },
        },
        // A rollback that throws is recorded and does not stop the fallback.
        onError: {
          target: 'afterRollback',
          actions: {
            type: 'report',
            params: ({ event }) => ({ type: 'TASK_ROLLBACK_FAILED', valueJson: errorJson(event.error as ErrorInfo) }),
          },
        },
      },
    },
    afterRollback: {
      always: [{ guard: 'hasFallback', target: 'fallingBack' }, { target: 'failed' }],
    },
    fallingBack: {
      entry: {
        type: 'report',
        params: ({ context }) => ({
          type: 'TASK_FALLBACK_STARTED',
          valueJson: JSON.stringify({ error: context.lastError }),
        }),
      },
      invoke: {
        src: 'fallback',
        input: ({ context }) => ({ attempt: context.attempt }),
        onDone: {
          target: 'fellBack',
          actions: [
            assign({ outputJson: ({ event }) => event.output }),
            { type: 'report', params: ({ event }) => ({ type: 'TASK_FALLBACK_COMPLETED', valueJson: event.output }) },
          ],
        },
        onError: {
          target: 'failed',
          actions: [
            assign({ fallbackError: ({ event }) => event.error as ErrorInfo }),
            {
              type: 'report',
              params: ({ event }) => ({ type: 'TASK_FALLBACK_FAILED', valueJson: errorJson(event.error as ErrorInfo) }),
            },
          ],
        },
      },
    },
    succeeded: { type: 'final' },
    /** The fallback's result stands in for the task's (and is not cached as the task's). */
    fellBack: { type: 'final' },
    failed: { type: 'final' },
  },
});
