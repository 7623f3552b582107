import { expect } from 'chai';
import { workflow, task, sleep, type Runtime } from 'flux-actors';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

/**
 * Real time on purpose: these measure the system clock's timers (Node's), which a test clock would
 * replace; only a few milliseconds of it, and what decides the result is the order Node fires in.
 *
 * Node fires a timer longer than 2^31-1 ms (~24.8 days) after 1 ms. Timers fire in the order they
 * expire, so if a long wait were such a timer, it would fire before a later, shorter one does:
 * once that one has fired, a wait still pending proves it was not cut short.
 */
const laterTimer = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

for (const kind of STORE_KINDS) {
  describe(`long timers (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it("sleep('30d') is still sleeping after a shorter timer set later has fired", async () => {
      const flow = workflow(async function sleepsThirtyDays() {
        await sleep('30d');
        return 'woke';
      });
      const handle = await flow.start(undefined, { runtime });
      await until(async () =>
        (await runtime.inspect(handle.executionId)).events.find((e) => e.type === 'TASK_STARTED' && e.name === 'sleep'),
      );
      await laterTimer(5);
      // A cut-short sleep would have delivered its result by now: the cancel would record it as completed.
      const ctx = await runtime.cancel(handle.executionId);
      expect(ctx.events.filter((e) => e.name === 'sleep').map((e) => e.type)).to.deep.equal([
        'TASK_STARTED',
        'TASK_CANCELLED',
      ]);
    });

    it("a retry delay of '30d' is still waiting after a shorter timer set later has fired", async () => {
      let attempts = 0;
      const flaky = task.withOptions({ retryMaxAttempts: 1, retryDelay: '30d', timeout: '40d' })(
        async function retriesInThirtyDays() {
          attempts++;
          throw new Error('not yet');
        },
      );
      const flow = workflow(async function retriesLate() {
        return await flaky();
      });
      const handle = await flow.start(undefined, { runtime });
      const retry = await until(async () =>
        (await runtime.inspect(handle.executionId)).events.find((e) => e.type === 'TASK_RETRY_STARTED'),
      );
      expect(retry.value).to.include({ attempt: 2, delay: 30 * 24 * 3600 * 1000 });
      await laterTimer(5);
      expect(attempts, 'the retry has not run').to.equal(1);
      const ctx = await runtime.cancel(handle.executionId);
      expect(ctx.state).to.equal('cancelled');
      expect(attempts).to.equal(1);
    });
  });
}
