import { expect } from 'chai';
import { execFile, spawn } from 'node:child_process';
import { createRuntime, type ExecutionEvent, type Runtime } from 'flux-actors';
import { crashable, retrying, trip } from '../fixtures/crash-workflow.js';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../fixtures/runtimes.js';

const run = promisify(execFile);
const CHILD = join(import.meta.dirname, '..', 'fixtures', 'child.ts');
const CHILD_CRASH = join(import.meta.dirname, '..', 'fixtures', 'child-crash.ts');
const CHILD_CANCEL = join(import.meta.dirname, '..', 'fixtures', 'child-cancel.ts');
const CHILD_WITHOUT_WORKFLOW = join(import.meta.dirname, '..', 'fixtures', 'child-without-workflow.ts');

/** Waits, at most 20 s, until the execution's durable log holds a matching event. Real time on purpose: what it waits for happens in other processes (workers, a nats-server), which no test clock moves; the deadline only says a wait failed, it never decides a result. */
async function waitForEvent(
  runtime: Runtime,
  executionId: string,
  matches: (e: ExecutionEvent) => boolean,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const events = await runtime.inspect(executionId).then(
      (ctx) => ctx.events,
      () => [] as ExecutionEvent[],
    );
    if (events.some(matches)) return;
    if (Date.now() > deadline) throw new Error(`execution ${executionId} never recorded the awaited event`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface ContextJson {
  executionId: string;
  state: string;
  output: unknown;
  events: { id: string; type: string; sourceId: string; value: unknown }[];
}

describe('a new process continues what another one paused (SQLite)', function () {
  this.timeout(60_000);
  let home: string;
  let sideEffects: string;

  before(() => {
    home = tempDir('flux-e2e-');
    sideEffects = join(home, 'side-effects.log');
    writeFileSync(sideEffects, '');
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  async function child(...args: string[]): Promise<ContextJson> {
    return spawnJson(CHILD, args) as Promise<ContextJson>;
  }

  async function spawnJson(script: string, args: string[]): Promise<unknown> {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      env: { ...process.env, FLUX_HOME: home, SIDE_EFFECTS_FILE: sideEffects },
    });
    return JSON.parse(stdout) as unknown;
  }

  it('pauses in one process, resumes in another, and runs no completed task twice', async () => {
    const paused = await child('run', 'book');
    expect(paused.state).to.equal('paused');
    expect(paused.output).to.deep.equal({ reservation: 'r-book' });

    const done = await child('resume', paused.executionId, 'ada');
    expect(done.state).to.equal('succeeded');
    const recordedUuid = paused.events.find(
      (e) => e.sourceId.startsWith('uuid4_') && e.type === 'TASK_COMPLETED',
    )!.value;
    expect(done.output).to.deep.equal({ orderId: recordedUuid, confirmation: 'r-book confirmed by ada' });
    expect(done.events.slice(0, paused.events.length)).to.deep.equal(paused.events);

    const lines = readFileSync(sideEffects, 'utf8').trim().split('\n');
    expect(lines.map((l) => l.split(' ').slice(1).join(' '))).to.deep.equal(['reserve book', 'confirm r-book']);
    const pids = new Set(lines.map((l) => l.split(' ')[0]));
    expect(pids.size).to.equal(2);

    const again = await child('resume', paused.executionId, 'grace').then(
      () => undefined,
      (e: { stderr: string }) => e.stderr,
    );
    expect(again).to.contain('INVALID_EXECUTION_STATE');
  });

  it('refuses to resume in a process that does not define the workflow, and leaves it paused', async () => {
    const paused = await child('run', 'lamp');
    const answer = await spawnJson(CHILD_WITHOUT_WORKFLOW, [paused.executionId]);
    expect(answer).to.deep.include({ code: 'WORKFLOW_NOT_FOUND', executionId: paused.executionId });
    expect((answer as { message: string }).message).to.contain(
      "workflow 'crossProcessOrder' is not defined in this process",
    );
    const done = await child('resume', paused.executionId, 'ada');
    expect(done.state).to.equal('succeeded');
  });

  it('finishes, in another process, an execution whose process was killed mid-task, without re-running completed tasks', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_CRASH], {
      env: { ...process.env, FLUX_HOME: home, SIDE_EFFECTS_FILE: sideEffects, HANG_STEP_TWO: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const executionId = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    const runtime = await createRuntime({ store: { sqlite: join(home, 'flux.db') } });
    try {
      // Wait (bounded) until step two's start is durable, then kill the process without warning.
      await waitForEvent(runtime, executionId, (e) => e.name === 'stepTwo');
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect((await runtime.inspect(executionId)).state).to.equal('running');

      process.env.SIDE_EFFECTS_FILE = sideEffects; // this process runs the tasks now
      const done = await crashable.run(1, { runtime, executionId }).finally(() => delete process.env.SIDE_EFFECTS_FILE);
      expect(done.state).to.equal('succeeded');
      expect(done.output).to.equal(20);
      expect(done.events.map((e) => e.type)).to.include('WORKFLOW_RECOVERED');
      const runs = readFileSync(sideEffects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[1])
        .filter((s) => s === 'one' || s === 'two');
      expect(runs.filter((s) => s === 'one')).to.have.length(1); // completed before the crash: never again
      expect(runs.filter((s) => s === 'two')).to.have.length(2); // in flight at the crash: at least once more
    } finally {
      child.kill('SIGKILL');
      await runtime.close();
    }
  });

  it('finishes a cancel whose process was killed during its rollbacks: settled rollbacks do not run again', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_CANCEL], {
      env: { ...process.env, FLUX_HOME: home, SIDE_EFFECTS_FILE: sideEffects, HANG_ROLLBACK: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const executionId = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    const runtime = await createRuntime({ store: { sqlite: join(home, 'flux.db') } });
    try {
      // Newest first: the hotel's rollback completes, the seat's hangs; then the process dies.
      await waitForEvent(runtime, executionId, (e) => e.type === 'TASK_ROLLBACK_STARTED' && e.name === 'bookSeat');
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      expect((await runtime.inspect(executionId)).state).to.equal('cancelling');

      process.env.SIDE_EFFECTS_FILE = sideEffects; // this process runs the rollbacks now
      const done = await trip.run(7, { runtime, executionId }).finally(() => delete process.env.SIDE_EFFECTS_FILE);
      expect(done.state).to.equal('cancelled');
      const types = done.events.map((e) => `${e.type} ${e.name}`);
      expect(types.filter((t) => t === 'WORKFLOW_CANCELLED trip')).to.have.length(1);
      expect(types.filter((t) => t === 'TASK_ROLLBACK_COMPLETED bookHotel')).to.have.length(1);
      expect(types.filter((t) => t === 'TASK_ROLLBACK_COMPLETED bookSeat')).to.have.length(1);
      const undone = readFileSync(sideEffects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(1).join(' '))
        .filter((s) => s.startsWith('undo'));
      expect(undone.filter((s) => s === 'undo hotel')).to.have.length(1); // settled before the crash: never again
      expect(undone.filter((s) => s === 'undo seat')).to.have.length(2); // running at the crash: at least once more
    } finally {
      child.kill('SIGKILL');
      await runtime.close();
    }
  });

  it('takes a task killed between retries up at the next attempt, not the first', async () => {
    writeFileSync(sideEffects, '');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD_CRASH, 'retrying'], {
      env: { ...process.env, FLUX_HOME: home, SIDE_EFFECTS_FILE: sideEffects },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const executionId = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    const runtime = await createRuntime({ store: { sqlite: join(home, 'flux.db') } });
    try {
      await waitForEvent(runtime, executionId, (e) => e.type === 'TASK_RETRY_STARTED');
      child.kill('SIGKILL'); // while it waits out the backoff before attempt 2
      await new Promise((resolve) => child.once('exit', resolve));

      process.env.SIDE_EFFECTS_FILE = sideEffects;
      const done = await retrying.run(1, { runtime, executionId }).finally(() => delete process.env.SIDE_EFFECTS_FILE);
      expect(done.state, JSON.stringify(done.error)).to.equal('succeeded');
      expect(done.output).to.equal(100);
      const lines = readFileSync(sideEffects, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(' '));
      const childPid = lines[0]![0];
      expect(lines.map(([pid, , n]) => `${pid === childPid ? 'child' : 'parent'} ${n}`)).to.deep.equal([
        'child 1',
        'parent 2',
        'parent 3',
      ]);
      const retries = done.events
        .filter((e) => e.type === 'TASK_RETRY_STARTED')
        .map((e) => (e.value as { attempt: number }).attempt);
      expect(retries).to.deep.equal([2, 3]);
    } finally {
      child.kill('SIGKILL');
      await runtime.close();
    }
  });

  it('computes the same task ids in a fresh process', async () => {
    const a = await child('run', 'pen');
    const b = await child('run', 'pen');
    const ids = (c: ContextJson) => c.events.filter((e) => e.type === 'TASK_STARTED').map((e) => e.sourceId);
    expect(ids(a)).to.deep.equal(ids(b));
    expect(ids(a)).to.have.length(3);
  });
});
