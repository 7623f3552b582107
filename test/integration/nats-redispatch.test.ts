import { expect } from 'chai';
import { connect } from '@nats-io/transport-node';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import {
  decodeExecutorProbe,
  decodeTaskCommand,
  encodeExecutorProbeReply,
  encodeTaskResult,
} from '../../runtime/nats/codec.js';
import { jsonPayload, payloadJson, type TaskCommand, type TaskResult } from '../../proto/messages.js';
import { natsNames, type NatsNames } from '../../runtime/nats/names.js';
import { EXECUTOR_HEADER, NatsTaskDispatcher, RESULTS_HEADER } from '../../runtime/nats/task-transport.js';
import { sharedNatsServer } from '../fixtures/runtimes.js';

const TIMEOUT_MS = 200;
const NO_LARGE_VALUES = {
  messageLimit: 1_000_000,
  putLarge: async () => undefined,
  getLarge: async () => 'null',
  remove: async () => undefined,
};

/** A stand-in executor on a connection of its own: takes the commands of task `t`, answers probes as told. */
class FakeExecutor {
  readonly taken: { command: TaskCommand; resultsTo: string }[] = [];
  /** Answer probes "I do not run it" (its result was lost) instead of "running". */
  lostResults = false;

  /** `answer`: say "taken" with this executor's id, without it (as an executor of another make may), or say nothing. */
  constructor(
    readonly nc: NatsConnection,
    names: NatsNames,
    id: string,
    answer: 'taken' | 'anonymous' | 'nothing' = 'taken',
  ) {
    const h = headers();
    h.set(EXECUTOR_HEADER, id);
    nc.subscribe(names.task('t'), {
      queue: names.executorsQueue,
      callback: (_, msg) => {
        this.taken.push({ command: decodeTaskCommand(msg.data), resultsTo: msg.headers!.get(RESULTS_HEADER) });
        if (answer === 'taken') msg.respond(undefined, { headers: h });
        else if (answer === 'anonymous') msg.respond();
      },
    });
    nc.subscribe(names.executor(id), {
      callback: (_, msg) =>
        void msg.respond(
          encodeExecutorProbeReply({ notRunning: this.lostResults ? decodeExecutorProbe(msg.data).calls : [] }),
        ),
    });
  }

  async publish(to: string, result: TaskResult): Promise<void> {
    this.nc.publish(to, encodeTaskResult(result));
    await this.nc.flush();
  }
}

