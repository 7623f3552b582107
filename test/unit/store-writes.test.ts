/** How the NATS store's writes retry: through a server away for a while, never past their patience, never a refusal. */
import { expect } from 'chai';
import { JetStreamApiError } from '@nats-io/jetstream';
import { ExecutionConflictError } from '../../runtime/engine/errors.js';
import { retrying, WRITE_PATIENCE_MS } from '../../runtime/nats/store-writes.js';
import { ManualClock } from '../fixtures/manual-clock.js';

/** JetStream's answer while a stream has no leader: 503, worth waiting for. */
const noLeader = () =>
  new JetStreamApiError({ code: 503, err_code: 10008, description: 'JetStream system temporarily unavailable' });

/** Runs `retrying` on a manual clock, moving the clock on to the end of each of its waits; resolves with how it ended. */
async function drive<T>(write: () => Promise<T>, clock: ManualClock): Promise<{ value?: T; error?: unknown }> {
  let ended: { value?: T; error?: unknown } | undefined;
  retrying('append to the log of execution x', 'x', write, clock).then(
    (value) => {
      ended = { value };
    },
    (error: unknown) => {
      ended = { error };
    },
  );
  // Each attempt settles in a few microtasks; then either it ended, or it waits on the clock.
  for (let rounds = 0; rounds < 1000; rounds++) {
    await new Promise((resolve) => setImmediate(resolve));
    if (ended) return ended;
    expect(clock.pending).to.equal(1);
    clock.next();
  }
  throw new Error('retrying neither ended nor waited');
}

describe('NATS store writes', () => {
  it('try again while the server is away, until it answers', async () => {
    const clock = new ManualClock();
    let attempts = 0;
    const { value } = await drive(async () => {
      if (++attempts < 5) throw noLeader();
      return 'stored';
    }, clock);
    expect(value).to.equal('stored');
    expect(attempts).to.equal(5);
  });

  it('give up with LOG_WRITE_FAILED once the clock has run past their patience', async () => {
    const clock = new ManualClock();
    const started = clock.now();
    let attempts = 0;
    let lastAttemptAt = 0;
    const { error } = await drive(async () => {
      attempts++;
      lastAttemptAt = clock.now();
      throw noLeader();
    }, clock);
    expect(error).to.include({ code: 'LOG_WRITE_FAILED', executionId: 'x' });
    expect((error as Error).message).to.equal(
      'could not append to the log of execution x: JetStream system temporarily unavailable',
    );
    // Waits of 50 ms doubling up to 1 s: the 35th try, 30.55 s in, is the first past the 30 s of patience.
    expect(WRITE_PATIENCE_MS).to.equal(30_000);
    expect(attempts).to.equal(35);
    expect(lastAttemptAt - started).to.equal(30_550);
  });

  it('fail at once on a full store, a refusal or a conflict', async () => {
    const outcomes: unknown[] = [];
    for (const thrown of [
      new JetStreamApiError({ code: 503, err_code: 10047, description: 'insufficient resources' }),
      new JetStreamApiError({ code: 400, err_code: 10071, description: 'wrong last sequence: 3' }),
      new ExecutionConflictError('x'),
    ]) {
      const clock = new ManualClock();
      const started = clock.now();
      let attempts = 0;
      const { error } = await drive(async () => {
        attempts++;
        throw thrown;
      }, clock);
      outcomes.push([(error as { code?: unknown }).code, attempts, clock.now() - started]);
    }
    expect(outcomes).to.deep.equal([
      ['STORE_FULL', 1, 0],
      ['LOG_WRITE_FAILED', 1, 0],
      ['EXECUTION_CONFLICT', 1, 0],
    ]);
  });
});
