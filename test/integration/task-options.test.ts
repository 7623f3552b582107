import { expect } from 'chai';
import { join } from 'node:path';
import {
  workflow,
  task,
  pause,
  taskContext,
  createRuntime,
  type ExecutionContext,
  DefinitionError,
  sleep,
  type Runtime,
  type TestClock,
} from 'flux-actors';
import { STORE_KINDS, tempDir, useTestClock } from '../fixtures/runtimes.js';

const types = (ctx: ExecutionContext, name: string) => ctx.events.filter((e) => e.name === name).map((e) => e.type);

for (const kind of STORE_KINDS) {
  describe(`task options: retries, timeout, fallback, rollback (${kind} store)`, function () {
    this.timeout(20_000);
    // Backoffs and timeouts on the runtime's test clock: each is waited out exactly, at once.
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });

    it('retries with backoff until an attempt succeeds, and records each step', async () => {
      const attempts: number[] = [];
      const flaky = task.withOptions({ retryMaxAttempts: 3, retryDelay: 5, retryBackoff: 2 })(async function flakyTwice(
        x: number,
      ) {
        attempts.push(taskContext().attempt);
        if (attempts.length < 3) throw new Error(`boom ${attempts.length}`);
        return x * 2;
      });
      const flow = workflow(async function retriesFlow(ctx: ExecutionContext<number>) {
        return await flaky(ctx.input);
      });
      const ctx = await clock.skipUntil(flow.run(21, { runtime }));
      expect(ctx.output).to.equal(42);
      expect(attempts).to.deep.equal([1, 2, 3]);
      expect(types(ctx, 'flakyTwice')).to.deep.equal([
        'TASK_STARTED',
        'TASK_RETRY_STARTED',
        'TASK_RETRY_FAILED',
        'TASK_RETRY_STARTED',
        'TASK_RETRY_COMPLETED',
        'TASK_COMPLETED',
      ]);
      const retries = ctx.events
        .filter((e) => e.type === 'TASK_RETRY_STARTED')
        .map((e) => e.value as { attempt: number; delay: number; error: { message: string } });
      expect(retries.map(({ attempt, delay }) => ({ attempt, delay }))).to.deep.equal([
        { attempt: 2, delay: 5 },
        { attempt: 3, delay: 10 },
      ]);
      expect(retries.map((r) => r.error.message)).to.deep.equal(['boom 1', 'boom 2']);
      expect(ctx.events.find((e) => e.type === 'TASK_RETRY_FAILED')!.value).to.deep.include({ attempt: 2 });
      const at = (type: string) => Date.parse(ctx.events.find((e) => e.type === type)!.time);
      expect(at('TASK_RETRY_COMPLETED') - at('TASK_STARTED'), 'the two backoffs, 5 and 10 ms').to.equal(15);
    });

    it('throws RetryError with the attempts and the last error once retries are exhausted', async () => {
      let runs = 0;
      const always = task.withOptions({ retryMaxAttempts: 2, retryDelay: 1 })(async function alwaysFails() {
        runs++;
        throw new TypeError(`nope ${runs}`);
      });
      const flow = workflow(async function exhaustedFlow() {
        try {
          await always();
        } catch (error) {
          const e = error as Error & { code?: string; attempts?: number; lastError?: unknown };
          return { name: e.name, code: e.code, message: e.message, attempts: e.attempts, lastError: e.lastError };
        }
      });
      const ctx = await clock.skipUntil(flow.run(undefined, { runtime }));
      expect(runs).to.equal(3); // the first run and two retries
      expect(ctx.output).to.deep.equal({
        name: 'RetryError',
        code: 'RETRY_EXHAUSTED',
        message: "task 'alwaysFails' failed after 3 attempts; the last one with TypeError: nope 3",
        attempts: 3,
        lastError: { name: 'TypeError', message: 'nope 3' },
      });
      expect(types(ctx, 'alwaysFails').at(-1)).to.equal('TASK_FAILED');
    });

    it("fails with the task's own error when it has no retries", async () => {
      const once = task.withOptions({ timeout: '1s' })(async function failsOnce() {
        throw new RangeError('out of range');
      });
      const ctx = await workflow(async function ownErrorFlow() {
        return await once();
      }).run(undefined, { runtime });
      expect(ctx.error).to.deep.include({ name: 'RangeError', message: 'out of range' });
      expect(ctx.error?.stack, 'where the task threw, kept through the log').to.contain('failsOnce');
    });

    it('times an attempt out with ExecutionTimeoutError and aborts its signal', async () => {
      let aborted: unknown;
      const slow = task.withOptions({ timeout: 20 })(async function tooSlow() {
        const { signal } = taskContext();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        aborted = signal.reason;
        return 'late';
      });
      const ctx = await clock.skipUntil(
        workflow(async function timeoutFlow() {
          return await slow();
        }).run(undefined, { runtime }),
      );
      expect(ctx.error).to.deep.include({
        name: 'ExecutionTimeoutError',
        code: 'TIMEOUT',
        message: "task 'tooSlow' timed out after 20 ms (attempt 1)",
        details: { timeout: 20, attempt: 1 },
      });
      expect(aborted).to.have.property('code', 'TIMEOUT');
      const failed = ctx.events.find((e) => e.type === 'TASK_FAILED')!;
      expect(Date.parse(failed.time) - Date.parse(ctx.events[0]!.time)).to.equal(20);
    });

    it("falls back after retries and after a timeout, and the fallback's result becomes the task's", async () => {
      const quote = task.withOptions({
        retryMaxAttempts: 1,
        retryDelay: 1,
        timeout: 10,
        fallback: async (sku: string) => `cached ${sku}`,
      })(async function hangingQuote(_sku: string) {
        await sleep(1000); // on the test clock, as the 10 ms timeout is
        return 'fresh';
      });
      const ctx = await clock.skipUntil(
        workflow(async function fallbackFlow(c: ExecutionContext<string>) {
          return await quote(c.input);
        }).run('ab-1', { runtime }),
      );
      expect(ctx.output).to.equal('cached ab-1');
      expect(types(ctx, 'hangingQuote')).to.deep.equal([
        'TASK_STARTED',
        'TASK_RETRY_STARTED',
        'TASK_RETRY_FAILED',
        'TASK_FALLBACK_STARTED',
        'TASK_FALLBACK_COMPLETED',
        'TASK_COMPLETED',
      ]);
      expect(ctx.events.find((e) => e.type === 'TASK_RETRY_FAILED')!.value).to.deep.include({ attempt: 2 });
    });

    it('runs the rollback before the fallback, and a rollback that throws does not stop the fallback', async () => {
      const order: string[] = [];
      const charge = task.withOptions({
        rollback: async (amount: number) => {
          order.push(`refund ${amount}`);
          throw new Error('refund service down');
        },
        fallback: async (amount: number) => {
          order.push(`queue ${amount}`);
          return { status: 'queued' };
        },
      })(async function chargeCard(amount: number) {
        order.push(`charge ${amount}`);
        throw new Error('card declined');
      });
      const ctx = await workflow(async function rollbackFlow() {
        return await charge(30);
      }).run(undefined, { runtime });
      expect(order).to.deep.equal(['charge 30', 'refund 30', 'queue 30']);
      expect(ctx.output).to.deep.equal({ status: 'queued' });
      expect(types(ctx, 'chargeCard')).to.deep.equal([
        'TASK_STARTED',
        'TASK_ROLLBACK_STARTED',
        'TASK_ROLLBACK_FAILED',
        'TASK_FALLBACK_STARTED',
        'TASK_FALLBACK_COMPLETED',
        'TASK_COMPLETED',
      ]);
      expect(ctx.events.find((e) => e.type === 'TASK_ROLLBACK_FAILED')!.value).to.include({
        message: 'refund service down',
      });
    });

    it('fails the workflow with both errors visible when the fallback throws', async () => {
      const fragile = task.withOptions({
        fallback: async () => {
          throw new Error('fallback broke');
        },
      })(async function fragileStep() {
        throw new Error('primary broke');
      });
      const ctx = await workflow(async function fallbackFailsFlow() {
        return await fragile();
      }).run(undefined, { runtime });
      expect(ctx.hasFailed).to.equal(true);
      expect(ctx.error!.message).to.contain('fallback broke').and.contain('primary broke');
      expect(types(ctx, 'fragileStep')).to.deep.equal([
        'TASK_STARTED',
        'TASK_FALLBACK_STARTED',
        'TASK_FALLBACK_FAILED',
        'TASK_FAILED',
      ]);
    });

    it('returns a recorded fallback result on replay instead of recomputing it', async () => {
      let fallbacks = 0;
      const step = task.withOptions({ fallback: async () => ++fallbacks })(async function failsThenFallsBack() {
        throw new Error('down');
      });
      const flow = workflow(async function fallbackReplayFlow() {
        const value = await step();
        await pause('look');
        return value;
      });
      const paused = await flow.run(undefined, { runtime });
      const done = await flow.resume(paused.executionId, null, { runtime });
      expect(done.output).to.equal(1);
      expect(fallbacks).to.equal(1);
    });

    it('memoises a cached task across executions by name and arguments, and keeps failures out', async () => {
      const runs: string[] = [];
      const lookup = task.withOptions({ cache: true })(async function cachedLookup(sku: string) {
        runs.push(sku);
        if (sku === 'bad') throw new Error('no such sku');
        return { sku, price: sku.length };
      });
      const flow = workflow(async function cacheFlow(ctx: ExecutionContext<string>) {
        try {
          return await lookup(ctx.input);
        } catch {
          return 'failed';
        }
      });
      expect((await flow.run('ab', { runtime })).output).to.deep.equal({ sku: 'ab', price: 2 });
      const second = await flow.run('ab', { runtime });
      expect(second.output).to.deep.equal({ sku: 'ab', price: 2 });
      expect(types(second, 'cachedLookup')).to.deep.equal(['TASK_STARTED', 'TASK_COMPLETED']); // recorded in this execution's log too
      await flow.run('abc', { runtime });
      await flow.run('bad', { runtime });
      await flow.run('bad', { runtime });
      expect(runs).to.deep.equal(['ab', 'abc', 'bad', 'bad']);
    });

    it('costs a task that succeeds nothing but its own events', async () => {
      const fine = task.withOptions({ retryMaxAttempts: 3, timeout: '5s', fallback: async () => 0 })(
        async function fineStep(x: number) {
          return x + 1;
        },
      );
      const ctx = await workflow(async function happyFlow() {
        return await fine(1);
      }).run(undefined, { runtime });
      expect(ctx.output).to.equal(2);
      expect(types(ctx, 'fineStep')).to.deep.equal(['TASK_STARTED', 'TASK_COMPLETED']);
    });
  });
}

