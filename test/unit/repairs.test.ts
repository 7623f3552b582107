/** Which calls a retry runs again, and which steps a fork takes over: decided from the log alone. */
import { expect } from 'chai';
import type { EventType, StoredEvent } from '../../runtime/engine/events.js';
import { failedCalls, replayView } from '../../runtime/engine/retry.js';
import { forkedEvents, ownEventsFrom } from '../../runtime/engine/fork.js';

/** A log from `[type, sourceId, value?]` rows, numbered from 1. */
function log(...rows: [EventType, string, unknown?][]): StoredEvent[] {
  return rows.map(([type, sourceId, value], i) => ({
    seq: i + 1,
    type,
    sourceId,
    name: sourceId.split('_')[0]!,
    valueJson: value === undefined ? undefined : JSON.stringify(value),
    time: i,
  }));
}
const boom = { name: 'Error', message: 'boom' };
const other = { name: 'Error', message: 'other' };

describe('repairs: what a retry runs again', () => {
  it('sets aside every call a parallel stopped on, not only the one whose error the execution took', () => {
    const events = log(
      ['WORKFLOW_STARTED', 'x'],
      ['TASK_STARTED', 'a_1'],
      ['TASK_STARTED', 'b_1'],
      ['TASK_FAILED', 'a_1', boom],
      ['TASK_FAILED', 'b_1', other],
      ['WORKFLOW_FAILED', 'x', boom],
    );
    expect(failedCalls(events).sort()).to.deep.equal(['a_1', 'b_1']);
  });

  it('keeps a failure the body caught and went on from, even with the same message as the last', () => {
    const events = log(
      ['WORKFLOW_STARTED', 'x'],
      ['TASK_STARTED', 'a_1'],
      ['TASK_FAILED', 'a_1', boom],
      ['TASK_STARTED', 'b_1'],
      ['TASK_FAILED', 'b_1', boom],
      ['WORKFLOW_FAILED', 'x', boom],
    );
    expect(failedCalls(events)).to.deep.equal(['b_1']);
  });

  it('sets aside a failure let through while another branch went on', () => {
    const events = log(
      ['WORKFLOW_STARTED', 'x'],
      ['TASK_STARTED', 'a_1'],
      ['TASK_STARTED', 'b_1'],
      ['TASK_FAILED', 'a_1', boom],
      ['TASK_COMPLETED', 'b_1', 1],
      ['TASK_STARTED', 'c_1'],
      ['TASK_COMPLETED', 'c_1', 2],
      ['WORKFLOW_FAILED', 'x', boom],
    );
    expect(failedCalls(events)).to.deep.equal(['a_1']);
  });

  it('reads a retried log without the calls it set aside, and only the last run of an id started again', () => {
    const events = log(
      ['WORKFLOW_STARTED', 'x'],
      ['TASK_STARTED', 'a_1'],
      ['TASK_FAILED', 'a_1', boom],
      ['WORKFLOW_FAILED', 'x', boom],
      ['WORKFLOW_RETRIED', 'x', { superseded: ['a_1'] }],
      ['TASK_STARTED', 'a_1'],
      ['TASK_COMPLETED', 'a_1', 1],
      ['WORKFLOW_COMPLETED', 'x', 1],
    );
    expect(replayView(events).map((e) => e.seq)).to.deep.equal([1, 4, 5, 6, 7, 8]);
    const again = [
      ...events,
      ...log(['WORKFLOW_STARTED', 'x'], ['TASK_STARTED', 'a_1']).map((e) => ({ ...e, seq: e.seq + 8 })),
    ];
    expect(replayView(again).map((e) => e.seq)).to.deep.equal([9, 10]);
  });
});

describe('repairs: what a fork takes over', () => {
  it('takes over the steps before the one forked from, leaving out a step a cancel rolled back', () => {
    const events = log(
      ['WORKFLOW_STARTED', 'x'],
      ['TASK_STARTED', 'a_1'],
      ['TASK_COMPLETED', 'a_1', 1],
      ['TASK_STARTED', 'b_1'],
      ['TASK_COMPLETED', 'b_1', 2],
      ['TASK_STARTED', 'c_1'],
      ['WORKFLOW_CANCELLING', 'x', { rollback: true }],
      ['TASK_CANCELLED', 'c_1'],
      ['TASK_ROLLBACK_STARTED', 'b_1'],
      ['TASK_ROLLBACK_COMPLETED', 'b_1'],
      ['WORKFLOW_CANCELLED', 'x'],
    );
    expect(forkedEvents(events, 3).map((e) => `${e.type} ${e.sourceId}`)).to.deep.equal([
      'TASK_STARTED a_1',
      'TASK_COMPLETED a_1',
    ]);
  });

  it("knows where a fork's own events begin: after the steps it copied", () => {
    const events = log(
      ['WORKFLOW_STARTED', 'f'],
      ['WORKFLOW_FORKED_FROM', 'f', { executionId: 'x', step: 2, copied: 2 }],
      ['TASK_STARTED', 'a_1'],
      ['TASK_COMPLETED', 'a_1', 1],
      ['TASK_STARTED', 'b_1'],
    );
    expect(ownEventsFrom(events)).to.equal(4);
  });
});
