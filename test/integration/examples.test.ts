import { expect } from 'chai';
import type { Runtime } from 'flux-actors';
import { helloWorld } from '../../examples/hello-world.js';
import { simplePipeline } from '../../examples/simple-pipeline.js';
import { reportApproval } from '../../examples/pause.js';
import { expenseApproval } from '../../examples/pause-with-input.js';
import { onboarding } from '../../examples/multiple-pauses.js';
import { orderFlow } from '../../examples/conditional-pause.js';
import { determinism } from '../../examples/determinism.js';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

for (const kind of STORE_KINDS) {
  describe(`the examples (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it('hello world', async () => {
      expect((await helloWorld.run('world', { runtime })).output).to.equal('Hello, WORLD');
    });

    it('simple pipeline', async () => {
      const ctx = await simplePipeline.run('1, 2, 3', { runtime });
      expect(ctx.output).to.deep.equal({ numbers: [1, 2, 3], squares: [1, 4, 9], total: 14 });
      expect(ctx.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.name)).to.deep.equal(['parseNumbers', 'square', 'total']);
    });

    it('pause', async () => {
      const paused = await reportApproval.run('Q3', { runtime });
      expect(paused.output).to.deep.equal({ title: 'Q3', pages: 12 });
      expect((await reportApproval.resume(paused.executionId, undefined, { runtime })).output).to.equal('published: Q3');
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
      expect((await orderFlow.resume(paused.executionId, 'grace', { runtime })).output).to.deep.equal({ amount: 5000, approvedBy: 'grace' });
    });

    it('determinism', async () => {
      const paused = await determinism.run(undefined, { runtime });
      const recorded = paused.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.value);
      const done = await determinism.resume(paused.executionId, undefined, { runtime });
      const out = done.output as { now: string; uuid: string; dice: number; even: number; colour: string };
      expect([new Date(out.now).getTime(), out.uuid, out.dice, out.even]).to.deep.equal(recorded.slice(0, 4));
      expect(out.colour).to.equal(['red', 'green', 'blue'][recorded[4] as number]);
    });
  });
}
