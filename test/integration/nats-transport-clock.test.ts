/**
 * The NATS task transport keeps time on the clock it is given: patience with an unserved task, the
 * silence after which a command is sent again, the "taken" answer of a task that runs a while. Each
 * wait here is minutes or an hour of clock time, moved on by the test, not waited for.
 */
import { expect } from 'chai';
import { connect } from '@nats-io/transport-node';
import { createInbox, headers, type Msg, type NatsConnection } from '@nats-io/nats-core';
import { task } from 'flux-actors';
import { TaskExecutor } from '../../actors/task-executor.js';
import { jsonPayload, payloadJson, type TaskCommand, type TaskResult } from '../../proto/messages.js';
import { findTask } from '../../runtime/engine/registry.js';
import { decodeTaskCommand, decodeTaskResult, encodeTaskCommand } from '../../runtime/nats/codec.js';
import { natsNames, type NatsNames } from '../../runtime/nats/names.js';
import {
  EXECUTOR_HEADER,
  NatsTaskDispatcher,
  NatsTaskServer,
  RESULTS_HEADER,
  TAKEN_AFTER_MS,
} from '../../runtime/nats/task-transport.js';
import { ManualClock } from '../fixtures/manual-clock.js';
import { sharedNatsServer } from '../fixtures/runtimes.js';

const NO_LARGE_VALUES = {
  messageLimit: 1_000_000,
  putLarge: async () => undefined,
  getLarge: async () => 'null',
  remove: async () => undefined,
};
const MINUTE = 60_000;

let releaseSlow: () => void = () => undefined;
let slowStarted: () => void = () => undefined;
const clockedSlow = task(async function clockedSlow() {
  slowStarted();
  await new Promise<void>((resolve) => {
    releaseSlow = resolve;
  });
  return 'done';
});

/** Messages on a subject, each handed to whoever waits for the next. */
class Inbox {
  readonly received: Msg[] = [];
  private waiting: ((msg: Msg) => void) | undefined;

  constructor(
    nc: NatsConnection,
    readonly subject: string,
    queue?: string,
  ) {
    nc.subscribe(subject, {
      ...(queue && { queue }),
      callback: (_, msg) => {
        this.received.push(msg);
        this.waiting?.(msg);
        this.waiting = undefined;
      },
    });
  }

