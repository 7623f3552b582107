import { expect } from 'chai';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  createRuntime,
  LocalFileStorage,
  pause,
  sleep,
  task,
  TestClock,
  workflow,
  type ExecutionContext,
  type Runtime,
} from 'flux-actors';
import { TEST_EPOCH, tempDir } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

const HOUR = 3_600_000;
let computed = 0;

const square = task.withOptions({ cache: true })(async function retentionSquare(n: number) {
  computed++;
  return n * n;
});
const fails = task(async function retentionFails() {
  throw new Error('always down');
});
const outputs = join(tempDir(), 'outputs');
const storage = new LocalFileStorage(outputs);

const done = workflow.withOptions({ name: 'retentionDone', outputStorage: storage })(
  async (ctx: ExecutionContext<number>) => square(ctx.input),
);
const broken = workflow(async function retentionBroken() {
  await fails();
});
const waitsForYou = workflow(async function retentionPaused(ctx: ExecutionContext<number>) {
  return `${ctx.input} approved by ${await pause<string>('approve')}`;
});
const sleepsLong = workflow(async function retentionSleeps() {
  await sleep('30d');
  return 'woke';
});

const kinds = ['memory', 'sqlite'] as const;

for (const kind of kinds) {
  describe(`deleting finished executions (${kind} store)`, function () {
    this.timeout(30_000);
    let dir: string;
    let clock: TestClock;
    let runtime: Runtime;
    const open = (retention?: string) =>
      createRuntime({
        store: kind === 'memory' ? 'memory' : { sqlite: join(dir, 'flux.db') },
        clock,
        parkAfterMs: HOUR,
        ...(retention && { retention }),
      });

    beforeEach(() => {
      dir = tempDir();
      clock = new TestClock(TEST_EPOCH);
      computed = 0;
    });
    afterEach(async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('delete removes a finished execution with its log, index entry and stored outputs', async () => {
      runtime = await open();
      const ctx = await done.run(3, { runtime });
      expect(ctx.output).to.equal(9);
      const kept = join(outputs, ctx.executionId);
      expect(existsSync(kept), 'its output is in output storage').to.equal(true);

      await runtime.delete(ctx.executionId);
      const gone = await runtime.inspect(ctx.executionId).catch((error: { code?: string }) => error.code);
      expect(gone).to.equal('EXECUTION_NOT_FOUND');
      expect((await runtime.list()).map((r) => r.executionId)).to.not.include(ctx.executionId);
      expect(existsSync(kept), 'its stored outputs are gone too').to.equal(false);
      const again = await runtime.delete(ctx.executionId).catch((error: { code?: string }) => error.code);
      expect(again).to.equal('EXECUTION_NOT_FOUND');
    });

    it('delete refuses a paused execution and keeps it whole', async () => {
      runtime = await open();
      const paused = await waitsForYou.run(7, { runtime });
      const refused = await runtime
        .delete(paused.executionId)
        .catch((error: { code?: string; message: string }) => error);
      expect(refused).to.include({ code: 'INVALID_EXECUTION_STATE' });
      expect((refused as Error).message).to.match(/is paused.*deleted/);
      const ctx = await runtime.resume(paused.executionId, 'ana');
      expect(ctx.output).to.equal('7 approved by ana');
    });

    it('retention deletes finished executions past the period, never a paused or waiting one', async () => {
      runtime = await open('2h');
      const ok = await done.run(2, { runtime });
      const failed = await broken.run(undefined, { runtime });
      const paused = await waitsForYou.run(1, { runtime });
      const waiting = await clock.skipUntil(
        (async () => {
          const handle = await sleepsLong.start(undefined, { runtime });
          await until(async () => (await runtime.inspect(handle.executionId)).state === 'waiting' || undefined);
          return handle;
        })(),
      );
      expect(failed.state).to.equal('failed');

      await clock.advance('1h');
      expect((await runtime.list()).length, 'nothing is old enough yet').to.equal(4);
      await clock.advance('2h');
      await until(async () => ((await runtime.list()).length === 2 ? true : undefined));
      const left = (await runtime.list()).map((r) => r.executionId).sort();
      expect(left).to.deep.equal([paused.executionId, waiting.executionId].sort());
      for (const id of [ok.executionId, failed.executionId])
        expect(await runtime.inspect(id).catch((error: { code?: string }) => error.code)).to.equal(
          'EXECUTION_NOT_FOUND',
        );

      // The paused one, resumed and finished, goes one period after its end.
      const resumed = await runtime.resume(paused.executionId, 'bo');
      expect(resumed.state).to.equal('succeeded');
      await clock.advance('1h');
      expect((await runtime.list()).map((r) => r.executionId)).to.include(paused.executionId);
      await clock.advance('2h');
      await until(async () =>
        (await runtime.list()).some((r) => r.executionId === paused.executionId) ? undefined : true,
      );
      expect((await runtime.list()).map((r) => r.state)).to.deep.equal(['waiting']);
    });

    it('retention forgets memoised task outputs past the period', async () => {
      runtime = await open('2h');
      await done.run(4, { runtime });
      await done.run(4, { runtime });
      expect(computed, 'the second call was a cache hit').to.equal(1);
      await clock.advance('3h');
      await until(async () => ((await runtime.list()).length === 0 ? true : undefined));
      await done.run(4, { runtime });
      expect(computed, 'computed again once forgotten').to.equal(2);
    });

    it('purge deletes by age, state and workflow', async () => {
      runtime = await open();
      const ok = await done.run(5, { runtime });
      const failed = await broken.run(undefined, { runtime });
      await clock.advance('1d');
      const recent = await broken.run(undefined, { runtime });
      const paused = await waitsForYou.run(2, { runtime });
      await clock.advance('1h');

      expect(await runtime.purge({ olderThan: '12h', state: 'failed' })).to.equal(1);
      const ids = async () => (await runtime.list()).map((r) => r.executionId).sort();
      expect(await ids()).to.deep.equal([ok.executionId, recent.executionId, paused.executionId].sort());
      expect(await runtime.purge({ olderThan: '12h', workflow: 'retentionBroken' })).to.equal(0);
      expect(await runtime.purge({ olderThan: 0 })).to.equal(2);
      expect(await ids()).to.deep.equal([paused.executionId]);
      expect(existsSync(join(outputs, failed.executionId))).to.equal(false);
    });
  });
}

describe('deleting on SQLite, across processes', function () {
  this.timeout(30_000);

  it('a driver that appends to a log deleted under it gets a conflict, and no log with a gap', async () => {
    const dir = tempDir();
    const path = join(dir, 'flux.db');
    const clock = new TestClock(TEST_EPOCH);
    const first = await createRuntime({ store: { sqlite: path }, clock });
    const second = await createRuntime({ store: { sqlite: path }, clock });
    try {
      const failed = await broken.run(undefined, { runtime: first });
      // The retry of another process has loaded the log (it is failed) when this one deletes it.
      const { SqliteStore } = await import('../../runtime/stores/sqlite-store.js');
      const store = new SqliteStore(path, {}, clock);
      const events = await store.load(failed.executionId);
      await second.delete(failed.executionId);
      const writer = store.writer(failed.executionId);
      writer.append({ ...events.at(-1)!, seq: events.length + 1, type: 'WORKFLOW_RETRIED' });
      const outcome = await writer.commit().catch((error: { code?: string }) => error.code);
      expect(outcome).to.equal('EXECUTION_CONFLICT');
      expect(await store.load(failed.executionId)).to.deep.equal([]);
      await store.close();
    } finally {
      await first.close();
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
