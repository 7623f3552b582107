import { expect } from 'chai';
import { createActor } from 'xstate';
import {
  attachHost,
  executionMachine,
  type ExecutionHost,
  type ExecutionMachineEvent,
} from '../../actors/execution-machine.js';
import { accepts, rebuildSnapshot, stateOf } from '../../actors/lifecycle.js';
import type { EventType, StoredEvent } from '../../runtime/engine/events.js';
import { CorruptLogError } from '../../runtime/engine/errors.js';

const log = (...types: EventType[]): StoredEvent[] =>
  types.map((type, i) => ({ seq: i + 1, type, sourceId: 'x', name: 'wf', valueJson: undefined, time: 0 }));

describe('the execution machine', () => {
  it('rebuilds each state from recorded lifecycle events, ignoring task events', () => {
    expect(stateOf(rebuildSnapshot('x', log()))).to.equal('created');
    expect(stateOf(rebuildSnapshot('x', log('WORKFLOW_STARTED', 'TASK_STARTED', 'TASK_COMPLETED')))).to.equal(
      'running',
    );
    expect(stateOf(rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_PAUSED')))).to.equal('paused');
    expect(
      stateOf(
        rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_PAUSED', 'WORKFLOW_RESUMED', 'WORKFLOW_COMPLETED')),
      ),
    ).to.equal('succeeded');
    expect(stateOf(rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_FAILED')))).to.equal('failed');
    expect(stateOf(rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_RECOVERED', 'WORKFLOW_RECOVERED')))).to.equal(
      'running',
    );
    expect(() => rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_PAUSED', 'WORKFLOW_RECOVERED'))).to.throw(
      CorruptLogError,
    );
    expect(
      stateOf(
        rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_PAUSED', 'WORKFLOW_CANCELLING', 'WORKFLOW_CANCELLED')),
      ),
    ).to.equal('cancelled');
  });

  it('refuses illegal transitions: a resume of a finished or running execution', () => {
    const succeeded = rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_COMPLETED'));
    expect(accepts(succeeded, 'RESUME')).to.equal(false);
    expect(accepts(succeeded, 'CANCEL')).to.equal(false);
    expect(accepts(rebuildSnapshot('x', log('WORKFLOW_STARTED')), 'RESUME')).to.equal(false);
    expect(accepts(rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_PAUSED')), 'RESUME')).to.equal(true);
  });

  it('calls a log with an illegal sequence corrupt instead of guessing', () => {
    expect(() => rebuildSnapshot('x', log('WORKFLOW_STARTED', 'WORKFLOW_COMPLETED', 'WORKFLOW_RESUMED')))
      .to.throw(CorruptLogError, /illegal in state succeeded/)
      .with.property('code', 'CORRUPT_LOG');
  });

  it('runs the body while running and records each transition through its host', () => {
    const recorded: string[] = [];
    let bodyRuns = 0;
    let bodyStops = 0;
    let sendBack: (e: ExecutionMachineEvent) => void = () => {};
    const host: ExecutionHost = {
      record: (e) => recorded.push(e.type),
      runBody: (send) => {
        sendBack = send;
        bodyRuns++;
      },
      stopBody: () => bodyStops++,
    };
    const actor = createActor(executionMachine, { input: { executionId: 'x' } });
    attachHost(actor, host);
    actor.start();
    actor.send({ type: 'START' });
    expect(bodyRuns).to.equal(1);
    actor.send({ type: 'PAUSE', taskId: 't', name: 'p' });
    expect(bodyStops).to.equal(1);
    actor.send({ type: 'RESUME' });
    expect(bodyRuns).to.equal(2);
    sendBack({ type: 'SUCCEED' });
    expect(actor.getSnapshot().value).to.equal('succeeded');
    expect(actor.getSnapshot().status).to.equal('done');
    expect(recorded).to.deep.equal(['START', 'PAUSE', 'RESUME', 'SUCCEED']);
  });

  it('recovers a running execution by starting its body again', () => {
    let bodyRuns = 0;
    const host: ExecutionHost = { record: () => {}, runBody: () => bodyRuns++, stopBody: () => {} };
    const snapshot = executionMachine.resolveState({ value: 'running', context: { executionId: 'x' } });
    const actor = createActor(executionMachine, { input: { executionId: 'x' }, snapshot });
    attachHost(actor, host);
    actor.start();
    expect(bodyRuns).to.equal(0);
    actor.send({ type: 'RECOVER' });
    expect(bodyRuns).to.equal(1);
  });
});
