import { expect } from 'chai';
import {
  deprecatePatch,
  patched,
  pause,
  replayCheck,
  task,
  workflow,
  type ExecutionContext,
  type Runtime,
  type WorkflowDefinition,
} from 'flux-actors';
import { useRuntime, type StoreKind } from '../fixtures/runtimes.js';

let ran: string[] = [];
const charge = task(async function checkCharge(amount: number) {
  ran.push('charge');
  return `receipt-${amount}`;
});
const fraudCheck = task(async function checkFraud(amount: number) {
  ran.push('fraud');
  return amount < 1000;
});
const ship = task(async function checkShip(receipt: string, by: string) {
  ran.push('ship');
  return `${receipt} shipped (${by})`;
});

/** Version 1, as deployed when the executions were recorded. */
async function orderV1(ctx: ExecutionContext<number>) {
  const receipt = await charge(ctx.input);
  const approver = await pause<string>('approval');
  return await ship(receipt, approver);
}

/** Version 2: a fraud check added before the approval (a change that breaks recorded executions). */
async function orderV2(ctx: ExecutionContext<number>) {
  const receipt = await charge(ctx.input);
  await fraudCheck(ctx.input); // the new step
  const approver = await pause<string>('approval');
  return await ship(receipt, approver);
}

const v1 = workflow.withOptions({ name: 'checkedOrder' })(orderV1);
// v2 is the same workflow (same name): given to the check as it would be deployed, not registered here.
const v2: WorkflowDefinition<number, string> = { name: 'checkedOrder', fn: orderV2, options: {} };
/** Version 3: v1 with a step added after everything recorded (a change that fits). */
const v3: WorkflowDefinition<number, string> = {
  name: 'checkedOrder',
  fn: async (ctx: ExecutionContext<number>) => `${await orderV1(ctx)} and invoiced`,
  options: {},
};

for (const kind of ['memory', 'sqlite', 'nats'] as StoreKind[]) {
  describe(`replayCheck (${kind} store)`, function () {
    this.timeout(30_000);
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    async function recorded() {
      const paused = await v1.run(40, { runtime });
      const done = await v1.resume((await v1.run(50, { runtime })).executionId, 'ada', { runtime });
      ran = [];
      return { paused, done };
    }

    it('says ok for the code that recorded them, and for a step added past what they recorded', async () => {
      const { paused, done } = await recorded();
      const same = await replayCheck(runtime, [v1]);
      expect(same.ok).to.equal(true);
      expect(same.checked).to.equal(2);
      expect(same.verdicts.find((v) => v.executionId === paused.executionId)).to.include({ ok: true, reached: 'wait' });
      expect(same.verdicts.find((v) => v.executionId === done.executionId)).to.include({ ok: true, reached: 'end' });
      const later = await replayCheck(runtime, [v3], { states: ['succeeded'] });
      expect(later.ok, JSON.stringify(later.failures)).to.equal(true);
      expect(later.verdicts.map((v) => v.reached)).to.deep.equal(['end']);
      expect(ran, 'no task ran').to.deep.equal([]);
    });

    it('reports where v2 leaves the log: the expected and the actual call, and the line of the body, writing nothing', async () => {
      const { paused, done } = await recorded();
      const before = (await runtime.inspect(paused.executionId)).events.length;
      const report = await replayCheck(runtime, [v2]);
      expect(report.ok).to.equal(false);
      expect(report.failures.map((f) => f.executionId).sort()).to.deep.equal(
        [paused.executionId, done.executionId].sort(),
      );
      const { divergence } = report.failures.find((f) => f.executionId === paused.executionId)!;
      expect(divergence!.expected).to.include({ name: 'pause', argsJson: '["approval"]' });
      const pauseStart = paused.events.find((e) => e.type === 'TASK_STARTED' && e.name === 'pause')!;
      expect(divergence!.expected!.seq).to.equal(Number(pauseStart.id.split(':').at(-1)));
      expect(divergence!.actual).to.deep.equal({ name: 'checkFraud', argsJson: '[40]' });
      expect(divergence!.site).to.match(/replay-check\.test\.ts:\d+:\d+$/);
      expect(divergence!.message).to.contain("'checkFraud'");
      expect(ran, 'no task ran').to.deep.equal([]);
      expect((await runtime.inspect(paused.executionId)).events.length, 'nothing written').to.equal(before);
      expect((await runtime.inspect(paused.executionId)).state).to.equal('paused');
    });

    it('checks histories kept as JSON (flux inspect --events --json), and selects by workflow, state and id', async () => {
      const { paused, done } = await recorded();
      const histories = [
        JSON.parse(JSON.stringify((await runtime.inspect(paused.executionId)).events)),
        JSON.parse(JSON.stringify((await runtime.inspect(done.executionId)).events)),
      ];
      expect((await replayCheck({ histories }, [v1])).ok).to.equal(true);
      const fromJson = await replayCheck({ histories }, [v2]);
      expect(fromJson.failures).to.have.length(2);
      const onlyPaused = await replayCheck(runtime, [v2], { states: ['paused'] });
      expect(onlyPaused.verdicts.map((v) => v.executionId)).to.deep.equal([paused.executionId]);
      const byId = await replayCheck(runtime, [v2], { ids: [done.executionId] });
      expect(byId.verdicts.map((v) => v.executionId)).to.deep.equal([done.executionId]);
      const other = await replayCheck(runtime, [v2], { workflow: 'someOtherWorkflow' });
      expect(other.checked).to.equal(0);
      const unknown = await replayCheck(runtime, []);
      expect(unknown.ok).to.equal(true);
      expect(unknown.verdicts.every((v) => v.skipped)).to.equal(true);
    });
  });
}

