import { expect } from 'chai';
import { workflow, task, pause, sleep, now, type ExecutionContext, type Runtime, type TestClock } from 'flux-actors';
import { STORE_KINDS, testRuntime, useTestClock } from '../fixtures/runtimes.js';
import { nextTurn, signal } from '../fixtures/wait-for.js';

// Task bodies here wait on the runtime's test clock (a task body's `sleep`): which one finishes
// first is decided by the durations, not left to real time, and the same on every run.
const quote = task(async function quote(vendor: string, ms: number) {
  await sleep(ms);
  return `${vendor}-quote`;
});
const escalate = task(async function escalate() {
  return 'escalated';
});

/** Takes the first quote; a vendor that answers before any winner exists is escalated, a later one ignored. */
const firstQuote = workflow(async function firstQuote() {
  let winner: string | undefined;
  const a = quote('acme', 1);
  const b = quote('globex', 15);
  const race = Promise.race([a, b]).then((q) => (winner = q));
  const late = await b.then(async () => (winner ? 'ignored' : await escalate()));
  await race;
  const approval = await pause<string>('approve');
  return { winner, late, approval };
});

// A seeded random mix of concurrent branches, each a chain of task calls, with or without a race.
const step = task(async function fuzzStep(branch: number, index: number, ms: number) {
  if (ms >= 0) await sleep(ms);
  return `${branch}.${index}`;
});
let shape: number[][] = [];
let useRace = false;
let firstTrace: string[] = [];
const branches = workflow(async function randomBranches() {
  const trace: string[] = [];
  const running = shape.map((steps, b) =>
    (async () => {
      for (let s = 0; s < steps.length; s++) trace.push(await step(b, s, steps[s]!));
      return b;
    })(),
  );
  if (useRace) trace.push(`race:${await Promise.race(running)}`);
  await Promise.all(running);
  firstTrace = [...trace];
  await pause('end');
  return trace;
});

