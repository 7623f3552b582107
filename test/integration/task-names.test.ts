import { expect } from 'chai';
import { connect } from '@nats-io/transport-node';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { workflow, task, startWorker, DefinitionError, type ExecutionContext, type Runtime } from 'flux-actors';
import { findTask } from '../../runtime/engine/registry.js';
import { sharedNatsServer, tempDir, useRuntime } from '../fixtures/runtimes.js';
import * as email from '../fixtures/same-name/email.js';
import * as sms from '../fixtures/same-name/sms.js';

const notifyBoth = workflow(async function notifyBoth() {
  return [await email.send('ada@x'), await sms.send('+100')];
});

/** The error names both definitions by where they are. */
function expectBothNamed(message: string): void {
  expect(message).to.match(/task 'send' has 2 different definitions/);
  expect(message).to.match(/same-name\/email\.ts:\d+:\d+/);
  expect(message).to.match(/same-name\/sms\.ts:\d+:\d+/);
}

for (const kind of ['memory', 'nats'] as const) {
  describe(`two tasks with one name (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));
    beforeEach(() => {
      email.sent.length = 0;
    });

    it('refuses the second definition, naming both, instead of running one for the other', async () => {
      const ctx = await notifyBoth.run(undefined, { runtime });
      expect(ctx.state).to.equal('failed');
      expect(ctx.error).to.include({ code: 'INVALID_DEFINITION' });
      expectBothNamed(ctx.error!.message);
      // The first ran as itself; nothing ever ran the other function in its place.
      expect(email.sent).to.deep.equal(['EMAIL to ada@x']);
      expect(ctx.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.value)).to.deep.equal([
        'EMAIL to ada@x',
      ]);
    });

    it('refuses them across executions of one runtime, and keeps refusing the name once it met both', async () => {
      const emailOnly = workflow(async function emailOnly(ctx: ExecutionContext<string>) {
        return await email.send(ctx.input);
      });
      const smsOnly = workflow(async function smsOnly(ctx: ExecutionContext<string>) {
        return await sms.send(ctx.input);
      });
      expect((await emailOnly.run('bob@x', { runtime })).output).to.equal('EMAIL to bob@x');
      const second = await smsOnly.run('+200', { runtime });
      expect(second.error).to.include({ code: 'INVALID_DEFINITION' });
      expectBothNamed(second.error!.message);
      // Commands carry only the name: from now on this runtime cannot tell its calls apart.
      const again = await emailOnly.run('eve@x', { runtime });
      expect(again.error).to.include({ code: 'INVALID_DEFINITION' });
      expect(email.sent).to.deep.equal(['EMAIL to bob@x']);
    });

    it('takes one task defined again at the same place (a loop, a module loaded twice) as the same task', async () => {
      const copies = [1, 2].map((n) => task.withOptions({ name: 'definedInALoop' })(async (x: number) => x * 10 + n));
      expect(copies[0]!.definition).to.not.equal(copies[1]!.definition);
      const ctx = await workflow(async function callsBothCopies() {
        return [await copies[0]!(1), await copies[1]!(2)];
      }).run(undefined, { runtime });
      expect(ctx.error).to.equal(undefined);
      expect(ctx.output).to.have.length(2);
    });
  });
}

describe('two tasks with one name, by name alone', () => {
  it('the process registry refuses a look-up of a name two different definitions share', () => {
    expect(() => findTask('send'))
      .to.throw(DefinitionError)
      .that.satisfies((error: Error) => {
        expectBothNamed(error.message);
        return true;
      });
  });

  it('a NATS worker given both refuses to start, naming both', async () => {
    const { url } = await sharedNatsServer();
    const dir = tempDir();
    // The worker uses this connection and leaves it open: the test closes it.
    const connection = await connect({ servers: url });
    try {
      const started = startWorker({
        nats: { connection, prefix: `dup${process.pid}`, secretKeyFile: join(dir, 'secret.key') },
        workflows: [notifyBoth],
        tasks: [email.send, sms.send],
      });
      const error = await started.then(
        async (worker) => {
          await worker.stop();
          return undefined;
        },
        (e: unknown) => e as Error,
      );
      expect(error).to.be.instanceOf(DefinitionError);
      expectBothNamed(error!.message);
    } finally {
      await connection.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