/** A patched v2: one body for the executions that started on v1 and those that start on v2. */
async function orderPatched(ctx: ExecutionContext<number>) {
  const receipt = await charge(ctx.input);
  if (patched('fraud-check')) await fraudCheck(ctx.input);
  const approver = await pause<string>('approval');
  return await ship(receipt, approver);
}

const patchV1: WorkflowDefinition<number, string> = { name: 'patchedOrder', fn: orderV1, options: {} };
const patchV2: WorkflowDefinition<number, string> = { name: 'patchedOrder', fn: orderPatched, options: {} };
const patchV3: WorkflowDefinition<number, string> = {
  name: 'patchedOrder',
  fn: async (ctx: ExecutionContext<number>) => {
    const receipt = await charge(ctx.input);
    deprecatePatch('fraud-check');
    await fraudCheck(ctx.input);
    const approver = await pause<string>('approval');
    return await ship(receipt, approver);
  },
  options: {},
};

for (const kind of ['memory', 'sqlite'] as StoreKind[]) {
  describe(`patched() (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it('serves an execution started on v1 and one started on v2 with one body; replayCheck says ok for both', async () => {
      const old = await runtime.run(patchV1, 10);
      ran = [];
      const fresh = await runtime.run(patchV2, 20);
      expect(ran, 'a new execution takes the patch').to.deep.equal(['charge', 'fraud']);
      expect(fresh.events.some((e) => e.name === 'patched' && e.type === 'TASK_COMPLETED')).to.equal(true);
      const check = await replayCheck(runtime, [patchV2]);
      expect(check.ok, JSON.stringify(check.failures)).to.equal(true);
      expect(check.checked).to.equal(2);
      ran = [];
      const oldDone = await runtime.resume(old.executionId, 'ada', patchV2);
      expect(oldDone.output).to.equal('receipt-10 shipped (ada)');
      expect(ran, 'the old execution keeps the old path').to.deep.equal(['ship']);
      expect(oldDone.events.some((e) => e.name === 'patched')).to.equal(false);
      ran = [];
      const freshDone = await runtime.resume(fresh.executionId, 'bo', patchV2);
      expect(freshDone.output).to.equal('receipt-20 shipped (bo)');
      expect(ran, 'nothing ran twice').to.deep.equal(['ship']);
    });

    it('fails a replay that meets a marker the code no longer has, naming the patch; deprecatePatch matches it', async () => {
      const fresh = await runtime.run(patchV2, 30);
      const without = await replayCheck(runtime, [patchV1], { ids: [fresh.executionId] });
      expect(without.ok).to.equal(false);
      expect(without.failures[0]!.divergence!.message).to.contain('patch "fraud-check"');
      const deprecated = await replayCheck(runtime, [patchV3], { ids: [fresh.executionId] });
      expect(deprecated.ok, JSON.stringify(deprecated.failures)).to.equal(true);
    });
  });
}