for (const kind of STORE_KINDS) {
  describe(`concurrency and replay (${kind} store)`, function () {
    this.timeout(60_000);
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });

    it('replays a race whose outcome decides what is called next, as it ran', async () => {
      const paused = await clock.skipUntil(firstQuote.run(undefined, { runtime }));
      const done = await firstQuote.resume(paused.executionId, 'yes', { runtime });
      expect(done.state, JSON.stringify(done.error)).to.equal('succeeded');
      expect(done.output).to.deep.equal({ winner: 'acme-quote', late: 'ignored', approval: 'yes' });
    });

    it('replays random concurrent branches and races exactly as they first ran', async () => {
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      for (let i = 0; i < 40; i++) {
        shape = Array.from({ length: 2 + random(3) }, () =>
          Array.from({ length: 1 + random(4) }, () => [-1, 0, 1, 2, 5][random(5)]!),
        );
        useRace = random(2) === 0;
        const paused = await clock.skipUntil(branches.run(undefined, { runtime }));
        const original = firstTrace;
        const done = await branches.resume(paused.executionId, null, { runtime });
        expect(done.state, `shape ${JSON.stringify(shape)}: ${JSON.stringify(done.error)}`).to.equal('succeeded');
        expect(done.output, `shape ${JSON.stringify(shape)} race ${useRace}`).to.deep.equal(original);
      }
    });

    it('replays a body that runs plain async code beside a task that finishes at once, in the same order', async () => {
      const fetchPrice = task(async function fetchPriceNow(sku: string) {
        return sku.length * 7;
      });
      const save = task(async function saveSummary(summary: string) {
        return summary;
      });
      async function validate(sku: string): Promise<string> {
        const trimmed = await Promise.resolve(sku.trim()); // no task, a few steps of its own
        return await Promise.resolve(trimmed.toUpperCase());
      }
      const flow = workflow(async function priceCheck() {
        const seen: string[] = [];
        await Promise.all([
          validate(' ab-1 ').then((s) => seen.push(`valid ${s}`)),
          fetchPrice('ab-1').then((p) => seen.push(`price ${p}`)),
        ]);
        const raced = await Promise.race([fetchPrice('x'), Promise.resolve('default')]);
        await save(`${seen.join('; ')} | ${String(raced)}`);
        await pause('review');
        return seen;
      });
      const paused = await flow.run(undefined, { runtime });
      const saved = paused.events.find((e) => e.name === 'saveSummary' && e.type === 'TASK_STARTED')!.value;
      const done = await flow.resume(paused.executionId, null, { runtime });
      expect(done.state, JSON.stringify(done.error)).to.equal('succeeded');
      expect(saved).to.deep.equal([`${(done.output as string[]).join('; ')} | default`]);
    });

    it('does not count a pause whose output was refused, so the next pause keeps its identity', async () => {
      const flow = workflow(async function refusedPauseOutput() {
        let note = '';
        try {
          await pause('approve', { at: new Date(0) });
        } catch (error) {
          note = (error as Error).name;
        }
        return `${note}: ${await pause<string>('approve', { at: 0 })}`;
      });
      const paused = await flow.run(undefined, { runtime });
      const done = await flow.resume(paused.executionId, 'yes', { runtime });
      expect(done.state).to.equal('succeeded');
      expect(done.output).to.equal('SerializationError: yes');
    });

    it('reports a pause at once; a task still running finishes and is recorded, and the resume does not run it again', async () => {
      let charges = 0;
      const charge = task(async function chargeDuringPause(amount: number) {
        await sleep(10); // still running when the body pauses
        charges++;
        return `receipt-${amount}`;
      });
      const flow = workflow(async function pauseBesideTask(ctx: ExecutionContext<number>) {
        const [receipt, approver] = await Promise.all([charge(ctx.input), pause<string>('approval')]);
        return `${receipt} by ${approver}`;
      });
      // As Flux reports it: paused at once, not after the task beside the pause has finished.
      const paused = await flow.run(40, { runtime });
      expect(paused.state).to.equal('paused');
      expect(paused.events.map((e) => e.type).slice(-2)).to.deep.equal(['TASK_PAUSED', 'WORKFLOW_PAUSED']);
      expect(charges, 'the charge is still running').to.equal(0);
      const done = await clock.skipUntil(flow.resume(paused.executionId, 'ada', { runtime }));
      expect(done.output).to.equal('receipt-40 by ada');
      expect(charges).to.equal(1);
      const types = done.events.map((e) => e.type);
      expect(types.filter((t) => t === 'TASK_STARTED').length, 'the charge was not sent again').to.equal(2);
    });

    it('lets a body that paused start nothing more, and changes nothing it returned', async () => {
      let notified = 0;
      const notify = task(async function notifyLater() {
        notified++;
      });
      let later = signal(); // what the body waits for before it calls notify: the test decides when
      const tried = signal();
      const flow = workflow(async function pausesThenNotifies() {
        const notifying = later.promise.then(() => {
          const call = notify();
          tried.resolve(); // the call was made: refused, or started at once
          return call;
        });
        await Promise.all([pause('p'), notifying]);
        return 'ok';
      });
      const paused = await flow.run(undefined, { runtime });
      const eventsAtPause = paused.events.length;
      later.resolve(); // the body left behind calls notify now
      await tried.promise;
      await nextTurn();
      expect(notified).to.equal(0);
      expect(paused.events).to.have.length(eventsAtPause);
      expect((await runtime.inspect(paused.executionId)).events).to.have.length(eventsAtPause);
      later = signal();
      const resuming = flow.resume(paused.executionId, null, { runtime });
      later.resolve();
      const done = await resuming;
      expect(done.output).to.equal('ok');
      expect(notified).to.equal(1);
      // One call of notify, made by the resumed run: nothing of the body left behind reached the log.
      const types = done.events.map((e) => `${e.type} ${e.name}`);
      expect(types.filter((t) => t === 'TASK_STARTED notifyLater')).to.have.length(1);
      expect(types.indexOf('TASK_STARTED notifyLater')).to.be.above(
        types.indexOf('WORKFLOW_RESUMED pausesThenNotifies'),
      );
    });

    it('lets only one of two concurrent resumes in one runtime drive the execution', async () => {
      let runs = 0;
      const once = task(async function runsOnceOnResume(value: string) {
        runs++;
        return value;
      });
      const flow = workflow(async function resumedTwice() {
        return await once(await pause<string>('p'));
      });
      const paused = await flow.run(undefined, { runtime });
      const results = await Promise.allSettled([
        flow.resume(paused.executionId, 'one', { runtime }),
        flow.resume(paused.executionId, 'two', { runtime }),
      ]);
      expect(results.map((r) => r.status).sort()).to.deep.equal(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).to.include({ code: 'INVALID_EXECUTION_STATE', state: 'running' });
      expect(runs).to.equal(1);
      expect((await runtime.inspect(paused.executionId)).output).to.equal('one');
    });

    it('waits, after a resume, only for what remains of a sleep that ran beside the pause', async () => {
      const flow = workflow(async function sleepBesidePause() {
        const started = await now();
        await Promise.all([sleep('600ms'), pause('p')]);
        return (await now()).getTime() - started.getTime();
      });
      const paused = await clock.skipUntil(flow.run(undefined, { runtime }));
      await clock.advance('400ms'); // the pause lasts 400 ms
      const resumedAt = clock.now();
      const done = await clock.skipUntil(flow.resume(paused.executionId, null, { runtime }));
      expect(done.output, 'from the start to the end of the sleep').to.equal(600);
      expect(clock.now() - resumedAt, 'what remained of it').to.equal(200);
      expect(done.events.filter((e) => e.name === 'sleep').map((e) => e.type)).to.deep.equal([
        'TASK_STARTED',
        'TASK_COMPLETED',
      ]);
    });
  });
}

describe('the delivery schedule of a sequential workflow', () => {
  it('hands over the outcome of a task that finishes at once within the turn it was called in', async () => {
    // Guards the cost of a plain step: if the executor's path grows past the gate, every step of a
    // sequential workflow waits for a turn of the event loop, live and on every replay.
    const { runtime, dispose } = await testRuntime('memory');
    const plain = task(async function quickPlain(i: number) {
      return i + 1;
    });
    const guarded = task.withOptions({ retryMaxAttempts: 2, timeout: '10s', fallback: async () => 0 })(
      async function quickGuarded(i: number) {
        return i + 1;
      },
    );
    const flow = workflow(async function quickSteps() {
      let v = 0;
      for (let i = 0; i < 10; i++) v = await guarded(await plain(v));
      return v;
    });
    const ctx = await flow.run(undefined, { runtime });
    expect(ctx.output).to.equal(20);
    const { store } = runtime as unknown as {
      store: { load(id: string): Promise<{ type: string; quick?: boolean }[]> };
    };
    const outcomes = (await store.load(ctx.executionId)).filter((e) => e.type === 'TASK_COMPLETED');
    expect(outcomes.filter((e) => e.quick)).to.have.length(20);
    await dispose();
  });
});
