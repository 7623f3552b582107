import { expect } from 'chai';
import { createRuntime, TestClock, type FluxError, type Runtime } from 'flux-actors';
import { helloWorld } from '../../examples/hello-world.js';
import { simplePipeline } from '../../examples/simple-pipeline.js';
import { reportApproval } from '../../examples/pause.js';
import { expenseApproval } from '../../examples/pause-with-input.js';
import { onboarding } from '../../examples/multiple-pauses.js';
import { orderFlow } from '../../examples/conditional-pause.js';
import { determinism } from '../../examples/determinism.js';
import { starsReport } from '../../examples/subflows.js';
import { nestedTasks } from '../../examples/nested-tasks.js';
import { reminder } from '../../examples/sleep.js';
import { trial } from '../../examples/test-clock.js';
import { refundApproval } from '../../examples/pause-with-deadline.js';
import { dealSignOff } from '../../examples/named-pauses.js';
import { weekdayReport } from '../../examples/scheduled-report.js';
import { deployStory } from '../../examples/versioned-deploy.js';
import { STORE_KINDS, TEST_EPOCH, useTestClock } from '../fixtures/runtimes.js';

for (const kind of STORE_KINDS) {
  describe(`the examples (${kind} store)`, () => {
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });

    it('hello world', async () => {
      expect((await helloWorld.run('world', { runtime })).output).to.equal('Hello, WORLD');
    });

    it('simple pipeline', async () => {
      const ctx = await simplePipeline.run('1, 2, 3', { runtime });
      expect(ctx.output).to.deep.equal({ numbers: [1, 2, 3], squares: [1, 4, 9], total: 14 });
      expect(ctx.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.name)).to.deep.equal([
        'parseNumbers',
        'square',
        'total',
      ]);
    });

    it('pause', async () => {
      const paused = await reportApproval.run('Q3', { runtime });
      expect(paused.output).to.deep.equal({ title: 'Q3', pages: 12 });
      expect((await reportApproval.resume(paused.executionId, undefined, { runtime })).output).to.equal(
        'published: Q3',
      );
    });

    it('pause with input', async () => {
      const paused = await expenseApproval.run(250, { runtime });
      const done = await expenseApproval.resume(paused.executionId, { approved: false, reviewer: 'bob' }, { runtime });
      expect(done.output).to.equal('rejected by bob');
    });

    it('multiple pause points', async () => {
      let ctx = await onboarding.run('ada', { runtime });
      expect(ctx.isPaused).to.equal(true);
      ctx = await onboarding.resume(ctx.executionId, 'ada@example.com', { runtime });
      expect(ctx.isPaused).to.equal(true);
      ctx = await onboarding.resume(ctx.executionId, 'pro', { runtime });
      expect(ctx.output).to.deep.equal(['user="ada"', 'email="ada@example.com"', 'plan="pro"']);
    });

    it('conditional pause', async () => {
      expect((await orderFlow.run(10, { runtime })).output).to.deep.equal({ amount: 10, approvedBy: 'auto' });
      const paused = await orderFlow.run(5000, { runtime });
      expect(paused.isPaused).to.equal(true);
      expect((await orderFlow.resume(paused.executionId, 'grace', { runtime })).output).to.deep.equal({
        amount: 5000,
        approvedBy: 'grace',
      });
    });

    it('determinism', async () => {
      const paused = await determinism.run(undefined, { runtime });
      const recorded = paused.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.value);
      const done = await determinism.resume(paused.executionId, undefined, { runtime });
      const out = done.output as { now: string; uuid: string; dice: number; even: number; colour: string };
      expect([new Date(out.now).getTime(), out.uuid, out.dice, out.even]).to.deep.equal(recorded.slice(0, 4));
      expect(out.colour).to.equal(['red', 'green', 'blue'][recorded[4] as number]);
    });

    it('test clock: a 14-day trial and an hour of retry backoff, skipped', async () => {
      const ctx = await clock.skipUntil(trial.run('ada', { runtime }));
      expect(ctx.output).to.deep.equal({ renewal: 'renewed ada', hours: 14 * 24 + 1 });
      expect(clock.now() - TEST_EPOCH).to.equal((14 * 24 + 1) * 3_600_000);
    });

    it('subflows', async () => {
      // Its missing repository is retried after 10 ms: on the test clock, skipped to.
      const ctx = await clock.skipUntil(starsReport.run(['statelyai/xstate', 'no/such-repo'], { runtime }));
      expect(ctx.output).to.deep.equal({
        found: [{ repo: 'statelyai/xstate', stars: 28_000 }],
        missing: ['no/such-repo'],
        top: 110_000,
      });
      const children = await runtime.list({ workflow: 'githubStars' });
      expect(children.map((c) => c.state).sort()).to.deep.equal(['failed', 'succeeded', 'succeeded']);
      for (const child of children)
        expect(child.executionId.startsWith(`${ctx.executionId}-githubStars_`)).to.equal(true);
    });

    it('nested tasks', async () => {
      const ctx = await nestedTasks.run(['tea', 'coffee'], { runtime });
      expect(ctx.output).to.equal(81);
      const completed = ctx.events.filter((e) => e.type === 'TASK_COMPLETED');
      expect(completed.map((e) => e.name)).to.deep.equal([
        'fetchPrice',
        'applyDiscount',
        'fetchPrice',
        'applyDiscount',
        'quote',
      ]);
      const outer = completed.at(-1)!.sourceId;
      for (const inner of completed.slice(0, -1)) expect(inner.sourceId.startsWith(`${outer}/`)).to.equal(true);
    });

    it('sleep, then a pause, then a resume that does not sleep again', async () => {
      const paused = await clock.skipUntil(reminder.run({ user: 'ada', delay: '3d' }, { runtime }));
      expect(paused.output).to.equal('reminder sent to ada');
      const sleptUntil = paused.events.find((e) => e.type === 'TASK_COMPLETED' && e.name === 'sleep');
      expect(Date.parse(sleptUntil!.time) - TEST_EPOCH).to.equal(3 * 86_400_000);
      const done = await reminder.resume(paused.executionId, 'thanks', { runtime });
      expect(done.output).to.equal('ada replied: thanks');
      // The resume replayed the sleep from the log: no second sleep step was started.
      expect(done.events.filter((e) => e.type === 'TASK_STARTED' && e.name === 'sleep')).to.have.length(1);
    });
  });
}

