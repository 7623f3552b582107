import { expect } from 'chai';
import { TestClock, type FluxError } from 'flux-actors';
import { repeat, wait } from '../../runtime/engine/clock.js';

const START = Date.parse('2025-01-01T00:00:00Z');
const HOUR = 3_600_000;

/** The error a promise rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<FluxError> {
  try {
    await promise;
  } catch (error) {
    return error as FluxError;
  }
  throw new Error('expected a rejection');
}

describe('TestClock', () => {
  it('starts where it is told, and by default at the real time', () => {
    expect(new TestClock(START).now()).to.equal(START);
    expect(new TestClock(new Date(START)).now()).to.equal(START);
    const before = Date.now();
    const now = new TestClock().now();
    expect(now).to.be.within(before, Date.now());
    expect(() => new TestClock(Number.NaN)).to.throw(/finite time/);
  });

  it('advance fires the timers due, in time order, each at its due time, and stops at the target', async () => {
    const clock = new TestClock(START);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`c@${clock.now() - START}`), 30);
    clock.setTimeout(() => fired.push(`a@${clock.now() - START}`), 10);
    clock.setTimeout(() => fired.push(`b@${clock.now() - START}`), 10);
    clock.setTimeout(() => fired.push('too late'), 31);
    await clock.advance(30);
    expect(fired).to.deep.equal(['a@10', 'b@10', 'c@30']);
    expect(clock.now()).to.equal(START + 30);
    expect(clock.pending).to.equal(1);
    expect(clock.next).to.equal(START + 31);
  });

  it('lets the promise jobs a timer starts run before the next timer fires', async () => {
    const clock = new TestClock(START);
    const order: string[] = [];
    clock.setTimeout(
      () =>
        void Promise.resolve()
          .then(() => order.push('first, a job later'))
          .then(() => order.push('first, two jobs later')),
      5,
    );
    clock.setTimeout(() => order.push('second'), 6);
    await clock.advance(6);
    expect(order).to.deep.equal(['first, a job later', 'first, two jobs later', 'second']);
  });

  it('fires, in the same advance, a timer armed on the way that falls within it; a later one waits', async () => {
    const clock = new TestClock(START);
    const fired: string[] = [];
    clock.setTimeout(() => {
      fired.push(`first@${clock.now() - START}`);
      clock.setTimeout(() => fired.push(`within@${clock.now() - START}`), 5);
      clock.setTimeout(() => fired.push(`beyond@${clock.now() - START}`), 20);
    }, 10);
    await clock.advance(25);
    expect(fired).to.deep.equal(['first@10', 'within@15']);
    await clock.advance(5);
    expect(fired).to.deep.equal(['first@10', 'within@15', 'beyond@30']);
  });

  it("takes durations as strings ('7d'), and refuses nonsense", async () => {
    const clock = new TestClock(START);
    await clock.advance('7d');
    expect(clock.now()).to.equal(START + 7 * 24 * HOUR);
    const error = await rejection(clock.advance('soon'));
    expect(error).to.be.instanceOf(RangeError);
    expect(error.message).to.match(/invalid duration/);
  });

  it('never fires a cleared timer, nor one of Infinity; fires NaN and negative delays at once', async () => {
    const clock = new TestClock(START);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('cleared'), 10).clear();
    clock.setTimeout(() => fired.push('never'), Number.POSITIVE_INFINITY);
    clock.setTimeout(() => fired.push('NaN'), Number.NaN);
    clock.setTimeout(() => fired.push('negative'), -5);
    expect(clock.pending).to.equal(2);
    await clock.advance(0);
    await clock.advance('3650d');
    expect(fired).to.deep.equal(['NaN', 'negative']);
    expect(clock.pending).to.equal(0);
  });

  it('repeats a periodic timer once per period passed, until cleared', async () => {
    const clock = new TestClock(START);
    const ticks: number[] = [];
    const timer = repeat(clock, () => ticks.push(clock.now() - START), 100);
    await clock.advance(350);
    expect(ticks).to.deep.equal([100, 200, 300]);
    timer.clear();
    await clock.advance(1000);
    expect(ticks).to.deep.equal([100, 200, 300]);
  });

  describe('skipUntil', () => {
    it('skips from timer to timer until the promise settles, and returns what it resolves with', async () => {
      const clock = new TestClock(START);
      const steps: number[] = [];
      const work = (async () => {
        await wait(clock, HOUR);
        steps.push(clock.now() - START);
        await wait(clock, 2 * HOUR);
        steps.push(clock.now() - START);
        return 'done';
      })();
      const realStart = performance.now();
      expect(await clock.skipUntil(work)).to.equal('done');
      expect(performance.now() - realStart, 'real ms').to.be.below(1000);
      expect(steps).to.deep.equal([HOUR, 3 * HOUR]);
      expect(clock.now()).to.equal(START + 3 * HOUR);
    });

    it('rejects as the promise does', async () => {
      const clock = new TestClock(START);
      const failing = wait(clock, HOUR).then(() => {
        throw new Error('after an hour');
      });
      expect((await rejection(clock.skipUntil(failing))).message).to.equal('after an hour');
      expect(clock.now()).to.equal(START + HOUR);
    });

    it('does not move the time for a timer nothing waits for (unref-ed), but fires it when passing it', async () => {
      const clock = new TestClock(START);
      const fired: number[] = [];
      clock.setTimeout(() => fired.push(clock.now() - START), 10).unref();
      await clock.skipUntil(wait(clock, 20));
      expect(fired).to.deep.equal([10]);
      expect(clock.now()).to.equal(START + 20);
      clock.setTimeout(() => fired.push(clock.now() - START), 10).unref();
      const error = await rejection(clock.skipUntil(new Promise(() => {}), { idleMs: 0 }));
      expect(error.code).to.equal('CLOCK_STUCK');
      expect(clock.now(), 'no move to the unref-ed timer').to.equal(START + 20);
    });

    it('fails with CLOCK_STUCK when the promise waits for something no timer brings', async () => {
      const clock = new TestClock(START);
      const error = await rejection(clock.skipUntil(new Promise(() => {}), { idleMs: 0 }));
      expect(error.code).to.equal('CLOCK_STUCK');
      expect(error.message).to.match(/no timer/);
    });

    it('fails with CLOCK_LIMIT rather than skip past its limit', async () => {
      const clock = new TestClock(START);
      const ticking = repeat(clock, () => undefined, HOUR);
      const error = await rejection(clock.skipUntil(new Promise(() => {}), { limit: '1d' }));
      ticking.clear();
      expect(error.code).to.equal('CLOCK_LIMIT');
      expect(clock.now()).to.equal(START + 24 * HOUR);
    });

    it('refuses to run beside another advance of the same clock', async () => {
      const clock = new TestClock(START);
      const first = clock.skipUntil(wait(clock, HOUR));
      const error = await rejection(clock.advance(1));
      expect(error.code).to.equal('CLOCK_BUSY');
      await first;
      await clock.advance(1); // free again once the first is done
      expect(clock.now()).to.equal(START + HOUR + 1);
    });
  });
});
