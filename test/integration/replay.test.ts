import { expect } from 'chai';
import {
  workflow,
  task,
  pause,
  now,
  uuid4,
  randint,
  randrange,
  choice,
  sleep,
  type ExecutionContext,
  TestClock,
  type Runtime,
} from 'flux-actors';
import { STORE_KINDS, TEST_EPOCH, testRuntime } from '../fixtures/runtimes.js';

const echo = task(async function echo(value: string) {
  return value;
});
const other = task(async function otherStep(value: string) {
  return `other ${value}`;
});
// Their durations are on the runtime's test clock: which one wins is decided, not left to real time.
const slow = task(async function slowStep() {
  await sleep(30);
  return 'slow';
});
const fast = task(async function fastStep() {
  await sleep(1);
  return 'fast';
});

/** A body whose code "changes" between the first run and the replay, as after a careless deploy. */
let variant = 'original';
const changing = workflow(async function changingBody() {
  await echo('a');
  if (variant === 'original') await echo('b');
  else if (variant === 'different-call') await other('b');
  await pause('wait');
  return 'done';
});

for (const kind of STORE_KINDS) {
  describe(`replay (${kind} store)`, () => {
    let runtime: Runtime;
    let clock: TestClock;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      clock = new TestClock(TEST_EPOCH);
      ({ runtime, dispose } = await testRuntime(kind, { clock }));
      variant = 'original';
    });
    afterEach(() => dispose());

    it('fails with NonDeterminismError naming the expected and the actual call when the body calls something else', async () => {
      const paused = await changing.run(undefined, { runtime });
      variant = 'different-call';
      const ctx = await changing.resume(paused.executionId, 1, { runtime });
      expect(ctx.hasFailed).to.equal(true);
      const output = ctx.error!;
      expect(output.code).to.equal('NON_DETERMINISM');
      expect(output.name).to.equal('NonDeterminismError');
      expect(output.message).to.contain(paused.executionId);
      expect(output.message).to.contain('task \'echo\' (call 2, arguments ["b"])');
      expect(output.message).to.contain('called \'otherStep\' with arguments ["b"]');
      // Nothing recorded was rewritten: the old log is a prefix of the new one, the failure appended.
      expect(ctx.events.slice(0, paused.events.length)).to.deep.equal(paused.events);
      expect(ctx.events.at(-1)!.type).to.equal('WORKFLOW_FAILED');
      expect(ctx.events.filter((e) => e.name === 'otherStep')).to.have.length(0);
    });

    it('fails with NonDeterminismError when the body ends without reaching a recorded call', async () => {
      const paused = await changing.run(undefined, { runtime });
      variant = 'skips-call';
      const ctx = await changing.resume(paused.executionId, 1, { runtime });
      // The body now pauses at call 2 where the log recorded echo('b'): a new call while one is unmatched.
      expect(ctx.error!.code).to.equal('NON_DETERMINISM');
      expect(ctx.error!.message).to.contain("task 'echo' (call 2");

      const shortened = workflow(async function shortenedBody() {
        await echo('x');
        if (variant === 'original') await echo('y');
        return 'end';
      });
      variant = 'original';
      const first = await shortened.run(undefined, { runtime });
      expect(first.hasSucceeded).to.equal(true);
    });

    it('reports a body that ends early on replay', async () => {
      let long = true;
      const endsEarly = workflow(async function endsEarly() {
        await echo('1');
        await pause('p');
        if (long) await echo('2');
        return 'end';
      });
      const paused = await endsEarly.run(undefined, { runtime });
      const done = await endsEarly.resume(paused.executionId, null, { runtime });
      expect(done.hasSucceeded).to.equal(true);
      // A second execution pauses, then the code loses its first step before the resume.
      const endsEarly2 = workflow(async function endsEarlyTwo() {
        if (long) await echo('first');
        await pause('p');
        return 'end';
      });
      const p2 = await endsEarly2.run(undefined, { runtime });
      long = false;
      const failed = await endsEarly2.resume(p2.executionId, null, { runtime });
      expect(failed.error!.code).to.equal('NON_DETERMINISM');
    });

    it('replays a race the way it ran: outcomes are delivered in recorded order, not call order', async () => {
      const racer = workflow(async function racer() {
        const order: string[] = [];
        const both = [
          slow().then((v) => {
            order.push(v);
            return v;
          }),
          fast().then((v) => {
            order.push(v);
            return v;
          }),
        ];
        const winner = await Promise.race(both);
        await Promise.all(both); // the slow one lands too
        const decision = await pause<string>('after_race');
        return { winner, order: [...order], decision };
      });
      const paused = await clock.skipUntil(racer.run(undefined, { runtime }));
      const done = await racer.resume(paused.executionId, 'go', { runtime });
      expect(done.output).to.deep.equal({ winner: 'fast', order: ['fast', 'slow'], decision: 'go' });
      expect(done.events.filter((e) => e.type === 'TASK_COMPLETED' && e.name !== 'pause')).to.have.length(2);
    });

    it('replays a parallel block whose tasks completed in another order than they started', async () => {
      const calls: string[] = [];
      const step = task(async function parallelStep(ms: number) {
        calls.push(`run ${ms}`);
        await sleep(ms);
        return ms;
      });
      const parallelFlow = workflow(async function parallelFlow() {
        const finished: number[] = [];
        await Promise.all([40, 5, 20].map((ms) => step(ms).then((v) => finished.push(v))));
        await pause('check');
        return finished;
      });
      const paused = await clock.skipUntil(parallelFlow.run(undefined, { runtime }));
      const completions = paused.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.value);
      expect(completions).to.deep.equal([5, 20, 40]);
      const done = await parallelFlow.resume(paused.executionId, null, { runtime });
      expect(done.output).to.deep.equal([5, 20, 40]);
      expect(calls).to.have.length(3);
    });

    it('returns what the built-ins returned the first time, with the same types', async () => {
      const draws = workflow(async function draws() {
        const values = {
          now: await now(),
          uuid: await uuid4(),
          int: await randint(1, 1_000_000),
          range: await randrange(0, 1_000_000, 7),
          pick: await choice(['a', 'b', 'c', 'd', 'e', 'f']),
        };
        await pause('between');
        return { ...values, isDate: values.now instanceof Date, now: values.now.toISOString() };
      });
      const paused = await draws.run(undefined, { runtime });
      expect(paused.events.find((e) => e.name === 'now' && e.type === 'TASK_COMPLETED')!.value).to.equal(TEST_EPOCH);
      const done = await draws.resume(paused.executionId, null, { runtime });
      const recorded = paused.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.value);
      const out = done.output as {
        now: string;
        uuid: string;
        int: number;
        range: number;
        pick: string;
        isDate: boolean;
      };
      expect(out.isDate).to.equal(true);
      expect(out.now).to.equal(new Date(recorded[0] as number).toISOString());
      expect(out.uuid)
        .to.equal(recorded[1])
        .and.match(/^[0-9a-f-]{36}$/);
      expect(out.int).to.equal(recorded[2]);
      expect(out.range).to.equal(recorded[3]);
      expect(out.range % 7).to.equal(0);
      expect(out.pick).to.equal(['a', 'b', 'c', 'd', 'e', 'f'][recorded[4] as number]);
      expect(done.events.filter((e) => e.type === 'TASK_STARTED')).to.have.length(6);
    });

    it('sleeps durably: a resumed execution does not sleep again what it slept', async () => {
      const sleeper = workflow(async function sleeper() {
        await sleep('20ms');
        const t = await now();
        await pause('after_sleep');
        return t.getTime();
      });
      const paused = await clock.skipUntil(sleeper.run(undefined, { runtime }));
      const started = paused.events.find((e) => e.type === 'TASK_STARTED' && e.name === 'sleep')!;
      const woke = paused.events.find((e) => e.type === 'TASK_COMPLETED' && e.name === 'sleep')!;
      expect(Date.parse(woke.time) - Date.parse(started.time)).to.equal(20);
      await clock.advance('1h'); // paused for an hour
      const done = await clock.skipUntil(sleeper.resume(paused.executionId, null, { runtime }));
      expect(done.output, 'the time now() recorded after the sleep').to.equal(TEST_EPOCH + 20);
      expect(done.events.filter((e) => e.name === 'sleep')).to.have.length(2);
      expect(clock.now(), 'no second sleep').to.equal(TEST_EPOCH + 20 + 3_600_000);
    });
  });
}

describe('replay across the ExecutionContext API', () => {
  it('gives the body the recorded input, not the caller object', async () => {
    const { runtime, dispose } = await testRuntime('memory');
    const mutates = workflow(async function mutatesInput(ctx: ExecutionContext<{ n: number }>) {
      ctx.input.n += 1;
      return ctx.input.n;
    });
    const input = { n: 1 };
    const ctx = await mutates.run(input, { runtime });
    expect(ctx.output).to.equal(2);
    expect(input.n).to.equal(1);
    await dispose();
  });
});
