import { expect } from 'chai';
import { Replay } from '../../runtime/replay.js';
import type { EventType, StoredEvent } from '../../runtime/events.js';

let seq = 0;
const ev = (type: EventType, sourceId: string, valueJson?: string): StoredEvent => ({
  seq: ++seq, type, sourceId, name: sourceId.split('_')[0]!, valueJson, time: '2026-01-01T00:00:00.000Z',
});

describe('the replay engine', () => {
  it('matches recorded, open and new calls', () => {
    const replay = new Replay([ev('TASK_STARTED', 'a_1', '[1]'), ev('TASK_COMPLETED', 'a_1', '2'), ev('TASK_STARTED', 'b_1', '[]')], () => false);
    expect(replay.match('a_1')).to.include({ kind: 'recorded' });
    expect(replay.match('b_1')).to.include({ kind: 'open' });
    expect(replay.match('c_1')).to.deep.equal({ kind: 'new' });
    expect(replay.firstUnmatched()).to.equal(undefined);
  });

  it('names the first recorded call not reached, with its position and arguments', () => {
    const replay = new Replay([ev('TASK_STARTED', 'a_1', '[1]'), ev('TASK_COMPLETED', 'a_1', '2'), ev('TASK_STARTED', 'b_1', '["x"]'), ev('TASK_COMPLETED', 'b_1')], () => false);
    replay.match('a_1');
    expect(replay.firstUnmatched()).to.include({ taskId: 'b_1', position: 2, argsJson: '["x"]' });
  });

  it('delivers outcomes in recorded order whatever order the calls come in', async () => {
    const replay = new Replay([
      ev('TASK_STARTED', 'a_1'), ev('TASK_STARTED', 'b_1'), ev('TASK_STARTED', 'c_1'),
      ev('TASK_COMPLETED', 'c_1', '"c"'), ev('TASK_COMPLETED', 'a_1', '"a"'), ev('TASK_COMPLETED', 'b_1', '"b"'),
    ], () => false);
    const delivered: string[] = [];
    const all = ['a_1', 'b_1', 'c_1'].map((id) => new Promise<void>((resolve) => {
      replay.match(id);
      replay.deliver(id, (outcome) => (delivered.push(JSON.parse(outcome.valueJson!) as string), resolve()));
    }));
    expect(delivered).to.deep.equal([]); // never inside the call that asked
    await Promise.all(all);
    expect(delivered).to.deep.equal(['c', 'a', 'b']);
  });

  it('stops insisting on the recorded order rather than hang when the body never asks for the next outcome', async () => {
    const replay = new Replay([
      ev('TASK_STARTED', 'a_1'), ev('TASK_STARTED', 'b_1'), ev('TASK_COMPLETED', 'a_1', '1'), ev('TASK_COMPLETED', 'b_1', '2'),
    ], () => false);
    replay.match('b_1');
    const outcome = await new Promise<StoredEvent>((resolve) => replay.deliver('b_1', resolve));
    expect(outcome.valueJson).to.equal('2');
    expect(replay.firstUnmatched()).to.include({ taskId: 'a_1' });
  });

  it('waits while live work is in flight before giving up the order', async () => {
    let busy = true;
    const replay = new Replay([
      ev('TASK_STARTED', 'a_1'), ev('TASK_STARTED', 'b_1'), ev('TASK_COMPLETED', 'a_1', '1'), ev('TASK_COMPLETED', 'b_1', '2'),
    ], () => busy);
    let delivered = false;
    replay.deliver('b_1', () => (delivered = true));
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(delivered).to.equal(false);
    busy = false;
    replay.poke();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(delivered).to.equal(true);
  });
});
