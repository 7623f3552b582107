import { expect } from 'chai';
import {
  workflow,
  task,
  pause,
  type ExecutionContext,
  ExecutionStateError,
  WorkflowMismatchError,
  type Runtime,
} from 'flux-actors';
import { STORE_KINDS, testRuntime } from '../fixtures/runtimes.js';

const sideEffects: string[] = [];

const chargeOnce = task(async function chargeOnce(amount: number) {
  sideEffects.push(`charge ${amount}`);
  return `receipt-${amount}`;
});

const shipAfterApproval = task(async function shipAfterApproval(receipt: string, approver: string) {
  sideEffects.push(`ship ${receipt}`);
  return `${receipt} shipped, approved by ${approver}`;
});

const approvalFlow = workflow(async function approvalFlow(ctx: ExecutionContext<number>) {
  const receipt = await chargeOnce(ctx.input);
  const approver = await pause<string>('approve_shipping', { receipt });
  return await shipAfterApproval(receipt, approver);
});

const threePauses = workflow(async function threePauses(ctx: ExecutionContext<string>) {
  const receipt = await chargeOnce(1);
  const values: unknown[] = [ctx.input, receipt];
  for (const name of ['first', 'second', 'third']) values.push(await pause(name));
  return values;
});

const failsOnEmptyName = task(async function failsOnEmptyName(name: string) {
  if (!name) throw new Error('name is empty');
  return name;
});

const failedFlow = workflow(async function failedFlow() {
  return await failsOnEmptyName('');
});

for (const kind of STORE_KINDS) {
  describe(`pause and resume (${kind} store)`, () => {
    let runtime: Runtime;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ runtime, dispose } = await testRuntime(kind));
      sideEffects.length = 0;
    });
    afterEach(() => dispose());

    it('pauses with the pause output, then resumes with a value that pause() returns', async () => {
      const paused = await approvalFlow.run(40, { runtime });
      expect(paused.isPaused).to.equal(true);
      expect(paused.hasFinished).to.equal(false);
      expect(paused.output).to.deep.equal({ receipt: 'receipt-40' });
      expect(paused.events.slice(-2).map((e) => e.type)).to.deep.equal(['TASK_PAUSED', 'WORKFLOW_PAUSED']);

      const done = await approvalFlow.resume(paused.executionId, 'grace', { runtime });
      expect(done.hasSucceeded).to.equal(true);
      expect(done.output).to.equal('receipt-40 shipped, approved by grace');
      expect(done.events.slice(0, paused.events.length)).to.deep.equal(paused.events);
      expect(done.events.slice(paused.events.length).map((e) => e.type)).to.deep.equal([
        'WORKFLOW_RESUMED',
        'TASK_RESUMED',
        'TASK_STARTED',
        'TASK_COMPLETED',
        'WORKFLOW_COMPLETED',
      ]);
      expect(done.events.find((e) => e.type === 'TASK_RESUMED')!.value).to.equal('grace');
    });

    it('runs a task before a pause exactly once across any number of resumes', async () => {
      let ctx = await threePauses.run('start', { runtime });
      for (const value of ['a', 'b', 'c']) {
        expect(ctx.isPaused).to.equal(true);
        ctx = await threePauses.resume(ctx.executionId, value, { runtime });
      }
      expect(ctx.hasSucceeded).to.equal(true);
      expect(ctx.output).to.deep.equal(['start', 'receipt-1', 'a', 'b', 'c']);
      expect(sideEffects).to.deep.equal(['charge 1']);
      expect(ctx.events.filter((e) => e.type === 'TASK_COMPLETED')).to.have.length(1);
      expect(ctx.events.filter((e) => e.type === 'WORKFLOW_RESUMED')).to.have.length(3);
    });

    it('run({ executionId }) of a paused execution resumes it', async () => {
      const paused = await approvalFlow.run(5, { runtime });
      const done = await approvalFlow.run(5, { runtime, executionId: paused.executionId });
      expect(done.hasSucceeded).to.equal(true);
      // pause() returned undefined; in a task's argument list JSON carries it as null, live and on replay alike.
      expect(done.output).to.equal('receipt-5 shipped, approved by null');
      expect(sideEffects).to.deep.equal(['charge 5', 'ship receipt-5']);
    });

    it('refuses to resume a succeeded execution, saying its state, and changes nothing', async () => {
      const paused = await approvalFlow.run(1, { runtime });
      const done = await approvalFlow.resume(paused.executionId, 'x', { runtime });
      const error = await approvalFlow.resume(done.executionId, 'y', { runtime }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ExecutionStateError);
      expect(error).to.include({ code: 'INVALID_EXECUTION_STATE', state: 'succeeded', executionId: done.executionId });
      expect((error as Error).message).to.contain('is succeeded; only a paused execution can be resumed');
      expect((await runtime.inspect(done.executionId)).events).to.deep.equal(done.events);
    });

    it('refuses to resume a failed execution', async () => {
      const failed = await failedFlow.run(undefined, { runtime });
      expect(failed.hasFailed).to.equal(true);
      const error = await runtime.resume(failed.executionId, 1).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(ExecutionStateError);
      expect(error).to.include({ state: 'failed' });
    });

    it('refuses to resume an execution through another workflow', async () => {
      const paused = await approvalFlow.run(2, { runtime });
      const error = await threePauses.resume(paused.executionId, 'v', { runtime }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(WorkflowMismatchError);
      expect((await runtime.inspect(paused.executionId)).state).to.equal('paused');
    });

    it('resumes through the runtime by id alone, finding the workflow by its recorded name', async () => {
      const paused = await approvalFlow.run(3, { runtime });
      const done = await runtime.resume(paused.executionId, 'ada');
      expect(done.output).to.equal('receipt-3 shipped, approved by ada');
    });

    it('inspect() shows a paused execution as paused, with its whole log', async () => {
      const paused = await approvalFlow.run(9, { runtime });
      const seen = await runtime.inspect(paused.executionId);
      expect(seen.state).to.equal('paused');
      expect(seen.events).to.deep.equal(paused.events);
      expect(seen.input).to.equal(9);
    });
  });
}
