import { expect } from 'chai';
import { call, pause, task, workflow, type ExecutionContext, type Runtime, type WorkflowDefinition } from 'flux-actors';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

/** What ran, in order: a step that ran again shows up twice. */
let ran: string[] = [];
/** The bug: while set, `retryPost` fails. Clearing it is the "deploy of the fix". */
let broken = true;

const reserve = task(async function retryReserve(order: number) {
  ran.push('reserve');
  return `slot-${order}`;
});
const post = task.withOptions({ retryMaxAttempts: 2, retryDelay: 0 })(async function retryPost(slot: string) {
  ran.push('post');
  if (broken) throw new Error(`ledger rejected ${slot}`);
  return `${slot} posted`;
});
const notify = task(async function retryNotify(posted: string) {
  ran.push('notify');
  return `${posted}, notified`;
});
const optional = task(async function retryOptional() {
  ran.push('optional');
  throw new Error('optional step is down');
});

const booking = workflow.withOptions({ name: 'retryBooking' })(async (ctx: ExecutionContext<number>) => {
  const slot = await reserve(ctx.input);
  // A failure the body handles: part of its history, not run again by a retry.
  const extra = await optional().catch(() => 'skipped');
  const posted = await post(slot);
  return `${await notify(posted)} (${extra})`;
});

const bookingChild = workflow.withOptions({ name: 'retryBookingChild' })(async (ctx: ExecutionContext<number>) =>
  post(await reserve(ctx.input)),
);
const bookingParent = workflow.withOptions({ name: 'retryBookingParent' })(async (ctx: ExecutionContext<number>) => {
  const posted = await call(bookingChild, ctx.input);
  return notify(posted);
});

/** Pauses after the step that will be retried: later replays must read the retried log right. */
const approvedBooking = workflow.withOptions({ name: 'retryApproved' })(async (ctx: ExecutionContext<number>) => {
  const posted = await post(await reserve(ctx.input));
  const by = await pause<string>('approve');
  return notify(`${posted} by ${by}`);
});

for (const kind of STORE_KINDS) {
  describe(`retry a failed execution (${kind} store)`, function () {
    this.timeout(30_000);
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));
    beforeEach(() => {
      ran = [];
      broken = true;
    });

    it('runs the failed step and what follows on the fixed code, re-running no completed step', async () => {
      const failed = await booking.run(7, { runtime });
      expect(failed.state).to.equal('failed');
      expect(ran).to.deep.equal(['reserve', 'optional', 'post', 'post', 'post']);
      ran = [];
      broken = false; // the fix is deployed
      const retried = await runtime.retry<number, string>(failed.executionId);
      expect(retried.state).to.equal('succeeded');
      expect(retried.output).to.equal('slot-7 posted, notified (skipped)');
      // reserve completed and optional's failure was handled: neither runs again. post starts afresh.
      expect(ran).to.deep.equal(['post', 'notify']);
      const types = retried.events.map((e) => e.type);
      expect(types.filter((t) => t === 'WORKFLOW_FAILED')).to.have.length(1);
      const retry = retried.events.find((e) => e.type === 'WORKFLOW_RETRIED')!;
      expect((retry.value as { superseded: string[] }).superseded).to.have.length(1);
      expect((retry.value as { superseded: string[] }).superseded[0]).to.match(/^retryPost_/);
      // The retried step's first attempt is attempt 1 again, not the spent retries' next.
      expect(types.slice(types.indexOf('WORKFLOW_RETRIED'))).to.deep.equal([
        'WORKFLOW_RETRIED',
        'TASK_STARTED',
        'TASK_COMPLETED',
        'TASK_STARTED',
        'TASK_COMPLETED',
        'WORKFLOW_COMPLETED',
      ]);
      expect((await runtime.inspect(failed.executionId)).state).to.equal('succeeded');
    });

    it('fails again, and can be retried again, while the code is still broken', async () => {
      const failed = await booking.run(8, { runtime });
      ran = [];
      const again = await runtime.retry(failed.executionId);
      expect(again.state).to.equal('failed');
      expect(ran).to.deep.equal(['post', 'post', 'post']);
      broken = false;
      ran = [];
      const fixed = await runtime.retry(failed.executionId);
      expect(fixed.state).to.equal('succeeded');
      expect(ran).to.deep.equal(['post', 'notify']);
    });

    it('refuses an execution that did not fail, naming its state', async () => {
      broken = false;
      const done = await booking.run(9, { runtime });
      expect(done.state).to.equal('succeeded');
      const error = await runtime.retry(done.executionId).catch((e: unknown) => e);
      expect(error).to.include({ code: 'INVALID_EXECUTION_STATE' });
      expect(String((error as Error).message))
        .to.contain(done.executionId)
        .and.contain('succeeded');
      const unknown = await runtime.retry('no-such-execution').catch((e: unknown) => e);
      expect(unknown).to.include({ code: 'EXECUTION_NOT_FOUND' });
    });

    it('retries the failed child with its parent: the child runs only its failed step again', async () => {
      const failed = await bookingParent.run(3, { runtime });
      expect(failed.state).to.equal('failed');
      ran = [];
      broken = false;
      const retried = await runtime.retry<number, string>(failed.executionId);
      expect(retried.state, JSON.stringify(retried.output)).to.equal('succeeded');
      expect(retried.output).to.equal('slot-3 posted, notified');
      expect(ran).to.deep.equal(['post', 'notify']);
      const children = (await runtime.list()).filter((e) => e.workflow === 'retryBookingChild');
      expect(children.map((c) => c.state)).to.deep.equal(['succeeded']);
    });

    it('pauses and resumes after a retry: later replays keep the retried outcome', async () => {
      const failed = await approvedBooking.run(5, { runtime });
      broken = false;
      ran = [];
      const paused = await runtime.retry(failed.executionId);
      expect(paused.state).to.equal('paused');
      const done = await runtime.resume<number, string>(failed.executionId, 'ada');
      expect(done.state).to.equal('succeeded');
      expect(done.output).to.equal('slot-5 posted by ada, notified');
      expect(ran).to.deep.equal(['post', 'notify']);
    });

    it('repairs an execution that failed on a divergence, once the code fits its log', async () => {
      const steps = async (ctx: ExecutionContext<number>) => {
        const slot = await reserve(ctx.input);
        const by = await pause<string>('approve');
        return notify(`${slot} by ${by}`);
      };
      const v1 = workflow.withOptions({ name: 'retryDeploy' })(steps);
      // v2 added a step before the pause: resuming a v1 execution on it diverges.
      const v2: WorkflowDefinition<number, string> = {
        name: 'retryDeploy',
        options: {},
        fn: async (ctx) => {
          await post(`check-${ctx.input}`);
          return steps(ctx);
        },
      };
      broken = false;
      const paused = await v1.run(4, { runtime });
      const diverged = await runtime.resume(paused.executionId, 'ada', v2);
      expect(diverged.state, JSON.stringify(diverged.events.map((e) => [e.type, e.sourceId]))).to.equal('failed');
      expect(diverged.output).to.include({ code: 'NON_DETERMINISM' });
      ran = [];
      const repaired = await runtime.retry<number, string>(paused.executionId, v1);
      expect(repaired.state).to.equal('succeeded');
      expect(repaired.output).to.equal('slot-4 by ada, notified');
      expect(ran).to.deep.equal(['notify']);
    });
  });
}
