import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRuntime, type Runtime } from 'flux-actors';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { doubled } from '../fixtures/executor-workflows.js';

const EXECUTOR = join(import.meta.dirname, '..', 'fixtures', 'nats-executor.ts');
/** The driving runtime's executor timeout: short, so a dead executor is noticed within the test. */
const EXECUTOR_TIMEOUT_MS = 1000;

/** Starts an executor process (it serves the task, no workflow); resolves once it takes commands. */
function startExecutor(url: string, prefix: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', EXECUTOR, url, prefix], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.once('exit', (code) => reject(new Error(`executor exited with code ${code} before it was ready`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The pids of the processes where the task body started, in order. */
function bodyStarts(file: string): number[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => Number(line.split(' ')[1]));
}

/** Until task bodies in executor processes have started `count` times. Real time on purpose: what it waits for happens in other processes (workers, a nats-server), which no test clock moves; the deadline only says a wait failed, it never decides a result. */
async function waitForBodyStarts(file: string, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (bodyStarts(file).length < count) {
    if (Date.now() > deadline) throw new Error(`the task body started ${bodyStarts(file).length} of ${count} times`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('task executors on NATS (executor processes)', function () {
  this.timeout(60_000);
  let url: string;
  let dir: string;
  let runtime: Runtime;
  let tests = 0;
  const executors: ChildProcess[] = [];

  before(async () => {
    url = (await sharedNatsServer()).url;
    dir = tempDir('flux-nats-executors-');
  });

  /** A driving runtime that serves no task itself: every task goes to an executor process. */
  beforeEach(async () => {
    const prefix = `exec${process.pid}_${++tests}`;
    runtime = await createRuntime({
      nats: {
        servers: url,
        prefix,
        secretKeyFile: join(dir, 'secret.key'),
        serveTasks: false,
        executorTimeoutMs: EXECUTOR_TIMEOUT_MS,
      },
    });
  });

  afterEach(() => runtime.close());

  after(async () => {
    await Promise.all(executors.splice(0).map(kill));
    rmSync(dir, { recursive: true, force: true });
  });

  const prefixOfThisTest = () => `exec${process.pid}_${tests}`;

  it('sends a task again when its executor is killed mid-run; the run on another executor completes it, recorded once', async () => {
    const bodyLog = join(dir, 'killed-body.log');
    const doomed = await startExecutor(url, prefixOfThisTest(), {
      FLUX_HOME: dir,
      BODY_LOG: bodyLog,
      BODY_WAIT_MS: '60000',
    });
    executors.push(doomed);
    const handle = await runtime.start(doubled, 20);
    await waitForBodyStarts(bodyLog, 1);
    await kill(doomed);
    const rescuer = await startExecutor(url, prefixOfThisTest(), {
      FLUX_HOME: dir,
      BODY_LOG: bodyLog,
      BODY_WAIT_MS: '0',
    });
    executors.push(rescuer);

    const done = await handle.result();
    expect(done.state).to.equal('succeeded');
    expect(done.output).to.equal(41);
    expect(bodyStarts(bodyLog)).to.deep.equal([doomed.pid, rescuer.pid]); // twice: once on each executor
    const completed = done.events.filter((e) => e.type === 'TASK_COMPLETED' && e.name === 'execSlowDouble');
    expect(completed).to.have.length(1);
    expect(done.events.filter((e) => e.type === 'TASK_STARTED' && e.name === 'execSlowDouble')).to.have.length(1);
  });

  it('leaves a task running longer than the executor timeout on a live executor alone', async () => {
    const bodyLog = join(dir, 'long-body.log');
    const env = { FLUX_HOME: dir, BODY_LOG: bodyLog, BODY_WAIT_MS: String(3 * EXECUTOR_TIMEOUT_MS) };
    executors.push(
      ...(await Promise.all([
        startExecutor(url, prefixOfThisTest(), env),
        startExecutor(url, prefixOfThisTest(), env),
      ])),
    );
    const done = await runtime.run(doubled, 5);
    expect(done.output).to.equal(11);
    expect(bodyStarts(bodyLog)).to.have.length(1); // probed and answered, never sent again
  });
});
