import { expect } from 'chai';
import { MAX_TIMER_MS, setLongTimeout, type TimerFunctions, type TimerHandle } from '../../runtime/engine/timers.js';

/** Node's timer functions as a test drives them: armed timers are listed, and fired by hand. */
function fakeTimers() {
  const armed: { fn: () => void; ms: number; handle: TimerHandle & { referenced: boolean; cleared: boolean } }[] = [];
  const timers: TimerFunctions = {
    setTimeout(fn, ms) {
      const handle = {
        referenced: true,
        cleared: false,
        unref() {
          handle.referenced = false;
        },
        ref() {
          handle.referenced = true;
        },
      };
      armed.push({ fn, ms, handle });
      return handle;
    },
    clearTimeout(handle) {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  return { timers, armed };
}

describe('long timeouts', () => {
  it('wait longer than a Node timer can (2^31 ms and more) by re-arming in chunks Node keeps', () => {
    const { timers, armed } = fakeTimers();
    let fired = 0;
    const total = 2 * MAX_TIMER_MS + 5000; // ~49.7 days
    setLongTimeout(() => fired++, total, timers);
    // Each chunk is one Node can keep; the whole duration passes before the callback.
    expect(armed.map((t) => t.ms)).to.deep.equal([MAX_TIMER_MS]);
    armed[0]!.fn();
    expect(fired).to.equal(0);
    expect(armed.map((t) => t.ms)).to.deep.equal([MAX_TIMER_MS, MAX_TIMER_MS]);
    armed[1]!.fn();
    expect(fired).to.equal(0);
    expect(armed.map((t) => t.ms)).to.deep.equal([MAX_TIMER_MS, MAX_TIMER_MS, 5000]);
    armed[2]!.fn();
    expect(fired).to.equal(1);
    expect(armed).to.have.length(3);
  });

  it('is cleared between chunks, and an unref reaches the chunks armed later', () => {
    const { timers, armed } = fakeTimers();
    let fired = 0;
    const timer = setLongTimeout(() => fired++, MAX_TIMER_MS + 1, timers).unref();
    expect(armed[0]!.handle.referenced).to.equal(false);
    armed[0]!.fn();
    expect(armed[1]!).to.include({ ms: 1 });
    expect(armed[1]!.handle.referenced, 'the next chunk is unref-ed too').to.equal(false);
    timer.clear();
    expect(armed[1]!.handle.cleared).to.equal(true);
    armed[1]!.fn(); // a chunk whose clear came too late to stop Node's callback
    expect(fired).to.equal(0);
    expect(armed).to.have.length(2);
  });

  // Real time on purpose: what is measured is Node's own timers, which only real time moves.
  it('fires a short one once, after its delay, on Node timers', async () => {
    const order: string[] = [];
    setLongTimeout(() => order.push('long helper, 5 ms'), 5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    order.push('node, 10 ms');
    expect(order).to.deep.equal(['long helper, 5 ms', 'node, 10 ms']);
  });
});
