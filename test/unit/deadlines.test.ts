import { expect } from 'chai';
import { Deadlines } from '../../runtime/engine/deadlines.js';
import { TestClock } from '../../runtime/engine/test-clock.js';

describe('deadlines', () => {
  it('fires the ones not cancelled, earliest first, across several timeout values, each at its time', async () => {
    const clock = new TestClock(0);
    const deadlines = new Deadlines(clock);
    const fired: string[] = [];
    const at = (name: string) => () => fired.push(`${name}@${clock.now()}`);
    deadlines.add(30, at('30a'));
    const cancelled = deadlines.add(10, at('10-cancelled'));
    deadlines.add(10, at('10b'));
    deadlines.add(20, at('20'));
    cancelled.cancel();
    await clock.advance(29);
    expect(fired).to.deep.equal(['10b@10', '20@20']);
    await clock.advance(1);
    expect(fired).to.deep.equal(['10b@10', '20@20', '30a@30']);
    expect(clock.pending, 'no timer left').to.equal(0);
  });

  it('keeps no timer a skip would wait for once every attempt has finished', async () => {
    const clock = new TestClock(0);
    const deadlines = new Deadlines(clock);
    deadlines.add(60_000, () => expect.fail('must not fire')).cancel();
    // Armed, but unreferenced: a skip does not wait for it (it has nothing to wait for).
    const error = await clock.skipUntil(new Promise(() => {}), { idleMs: 0 }).catch((e: unknown) => e);
    expect(error).to.have.property('code', 'CLOCK_STUCK');
    expect(clock.now()).to.equal(0);
  });

  it('keeps memory flat when attempts finish in time', () => {
    const deadlines = new Deadlines();
    for (let i = 0; i < 5000; i++) deadlines.add(60_000, () => expect.fail('must not fire')).cancel();
    const queue = (deadlines as unknown as { queues: Map<number, { entries: unknown[] }> }).queues.get(60_000)!;
    expect(queue.entries.length).to.be.below(2100);
  });
});
