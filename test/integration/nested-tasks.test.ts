import { expect } from 'chai';
import { workflow, task, pause, sleep, type Runtime, type TestClock } from 'flux-actors';
import { STORE_KINDS, useRuntime, useTestClock } from '../fixtures/runtimes.js';

for (const kind of STORE_KINDS) {
  describe(`nested tasks (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it("records a task called by a task as a step of its own, under the caller's id", async () => {
      const shout = task(async function shout(s: string) {
        return s.toUpperCase();
      });
      const greet = task(async function greetLoudly(name: string) {
        return `hello ${await shout(name)} and ${await shout('you')}`;
      });
      const flow = workflow(async function nestedGreeting() {
        return greet('ada');
      });
      const ctx = await flow.run(undefined, { runtime });
      expect(ctx.output).to.equal('hello ADA and YOU');
      const started = ctx.events.filter((e) => e.type === 'TASK_STARTED');
      expect(started.map((e) => e.name)).to.deep.equal(['greetLoudly', 'shout', 'shout']);
      const [outer, inner] = started;
      expect(inner!.sourceId.startsWith(`${outer!.sourceId}/shout_`)).to.equal(true);
      const completed = ctx.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.value);
      expect(completed).to.deep.equal(['ADA', 'YOU', 'hello ADA and YOU']);
    });

    it('does not run a completed nested task again when its caller retries', async () => {
      const runs = { fetch: 0, outer: 0 };
      const fetchRate = task(async function fetchRate(currency: string) {
        runs.fetch++;
        return currency === 'EUR' ? 1.1 : 1;
      });
      const convert = task.withOptions({ retryMaxAttempts: 2, retryDelay: 1 })(async function convertAmount(
        amount: number,
      ) {
        const rate = await fetchRate('EUR');
        if (++runs.outer < 3) throw new Error(`flaky ${runs.outer}`);
        return amount * rate;
      });
      const flow = workflow(async function convertsWithRetries() {
        return convert(100);
      });
      const ctx = await flow.run(undefined, { runtime });
      expect(ctx.output).to.be.closeTo(110, 1e-9);
      expect(runs.outer).to.equal(3);
      expect(runs.fetch).to.equal(1);
    });

    it("runs a failed nested task again at its caller's next attempt, and the caller can catch its error", async () => {
      let calls = 0;
      const unstable = task(async function unstableInner() {
        calls++;
        if (calls === 1) throw new TypeError('first call fails');
        return 'ok';
      });
      const caller = task.withOptions({ retryMaxAttempts: 1, retryDelay: 1 })(async function callerOfUnstable() {
        return unstable();
      });
      const catcher = task(async function catcher() {
        try {
          await unstable();
          return 'no error';
        } catch (error) {
          return `caught ${(error as Error).name}`;
        }
      });
      const flow = workflow(async function nestedFailures() {
        return [await caller(), await catcher()];
      });
      const ctx = await flow.run(undefined, { runtime });
      expect(ctx.output).to.deep.equal(['ok', 'no error']);
      expect(calls).to.equal(3);
      const failed = ctx.events.filter((e) => e.type === 'TASK_FAILED');
      // Only the nested call of the caller's first attempt failed; the retry ran it again and succeeded.
      expect(failed.map((e) => e.name)).to.deep.equal(['unstableInner']);
      expect(ctx.events.filter((e) => e.type === 'TASK_RETRY_COMPLETED').map((e) => e.name)).to.deep.equal([
        'callerOfUnstable',
      ]);
    });

    it('replays a finished caller without its nested steps counting as unreached', async () => {
      let innerRuns = 0;
      const inner = task(async function innerStep(n: number) {
        innerRuns++;
        return n + 1;
      });
      const outer = task(async function outerStep(n: number) {
        return (await inner(n)) * 2;
      });
      const flow = workflow(async function nestedThenPause() {
        const a = await outer(1);
        const b = await pause<number>('wait');
        return a + b;
      });
      const paused = await flow.run(undefined, { runtime });
      expect(paused.state).to.equal('paused');
      const done = await runtime.resume(paused.executionId, 10);
      expect(done.state).to.equal('succeeded');
      expect(done.output).to.equal(14);
      expect(innerRuns).to.equal(1);
    });
  });
}

describe('nested tasks: a caller that times out', () => {
  let runtime: Runtime;
  let clock: TestClock;
  useTestClock('memory', (r, c) => {
    runtime = r;
    clock = c;
  });

  it('lets the retry of a caller wait for the nested run its earlier attempt started, and records it once', async () => {
    let innerRuns = 0;
    const slowInner = task(async function slowInner() {
      innerRuns++;
      await sleep(120); // on the test clock: longer than two of its caller's 50 ms attempts
      return 'inner done';
    });
    const impatient = task.withOptions({ timeout: 50, retryMaxAttempts: 3, retryDelay: 1 })(
      async function impatientCaller() {
        return slowInner();
      },
    );
    const flow = workflow(async function impatientFlow() {
      return impatient();
    });
    const ctx = await clock.skipUntil(flow.run(undefined, { runtime }));
    expect(ctx.state).to.equal('succeeded');
    expect(ctx.output).to.equal('inner done');
    const attempts = ctx.events.filter((e) => e.type === 'TASK_RETRY_STARTED' && e.name === 'impatientCaller');
    expect(attempts, 'two attempts timed out before the nested run ended').to.have.length(2);
    expect(innerRuns).to.equal(1);
    expect(ctx.events.filter((e) => e.type === 'TASK_COMPLETED' && e.name === 'slowInner')).to.have.length(1);
  });
});
