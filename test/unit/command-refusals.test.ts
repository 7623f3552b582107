/** Which refusals remove a command from the commands stream (permanent) and which leave it for a later delivery. */
import { expect } from 'chai';
import {
  ExecutionConflictError,
  ExecutionNotFoundError,
  ExecutionStateError,
  FluxError,
  InvalidNameError,
  StoreFullError,
  WorkflowNotFoundError,
} from 'flux-actors';
import { MalformedMessageError } from '../../runtime/engine/errors.js';
import { ExecutionBusyError } from '../../runtime/engine/errors.js';
import { isPermanentRefusal } from '../../runtime/nats/command-loop.js';

describe('command refusals', () => {
  it('are permanent only when no later delivery could succeed', () => {
    const permanent = [
      new MalformedMessageError('StartCommand', 'garbage'),
      new InvalidNameError('execution id', 'a:b', 'rule'),
      new WorkflowNotFoundError('w'),
      new ExecutionNotFoundError('x'),
      new ExecutionStateError('x', 'succeeded', 'resumed', ['paused']),
    ];
    const transient = [
      new ExecutionBusyError('x'),
      new ExecutionConflictError('x'),
      new StoreFullError('append'),
      new FluxError('LOG_WRITE_FAILED', 'server away'),
      new Error('connection closed'),
      new TypeError('timeout'),
    ];
    expect(permanent.map(isPermanentRefusal)).to.deep.equal(permanent.map(() => true));
    expect(transient.map(isPermanentRefusal)).to.deep.equal(transient.map(() => false));
  });

  it('treat a start met while another delivery of it holds the execution as transient (it used to be dropped)', () => {
    const busy = new ExecutionBusyError('order-42');
    expect(busy).to.be.instanceOf(ExecutionStateError);
    expect(busy.code).to.equal('INVALID_EXECUTION_STATE');
    expect(isPermanentRefusal(busy)).to.equal(false);
  });
});
