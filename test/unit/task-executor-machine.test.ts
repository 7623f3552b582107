import { expect } from 'chai';
import { createActor, fromPromise } from 'xstate';
import { retryDelay, taskExecutorMachine, type Report } from '../../actors/task-executor-machine.js';
import type { TaskPolicy } from '../../runtime/engine/task-definition.js';

const policy = (overrides: Partial<TaskPolicy>): TaskPolicy => ({
  maxAttempts: 1,
  delayMs: 1,
  backoff: 2,
  timeoutMs: undefined,
  fallback: undefined,
  rollback: undefined,
  ...overrides,
});
const noop = async () => undefined;

/** Runs the machine with scripted outcomes; resolves with the reports and the final state. */
function drive(
  p: TaskPolicy,
  attempts: (string | Error)[],
  parts: { rollback?: string | Error; fallback?: string | Error } = {},
) {
  const reports: string[] = [];
  const settle = (outcome: string | Error | undefined) => async () => {
    if (outcome instanceof Error) throw { name: outcome.name, message: outcome.message };
    return outcome;
  };
  const machine = taskExecutorMachine.provide({
    actors: {
      attempt: fromPromise(async ({ input }: { input: { attempt: number } }) => settle(attempts[input.attempt - 2])()),
      rollback: fromPromise(settle(parts.rollback)),
      fallback: fromPromise(settle(parts.fallback)),
    },
    actions: { report: (_, params: Report) => void reports.push(params.type) },
  });
  const actor = createActor(machine, { input: { policy: p, attempt: 1, error: { name: 'Error', message: 'first' } } });
  return new Promise<{ reports: string[]; state: string; context: ReturnType<typeof actor.getSnapshot>['context'] }>(
    (resolve) => {
      actor.subscribe({
        complete: () =>
          resolve({ reports, state: String(actor.getSnapshot().value), context: actor.getSnapshot().context }),
      });
      actor.start();
    },
  );
}

describe('the task-executor machine', () => {
  it('waits retryDelay * retryBackoff^(n-1) before retry n', () => {
    const p = policy({ delayMs: 100, backoff: 2 });
    expect([1, 2, 3].map((n) => retryDelay(p, n))).to.deep.equal([100, 200, 400]);
  });

  it('retries until an attempt succeeds', async () => {
    const run = await drive(policy({ maxAttempts: 4 }), [new Error('second'), '"ok"']);
    expect(run.state).to.equal('succeeded');
    expect(run.context.outputJson).to.equal('"ok"');
    expect(run.reports).to.deep.equal([
      'TASK_RETRY_STARTED',
      'TASK_RETRY_FAILED',
      'TASK_RETRY_STARTED',
      'TASK_RETRY_COMPLETED',
    ]);
  });

  it('fails with the last error once retries are exhausted, with neither rollback nor fallback', async () => {
    const run = await drive(policy({ maxAttempts: 2 }), [new Error('second')]);
    expect(run.state).to.equal('failed');
    expect(run.context.lastError.message).to.equal('second');
    expect(run.context.attempt).to.equal(2);
  });

  it('rolls back, then falls back, even when the rollback throws', async () => {
    const run = await drive(policy({ rollback: noop, fallback: noop }), [], {
      rollback: new Error('undo failed'),
      fallback: '"queued"',
    });
    expect(run.state).to.equal('fellBack');
    expect(run.context.outputJson).to.equal('"queued"');
    expect(run.reports).to.deep.equal([
      'TASK_ROLLBACK_STARTED',
      'TASK_ROLLBACK_FAILED',
      'TASK_FALLBACK_STARTED',
      'TASK_FALLBACK_COMPLETED',
    ]);
  });

  it('fails when the fallback throws, keeping both errors', async () => {
    const run = await drive(policy({ fallback: noop }), [], { fallback: new Error('fallback broke') });
    expect(run.state).to.equal('failed');
    expect(run.context.fallbackError!.message).to.equal('fallback broke');
    expect(run.context.lastError.message).to.equal('first');
  });
});
