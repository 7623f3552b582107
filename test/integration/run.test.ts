import { expect } from 'chai';
import {
  workflow,
  task,
  type ExecutionContext,
  DefinitionError,
  ExecutionNotFoundError,
  type Runtime,
} from 'flux-actors';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

const double = task(async function double(n: number) {
  return n * 2;
});

class PaymentDeclined extends Error {
  override name = 'PaymentDeclined';
  code = 'DECLINED';
}

const declineCard = task(async function declineCard(amount: number): Promise<number> {
  throw new PaymentDeclined(`card declined for ${amount}`);
});

const sumOfDoubles = workflow(async function sumOfDoubles(ctx: ExecutionContext<number[]>) {
  let sum = 0;
  for (const n of ctx.input) sum += await double(n);
  return sum;
});

const throwsAfterTask = workflow(async function throwsAfterTask(ctx: ExecutionContext<number>) {
  await double(ctx.input);
  throw new TypeError('bad input shape');
});

const catchesTaskError = workflow(async function catchesTaskError(ctx: ExecutionContext<number>) {
  try {
    await declineCard(ctx.input);
    return 'charged';
  } catch (error) {
    const e = error as Error & { code?: string; taskName?: string };
    return { name: e.name, message: e.message, code: e.code, taskName: e.taskName, isError: e instanceof Error };
  }
});

const letsTaskErrorEscape = workflow(async function letsTaskErrorEscape(ctx: ExecutionContext<number>) {
  return await declineCard(ctx.input);
});