  next(): Promise<Msg> {
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

describe('the NATS task transport on a clock of its own', function () {
  this.timeout(20_000);
  let url: string;
  let names: NatsNames;
  let clock: ManualClock;
  let tests = 0;
  const connections: NatsConnection[] = [];
  const closing: (() => Promise<void>)[] = [];
  const command: TaskCommand = {
    executionId: 'exec-clock',
    taskId: 't_0123_1',
    taskName: 't',
    attempt: 1,
    args: jsonPayload('[1]'),
  };

  const connection = async () => {
    const nc = await connect({ servers: url });
    connections.push(nc);
    return nc;
  };
  /** Every message published on these connections before this has been handled where it went. */
  const roundTrips = (...ncs: NatsConnection[]) => Promise.all(ncs.map((nc) => nc.flush()));

  beforeEach(async () => {
    url = (await sharedNatsServer()).url;
    names = natsNames(`transportclock${process.pid}_${++tests}`);
    clock = new ManualClock();
  });

  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
    await Promise.all(connections.splice(0).map((nc) => nc.close()));
  });

  it('fails a call that no executor serves once its clock, not the wall, has passed the patience', async () => {
    const nc = await connection();
    const dispatcher = new NatsTaskDispatcher(nc, names, undefined, NO_LARGE_VALUES, {
      dispatchPatienceMs: 60 * MINUTE,
      // Its watch must not send the command again meanwhile: an advance of the clock outruns any "no responders".
      executorTimeoutMs: 24 * 60 * MINUTE,
      clock,
    });
    closing.push(() => dispatcher.close());
    const replies: TaskResult[] = [];
    const started = clock.now();
    dispatcher.send(command, (result) => replies.push(result));
    await new Promise((resolve) => setImmediate(resolve)); // the first sending leaves at the end of the turn
    // Each round: the "no responders" of the last sending comes back, and the next try is due a minute on.
    let sendings = 0;
    while (replies.length === 0 && sendings < 100) {
      await roundTrips(nc);
      if (replies.length) break;
      clock.advance(MINUTE);
      sendings++;
    }
    expect(replies).to.have.length(1);
    const reply = replies[0]!;
    expect(reply.outcome === 'error' && reply.error.code).to.equal('TASK_NOT_SERVED');
    expect(reply.outcome === 'error' && reply.error.message).to.include(`waited ${60 * MINUTE} ms`);
    // Tried again each clock minute until the hour had passed, and not given up before.
    expect(clock.now() - started).to.be.greaterThan(60 * MINUTE);
    expect(sendings).to.equal(61);
  });

  it('sends a command nothing was heard of again once its clock passes three times the executor timeout', async () => {
    const nc = await connection();
    const dispatcher = new NatsTaskDispatcher(nc, names, undefined, NO_LARGE_VALUES, {
      executorTimeoutMs: 10 * MINUTE,
      clock,
    });
    closing.push(() => dispatcher.close());
    const executorNc = await connection();
    const mute = new Inbox(executorNc, names.task('t'), names.executorsQueue); // takes commands, says nothing
    await roundTrips(executorNc); // subscribed at the server
    const first = mute.next();
    dispatcher.send(command, () => undefined);
    const firstMsg = await first;

    // 30 minutes of silence: the watch looks every 2.5 minutes (12 looks), and gives up only past 30.
    expect(clock.advance(30 * MINUTE)).to.equal(12);
    await roundTrips(nc, executorNc);
    expect(mute.received).to.have.length(1);

    const again = mute.next();
    clock.advance(2.5 * MINUTE);
    const againMsg = await again;
    expect(decodeTaskCommand(againMsg.data)).to.deep.equal(decodeTaskCommand(firstMsg.data));
    expect(againMsg.headers?.get(RESULTS_HEADER)).to.equal(`${firstMsg.headers?.get(RESULTS_HEADER)}.1`);
  });

  it('says a command is taken only once its clock has run TAKEN_AFTER_MS', async () => {
    const nc = await connection();
    const server = new NatsTaskServer(nc, names, new TaskExecutor(findTask), NO_LARGE_VALUES, { clock });
    closing.push(() => server.close());
    server.serve(clockedSlow.definition);
    const callerNc = await connection();
    const answers = new Inbox(callerNc, createInbox());
    const resultsSubject = names.results('clock-test');
    const results = new Inbox(callerNc, resultsSubject);
    await roundTrips(nc, callerNc);

    const running = new Promise<void>((resolve) => {
      slowStarted = resolve;
    });
    const h = headers();
    h.set(RESULTS_HEADER, resultsSubject);
    const slowCommand = { ...command, taskName: 'clockedSlow', args: jsonPayload('[]') };
    callerNc.publish(names.task('clockedSlow'), encodeTaskCommand(slowCommand), {
      reply: answers.subject,
      headers: h,
    });
    await running;

    // Running, its "taken" timer set: one millisecond short of it, nothing is said.
    expect(clock.pending).to.equal(1);
    expect(clock.advance(TAKEN_AFTER_MS - 1)).to.equal(0);
    await roundTrips(nc, callerNc);
    expect(answers.received).to.have.length(0);

    const taken = answers.next();
    expect(clock.advance(1)).to.equal(1);
    expect((await taken).headers?.get(EXECUTOR_HEADER)).to.equal(server.id);

    const result = results.next();
    releaseSlow();
    const settled = decodeTaskResult((await result).data);
    expect(settled.outcome === 'output' && payloadJson(settled.output)).to.equal('"done"');
    expect(answers.received).to.have.length(1);
  });
});