for (const kind of ['memory', 'sqlite'] as const) {
  describe(`the examples of time (${kind} store)`, () => {
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });

    it('pause with deadline: answered in time, and timed out', async () => {
      const answered = await refundApproval.run('o-1', { runtime });
      const ignored = await refundApproval.run('o-2', { runtime });
      await clock.advance('1d');
      expect((await runtime.resume(answered.executionId, true)).output).to.equal('refunded o-1');
      await clock.advance('1d');
      const late = await runtime.result(ignored.executionId, { until: 'finished' });
      expect(late.output).to.equal(
        `no answer by ${new Date(TEST_EPOCH + 2 * 86_400_000).toISOString()}: refund of o-2 declined`,
      );
    });

    it('versioned deploy: check, patch, pin, retry and fork, as the example walks them', async () => {
      const story = await deployStory(runtime);
      expect(story.old.version).to.equal('1');
      expect(story.changed.failures.map((f) => f.divergence?.actual?.name)).to.deep.equal(['screenFraud']);
      expect(story.patchedCheck.ok).to.equal(true);
      expect(story.resumedOnV1.output).to.equal('reservation-41 shipped, approved by ada');
      expect(story.onV2.output).to.equal('reservation-15 shipped, approved by bob (v2)');
      expect(story.failed.state).to.equal('failed');
      expect(story.retried.output).to.equal('reservation-120 shipped, approved by cy (v2)');
      // The retry ran only the failed step: one reservation and one screen in the whole log.
      const started = story.retried.events.filter((e) => e.type === 'TASK_STARTED').map((e) => e.name);
      expect(started).to.deep.equal(['reserveStock', 'screenFraud', 'pause', 'shipOrder', 'shipOrder']);
      expect(story.forkPaused.state).to.equal('paused');
      expect(story.forkDone.output).to.equal('reservation-120 shipped, approved by dee (v2)');
    });

    it('named pauses: answered in the order chosen', async () => {
      const paused = await dealSignOff.run('acme', { runtime });
      const refused = await runtime.resume(paused.executionId, 'x').catch((e: FluxError) => e.code);
      expect(refused).to.equal('AMBIGUOUS_RESUME');
      await runtime.resume(paused.executionId, 'budget ok', { pause: 'finance' });
      const done = await runtime.resume(paused.executionId, 'terms ok', { pause: 'legal' });
      expect(done.output).to.equal('acme signed (legal: terms ok, finance: budget ok)');
    });
  });
}

describe('the scheduled-report example', () => {
  it('fires weekdays at 9:00 in New York, once each', async () => {
    const clock = new TestClock(Date.parse('2030-03-04T00:00:00Z'));
    const runtime = await createRuntime({ store: 'memory', clock, workflows: [weekdayReport] });
    try {
      for (let day = 0; day < 7; day++) {
        await clock.advance('1d');
        const [latest] = (await runtime.schedules.get('weekdayReport_auto')).recent;
        if (latest) await runtime.result(latest.executionId);
      }
      const { recent } = await runtime.schedules.get('weekdayReport_auto');
      expect(recent.map((run) => run.fireAt).reverse()).to.deep.equal(
        ['04', '05', '06', '07', '08'].map((day) => `2030-03-${day}T14:00:00.000Z`),
      );
      expect(recent.every((run) => run.state === 'succeeded')).to.equal(true);
    } finally {
      await runtime.close();
    }
  });
});
