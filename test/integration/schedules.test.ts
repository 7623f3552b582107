import { expect } from 'chai';
import { join } from 'node:path';
import {
  createRuntime,
  pause,
  schedule,
  TestClock,
  workflow,
  type ExecutionContext,
  type FluxError,
  type Runtime,
  type ScheduleRunInfo,
} from 'flux-actors';
import { TEST_EPOCH, tempDir, useTestClock, type StoreKind } from '../fixtures/runtimes.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const report = workflow(async function scheduledReport(ctx: ExecutionContext<{ team: string }>) {
  return `report for ${ctx.input?.team ?? 'nobody'}`;
});
/** A run that stays open until resumed: what overlap policies look at. */
const longRun = workflow(async function longScheduledRun() {
  return await pause('hold');
});

/** Waits, a turn at a time, until `check` holds: the scheduler works on its own after the clock moves. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let turns = 0; !(await check()); turns++) {
    expect(turns, `still waiting for ${what}`).to.be.below(2000);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const started = (runs: readonly ScheduleRunInfo[]) => runs.filter((run) => !run.skipped);
const iso = (ms: number) => new Date(ms).toISOString();

for (const kind of ['memory', 'sqlite'] as StoreKind[]) {
  describe(`schedules (${kind} store)`, () => {
    let runtime: Runtime;
    let clock: TestClock;
    useTestClock(kind, (r, c) => {
      runtime = r;
      clock = c;
    });

    it('fires a cron in America/New_York at 9:00 local on each side of the DST change', async () => {
      await clock.advance(Date.parse('2030-03-08T12:00:00Z') - clock.now());
      const made = await schedule(report, {
        id: 'nine-am',
        cron: '0 9 * * *',
        timezone: 'America/New_York',
        input: { team: 'ops' },
        runtime,
      });
      expect(made.nextFireAt).to.equal('2030-03-08T14:00:00.000Z'); // EST, UTC-5
      const fires = [
        '2030-03-08T14:00:00.000Z',
        '2030-03-09T14:00:00.000Z',
        '2030-03-10T13:00:00.000Z',
        '2030-03-11T13:00:00.000Z',
      ];
      for (const [n, fire] of fires.entries()) {
        await clock.advance(Date.parse(fire) - clock.now());
        await until(async () => started(await runtime.schedules.runs('nine-am')).length === n + 1, `fire ${fire}`);
      }
      const runs = await runtime.schedules.runs('nine-am');
      expect(runs.map((run) => run.fireAt).reverse()).to.deep.equal(fires);
      expect(runs[0]!.executionId).to.equal('nine-am-20300311T130000Z');
      const last = await clock.skipUntil(runtime.result(runs[0]!.executionId));
      expect(last.output).to.equal('report for ops');
    });

    it("overlap 'skip' skips fires while the last run is open; 'allow' starts each; 'bufferOne' keeps one for later", async () => {
      for (const overlap of ['skip', 'allow', 'bufferOne'] as const) {
        await runtime.schedules.create(longRun, { id: `hourly-${overlap}`, every: '1h', overlap });
      }
      for (let hour = 1; hour <= 3; hour++) {
        await clock.advance('1h');
        await until(
          async () => (await runtime.schedules.runs('hourly-allow')).length === hour,
          `the fires of hour ${hour}`,
        );
        await until(async () => (await runtime.schedules.runs('hourly-skip')).length === hour, 'skip');
      }
      const skip = await runtime.schedules.runs('hourly-skip');
      expect(started(skip)).to.have.length(1);
      expect(skip.filter((run) => run.skipped === 'overlap')).to.have.length(2);
      expect(started(await runtime.schedules.runs('hourly-allow'))).to.have.length(3);
      const buffered = await runtime.schedules.get('hourly-bufferOne');
      expect(started(buffered.recent)).to.have.length(1);
      // The open run ends: the one buffered fire (the latest) starts, and only it.
      await runtime.resume(started(buffered.recent)[0]!.executionId, 'done');
      await until(
        async () => started(await runtime.schedules.runs('hourly-bufferOne')).length === 2,
        'the buffered fire',
      );
      const after = started(await runtime.schedules.runs('hourly-bufferOne'));
      expect(after[0]!.fireAt).to.equal(iso(TEST_EPOCH + 3 * HOUR));
    });

    it('delays each fire by its jitter, the same in every process, and names the run by the nominal time', async () => {
      const made = await runtime.schedules.create(report, {
        id: 'spread',
        every: '1h',
        jitter: '10m',
        input: { team: 'j' },
      });
      expect(made.jitter).to.equal(600_000);
      await clock.advance(HOUR + 600_000);
      await until(async () => started(await runtime.schedules.runs('spread')).length === 1, 'the jittered fire');
      const [run] = await runtime.schedules.runs('spread');
      expect(run!.fireAt).to.equal(iso(TEST_EPOCH + HOUR));
      const ctx = await clock.skipUntil(runtime.result(run!.executionId));
      const startedAt = Date.parse(ctx.events[0]!.time) - TEST_EPOCH;
      expect(startedAt).to.be.within(HOUR, HOUR + 600_000);
    });

    it('pauses, resumes (missed fires are not run), triggers, updates and deletes', async () => {
      await runtime.schedules.create(report, { id: 'ops', every: '1d', input: { team: 'a' } });
      await runtime.schedules.pause('ops');
      await clock.advance('3d');
      expect((await runtime.schedules.runs('ops')).length).to.equal(0);
      const resumed = await runtime.schedules.resume('ops');
      expect(resumed.nextFireAt).to.equal(iso(TEST_EPOCH + 4 * DAY));
      const manual = await runtime.schedules.trigger('ops');
      expect(manual).to.equal(`ops-${iso(clock.now()).replace(/[-:]/g, '').replace('.000', '')}`);
      expect((await clock.skipUntil(runtime.result(manual))).output).to.equal('report for a');
      const updated = await runtime.schedules.update('ops', { input: { team: 'b' } });
      expect(updated.input).to.deep.equal({ team: 'b' });
      expect(updated.nextFireAt, 'the timing is kept').to.equal(resumed.nextFireAt);
      const recron = await runtime.schedules.update('ops', { cron: '0 12 * * *' });
      expect(recron.cron).to.equal('0 12 * * *');
      expect(recron.every).to.equal(undefined);
      await runtime.schedules.delete('ops');
      const gone = await runtime.schedules.get('ops').catch((e: unknown) => e);
      expect((gone as FluxError).code).to.equal('SCHEDULE_NOT_FOUND');
    });

    it('refuses bad schedules with a clear error, and a second one under the same id', async () => {
      const codes = await Promise.all(
        [
          { cron: 'not a cron' },
          { cron: '0 9 * * *', timezone: 'Mars/Olympus' },
          { every: '1h', at: TEST_EPOCH },
          {},
          { every: '1h', overlap: 'sometimes' as never },
        ].map((options) =>
          runtime.schedules.create(report, options).then(
            () => 'made',
            (e: FluxError) => e.code,
          ),
        ),
      );
      expect(codes).to.deep.equal([
        'INVALID_SCHEDULE',
        'INVALID_SCHEDULE',
        'INVALID_SCHEDULE',
        'INVALID_SCHEDULE',
        'INVALID_SCHEDULE',
      ]);
      await runtime.schedules.create(report, { id: 'once', at: TEST_EPOCH + HOUR });
      const twice = await runtime.schedules
        .create(report, { id: 'once', at: TEST_EPOCH + HOUR })
        .catch((e: FluxError) => e);
      expect((twice as FluxError).code).to.equal('SCHEDULE_CONFLICT');
      const unknown = await runtime.schedules.create('noSuchWorkflow', { every: '1h' }).catch((e: FluxError) => e);
      expect((unknown as FluxError).code).to.equal('WORKFLOW_NOT_FOUND');
      await clock.advance('2h');
      await until(async () => started(await runtime.schedules.runs('once')).length === 1, 'the one fire');
      expect((await runtime.schedules.get('once')).nextFireAt, 'spent').to.equal(undefined);
    });
  });
}

describe('schedules in a SQLite file shared by processes', () => {
  const every = workflow.withOptions({ name: 'declaredHourly', schedule: { every: '1h', input: { team: 'x' } } })(
    async (ctx: ExecutionContext<{ team: string }>) => `hourly ${ctx.input.team}`,
  );

  it('catches up on what was missed while no process ran: latest, all, or none', async () => {
    const path = join(tempDir(), 'flux.db');
    const clock = new TestClock(TEST_EPOCH);
    const first = await createRuntime({ store: { sqlite: path }, clock });
    // 'allow': a catch-up of every missed fire starts them all at once, which 'skip' would not.
    for (const catchup of ['latest', 'all', 'none'] as const)
      await first.schedules.create(report, { id: `catch-${catchup}`, every: '1h', catchup, overlap: 'allow' });
    await first.close();
    await clock.advance(5.5 * HOUR); // nothing runs
    const second = await createRuntime({ store: { sqlite: path }, clock });
    try {
      await until(async () => (await second.schedules.runs('catch-all')).length === 5, 'the catch-up');
      await until(async () => (await second.schedules.runs('catch-latest')).length > 0, 'the catch-up');
      await until(async () => (await second.schedules.runs('catch-none')).length > 0, 'the catch-up');
      const latest = await second.schedules.runs('catch-latest');
      expect(started(latest).map((r) => r.fireAt)).to.deep.equal([iso(TEST_EPOCH + 5 * HOUR)]);
      expect(latest.some((r) => r.skipped === 'missed')).to.equal(true);
      expect(started(await second.schedules.runs('catch-all'))).to.have.length(5);
      const none = await second.schedules.runs('catch-none');
      expect(started(none)).to.have.length(0);
      expect(none.every((r) => r.skipped === 'missed')).to.equal(true);
      await clock.advance('30m'); // on time again: 'none' runs it
      await until(async () => started(await second.schedules.runs('catch-none')).length === 1, 'the next fire');
    } finally {
      await second.close();
    }
  });

  it('fires each fire once with two processes on the file; declares a schedule once and follows its changes', async () => {
    const path = join(tempDir(), 'flux.db');
    const clock = new TestClock(TEST_EPOCH);
    const a = await createRuntime({ store: { sqlite: path }, clock, workflows: [every] });
    const b = await createRuntime({ store: { sqlite: path }, clock, workflows: [every] });
    try {
      const schedules = await a.schedules.list();
      expect(schedules.map((s) => s.id)).to.deep.equal(['declaredHourly_auto']);
      expect(schedules[0]).to.include({ declared: true, every: HOUR });
      for (let hour = 1; hour <= 4; hour++) {
        await clock.advance('1h');
        await until(async () => (await a.schedules.runs('declaredHourly_auto')).length === hour, `hour ${hour}`);
      }
      const runs = await a.schedules.runs('declaredHourly_auto');
      expect(new Set(runs.map((r) => r.executionId)).size).to.equal(4);
      for (const run of runs) {
        const ctx = await a.inspect(run.executionId);
        expect(
          ctx.events.filter((e) => e.type === 'WORKFLOW_STARTED'),
          run.executionId,
        ).to.have.length(1);
      }
      // A start of a fire delivered again starts nothing new.
      const again = await a.start(every, { team: 'x' }, { executionId: runs[0]!.executionId });
      expect((await again.result()).events.filter((e) => e.type === 'WORKFLOW_STARTED')).to.have.length(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const changed = workflow.withOptions({ name: 'declaredHourlyV2', schedule: { every: '2h' } })(async () => 'v2');
    const c = await createRuntime({ store: { sqlite: path }, clock, workflows: [every, changed] });
    try {
      expect((await c.schedules.list()).map((s) => s.id).sort()).to.deep.equal([
        'declaredHourlyV2_auto',
        'declaredHourly_auto',
      ]);
    } finally {
      await c.close();
    }
  });
});