/** Until what a real nats-server carries has arrived (real time: the deadline only says the wait failed). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const output = (command: TaskCommand, json: string): TaskResult => ({
  executionId: command.executionId,
  taskId: command.taskId,
  attempt: command.attempt,
  outcome: 'output',
  output: jsonPayload(json),
});

describe('NATS task dispatcher: executors that die or lose a result', function () {
  this.timeout(30_000);
  let url: string;
  let names: NatsNames;
  let dispatcher: NatsTaskDispatcher;
  let tests = 0;
  const connections: NatsConnection[] = [];
  const replies: TaskResult[] = [];
  const command: TaskCommand = {
    executionId: 'exec-1',
    taskId: 't_0123_1',
    taskName: 't',
    attempt: 1,
    args: jsonPayload('[1]'),
  };

  const executor = async (id: string, answer?: 'taken' | 'anonymous' | 'nothing') => {
    const nc = await connect({ servers: url });
    connections.push(nc);
    return new FakeExecutor(nc, names, id, answer);
  };

  beforeEach(async () => {
    url = (await sharedNatsServer()).url;
    names = natsNames(`redispatch${process.pid}_${++tests}`);
    const nc = await connect({ servers: url });
    connections.push(nc);
    dispatcher = new NatsTaskDispatcher(nc, names, undefined, NO_LARGE_VALUES, { executorTimeoutMs: TIMEOUT_MS });
    replies.length = 0;
  });

  afterEach(async () => {
    await dispatcher.close();
    await Promise.all(connections.splice(0).map((nc) => nc.close()));
  });

  /** All messages published before this reached the dispatcher (a round trip on its connection). */
  const settled = () => connections[0]!.flush();

  it('sends the same command again when its executor dies, and ignores what the dead one sends later', async () => {
    const doomed = await executor('doomed');
    dispatcher.send(command, (result) => replies.push(result));
    await until(() => doomed.taken.length === 1, 'the first executor to take the command');
    await doomed.nc.close();
    const rescuer = await executor('rescuer');
    await until(() => rescuer.taken.length === 1, 'the command to be sent again');

    const [first, again] = [doomed.taken[0]!, rescuer.taken[0]!];
    expect(again.command).to.deep.equal(first.command); // same attempt, same identity
    expect(again.resultsTo).to.not.equal(first.resultsTo);
    await rescuer.publish(first.resultsTo, output(command, '"stale"')); // the old run, finishing after all
    await rescuer.publish(again.resultsTo, output(command, '"fresh"'));
    await rescuer.publish(again.resultsTo, output(command, '"duplicate"'));
    await settled();
    expect(replies.map((r) => r.outcome === 'output' && payloadJson(r.output))).to.deep.equal(['"fresh"']);
  });

  it('sends a command again when its executor no longer runs it and its result never came', async () => {
    const forgetful = await executor('forgetful');
    dispatcher.send(command, (result) => replies.push(result));
    await until(() => forgetful.taken.length === 1, 'the executor to take the command');
    forgetful.lostResults = true;
    await until(() => forgetful.taken.length === 2, 'the command to be sent again');
    const [first, again] = forgetful.taken;
    expect(again!.command).to.deep.equal(first!.command);
    expect(again!.resultsTo).to.equal(`${first!.resultsTo}.1`);
    forgetful.lostResults = false;
    await forgetful.publish(again!.resultsTo, output(command, '2'));
    await settled();
    expect(replies).to.have.length(1);
  });

  it('picks a retried task up at the attempt its progress reached', async () => {
    const doomed = await executor('doomed');
    dispatcher.send(command, (result) => replies.push(result));
    await until(() => doomed.taken.length === 1, 'the executor to take the command');
    const error = { name: 'Error', message: 'flaky' };
    await doomed.publish(doomed.taken[0]!.resultsTo, {
      ...output(command, ''),
      outcome: 'progress',
      progress: { type: 'TASK_RETRY_STARTED', value: jsonPayload(JSON.stringify({ attempt: 2, delay: 50, error })) },
    });
    await until(() => replies.length === 1, 'the progress to be passed on');
    await doomed.nc.close();
    const rescuer = await executor('rescuer');
    await until(() => rescuer.taken.length === 1, 'the command to be sent again');
    const again = rescuer.taken[0]!.command;
    expect(again.attempt).to.equal(2);
    expect(again.resume?.phase).to.equal('attempt');
    expect(again.resume?.lastError).to.deep.include(error);
  });

  it('sends a command again when nothing at all came back for it (lost, or its executor died before answering)', async () => {
    const mute = await executor('mute', 'nothing');
    dispatcher.send(command, (result) => replies.push(result));
    await until(() => mute.taken.length === 1, 'the command to reach the executor');
    await mute.nc.close();
    const rescuer = await executor('rescuer');
    await until(() => rescuer.taken.length === 1, 'the command to be sent again');
    expect(rescuer.taken[0]!.command).to.deep.equal(mute.taken[0]!.command);
    await rescuer.publish(rescuer.taken[0]!.resultsTo, output(command, '2'));
    await settled();
    expect(replies).to.have.length(1);
  });

  it('waits as long as it takes for an executor that said "taken" without its id (it cannot be probed)', async () => {
    const anonymous = await executor('anonymous', 'anonymous');
    dispatcher.send(command, (result) => replies.push(result));
    await until(() => anonymous.taken.length === 1, 'the executor to take the command');
    // Real time on purpose: the dispatcher's watch probes executors through a real nats-server, whose
    // answers take real time; a test clock skipping the silence would outrun them.
    await new Promise((resolve) => setTimeout(resolve, 5 * TIMEOUT_MS)); // past the 3 × timeout of silence
    expect(anonymous.taken).to.have.length(1);
    await anonymous.publish(anonymous.taken[0]!.resultsTo, output(command, '2'));
    await settled();
    expect(replies).to.have.length(1);
  });

  it('leaves a call alone while its executor answers probes, however long it runs', async () => {
    const slow = await executor('slow');
    dispatcher.send(command, (result) => replies.push(result));
    await until(() => slow.taken.length === 1, 'the executor to take the command');
    await new Promise((resolve) => setTimeout(resolve, 5 * TIMEOUT_MS)); // real time, as above: probes answered meanwhile
    expect(slow.taken).to.have.length(1);
    await slow.publish(slow.taken[0]!.resultsTo, output(command, '2'));
    await settled();
    expect(replies).to.have.length(1);
  });
});
