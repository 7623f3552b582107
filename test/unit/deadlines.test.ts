import { expect } from 'chai';
import { Deadlines } from '../../runtime/engine/deadlines.js';

describe('deadlines', () => {
  it('fires the ones not cancelled, earliest first, across several timeout values', async () => {
    const deadlines = new Deadlines();
    const fired: string[] = [];
    deadlines.add(30, () => fired.push('30a'));
    const cancelled = deadlines.add(10, () => fired.push('10-cancelled'));
    deadlines.add(10, () => fired.push('10b'));
    deadlines.add(20, () => fired.push('20'));
    cancelled.cancel();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fired).to.deep.equal(['10b', '20', '30a']);
  });

  it('keeps memory flat when attempts finish in time', () => {
    const deadlines = new Deadlines();
    for (let i = 0; i < 5000; i++) deadlines.add(60_000, () => expect.fail('must not fire')).cancel();
    const queue = (deadlines as unknown as { queues: Map<number, { entries: unknown[] }> }).queues.get(60_000)!;
    expect(queue.entries.length).to.be.below(2100);
  });
});