describe('task option checks', () => {
  it('refuses impossible retry settings at definition time', () => {
    expect(() => task.withOptions({ retryMaxAttempts: -1 })(async function badRetries() {})).to.throw(
      DefinitionError,
      'retryMaxAttempts',
    );
    expect(() => task.withOptions({ retryBackoff: 0.5 })(async function badBackoff() {})).to.throw(
      DefinitionError,
      'retryBackoff',
    );
    expect(() => task.withOptions({ timeout: 'soon' })(async function badTimeout() {})).to.throw(
      RangeError,
      'invalid duration',
    );
  });

  it('refuses taskContext() outside a task body', () => {
    expect(() => taskContext()).to.throw(/only be called inside a task body/);
  });
});

describe('the task cache on SQLite', () => {
  it('outlives the runtime that filled it', async () => {
    const dbPath = join(tempDir(), 'flux.db');
    let runs = 0;
    const slowSquare = task.withOptions({ cache: true })(async function cachedSquare(n: number) {
      runs++;
      return n * n;
    });
    const flow = workflow(async function cachedSquareFlow(ctx: ExecutionContext<number>) {
      return await slowSquare(ctx.input);
    });
    for (let i = 0; i < 2; i++) {
      const runtime = await createRuntime({ store: { sqlite: dbPath } });
      expect((await flow.run(9, { runtime })).output).to.equal(81);
      await runtime.close();
    }
    expect(runs).to.equal(1);
  });
});