for (const kind of STORE_KINDS) {
  describe(`running workflows (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it('runs a workflow to its output and records every step in order', async () => {
      const ctx = await sumOfDoubles.run([1, 2, 3], { runtime });
      expect(ctx.hasSucceeded).to.equal(true);
      expect(ctx.hasFinished).to.equal(true);
      expect(ctx.output).to.equal(12);
      expect(ctx.input).to.deep.equal([1, 2, 3]);
      expect(ctx.name).to.equal('sumOfDoubles');
      expect(ctx.events.map((e) => e.type)).to.deep.equal([
        'WORKFLOW_STARTED',
        'TASK_STARTED',
        'TASK_COMPLETED',
        'TASK_STARTED',
        'TASK_COMPLETED',
        'TASK_STARTED',
        'TASK_COMPLETED',
        'WORKFLOW_COMPLETED',
      ]);
      expect(ctx.events.map((e) => e.id)).to.deep.equal(ctx.events.map((_, i) => `${ctx.executionId}:${i + 1}`));
      const started = ctx.events.filter((e) => e.type === 'TASK_STARTED');
      expect(started.map((e) => e.value)).to.deep.equal([[1], [2], [3]]);
      expect(started.every((e) => e.name === 'double' && /^double_[0-9a-f]{12}_1$/.test(e.sourceId))).to.equal(true);
      expect(ctx.events[0]!.sourceId).to.equal(ctx.executionId);
      for (const e of ctx.events) expect(Number.isNaN(Date.parse(e.time))).to.equal(false);
    });

    it('gives the same call the same id in the same position, and repeated calls their own', async () => {
      const twice = workflow(async function callsTwice(ctx: ExecutionContext<number>) {
        return [await double(ctx.input), await double(ctx.input)];
      });
      const a = await twice.run(5, { runtime });
      const b = await twice.run(5, { runtime });
      const ids = (ctx: ExecutionContext) => ctx.events.filter((e) => e.type === 'TASK_STARTED').map((e) => e.sourceId);
      expect(ids(a)).to.deep.equal(ids(b));
      expect(ids(a)[0]).to.match(/_1$/);
      expect(ids(a)[1]).to.match(/_2$/);
    });

    it('resolves (does not reject) when the body throws, with the error as plain data', async () => {
      const ctx = await throwsAfterTask.run(4, { runtime });
      expect(ctx.hasFailed).to.equal(true);
      expect(ctx.hasFinished).to.equal(true);
      expect(ctx.output).to.deep.include({ name: 'TypeError', message: 'bad input shape' });
      expect(ctx.state === 'failed' && ctx.output.stack).to.match(/^TypeError: bad input shape\n/);
      expect(ctx.events.at(-1)!.type).to.equal('WORKFLOW_FAILED');
    });

    it('throws a failed task into the body with its original name, message and code', async () => {
      const ctx = await catchesTaskError.run(30, { runtime });
      expect(ctx.output).to.deep.equal({
        name: 'PaymentDeclined',
        message: 'card declined for 30',
        code: 'DECLINED',
        taskName: 'declineCard',
        isError: true,
      });
      const failed = ctx.events.find((e) => e.type === 'TASK_FAILED')!;
      expect(failed.value).to.deep.include({
        name: 'PaymentDeclined',
        message: 'card declined for 30',
        code: 'DECLINED',
      });
    });

    it('fails the workflow with the task error when the body does not catch it', async () => {
      const ctx = await letsTaskErrorEscape.run(7, { runtime });
      expect(ctx.hasFailed).to.equal(true);
      expect(ctx.output).to.deep.include({ name: 'PaymentDeclined', message: 'card declined for 7', code: 'DECLINED' });
    });

    it('start() returns the id at once and result() resolves like run()', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const waitForGate = task(async function waitForGate() {
        await gate;
        return 'opened';
      });
      const gated = workflow(async function gated() {
        return await waitForGate();
      });
      const handle = await gated.start(undefined, { runtime });
      expect(handle.executionId).to.be.a('string');
      const running = await runtime.inspect(handle.executionId);
      expect(running.state).to.equal('running');
      expect(running.isRunning).to.equal(true);
      release();
      const ctx = await handle.result();
      expect(ctx.executionId).to.equal(handle.executionId);
      expect(ctx.output).to.equal('opened');
    });

    it('run({ executionId }) of a finished execution returns it as it is and runs nothing', async () => {
      let runs = 0;
      const counted = task(async function countedStep() {
        return ++runs;
      });
      const once = workflow(async function runOnce() {
        return await counted();
      });
      const first = await once.run(undefined, { runtime });
      const again = await once.run(undefined, { runtime, executionId: first.executionId });
      expect(again.output).to.equal(1);
      expect(again.state).to.equal('succeeded');
      expect(runs).to.equal(1);
      expect(again.events).to.deep.equal(first.events);
    });

    it('starts under a free id (a business key) once: the same input is the same start, another is EXECUTION_EXISTS', async () => {
      const id = `order-${Math.random().toString(36).slice(2)}`;
      const first = await sumOfDoubles.run([1, 2], { runtime, executionId: id });
      expect(first.executionId).to.equal(id);
      expect(first.state).to.equal('succeeded');
      const again = await sumOfDoubles.run([1, 2], { runtime, executionId: id });
      expect(again.events).to.deep.equal(first.events);
      const other = await sumOfDoubles.run([3], { runtime, executionId: id }).catch((e: unknown) => e);
      expect(other).to.include({ code: 'EXECUTION_EXISTS', executionId: id });
      expect(String((other as Error).message)).to.contain('succeeded');
    });

    it("idReuse 'allowIfFinished' starts a new run under an id once its execution finished, in the same log", async () => {
      const id = `daily-${Math.random().toString(36).slice(2)}`;
      const first = await sumOfDoubles.run([1], { runtime, executionId: id, idReuse: 'allowIfFinished' });
      expect(first.output).to.equal(2);
      const second = await sumOfDoubles.run([2, 3], { runtime, executionId: id, idReuse: 'allowIfFinished' });
      expect(second.executionId).to.equal(id);
      expect(second.state).to.equal('succeeded');
      expect(second.input).to.deep.equal([2, 3]);
      expect(second.output).to.equal(10);
      const types = second.events.map((e) => e.type);
      expect(types.filter((t) => t === 'WORKFLOW_STARTED')).to.have.length(2);
      expect(types.filter((t) => t === 'WORKFLOW_COMPLETED')).to.have.length(2);
      // A third run with the first run's input makes the same calls again: they run, none is taken from the log.
      const third = await sumOfDoubles.run([1], { runtime, executionId: id, idReuse: 'allowIfFinished' });
      expect(third.output).to.equal(2);
      expect(third.events.filter((e) => e.type === 'TASK_COMPLETED')).to.have.length(4);
      // The default rule still holds for a start without the policy.
      const refused = await sumOfDoubles.run([4], { runtime, executionId: id }).catch((e: unknown) => e);
      expect(refused).to.include({ code: 'EXECUTION_EXISTS' });
      expect((await runtime.inspect(id)).output).to.equal(2);
    });

    it('rejects an unknown execution id with ExecutionNotFoundError', async () => {
      for (const attempt of [
        () => sumOfDoubles.resume('no-such-execution', 1, { runtime }),
        () => runtime.inspect('no-such-execution'),
      ]) {
        const error = await attempt().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).to.be.instanceOf(ExecutionNotFoundError);
        expect((error as ExecutionNotFoundError).code).to.equal('EXECUTION_NOT_FOUND');
        expect((error as ExecutionNotFoundError).executionId).to.equal('no-such-execution');
      }
    });

    it('lists executions by state and workflow', async () => {
      const ok = await sumOfDoubles.run([1], { runtime });
      const bad = await throwsAfterTask.run(1, { runtime });
      const failed = await runtime.list({ state: 'failed' });
      expect(failed.map((r) => r.executionId)).to.deep.equal([bad.executionId]);
      const mine = await runtime.list({ workflow: 'sumOfDoubles' });
      expect(mine.map((r) => r.executionId)).to.include(ok.executionId);
      expect(mine.every((r) => r.workflow === 'sumOfDoubles' && r.state === 'succeeded')).to.equal(true);
      const newer = await sumOfDoubles.run([2], { runtime });
      const newestFirst = await runtime.list({ workflow: 'sumOfDoubles', limit: 1 });
      expect(newestFirst.map((r) => r.executionId)).to.deep.equal([newer.executionId]);
    });
  });
}

describe('definitions', () => {
  it('refuses an anonymous task or workflow without a name option', () => {
    expect(() => task(async () => 1))
      .to.throw(DefinitionError)
      .with.property('code', 'INVALID_DEFINITION');
    expect(() => workflow(async () => 1)).to.throw(DefinitionError, /needs a name/);
  });

  it('takes the name from the options when given', async () => {
    const named = task.withOptions({ name: 'named_step' })(async (x: number) => x + 1);
    expect(named.taskName).to.equal('named_step');
    const flow = workflow.withOptions({ name: 'named_flow' })(async (ctx: ExecutionContext<number>) =>
      named(ctx.input),
    );
    expect(flow.name).to.equal('named_flow');
  });

  it('refuses options it does not implement instead of ignoring them', () => {
    const options = { name: 'typo', retryMaxAttempt: 3 } as unknown as { name: string };
    expect(() => task.withOptions(options)(async () => 1)).to.throw(
      DefinitionError,
      "task option 'retryMaxAttempt' is not supported",
    );
    expect(() =>
      workflow.withOptions({ nmae: 'typo' } as unknown as { name: string })(async function typo() {}),
    ).to.throw(DefinitionError, "'nmae'");
  });

  it('runs a task called outside any workflow as a plain function', async () => {
    expect(await double(21)).to.equal(42);
  });

  it('refuses task names reserved for built-ins and names unsafe on the wire', () => {
    expect(() => task(async function pause() {})).to.throw(DefinitionError, /reserved/);
    expect(() => task.withOptions({ name: 'a.b' })(async () => 1)).to.throw(DefinitionError, /invalid/);
  });
});
