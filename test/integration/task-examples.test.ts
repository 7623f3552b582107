import { expect } from 'chai';
import type { Runtime } from 'flux-actors';
import { taskRetries } from '../../examples/task-retries.js';
import { taskFallback } from '../../examples/task-fallback.js';
import { fallbackAfterRetry } from '../../examples/task-fallback-after-retry.js';
import { fallbackAfterTimeout } from '../../examples/task-fallback-after-timeout.js';
import { taskRollback, ledger } from '../../examples/task-rollback.js';
import { taskTimeout } from '../../examples/task-timeout.js';
import { taskCache, expensiveLookup, expensiveCalls } from '../../examples/task-cache.js';
import { taskMap } from '../../examples/task-map.js';
import { secretRequests } from '../../examples/secrets.js';
import { outputStorage } from '../../examples/output-storage.js';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

for (const kind of STORE_KINDS) {
  describe(`the task examples (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it('retries', async () => {
      expect((await taskRetries.run(undefined, { runtime })).output).to.equal('ok on attempt 3');
    });

    it('fallback, fallback after retry, fallback after timeout', async () => {
      expect((await taskFallback.run(undefined, { runtime })).output).to.deep.equal({
        sku: 'ab-1',
        price: 10,
        source: 'cache',
      });
      const afterRetry = await fallbackAfterRetry.run(undefined, { runtime });
      expect(afterRetry.output).to.equal('fallback value');
      expect(afterRetry.events.filter((e) => e.type === 'TASK_RETRY_FAILED')).to.have.length(2);
      expect((await fallbackAfterTimeout.run(undefined, { runtime })).output).to.deep.equal(['cached result for flux']);
    });

    it('rollback', async () => {
      ledger.length = 0;
      expect((await taskRollback.run(undefined, { runtime })).output).to.equal(
        'failed: credit side rejected the transfer',
      );
      expect(ledger).to.deep.equal(['debit 100', 'refund 100']);
    });

    it('timeout', async () => {
      expect((await taskTimeout.run(undefined, { runtime })).error).to.include({ code: 'TIMEOUT' });
    });

    it('cache', async () => {
      const before = expensiveCalls;
      await taskCache.run(`key-${kind}`, { runtime });
      await taskCache.run(`key-${kind}`, { runtime });
      expect(expensiveCalls - before).to.equal(1);
      expect(expensiveLookup.taskName).to.equal('expensiveLookup');
    });

    it('map', async () => {
      const ctx = await taskMap.run(['a b c', 'd e', 'f'], { runtime });
      expect(ctx.output).to.equal(6);
      expect(
        ctx.events
          .filter((e) => e.type === 'TASK_COMPLETED')
          .map((e) => e.value)
          .sort(),
      ).to.deep.equal([1, 2, 3]);
    });

    it('secrets', async () => {
      await runtime.secrets.set('API_KEY', 'sk-example-123');
      const ctx = await secretRequests.run(undefined, { runtime });
      expect(ctx.output).to.equal('GET /orders with a key of 14 characters');
      expect(JSON.stringify(ctx.events)).to.not.contain('sk-example-123');
    });

    it('output storage', async () => {
      const ctx = await outputStorage.run(5000, { runtime });
      expect(ctx.output).to.equal(5000);
      expect(JSON.stringify(ctx.events.find((e) => e.type === 'TASK_COMPLETED')!.value)).to.contain('$fluxOutput');
    });
  });
}
