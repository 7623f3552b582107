import { expect } from 'chai';
import { join } from 'node:path';
import {
  createRuntime,
  pause,
  replayCheck,
  task,
  workflow,
  type ExecutionContext,
  type Runtime,
  type WorkflowDefinition,
} from 'flux-actors';
import { STORE_KINDS, tempDir, useRuntime } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

let ran: string[] = [];

const prepare = task(async function pinPrepare(order: number) {
  ran.push('prepare');
  return order * 2;
});
const fraudCheck = task(async function pinFraudCheck(order: number) {
  ran.push('fraud');
  return order < 100;
});
const finish = task(async function pinFinish(version: string, amount: number, by: string) {
  ran.push(`finish ${version}`);
  return `${amount} approved by ${by} (${version})`;
});

/** Version 1, deployed first. */
const v1 = workflow.withOptions({ name: 'pinnedOrder', version: '1' })(async (ctx: ExecutionContext<number>) => {
  const amount = await prepare(ctx.input);
  const by = await pause<string>('approve');
  return finish('v1', amount, by);
});
/** Version 2, deployed beside it: a step added before the pause (a v1 execution would diverge on it). */
const v2 = workflow.withOptions({ name: 'pinnedOrder', version: '2' })(async (ctx: ExecutionContext<number>) => {
  const amount = await prepare(ctx.input);
  await fraudCheck(ctx.input);
  const by = await pause<string>('approve');
  return finish('v2', amount, by);
});

for (const kind of STORE_KINDS) {
  describe(`workflow versions (${kind} store)`, function () {
    this.timeout(30_000);
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));
    beforeEach(() => {
      ran = [];
    });

    it('a v1 execution paused resumes on v1 with v2 deployed beside it; a new start runs v2', async () => {
      const old = await v1.run(10, { runtime });
      expect(old.state).to.equal('paused');
      expect(old.version).to.equal('1');
      expect(old.events[0]).to.include({ type: 'WORKFLOW_STARTED', version: '1' });
      // Resumed by id only (as the CLI, HTTP and a worker do), and even with v2's definition in hand.
      const done = await runtime.resume<number, string>(old.executionId, 'ada', v2);
      expect(done.state, JSON.stringify(done.output)).to.equal('succeeded');
      expect(done.output).to.equal('20 approved by ada (v1)');
      const fresh = await v2.run(5, { runtime });
      expect(fresh.version).to.equal('2');
      const freshDone = await runtime.resume<number, string>(fresh.executionId, 'bob');
      expect(freshDone.output).to.equal('10 approved by bob (v2)');
      expect(ran).to.deep.equal(['prepare', 'finish v1', 'prepare', 'fraud', 'finish v2']);
      const pinnedToOne = await runtime.list({ version: '1' });
      expect(pinnedToOne.map((r) => r.executionId)).to.deep.equal([old.executionId]);
      expect(pinnedToOne[0]!.version).to.equal('1');
    });

    it('starts the version asked for; a version not served is refused, naming those that are', async () => {
      const asked = await runtime.start(v2, 3, { version: '1' });
      expect((await asked.result()).version).to.equal('1');
      const missing = await runtime.start(v2, 3, { version: '7' }).catch((e: unknown) => e);
      expect(missing).to.include({ code: 'VERSION_NOT_SERVED' });
      expect(String((missing as Error).message))
        .to.contain("'7'")
        .and.contain('1, 2');
    });

    it('never drives an execution on other code: a version no longer served is refused, and nothing is written', async () => {
      const retired: WorkflowDefinition<number, string> = {
        name: 'pinnedOrder',
        options: { version: '0' },
        fn: async (ctx) => {
          await prepare(ctx.input);
          return `${await pause<string>('approve')} (v0)`;
        },
      };
      const paused = await runtime.run(retired, 4);
      expect(paused.version).to.equal('0');
      // Its run here lets it go once its pause has drained: from then on only served code may take it up.
      const host = runtime as unknown as { drives(executionId: string): boolean };
      await until(() => !host.drives(paused.executionId) || undefined);
      const error = await runtime.resume(paused.executionId, 'ada').catch((e: unknown) => e);
      expect(error).to.include({ code: 'VERSION_NOT_SERVED' });
      expect(String((error as Error).message))
        .to.contain(paused.executionId)
        .and.contain("'0'");
      const after = await runtime.inspect(paused.executionId);
      expect(after.state).to.equal('paused');
      expect(after.events).to.have.length(paused.events.length);
      // Served again (the old code brought back): it resumes on it.
      const done = await runtime.resume<number, string>(paused.executionId, 'ada', retired);
      expect(done.output).to.equal('ada (v0)');
    });

    it('checks each recorded execution against the code of its own version', async () => {
      const old = await v1.run(2, { runtime });
      const fresh = await v2.run(3, { runtime });
      const both = await replayCheck(runtime, [v1, v2]);
      expect(both.ok).to.equal(true);
      expect(both.checked).to.equal(2);
      // Given only v2, the v1 execution is not v2's to replay: skipped, not a divergence.
      const onlyV2 = await replayCheck(runtime, [v2]);
      expect(onlyV2.ok).to.equal(true);
      expect(onlyV2.verdicts.find((v) => v.executionId === old.executionId)?.skipped).to.contain("version '1'");
      expect(onlyV2.verdicts.find((v) => v.executionId === fresh.executionId)).to.include({
        ok: true,
        reached: 'wait',
      });
    });

    it('an execution recorded before versions were used resumes on the workflow without a version', async () => {
      const legacy = workflow.withOptions({ name: 'pinnedLegacy' })(async (ctx: ExecutionContext<number>) => {
        const by = await pause<string>('approve');
        return `${ctx.input} by ${by} (unversioned)`;
      });
      workflow.withOptions({ name: 'pinnedLegacy', version: '2' })(async () => {
        await fraudCheck(0); // a v2 that would diverge on the recorded log
        return `${await pause<string>('approve')} (v2)`;
      });
      const paused = await legacy.run(6, { runtime });
      expect(paused.version).to.equal(undefined);
      const done = await runtime.resume<number, string>(paused.executionId, 'eve');
      expect(done.output).to.equal('6 by eve (unversioned)');
    });

    it('refuses a version that cannot be carried in subjects and the index', () => {
      expect(() => workflow.withOptions({ name: 'badVersion', version: 'v 1' })(async () => 1)).to.throw(
        /workflow version 'v 1' is invalid/,
      );
    });
  });
}

describe('workflow versions across processes (SQLite file)', () => {
  it('a runtime opened later resumes a v1 execution on v1 and records the version in the index', async () => {
    const path = join(tempDir(), 'flux.db');
    const first = await createRuntime({ store: { sqlite: path } });
    const paused = await v1.run(21, { runtime: first });
    await first.close();
    ran = [];
    const second = await createRuntime({ store: { sqlite: path } });
    try {
      expect((await second.list({ version: '1' })).map((r) => r.executionId)).to.deep.equal([paused.executionId]);
      const done = await second.resume<number, string>(paused.executionId, 'cy');
      expect(done.output).to.equal('42 approved by cy (v1)');
      expect(ran).to.deep.equal(['finish v1']);
    } finally {
      await second.close();
    }
  });
});
