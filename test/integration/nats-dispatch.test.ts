import { expect } from 'chai';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { createRuntime, workflow, task, type Runtime } from 'flux-actors';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';

const unserved = task(async function nobodyServesThis(x: number) {
  return x;
});
const callsUnserved = workflow(async function callsUnserved() {
  return unserved(1);
});

describe('a task that no executor serves', function () {
  this.timeout(30_000);
  let runtime: Runtime;
  let dir: string;

  before(async () => {
    dir = tempDir();
    const { url } = await sharedNatsServer();
    runtime = await createRuntime({
      nats: {
        servers: url,
        prefix: `unserved${process.pid}`,
        secretKeyFile: join(dir, 'secret.key'),
        serveTasks: false,
        dispatchPatienceMs: 400,
      },
    });
  });
  after(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails with TASK_NOT_SERVED naming the task and its subject after the bounded wait, not hanging', async () => {
    const ctx = await callsUnserved.run(undefined, { runtime });
    expect(ctx.hasFailed).to.equal(true);
    const failed = ctx.events.find((e) => e.type === 'TASK_FAILED');
    expect(failed?.value).to.deep.include({ code: 'TASK_NOT_SERVED' });
    expect((failed!.value as { message: string }).message).to.match(
      /no executor serves task 'nobodyServesThis'.*\.tasks\.nobodyServesThis/,
    );
  });
});
