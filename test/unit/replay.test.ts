import { expect } from 'chai';
import { Replay, type RecordedCall } from '../../runtime/engine/replay.js';
import { Delivery } from '../../runtime/engine/delivery.js';
import { argumentsHash, callBase, callId } from '../../runtime/engine/identity.js';
import type { EventType, StoredEvent } from '../../runtime/engine/events.js';
import { nextTurn, until } from '../fixtures/wait-for.js';

let seq = 0;
/** The id the runtime gives the n-th call of `name` with these arguments. */
const id = (name: string, argsJson = '[]', n = 1) => callId(callBase(name, argumentsHash(argsJson)), n);
const ev = (type: EventType, sourceId: string, valueJson?: string): StoredEvent => ({
  seq: ++seq,
  type,
  sourceId,
  name: sourceId.split('_')[0]!,
  valueJson,
  time: 0,
});
const started = (name: string, argsJson = '[]', n = 1) => ev('TASK_STARTED', id(name, argsJson, n), argsJson);
const completed = (name: string, value: string, argsJson = '[]', n = 1) =>
  ev('TASK_COMPLETED', id(name, argsJson, n), value);

describe('the replay engine', () => {
  it('identifies recorded, open and new calls, counting repeated calls apart', () => {
    const replay = new Replay([started('a', '[1]'), completed('a', '2', '[1]'), started('a', '[1]', 2), started('b')]);
    const first = replay.identify('a', '[1]') as RecordedCall;
    expect(first.outcome?.valueJson).to.equal('2');
    const second = replay.identify('a', '[1]') as RecordedCall;
    expect(second.taskId).to.equal(id('a', '[1]', 2));
    expect(second.outcome).to.equal(undefined); // started, never finished: runs again
    expect(replay.identify('a', '[1]')).to.equal(id('a', '[1]', 3));
    expect(replay.firstUnmatched()).to.include({ taskId: id('b'), position: 3 });
    expect(replay.identify('b', '[]')).to.include({ taskId: id('b') });
    expect(replay.firstUnmatched()).to.equal(undefined);
  });

  it('names the first recorded call not reached, with its position and arguments', () => {
    const replay = new Replay([
      started('a', '[1]'),
      completed('a', '2', '[1]'),
      started('b', '["x"]'),
      completed('b', '1', '["x"]'),
    ]);
    replay.identify('a', '[1]');
    expect(replay.firstUnmatched()).to.include({ taskId: id('b', '["x"]'), position: 2, argsJson: '["x"]', name: 'b' });
  });

  it('delivers outcomes in recorded order whatever order the calls come in, one turn each', async () => {
    const replay = new Replay([
      started('a'),
      started('b'),
      started('c'),
      completed('c', '"c"'),
      completed('a', '"a"'),
      completed('b', '"b"'),
    ]);
    const delivery = new Delivery(replay);
    const delivered: string[] = [];
    const all = ['a', 'b', 'c'].map(
      (name) =>
        new Promise<void>((resolve) => {
          const call = replay.identify(name, '[]') as RecordedCall;
          delivery.replayed(call, (outcome) => {
            delivered.push(JSON.parse(outcome.valueJson!) as string);
            resolve();
          });
        }),
    );
    expect(delivered).to.deep.equal([]); // never inside the call that asked
    await Promise.all(all);
    expect(delivered).to.deep.equal(['c', 'a', 'b']);
  });

  it('hands a quick outcome over at its gate, within the turn, and any other on a turn of its own', async () => {
    const quick = (e: StoredEvent) => ({ ...e, quick: true });
    const replay = new Replay([started('a'), quick(completed('a', '1')), started('b'), completed('b', '2')]);
    const delivery = new Delivery(replay);
    const seen: string[] = [];
    delivery.replayed(replay.identify('a', '[]') as RecordedCall, () => seen.push('a'));
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(seen).to.deep.equal([]); // not inside the call, nor at the very next step
    for (let i = 0; i < 10; i++) await null;
    expect(seen).to.deep.equal(['a']); // but before this turn of the event loop ends
    delivery.replayed(replay.identify('b', '[]') as RecordedCall, () => seen.push('b'));
    for (let i = 0; i < 20; i++) await null;
    expect(seen).to.deep.equal(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).to.deep.equal(['a', 'b']);
  });

  it('stops insisting on the recorded order rather than hang when the body never asks for the next outcome', async () => {
    const replay = new Replay([started('a'), started('b'), completed('a', '1'), completed('b', '2')]);
    const delivery = new Delivery(replay);
    const b = replay.identify('b', '[]') as RecordedCall;
    const outcome = await new Promise<StoredEvent>((resolve) => delivery.replayed(b, resolve));
    expect(outcome.valueJson).to.equal('2');
    expect(replay.firstUnmatched()).to.include({ taskId: id('a') });
  });

  it('waits while live work runs before giving up the order, and delivers live results after recorded ones', async () => {
    const replay = new Replay([started('a'), started('b'), completed('a', '1'), completed('b', '2')]);
    const delivery = new Delivery(replay);
    const order: string[] = [];
    const ticket = delivery.liveStarted(); // a call that ran again after a crash, say
    delivery.replayed(replay.identify('b', '[]') as RecordedCall, () => order.push('b'));
    // The stall check runs on the next turn: with the live call still running, it keeps the order.
    await nextTurn();
    await nextTurn();
    expect(order).to.deep.equal([]);
    delivery.liveArrived(ticket, () => order.push('live'));
    await until(() => order.length === 2 || undefined);
    expect(order).to.deep.equal(['b', 'live']);
  });
});
