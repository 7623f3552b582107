import { expect } from 'chai';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRuntime, type ExecutionEvent, type Runtime } from 'flux-actors';
// Defines `leased` in this process too: a recovering runtime takes over only workflows its process defines.
import '../fixtures/lease-workflow.js';
import { tempDir } from '../fixtures/runtimes.js';

const CHILD = join(import.meta.dirname, '..', 'fixtures', 'lease-child.ts');

/**
 * Polls (every 20 ms, at most 10 s) until `done` holds: waiting for an event, never deciding by time.
 * Real time on purpose: the events come from other processes (and their leases, which keep real time).
 */
async function until<T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const eventsOf = (runtime: Runtime, executionId: string) =>
  runtime.inspect(executionId).then(
    (ctx) => ctx.events,
    () => [] as ExecutionEvent[],
  );
const holding = (events: ExecutionEvent[]) => events.some((e) => e.type === 'TASK_STARTED' && e.name === 'leaseHold');

/**
 * Processes sharing one SQLite file hold leases on the executions they drive. One that dies leaves
 * nothing running for ever: a runtime opened with `recover: true` takes its executions over and
 * finishes them by replay. One that is alive keeps them.
 */
describe('security: an embedded execution whose process died is recovered, one whose process lives is not taken', function () {
  this.timeout(30_000);
  let dir: string;
  let db: string;
  let sideEffects: string;
  const children: ChildProcessWithoutNullStreams[] = [];
  const runtimes: Runtime[] = [];

  const open = async (options: { recover?: boolean } = {}) => {
    const runtime = await createRuntime({ store: { sqlite: db }, ...options });
    runtimes.push(runtime);
    return runtime;
  };

  /** Starts `leased` in a child process; resolves with the execution's id and the child's later lines. */
  async function child(
    env: Record<string, string>,
  ): Promise<{ process: ChildProcessWithoutNullStreams; executionId: string; lines: string[] }> {
    const started = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, FLUX_DB: db, SIDE_EFFECTS_FILE: sideEffects, ...env },
    });
    children.push(started);
    started.stderr.pipe(process.stderr);
    const lines: string[] = [];
    let buffered = '';
    const executionId = await new Promise<string>((resolve, reject) => {
      started.once('exit', (code) => reject(new Error(`the child exited (${code}) before starting its execution`)));
      started.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const parts = buffered.split('\n');
        buffered = parts.pop()!;
        lines.push(...parts);
        if (lines.length) resolve(lines[0]!);
      });
    });
    return { process: started, executionId, lines };
  }

  const exited = (started: ChildProcessWithoutNullStreams) =>
    new Promise((resolve) =>
      started.exitCode !== null || started.signalCode !== null ? resolve(undefined) : started.once('exit', resolve),
    );
  const sideEffectLines = () =>
    readFileSync(sideEffects, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split(' '));

  beforeEach(() => {
    dir = tempDir('flux-recovery-');
    db = join(dir, 'flux.db');
    sideEffects = join(dir, 'side-effects.log');
    writeFileSync(sideEffects, '');
    process.env.SIDE_EFFECTS_FILE = sideEffects; // the steps this process runs for the executions it recovers
  });
  afterEach(async () => {
    delete process.env.SIDE_EFFECTS_FILE;
    for (const started of children.splice(0)) {
      started.kill('SIGKILL');
      await exited(started);
    }
    await Promise.all(runtimes.splice(0).map((runtime) => runtime.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a process killed mid-run (SIGKILL) does not leave its execution running for ever: a runtime opened with recover: true finishes it, running no completed step again', async () => {
    const { process: driver, executionId } = await child({ HOLD: 'forever' });
    const observer = await open();
    await until('the child holds in its second step', () => eventsOf(observer, executionId), holding);
    driver.kill('SIGKILL');
    await exited(driver);
    expect((await observer.inspect(executionId)).state).to.equal('running');

    await open({ recover: true }); // its first pass is done when it opens
    const events = await until(
      'the recovered execution ends',
      () => eventsOf(observer, executionId),
      (e) => e.some((x) => x.type === 'WORKFLOW_COMPLETED'),
    );
    const done = await observer.inspect(executionId);
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal(20);
    expect(events.filter((e) => e.type === 'WORKFLOW_RECOVERED')).to.have.length(1);
    const steps = sideEffectLines().map(
      ([pid, step]) => `${pid === String(driver.pid) ? 'killed' : 'recovering'} ${step}`,
    );
    expect(steps).to.deep.equal(['killed prepare', 'killed hold', 'recovering hold']); // prepare had completed: never again
  });

  it('a runtime opened with recover: true does not take an execution from a live process blocked in a task, and resume says how to recover one whose process died', async () => {
    const { process: driver, executionId } = await child({ HOLD: 'forever' });
    const observer = await open();
    const before = await until('the child holds in its second step', () => eventsOf(observer, executionId), holding);

    const recovering = await open({ recover: true });
    const report = await recovering.recover(); // a whole pass, which saw the execution
    expect(driver.exitCode, 'the driving process is alive').to.equal(null);
    expect(report.ownedElsewhere).to.include(executionId);
    expect(report.recovered.map((h) => h.executionId)).to.not.include(executionId);
    expect(await eventsOf(observer, executionId)).to.deep.equal(before);
    expect((await observer.inspect(executionId)).state).to.equal('running');

    const refused = await recovering.resume(executionId).then(
      () => undefined,
      (e: { code: string; message: string }) => e,
    );
    expect(refused?.code).to.equal('INVALID_EXECUTION_STATE');
    expect(refused?.message).to.contain(`execution ${executionId} is running`).and.to.contain('recover: true');
  });

  it('a process frozen past its lease (SIGSTOP) loses its execution to a recovering runtime, and once thawed cannot write into it', async () => {
    const { process: driver, executionId, lines } = await child({ HOLD: 'signal', LEASE_MS: '300' });
    const recovering = await open();
    await until('the child holds in its second step', () => eventsOf(recovering, executionId), holding);
    driver.kill('SIGSTOP');
    // Its process exists, so only its lapsed lease lets it go: passes report it owned until then.
    const report = await until(
      'its lease lapses',
      () => recovering.recover(),
      (r) => r.recovered.length > 0,
    );
    expect(report.recovered.map((h) => h.executionId)).to.deep.equal([executionId]);
    expect((await report.recovered[0]!.result()).output).to.equal(20);

    driver.kill('SIGCONT');
    driver.kill('SIGUSR2'); // its step returns now; recording it is refused, so its run ends as the log says
    await until(
      'the thawed child reports its run',
      async () => lines.length,
      (n) => n >= 2,
    );
    expect(JSON.parse(lines[1]!)).to.deep.equal({ state: 'succeeded' });
    const events = await eventsOf(recovering, executionId);
    expect(events.map((e) => e.id)).to.deep.equal(events.map((_, i) => `${executionId}:${i + 1}`));
    expect(events.filter((e) => e.type === 'TASK_COMPLETED' && e.name === 'leaseHold')).to.have.length(1);
    expect(events.filter((e) => e.type === 'WORKFLOW_COMPLETED')).to.have.length(1);
    const steps = sideEffectLines().map(
      ([pid, step]) => `${pid === String(driver.pid) ? 'frozen' : 'recovering'} ${step}`,
    );
    expect(steps).to.deep.equal(['frozen prepare', 'frozen hold', 'recovering hold']);
  });
});
