import { expect } from 'chai';
import { createActor } from 'xstate';
import { bindExecutionMachine, type ExecutionMachineHost } from '../../actors/execution-binding.js';
import type { ExecutionMachineEvent } from '../../actors/execution-machine.js';
import { accepts, rebuildSnapshot, stateOf, statePath } from '../../actors/lifecycle.js';
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

  it('rebuilds the sub-states: a cancel that asked for rollbacks is rolling back, one that did not is stopping', () => {
    const cancelling = (valueJson?: string) =>
      statePath(
        rebuildSnapshot('x', [
          ...log('WORKFLOW_STARTED'),
          { seq: 2, type: 'WORKFLOW_CANCELLING', sourceId: 'x', name: 'wf', valueJson, time: 0 },
        ]),
      );
    expect(cancelling(JSON.stringify({ rollback: true }))).to.equal('cancelling.rollingBack');
    expect(cancelling()).to.equal('cancelling.stopping');
    expect(statePath(rebuildSnapshot('x', log('WORKFLOW_STARTED')))).to.equal('running.working');
  });

  /** A host that counts what the machine asks of it, bound as a runtime binds its actors. */
  function hosted(snapshot?: ReturnType<typeof rebuildSnapshot>) {
    const seen = { recorded: [] as string[], bodyRuns: 0, bodyStops: 0, rollbacks: 0, stopped: 0, settled: 0 };
    let sendBack: (e: ExecutionMachineEvent) => void = () => {};
    let finishRollbacks: () => void = () => {};
    const host: ExecutionMachineHost = {
      record: (event) => void seen.recorded.push(event),
      runBody: (send) => {
        sendBack = send;
        seen.bodyRuns++;
      },
      stopBody: () => void seen.bodyStops++,
      rollBack: () => {
        seen.rollbacks++;
        return new Promise<void>((resolve) => (finishRollbacks = resolve));
      },
      cancelStopped: () => void seen.stopped++,
      settled: () => void seen.settled++,
    };
    const machines = bindExecutionMachine();
    machines.host('x', host);
    const actor = createActor(machines.machine, {
      input: { executionId: 'x' },
      ...(snapshot && { snapshot: machines.restore(snapshot) }),
    });
    actor.start();
    return { actor, seen, body: (e: ExecutionMachineEvent) => sendBack(e), finishRollbacks: () => finishRollbacks() };
  }

  it('runs the body while running, is paused at once while its calls drain, and records each transition through its host', () => {
    const { actor, seen, body } = hosted();
    actor.send({ type: 'START' });
    expect(seen.bodyRuns).to.equal(1);
    body({ type: 'PAUSE', taskId: 't', name: 'p' });
    expect(statePath(actor.getSnapshot()), 'the calls running finish meanwhile').to.equal('running.draining');
    expect(stateOf(actor.getSnapshot()), 'reported paused at once').to.equal('paused');
    expect(seen.recorded.at(-1)).to.equal('WORKFLOW_PAUSED');
    expect(seen.bodyStops).to.equal(0);
    expect(accepts(actor.getSnapshot(), 'RESUME'), 'a resume may come while they drain').to.equal(true);
    body({ type: 'DRAINED' });
    expect(stateOf(actor.getSnapshot())).to.equal('paused');
    expect(seen.bodyStops).to.equal(1);
    actor.send({ type: 'RESUME' });
    expect(seen.bodyRuns).to.equal(2);
    body({ type: 'SUCCEED' });
    expect(actor.getSnapshot().value).to.equal('succeeded');
    // An end, from which only a new run of the id (START) begins; a retry only from `failed`.
    expect(accepts(actor.getSnapshot(), 'START')).to.equal(true);
    expect(accepts(actor.getSnapshot(), 'RESUME')).to.equal(false);
    expect(accepts(actor.getSnapshot(), 'RETRY')).to.equal(false);
    expect(seen.recorded).to.deep.equal([
      'WORKFLOW_STARTED',
      'WORKFLOW_PAUSED',
      'WORKFLOW_RESUMED',
      'WORKFLOW_COMPLETED',
    ]);
    expect(seen.settled, 'paused (draining), paused (drained), then succeeded').to.equal(3);
  });

  it('restarts the body when resumed while the calls of its pause still drain', () => {
    const { actor, seen, body } = hosted();
    actor.send({ type: 'START' });
    body({ type: 'PAUSE', taskId: 't', name: 'p' });
    actor.send({ type: 'RESUME' });
    expect(statePath(actor.getSnapshot())).to.equal('running.working');
    expect([seen.bodyStops, seen.bodyRuns]).to.deep.equal([1, 2]);
    expect(seen.recorded).to.deep.equal(['WORKFLOW_STARTED', 'WORKFLOW_PAUSED', 'WORKFLOW_RESUMED']);
  });

  it('parks on long sleeps (waiting), and a wake resumes it', () => {
    const { actor, seen, body } = hosted();
    actor.send({ type: 'START' });
    body({ type: 'PARK', wakeAt: 1 });
    expect(stateOf(actor.getSnapshot())).to.equal('waiting');
    expect(seen.bodyStops).to.equal(1);
    actor.send({ type: 'RESUME' });
    expect(stateOf(actor.getSnapshot())).to.equal('running');
    expect(seen.recorded).to.deep.equal(['WORKFLOW_STARTED', 'WORKFLOW_WAITING', 'WORKFLOW_RESUMED']);
  });

  it('recovers a running execution by starting its body again', () => {
    const { actor, seen } = hosted(rebuildSnapshot('x', log('WORKFLOW_STARTED')));
    expect(seen.bodyRuns).to.equal(0);
    actor.send({ type: 'RECOVER' });
    expect(seen.bodyRuns).to.equal(1);
    expect(seen.recorded).to.deep.equal(['WORKFLOW_RECOVERED']);
  });

  it('cancels through rollbacks when asked, else ends the cancel once the host has stopped what ran', async () => {
    const rolling = hosted();
    rolling.actor.send({ type: 'START' });
    rolling.actor.send({ type: 'CANCEL', rollback: true });
    expect(statePath(rolling.actor.getSnapshot())).to.equal('cancelling.rollingBack');
    expect([rolling.seen.bodyStops, rolling.seen.rollbacks, rolling.seen.stopped]).to.deep.equal([1, 1, 0]);
    rolling.finishRollbacks();
    await new Promise<void>((resolve) => {
      const watching = rolling.actor.subscribe((s) => {
        if (s.value !== 'cancelled') return;
        watching.unsubscribe();
        resolve();
      });
      if (rolling.actor.getSnapshot().value === 'cancelled') resolve();
    });
    expect(rolling.seen.recorded).to.deep.equal(['WORKFLOW_STARTED', 'WORKFLOW_CANCELLING', 'WORKFLOW_CANCELLED']);

    const plain = hosted();
    plain.actor.send({ type: 'START' });
    plain.actor.send({ type: 'CANCEL' });
    expect(statePath(plain.actor.getSnapshot())).to.equal('cancelling.stopping');
    expect([plain.seen.rollbacks, plain.seen.stopped]).to.deep.equal([0, 1]);
    plain.actor.send({ type: 'CANCELLED' });
    expect(stateOf(plain.actor.getSnapshot())).to.equal('cancelled');
  });

  it('finishes a cancel its driver left half done: RECOVER runs the rollbacks it asked for again', () => {
    const halfDone = rebuildSnapshot('x', [
      ...log('WORKFLOW_STARTED'),
      { seq: 2, type: 'WORKFLOW_CANCELLING', sourceId: 'x', name: 'wf', valueJson: '{"rollback":true}', time: 0 },
    ]);
    const { actor, seen } = hosted(halfDone);
    expect(seen.rollbacks, 'a rebuilt state starts nothing').to.equal(0);
    actor.send({ type: 'RECOVER' });
    expect(seen.rollbacks).to.equal(1);
    expect(seen.recorded).to.deep.equal([]);
  });
});
