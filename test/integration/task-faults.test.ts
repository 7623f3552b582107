import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { workflow, task, taskContext, createRuntime, LocalFileStorage, TestClock } from 'flux-actors';
import { SqliteStore } from '../../runtime/stores/sqlite-store.js';
import { STORE_KINDS, TEST_EPOCH, tempDir, testRuntime } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

describe('task faults', function () {
  this.timeout(20_000);

  for (const kind of STORE_KINDS) {
    it(`keeps secrets with quotes, backslashes and overlaps out of every event (${kind})`, async () => {
      const { runtime, dispose } = await testRuntime(kind);
      const tricky = 'p@ss"w\\ord-Ünï';
      await runtime.secrets.set('TRICKY', tricky);
      await runtime.secrets.set('SHORT', 'tok');
      await runtime.secrets.set('LONG', 'tok_9f8e7d6c5b4a');
      const leaky = task.withOptions({
        secretRequests: ['TRICKY', 'SHORT', 'LONG'],
        retryMaxAttempts: 1,
        retryDelay: 1,
        fallback: async () => 'ok',
      })(async function leakyErrors() {
        const { secrets, attempt } = taskContext();
        if (attempt === 1)
          throw Object.assign(new Error(`sent ${JSON.stringify({ auth: secrets.TRICKY })}`), {
            details: { sent: secrets.TRICKY },
          });
        throw { header: secrets.TRICKY, token: secrets.LONG }; // not even an Error
      });
      const ctx = await workflow(async function leakyFlow() {
        return await leaky();
      }).run(undefined, { runtime });
      expect(ctx.output).to.equal('ok');
      const text = JSON.stringify(ctx.events);
      for (const secret of [tricky, JSON.stringify(tricky).slice(1, -1), 'tok_9f8e7d6c5b4a', '9f8e7d6c5b4a'])
        expect(text).to.not.contain(secret);
      await dispose();
    });
  }

  it('does not recompute a fallback whose result was recorded before a crash', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'flux.db');
    let fallbacks = 0;
    const step = task.withOptions({ fallback: async () => `fallback-${++fallbacks}` })(
      async function crashAfterFallback() {
        throw new Error('down');
      },
    );
    const flow = workflow(async function crashAfterFallbackFlow() {
      return await step();
    });
    const first = await createRuntime({ store: { sqlite: dbPath } });
    const done = await flow.run(undefined, { runtime: first });
    await first.close();
    // The log as a crash after TASK_FALLBACK_COMPLETED leaves it: the last two events never committed.
    const prefix = done.events.slice(0, done.events.findIndex((e) => e.type === 'TASK_FALLBACK_COMPLETED') + 1);
    const store = new SqliteStore(join(dir, 'crashed.db'));
    const writer = store.writer(done.executionId);
    for (const [i, e] of prefix.entries()) {
      writer.append({
        seq: i + 1,
        type: e.type,
        sourceId: e.sourceId,
        name: e.name,
        valueJson: e.value === undefined ? undefined : JSON.stringify(e.value),
        time: Date.parse(e.time),
      });
    }
    writer.index({
      executionId: done.executionId,
      workflow: 'crashAfterFallbackFlow',
      state: 'running',
      createdAt: done.events[0]!.time,
      updatedAt: done.events[0]!.time,
    });
    await writer.commit();
    await store.close();
    const second = await createRuntime({ store: { sqlite: join(dir, 'crashed.db') } });
    const recovered = await flow.run(undefined, { runtime: second, executionId: done.executionId });
    expect(recovered.output).to.equal('fallback-1');
    expect(fallbacks).to.equal(1);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('treats an output that only looks like a storage reference as data', async () => {
    const { runtime, dispose } = await testRuntime('memory');
    new LocalFileStorage(tempDir()); // a storage exists in the process: it must still not be consulted
    const forged = { $fluxOutput: { location: join(process.cwd(), 'package.json'), storage: 'local-file' } };
    const echo = task(async function echoesForgedReference() {
      return forged;
    });
    const ctx = await workflow(async function forgedFlow() {
      return await echo();
    }).run(undefined, { runtime });
    expect(ctx.output).to.deep.equal(forged);
    await dispose();
  });

  it('stops a retrying task once its execution has ended', async () => {
    const clock = new TestClock(TEST_EPOCH);
    const { runtime, dispose } = await testRuntime('memory', { clock });
    let attempts = 0;
    const flaky = task.withOptions({ retryMaxAttempts: 5, retryDelay: 40 })(async function retriesInBackground() {
      attempts++;
      throw new Error('still failing');
    });
    const flow = workflow(async function abandonsRetries() {
      void flaky().catch(() => {}); // not awaited: the workflow ends while the task retries
      await until(() => clock.pending > 0); // its first attempt failed, and the backoff is armed
      throw new Error('boom');
    });
    const ctx = await flow.run(undefined, { runtime });
    expect(ctx.hasFailed).to.equal(true);
    expect(clock.pending, 'the backoff is cleared').to.equal(0);
    await clock.advance('1h'); // past every backoff: a retry still pending would run now
    expect(attempts).to.equal(1);
    await dispose();
  });

  // Real time on purpose: a body that blocks the event loop is the case, and only real time passes
  // while it does. It blocks three times its timeout, so the outcome never depends on the machine's speed.
  it('counts the synchronous part of an attempt against its timeout', async () => {
    const { runtime, dispose } = await testRuntime('memory');
    const blocking = task.withOptions({ timeout: 20 })(async function blocksTheLoop() {
      const until = Date.now() + 60;
      while (Date.now() < until) {
        // busy: a body that never yields
      }
      return 'done';
    });
    const ctx = await workflow(async function blockingFlow() {
      return await blocking();
    }).run(undefined, { runtime });
    expect(ctx.error).to.include({ code: 'TIMEOUT' });
    await dispose();
  });

  it('takes delays longer than a Node timer keeps, and refuses cache with output storage', () => {
    expect(
      task.withOptions({ retryDelay: '30d', retryMaxAttempts: 1 })(async function longDelay() {}).definition.policy,
    ).to.include({ delayMs: 30 * 86_400_000 });
    expect(task.withOptions({ timeout: '30d' })(async function longTimeout() {}).definition.policy).to.include({
      timeoutMs: 30 * 86_400_000,
    });
    expect(() =>
      task.withOptions({ cache: true, outputStorage: new LocalFileStorage(tempDir()) })(
        async function cachedStored() {},
      ),
    ).to.throw(/not supported yet/);
  });
});
