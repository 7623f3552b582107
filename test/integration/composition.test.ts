import { expect } from 'chai';
import {
  workflow,
  task,
  pause,
  parallel,
  pipeline,
  sleep,
  type ExecutionContext,
  TestClock,
  type Runtime,
} from 'flux-actors';
import { STORE_KINDS, TEST_EPOCH, testRuntime } from '../fixtures/runtimes.js';
import { nextTurn, signal, untilEvent } from '../fixtures/wait-for.js';
import { parallelTasks } from '../../examples/parallel-tasks.js';
import { complexPipeline } from '../../examples/complex-pipeline.js';
import { cancellation } from '../../examples/cancellation.js';

let inFlight = 0;
let peak = 0;
/** Takes `ms` on the runtime's (test) clock: the order tasks finish in is decided, not left to real time. */
const slowSquare = task(async function slowSquare(n: number, ms: number) {
  inFlight++;
  peak = Math.max(peak, inFlight);
  await sleep(ms);
  inFlight--;
  return n * n;
});

const upper = task(async function upperStage(s: string) {
  return s.toUpperCase();
});
const exclaim = task(async function exclaimStage(s: string) {
  return `${s}!`;
});
const failsOnOdd = task(async function failsOnOdd(n: number) {
  if (n % 2) throw new Error(`odd ${n}`);
  return n;
});

for (const kind of STORE_KINDS) {
  describe(`parallel and pipeline (${kind} store)`, function () {
    this.timeout(20_000);
    let runtime: Runtime;
    let clock: TestClock;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      clock = new TestClock(TEST_EPOCH);
      ({ runtime, dispose } = await testRuntime(kind, { clock }));
      inFlight = 0;
      peak = 0;
    });
    afterEach(() => dispose());

    it('returns results in input order whatever order they finish in', async () => {
      const ctx = await clock.skipUntil(
        workflow(async function orderFlow() {
          return await parallel(slowSquare(1, 30), slowSquare(2, 1), slowSquare(3, 15));
        }).run(undefined, { runtime }),
      );
      expect(ctx.output).to.deep.equal([1, 4, 9]);
      expect(ctx.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.value)).to.deep.equal([4, 9, 1]);
    });

    it('never runs more than maxConcurrent functions at once, starting each as a slot frees', async () => {
      const ctx = await clock.skipUntil(
        workflow(async function cappedFlow(c: ExecutionContext<number[]>) {
          return await parallel(
            c.input.map((ms, i) => () => slowSquare(i, ms)),
            { maxConcurrent: 2 },
          );
        }).run([20, 5, 15, 5, 10, 1], { runtime }),
      );
      expect(ctx.output).to.deep.equal([0, 1, 4, 9, 16, 25]);
      expect(peak).to.equal(2);
    });

    it('caps task.map the same way', async () => {
      const squareOf = task(async function squareOfOne(n: number) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await sleep(5);
        inFlight--;
        return n * n;
      });
      const ctx = await clock.skipUntil(
        workflow(async function mapFlow() {
          return await squareOf.map([1, 2, 3, 4, 5, 6, 7], { maxConcurrent: 3 });
        }).run(undefined, { runtime }),
      );
      expect(ctx.output).to.deep.equal([1, 4, 9, 16, 25, 36, 49]);
      expect(peak).to.equal(3);
    });

    it('turns a failed slot into null with raiseOnError false, and keeps the failure in the log', async () => {
      const ctx = await workflow(async function lenientFlow() {
        return await parallel(
          [1, 2, 3, 4].map((n) => () => failsOnOdd(n)),
          { raiseOnError: false },
        );
      }).run(undefined, { runtime });
      expect(ctx.output).to.deep.equal([null, 2, null, 4]);
      expect(ctx.events.filter((e) => e.type === 'TASK_FAILED')).to.have.length(2);
      const strict = await workflow(async function strictFlow() {
        return await parallel([1, 2].map((n) => () => failsOnOdd(n)));
      }).run(undefined, { runtime });
      expect(strict.error).to.include({ message: 'odd 1' });
    });

    it('replays a capped parallel block exactly although its tasks finished out of order', async () => {
      let runs = 0;
      const jittery = task(async function jitteryStep(i: number, ms: number) {
        runs++;
        await sleep(ms);
        return i;
      });
      const flow = workflow(async function cappedReplay(c: ExecutionContext<number[]>) {
        const finished: number[] = [];
        const values = await parallel(
          c.input.map(
            (ms, i) => () =>
              jittery(i, ms).then((v) => {
                finished.push(v);
                return v;
              }),
          ),
          { maxConcurrent: 3 },
        );
        await pause('after');
        return { values, finished };
      });
      const paused = await clock.skipUntil(flow.run([25, 2, 12, 1, 8, 3, 20], { runtime }));
      const done = await flow.resume(paused.executionId, null, { runtime });
      expect(done.state, JSON.stringify(done.error)).to.equal('succeeded');
      const out = done.output as { values: number[]; finished: number[] };
      expect(out.values).to.deep.equal([0, 1, 2, 3, 4, 5, 6]);
      expect(out.finished).to.deep.equal(paused.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.value));
      expect(runs).to.equal(7);
    });

    it('lets a pause inside parallel pause the workflow', async () => {
      const flow = workflow(async function pauseInParallel() {
        const [a, approval] = await parallel(upper('x'), pause<string>('approve'));
        return `${a} ${approval}`;
      });
      const paused = await flow.run(undefined, { runtime });
      expect(paused.isPaused).to.equal(true);
      expect((await flow.resume(paused.executionId, 'ok', { runtime })).output).to.equal('X ok');
    });

    it("feeds each pipeline stage the previous one's output", async () => {
      const ctx = await workflow(async function pipelineFlow(c: ExecutionContext<string>) {
        return await pipeline(upper, exclaim, exclaim, { input: c.input });
      }).run('hey', { runtime });
      expect(ctx.output).to.equal('HEY!!');
      expect(ctx.events.filter((e) => e.type === 'TASK_STARTED').map((e) => e.value)).to.deep.equal([
        ['hey'],
        ['HEY'],
        ['HEY!'],
      ]);
    });
  });
}

