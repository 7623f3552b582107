import { expect } from 'chai';
import { workflow, task, pause, type ExecutionContext, SerializationError, type Runtime } from 'flux-actors';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

const returnsFunction = task(async function returnsFunction() {
  return { callback: () => 1 };
});
const returnsBigInt = task(async function returnsBigInt() {
  return { big: 10n };
});
const returnsCycle = task(async function returnsCycle() {
  const node: Record<string, unknown> = { name: 'loop' };
  node.self = node;
  return node;
});
const takesAnything = task(async function takesAnything(value: unknown) {
  return typeof value;
});

const catchesEach = workflow(async function catchesEach() {
  const seen: unknown[] = [];
  for (const attempt of [
    () => returnsFunction(),
    () => returnsBigInt(),
    () => returnsCycle(),
    () => takesAnything(new Map()),
  ]) {
    try {
      await attempt();
      seen.push('no error');
    } catch (error) {
      const e = error as Error & { code?: string };
      seen.push({ name: e.name, code: e.code, message: e.message });
    }
  }
  return seen;
});

for (const kind of STORE_KINDS) {
  describe(`values that JSON cannot carry (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it('fails the task with SerializationError naming it, and keeps the log readable', async () => {
      const ctx = await catchesEach.run(undefined, { runtime });
      expect(ctx.hasSucceeded).to.equal(true);
      const seen = ctx.output as { name: string; code: string; message: string }[];
      expect(seen.map((s) => s.code)).to.deep.equal([
        'SERIALIZATION_ERROR',
        'SERIALIZATION_ERROR',
        'SERIALIZATION_ERROR',
        'SERIALIZATION_ERROR',
      ]);
      expect(seen[0]!.message).to.contain("the result of task 'returnsFunction'").and.contain('function');
      expect(seen[1]!.message).to.contain("the result of task 'returnsBigInt'").and.contain('BigInt');
      expect(seen[2]!.message).to.contain("the result of task 'returnsCycle'").and.contain('circular');
      expect(seen[3]!.message).to.contain("the arguments of task 'takesAnything'").and.contain('Map');
      // Three tasks ran and failed; the fourth never started because its arguments were refused.
      expect(ctx.events.filter((e) => e.type === 'TASK_FAILED').map((e) => e.name)).to.deep.equal([
        'returnsFunction',
        'returnsBigInt',
        'returnsCycle',
      ]);
      expect(ctx.events.some((e) => e.name === 'takesAnything')).to.equal(false);
      const reread = await runtime.inspect(ctx.executionId);
      expect(reread.events).to.deep.equal(ctx.events);
    });

    it('refuses an input that cannot be serialised before anything is recorded', async () => {
      const flow = workflow(async function takesInput(ctx: ExecutionContext<unknown>) {
        return ctx.input;
      });
      const error = await flow.run({ when: 1n }, { runtime }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(SerializationError);
      expect((error as Error).message).to.contain("the input of workflow 'takesInput'");
      expect(await runtime.list({ workflow: 'takesInput' })).to.deep.equal([]);
    });

    it('fails the workflow when its output cannot be serialised', async () => {
      const flow = workflow(async function badOutput() {
        return { notData: Symbol('x') } as unknown;
      });
      const ctx = await flow.run(undefined, { runtime });
      expect(ctx.hasFailed).to.equal(true);
      expect(ctx.output).to.include({ code: 'SERIALIZATION_ERROR', name: 'SerializationError' });
    });

    it('refuses a resume value that cannot be serialised and leaves the execution paused', async () => {
      const flow = workflow(async function waitsForValue() {
        return await pause('value');
      });
      const paused = await flow.run(undefined, { runtime });
      const error = await flow
        .resume(paused.executionId, () => 1, { runtime })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).to.be.instanceOf(SerializationError);
      expect((await runtime.inspect(paused.executionId)).state).to.equal('paused');
    });
  });
}
