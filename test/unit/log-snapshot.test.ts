import { expect } from 'chai';
import { CorruptLogError } from 'flux-actors';
import { decodeSnapshot, encodeSnapshot, type SnapshotEvent } from '../../runtime/nats/log-snapshot.js';

describe('log snapshots', () => {
  const events: SnapshotEvent[] = [
    {
      seq: 1,
      type: 'WORKFLOW_STARTED',
      sourceId: 'e1',
      name: 'flow',
      valueJson: '{"a":"tab\\tand\\nnewline"}',
      time: 1700000000000,
    },
    {
      seq: 2,
      type: 'TASK_STARTED',
      sourceId: 'odd\tid"',
      name: 'name with\nnewline',
      valueJson: '[1]',
      time: 1700000000001,
    },
    {
      seq: 3,
      type: 'TASK_COMPLETED',
      sourceId: 'odd\tid"',
      name: 'name with\nnewline',
      valueJson: undefined,
      time: 1700000000002,
      quick: true,
    },
    {
      seq: 4,
      type: 'TASK_COMPLETED',
      sourceId: 'big_1',
      name: 'big',
      valueJson: undefined,
      objectName: 'e1/4',
      time: 1700000000003,
    },
    { seq: 5, type: 'WORKFLOW_PAUSED', sourceId: 'e1', name: 'flow', valueJson: '""', time: 1700000000004 },
  ];

  it('give back every field as written, odd names, no value and object references included', () => {
    const decoded = decodeSnapshot(encodeSnapshot({ streamSeq: 42, events }), 'e1');
    expect(decoded.streamSeq).to.equal(42);
    expect(decoded.events).to.deep.equal(events);
  });

  it('keep the workflow version of each run (a log may hold several), and read a bare one as the first', () => {
    const runs: SnapshotEvent[] = [
      { ...events[0]!, version: '1.2' },
      { seq: 2, type: 'WORKFLOW_COMPLETED', sourceId: 'e1', name: 'flow', valueJson: '1', time: 1 },
      { seq: 3, type: 'WORKFLOW_STARTED', sourceId: 'e1', name: 'flow', valueJson: '2', time: 2, version: 'v10' },
    ];
    const text = encodeSnapshot({ streamSeq: 7, events: runs });
    expect(text.split('\n')[0]).to.equal('flux-log-snapshot 1 7 3 1=1.2,3=v10');
    expect(decodeSnapshot(text, 'e1').events).to.deep.equal(runs);
    const bare = text.replace('1=1.2,3=v10', '1.2');
    expect(decodeSnapshot(bare, 'e1').events[0]!.version).to.equal('1.2');
    expect(() => decodeSnapshot(text.replace('3=v10', '9=v10'), 'e1')).to.throw(CorruptLogError, /event 9/);
  });

  it('refuse a text that is not a whole snapshot, naming the execution', () => {
    const text = encodeSnapshot({ streamSeq: 42, events });
    const cut = text.slice(0, text.lastIndexOf('\n'));
    expect(() => decodeSnapshot(cut, 'e1')).to.throw(CorruptLogError, /e1.*holds 4 events, its header says 5/);
    expect(() => decodeSnapshot('not a snapshot', 'e1')).to.throw(CorruptLogError, /not a version 1 snapshot/);
    expect(() => decodeSnapshot(text.replace('\t2\t', '\t3\t').replace('TASK_STARTED', 'NO_SUCH_TYPE'), 'e1')).to.throw(
      CorruptLogError,
      /line 3 is malformed/,
    );
  });
});
