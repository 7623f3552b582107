/** The runtime's claims on executions: a driver waiting for another to let an execution go is told when it does. */
import { expect } from 'chai';
import { Claims } from '../../runtime/host/claims.js';

describe('claims on executions', () => {
  it('tell whoever waits when an execution is let go, and only that one', async () => {
    const claims = new Claims();
    claims.add('a');
    claims.add('b');
    let aReleased = false;
    const a = claims.released('a').then(() => {
      aReleased = true;
    });
    const b = claims.released('b');
    claims.delete('b');
    await b;
    await new Promise((resolve) => setImmediate(resolve)); // every microtask has run: a release of 'a' would have come
    expect(aReleased).to.equal(false);
    expect(claims.has('a')).to.equal(true);
    claims.delete('a');
    await a;
    expect(aReleased).to.equal(true);
    expect(claims.has('a')).to.equal(false);
  });

  it('answer at once for an execution nobody holds, and hold one once however often it is added', async () => {
    const claims = new Claims();
    await claims.released('free');
    claims.add('x');
    claims.add('x');
    const waiting = [claims.released('x'), claims.released('x')];
    claims.delete('x');
    await Promise.all(waiting);
    expect(claims.has('x')).to.equal(false);
  });
});
