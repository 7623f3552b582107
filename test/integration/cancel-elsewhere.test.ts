/**
 * A cancel carried out by a runtime that does not drive the execution (on NATS, the worker that
 * took the cancel command; embedded, another process on the same file): the calls the log shows
 * open are recorded cancelled, their executors are asked to stop (on NATS), and the driver's run,
 * which loses the execution, ends with it cancelled instead of a conflict.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import {
  createRuntime,
  task,
  taskContext,
  workflow,
  type ExecutionContext,
  type Runtime,
} from '../../runtime/index.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { signal, untilEvent, type Signal } from '../fixtures/wait-for.js';

let aborted = 0;
/** The call is running; and what the test resolves to let it finish (when nobody stopped it). */
let running: Signal = signal();
let finish: Signal = signal();
const slowCall = task(async function elsewhereSlowCall(ms: number) {
  const { signal } = taskContext();
  running.resolve();
  await new Promise<void>((resolve, reject) => {
    void finish.promise.then(resolve);
    signal.addEventListener('abort', () => {
      aborted++;
      reject(new Error('stopped'));
    });
  });
  return ms;
});
const slowFlow = workflow(async function elsewhereSlowFlow(ctx: ExecutionContext<number>) {
  return await slowCall(ctx.input);
});

const kinds: { kind: string; pair(): Promise<[Runtime, Runtime]>; stopsTheCall: boolean }[] = [
  {
    kind: 'sqlite (two runtimes on one file)',
    stopsTheCall: false, // in-process executors: nobody to ask; the driver's late write is refused
    async pair() {
      const path = join(tempDir(), 'flux.db');
      return [await createRuntime({ store: { sqlite: path } }), await createRuntime({ store: { sqlite: path } })];
    },
  },
  {
    kind: 'nats (two runtimes on one prefix)',
    stopsTheCall: true,
    async pair() {
      const url = (await sharedNatsServer()).url;
      const options = { servers: url, prefix: `elsewhere${process.pid}`, secretKeyFile: join(tempDir(), 'secret.key') };
      return [await createRuntime({ nats: options }), await createRuntime({ nats: { ...options, serveTasks: false } })];
    },
  },
];

for (const { kind, pair, stopsTheCall } of kinds) {
  describe(`a cancel carried out away from the driver: ${kind}`, function () {
    this.timeout(20_000);

    it("records the open call cancelled, and the driver's run ends with the execution cancelled", async () => {
      const [driver, other] = await pair();
      try {
        aborted = 0;
        running = signal();
        finish = signal();
        const handle = await slowFlow.start(1_500, { runtime: driver });
        await running.promise;
        await untilEvent(other, handle.executionId, (e) => e.type === 'TASK_STARTED');
        const cancelled = await other.cancel(handle.executionId);
        expect(cancelled.state).to.equal('cancelled');
        expect(cancelled.events.map((e) => e.type)).to.deep.equal([
          'WORKFLOW_STARTED',
          'TASK_STARTED',
          'WORKFLOW_CANCELLING',
          'TASK_CANCELLED',
          'WORKFLOW_CANCELLED',
        ]);
        // The driver's run goes on until its call ends: stopped by the cancel (on NATS), or let finish
        // here (nobody can stop it). Either way its write of the result is refused.
        if (!stopsTheCall) finish.resolve();
        const driverSaw = await handle.result();
        expect(driverSaw.state).to.equal('cancelled');
        expect(aborted).to.equal(stopsTheCall ? 1 : 0);
        // Nothing the driver did afterwards reached the log.
        expect((await other.inspect(handle.executionId)).events).to.have.length(5);
      } finally {
        await driver.close();
        await other.close();
      }
    });
  });
}