describe('parallel outside a workflow', () => {
  it('refuses a cap below one', async () => {
    const error = await parallel([() => Promise.resolve(1)], { maxConcurrent: 0 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(RangeError);
  });
});

describe('the composition examples', () => {
  it('parallel tasks, complex pipeline, cancellation', async () => {
    const { runtime, dispose } = await testRuntime('memory');
    expect((await parallelTasks.run('Ada', { runtime })).output).to.deep.equal({
      greeting: 'Hello, Ada',
      letters: 3,
      reversed: 'adA',
    });
    const best = (await complexPipeline.run('a bb ccc', { runtime })).output as { word: string; score: number };
    expect(['a', 'bb', 'ccc']).to.include(best.word);
    const handle = await cancellation.start(undefined, { runtime });
    await untilEvent(runtime, handle.executionId, (e) => e.type === 'TASK_STARTED' && e.name === 'longReport');
    expect((await cancellation.cancel(handle.executionId, { runtime })).state).to.equal('cancelled');
    await dispose();
  });
});

describe('parallel edge cases', () => {
  it('handles promise items at once even behind capped functions, and starts nothing after failing', async () => {
    const failing = Promise.reject(new Error('boom'));
    const lenient = await parallel([() => Promise.resolve('a'), () => Promise.resolve('b'), failing], {
      maxConcurrent: 1,
      raiseOnError: false,
    });
    expect(lenient).to.deep.equal(['a', 'b', null]);
    const started: number[] = [];
    const second = signal<number>();
    const items = [0, 1, 2, 3].map((i) => () => {
      started.push(i);
      if (i === 0) return Promise.reject(new Error('first fails'));
      return i === 1 ? second.promise : new Promise<number>(() => {});
    });
    const error = await parallel(items, { maxConcurrent: 2 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).message).to.equal('first fails');
    // The second item frees its slot: a block that had not stopped would start the third now.
    second.resolve(1);
    await second.promise;
    await nextTurn();
    expect(started).to.deep.equal([0, 1]);
    const fractional = await parallel([() => Promise.resolve(1)], { maxConcurrent: 1.5 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(fractional).to.be.instanceOf(RangeError);
  });
});
