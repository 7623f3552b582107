/**
 * `follow`: an execution's events once each, logged then live, and its end, whatever the order in
 * which the watch and the reads see them. A stand-in backend plays the two ways NATS differs from a
 * single process: a read that lags the events heard, and events the watch misses (a reconnect) and
 * hands over later, after some that came since.
 */
import { expect } from 'chai';
import { follow, type Backend } from '../../control/backend.js';
import { ExecutionContext } from '../../runtime/engine/execution-context.js';
import type { ExecutionEvent, StoredEvent } from '../../runtime/engine/events.js';
import type { ExecutionState } from '../../runtime/engine/execution-state.js';
import { TestClock } from '../../runtime/engine/test-clock.js';
import { nextTurn, until } from '../fixtures/wait-for.js';

const ID = 'exec-follow';
const LOG: StoredEvent[] = [
  { seq: 1, type: 'WORKFLOW_STARTED', sourceId: ID, name: 'wf', valueJson: '1', time: 0 },
  { seq: 2, type: 'TASK_STARTED', sourceId: 't_1', name: 't', valueJson: '[1]', time: 0 },
  { seq: 3, type: 'TASK_PAUSED', sourceId: 't_1', name: 't', valueJson: '"why"', time: 0 },
  { seq: 4, type: 'WORKFLOW_PAUSED', sourceId: ID, name: 'wf', valueJson: '"why"', time: 0 },
];

/** A backend whose log shows `visible()` events, and whose watch hands over what `live` is given. */
function standIn(visible: () => number): { backend: Backend; live: (seq: number) => void; reads: () => number } {
  let reads = 0;
  let listener: ((event: ExecutionEvent) => void) | undefined;
  const contextOf = (count: number) => {
    const log = LOG.slice(0, count);
    const state: ExecutionState = count >= 4 ? 'paused' : 'running';
    return new ExecutionContext({ executionId: ID, name: 'wf', state, log });
  };
  const backend = {
    inspect: async () => {
      reads++;
      return contextOf(visible());
    },
    watch: (_id: string, onEvent: (event: ExecutionEvent) => void) => {
      listener = onEvent;
      return () => (listener = undefined);
    },
  } as unknown as Backend;
  return { backend, live: (seq) => listener?.(contextOf(seq).events[seq - 1]!), reads: () => reads };
}

function following(backend: Backend, clock?: TestClock): Promise<{ seqs: string[]; settled: ExecutionContext }> {
  const seqs: string[] = [];
  return new Promise((resolve, reject) => {
    follow(
      backend,
      ID,
      (event) => seqs.push(event.id),
      (settled) => resolve({ seqs, settled }),
      reject,
      { clock },
    );
  });
}

describe("follow: an execution's events once each, then its end", () => {
  it('ends when the live pause arrives before a read shows it, reading again until it does', async () => {
    let shown = 3;
    const clock = new TestClock();
    const { backend, live, reads } = standIn(() => shown);
    const result = following(backend, clock);
    await nextTurn(); // the first read is done (the stand-in answers at once)
    expect(reads()).to.equal(1);
    live(4); // heard, but the log does not show it yet
    await until(() => clock.pending === 1); // the read it asked for was behind: another is due
    expect(reads()).to.equal(2);
    await clock.advance(50);
    await until(() => clock.pending === 1); // still behind: read again while behind
    expect(reads()).to.equal(3);
    shown = 4;
    await clock.advance(50);
    const { seqs, settled } = await result;
    expect(reads()).to.equal(4);
    expect(settled.state).to.equal('paused');
    expect(seqs).to.deep.equal([`${ID}:1`, `${ID}:2`, `${ID}:3`, `${ID}:4`]);
  });

  it('fills from the log, in order, the events the watch missed (a reconnect) before one heard after them', async () => {
    let shown = 2;
    const { backend, live, reads } = standIn(() => shown);
    const seqs: string[] = [];
    const settled = new Promise<ExecutionContext>((resolve, reject) => {
      follow(
        backend,
        ID,
        (event) => {
          seqs.push(event.id);
          if (seqs.length === 2) {
            shown = 4; // 3 and 4 are logged; the watch hands over only 4
            live(4);
          }
        },
        resolve,
        reject,
      );
    });
    expect((await settled).state).to.equal('paused');
    expect(seqs).to.deep.equal([`${ID}:1`, `${ID}:2`, `${ID}:3`, `${ID}:4`]);
    expect(reads()).to.equal(2); // the first read, and the one the gap asked for
  });

  it('reads the log once while nothing happens: a quiet execution costs no reads', async () => {
    const { backend, live, reads } = standIn(() => 2);
    const seqs: string[] = [];
    const stop = follow(
      backend,
      ID,
      (event) => seqs.push(event.id),
      undefined,
      (error) => expect.fail(error.message),
    );
    for (let i = 0; i < 20; i++) {
      live(1); // repeats of what was delivered, as a watch may hand over: dropped without a read
      live(2);
      await new Promise((resolve) => setImmediate(resolve));
    }
    stop();
    expect(seqs).to.deep.equal([`${ID}:1`, `${ID}:2`]);
    expect(reads()).to.equal(1);
  });
});
