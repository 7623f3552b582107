/**
 * The `flux` command line, run as a user runs it (a child process per command), against the
 * embedded store (a temporary FLUX_HOME) and a real nats-server with a `flux worker` process.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flux, FLUX, fluxFails, fluxJson, ROOT, run } from '../fixtures/flux-cli.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';

const APPROVAL = join(ROOT, 'examples', 'pause-with-input.ts');
const GRAPH = join(ROOT, 'examples', 'graph.ts');
const OUTCOMES = join(ROOT, 'test', 'fixtures', 'cli-outcomes.ts');
const REPAIR = join(ROOT, 'test', 'fixtures', 'cli-repair.ts');
const VERSIONS = join(ROOT, 'test', 'fixtures', 'cli-versions.ts');

describe('flux CLI', function () {
  this.timeout(60_000);

  describe('on the embedded runtime (FLUX_HOME)', () => {
    let env: Record<string, string>;
    before(() => (env = { FLUX_HOME: tempDir('flux-cli-') }));

    it('lists its commands, each with --help', async () => {
      const help = await flux(['--help'], env);
      expect(help.code).to.equal(0);
      for (const command of [
        'exec',
        'worker',
        'start',
        'resume',
        'cancel',
        'retry',
        'fork',
        'delete',
        'purge',
        'inspect',
        'list',
        'visualize',
        'server',
        'schedule',
      ])
        expect(help.stdout).to.contain(command);
      const startHelp = await flux(['start', '--help'], env);
      expect(startHelp.code).to.equal(0);
      expect(startHelp.stdout).to.contain('--wait').and.contain('--nats');
    });

    it('exec runs a .ts workflow and prints the execution; resume, inspect and list find it in the same store', async () => {
      const paused = await fluxJson(['exec', APPROVAL, 'expenseApproval', '250'], env);
      expect(paused).to.include({ name: 'expenseApproval', state: 'paused', input: 250 });
      expect(paused.output).to.deep.equal({ amount: 250, requestedAt: 'now' });
      const id = paused.executionId as string;

      const done = await fluxJson(['resume', id, '{"approved":true,"reviewer":"ada"}', '-m', APPROVAL, '--json'], env);
      expect(done).to.include({ executionId: id, state: 'succeeded', output: 'paid 250, approved by ada' });

      const inspected = await fluxJson<{ events: { type: string }[] }>(['inspect', id, '--events', '--json'], env);
      expect(inspected.events.map((e) => e.type)).to.include.members([
        'WORKFLOW_STARTED',
        'WORKFLOW_PAUSED',
        'WORKFLOW_RESUMED',
        'WORKFLOW_COMPLETED',
      ]);
      const human = await flux(['inspect', id], env);
      expect(human.stdout).to.contain(`${id}  expenseApproval  succeeded`);

      const listed = await fluxJson<{ executionId: string }[]>(
        ['list', '--state', 'succeeded', '--workflow', 'expenseApproval', '--json'],
        env,
      );
      expect(listed.map((r) => r.executionId)).to.include(id);
      const none = await fluxJson<unknown[]>(['list', '--state', 'failed', '--json'], env);
      expect(none).to.deep.equal([]);
    });

    it('schedule create, list, get, pause, resume, trigger and delete; resume --pause names a pause', async () => {
      const made = await fluxJson(
        [
          'schedule',
          'create',
          'expenseApproval',
          '--id',
          'nightly',
          '--cron',
          '0 2 * * *',
          '--timezone',
          'Europe/Lisbon',
          '--input',
          '7',
          '-m',
          APPROVAL,
          '--json',
        ],
        env,
      );
      expect(made).to.include({
        id: 'nightly',
        workflow: 'expenseApproval',
        cron: '0 2 * * *',
        timezone: 'Europe/Lisbon',
        input: 7,
      });
      const listed = await flux(['schedule', 'list', '-m', APPROVAL], env);
      expect(listed.stdout).to.contain('nightly').and.contain('cron 0 2 * * * Europe/Lisbon');
      expect(await fluxJson(['schedule', 'pause', 'nightly', '-m', APPROVAL, '--json'], env)).to.include({
        paused: true,
      });
      expect(await fluxJson(['schedule', 'resume', 'nightly', '-m', APPROVAL, '--json'], env)).to.include({
        paused: false,
      });
      const triggered = await fluxJson<{ executionId: string }>(
        ['schedule', 'trigger', 'nightly', '-m', APPROVAL, '--json'],
        env,
      );
      expect(triggered.executionId).to.match(/^nightly-\d{8}T\d{6,9}Z$/);
      const runs = await fluxJson<{ recent: { executionId: string; state: string; manual?: boolean }[] }>(
        ['schedule', 'get', 'nightly', '-m', APPROVAL, '--json'],
        env,
      );
      expect(runs.recent[0]).to.include({ executionId: triggered.executionId, state: 'paused', manual: true });
      const wrongPause = await fluxFails(
        ['resume', triggered.executionId, '{"approved":true,"reviewer":"x"}', '--pause', 'nope', '-m', APPROVAL],
        env,
        'PAUSE_NOT_PENDING',
      );
      expect(wrongPause).to.contain("'manager_approval'");
      const done = await fluxJson(
        [
          'resume',
          triggered.executionId,
          '{"approved":true,"reviewer":"x"}',
          '--pause',
          'manager_approval',
          '-m',
          APPROVAL,
          '--json',
        ],
        env,
      );
      expect(done).to.include({ state: 'succeeded' });
      expect(
        await fluxFails(
          ['schedule', 'create', 'expenseApproval', '--cron', 'often', '-m', APPROVAL],
          env,
          'INVALID_SCHEDULE',
        ),
      ).to.contain('often');
      const deleted = await flux(['schedule', 'delete', 'nightly', '-m', APPROVAL], env);
      expect(deleted.stdout.trim()).to.equal('deleted nightly');
      await fluxFails(['schedule', 'get', 'nightly', '-m', APPROVAL], env, 'SCHEDULE_NOT_FOUND');
    });

    it('replay --check: ok for the code that recorded them, the divergence and exit 5 for code that leaves their log', async () => {
      const v1 = join(ROOT, 'test', 'fixtures', 'versioned-v1.ts');
      const v2 = join(ROOT, 'test', 'fixtures', 'versioned-v2.ts');
      const paused = await fluxJson(['exec', v1, 'versionedOrder', '40'], env);
      const id = paused.executionId as string;
      const same = await flux(['replay', '--check', v1], env);
      expect(same.code, same.stderr).to.equal(0);
      expect(same.stdout).to.match(new RegExp(`ok +${id}`));
      const changed = await flux(['replay', '--check', v2, '--state', 'paused'], env);
      expect(changed.code, changed.stderr).to.equal(5);
      expect(changed.stdout)
        .to.contain(`DIVERGES  ${id}`)
        .and.contain('expected \'pause\' ["approval"]')
        .and.contain("called 'versionedScreen' [40]")
        .and.match(/versioned-v2\.ts:\d+:\d+/);
      const exported = join(env.FLUX_HOME!, 'history.json');
      writeFileSync(exported, (await flux(['inspect', id, '--events', '--json'], env)).stdout);
      const fromFile = await flux(['replay', '--check', v2, '--history', exported, '--json'], env);
      expect(fromFile.code, fromFile.stderr).to.equal(5);
      expect(JSON.parse(fromFile.stdout)).to.include({ ok: false, checked: 1 });
      expect((await fluxJson(['inspect', id, '--json'], env)).state, 'nothing written').to.equal('paused');
      await fluxFails(['replay', '--check', v1, '--state', 'asleep'], env, 'BAD_ARGUMENT');
    });

    it('start prints the id at once; cancel cancels a paused execution', async () => {
      const started = await flux(['start', 'expenseApproval', '99', '-m', APPROVAL], env);
      expect(started.code, started.stderr).to.equal(0);
      const id = started.stdout.trim();
      expect(id).to.match(/^[0-9a-f-]{36}$/);
      const cancelled = await fluxJson(['cancel', id, '-m', APPROVAL, '--json'], env);
      expect(cancelled).to.include({ executionId: id, state: 'cancelled' });
    });

    it('answers bad input with one line and a non-zero exit, and changes nothing', async () => {
      expect(await fluxFails(['exec', APPROVAL, 'noSuchWorkflow'], env, 'WORKFLOW_NOT_FOUND'))
        .to.contain("'noSuchWorkflow'")
        .and.contain('expenseApproval');
      expect(await fluxFails(['exec', APPROVAL, 'expenseApproval', '{oops'], env, 'BAD_JSON')).to.contain(
        'the input is not valid JSON',
      );
      expect(await fluxFails(['exec', 'no/such/file.ts', 'x'], env, 'MODULE_NOT_FOUND')).to.contain('no/such/file.ts');
      expect(await fluxFails(['inspect', 'no-such-execution'], env, 'EXECUTION_NOT_FOUND')).to.contain(
        'no-such-execution',
      );
      expect(await fluxFails(['list', '--nats', 'nats://127.0.0.1:1'], env, 'NATS_UNREACHABLE')).to.contain(
        'nats://127.0.0.1:1',
      );
      const done = await fluxJson(['exec', APPROVAL, 'expenseApproval', '5'], env);
      await fluxJson(
        ['resume', done.executionId as string, '{"approved":false,"reviewer":"bo"}', '-m', APPROVAL, '--json'],
        env,
      );
      await fluxFails(['resume', done.executionId as string, '1', '-m', APPROVAL], env, 'INVALID_EXECUTION_STATE');
      const after = await fluxJson<{ events: unknown[]; state: string }>(
        ['inspect', done.executionId as string, '--events', '--json'],
        env,
      );
      expect(after.state).to.equal('succeeded');
      const usage = await flux(['list', '--state', 'sleeping'], env);
      expect(usage.code).to.not.equal(0);
      expect(usage.stderr.trim().split('\n')).to.have.length(1);
      expect(usage.stderr)
        .to.match(/^flux: /)
        .and.contain('sleeping');
      expect(await fluxFails(['resume', done.executionId as string, '1'], env, 'WORKFLOW_NOT_FOUND')).to.contain(
        '-m <file>',
      );
    });

    it('start --id starts a new execution under that id; the same id and input is answered with its state and never run again, another input is EXECUTION_EXISTS', async () => {
      const id = `order-${process.pid}`;
      const started = await flux(['start', 'expenseApproval', '42', '--id', id, '-m', APPROVAL], env);
      expect(started.code, started.stderr).to.equal(0);
      expect(started.stdout.trim()).to.equal(id);
      const first = await fluxJson<{ state: string; input: unknown; events: unknown[] }>(
        ['inspect', id, '--events', '--json'],
        env,
      );
      expect(first).to.include({ state: 'paused', input: 42 });

      const again = await flux(['start', 'expenseApproval', '42', '--id', id, '--wait', '--json', '-m', APPROVAL], env);
      expect(again.code, again.stderr).to.equal(0);
      expect(JSON.parse(again.stdout)).to.include({ executionId: id, state: 'paused', input: 42 });
      expect(again.stderr).to.contain(id).and.contain('paused').and.contain('not started again');
      // The same id with another input is another start: refused, naming the id.
      expect(
        await fluxFails(['start', 'expenseApproval', '7', '--id', id, '-m', APPROVAL], env, 'EXECUTION_EXISTS'),
      ).to.contain(id);
      const after = await fluxJson<{ events: unknown[] }>(['inspect', id, '--events', '--json'], env);
      expect(after.events).to.deep.equal(first.events);
      expect(
        await fluxFails(['start', 'failsAtOnce', '--id', id, '-m', OUTCOMES], env, 'WORKFLOW_MISMATCH'),
      ).to.contain('expenseApproval');
    });

    it('exits 3 when the execution failed (exec, start --wait, resume), 0 when it paused or succeeded', async () => {
      const failed = await flux(['exec', OUTCOMES, 'failsAtOnce', '"no"'], env);
      expect(failed.code, failed.stderr).to.equal(3);
      expect(JSON.parse(failed.stdout)).to.include({ state: 'failed' });
      const waited = await flux(['start', 'failsAtOnce', '"no"', '--wait', '--json', '-m', OUTCOMES], env);
      expect(waited.code, waited.stderr).to.equal(3);
      expect(JSON.parse(waited.stdout)).to.include({ state: 'failed' });
      const paused = await fluxJson(['exec', OUTCOMES, 'failsOnResume', '"sure?"'], env);
      expect(paused).to.include({ state: 'paused' });
      const resumed = await flux(['resume', paused.executionId as string, '"no"', '-m', OUTCOMES, '--json'], env);
      expect(resumed.code, resumed.stderr).to.equal(3);
      expect(JSON.parse(resumed.stdout)).to.include({ state: 'failed' });
    });

    it('retry runs a failed execution again once the fix is deployed; fork goes on from a step; neither re-runs a completed step', async () => {
      const counted = () => readFileSync(join(env.FLUX_HOME!, 'counted.txt'), 'utf8').trim().split('\n');
      const failed = await flux(['exec', REPAIR, 'cliRepairReport', '"tuesday"'], env);
      expect(failed.code, failed.stderr).to.equal(3);
      const id = JSON.parse(failed.stdout).executionId as string;
      const still = await flux(['retry', id, '-m', REPAIR, '--json'], env);
      expect(still.code, still.stderr).to.equal(3);
      const fixed = { ...env, REPORT_FIXED: '1' };
      const retried = await flux(['retry', id, '-m', REPAIR, '--json'], fixed);
      expect(retried.code, retried.stderr).to.equal(0);
      expect(JSON.parse(retried.stdout)).to.include({ state: 'succeeded', output: 'published 70 rows' });
      const fork = await flux(
        ['fork', id, '--from', 'cliRepairPublish', '--id', `${id}-f`, '--wait', '-m', REPAIR, '--json'],
        fixed,
      );
      expect(fork.code, fork.stderr).to.equal(0);
      expect(JSON.parse(fork.stdout)).to.include({ executionId: `${id}-f`, state: 'succeeded' });
      expect(counted()).to.deep.equal(['tuesday']);
      expect(await fluxFails(['fork', id, '--from', '7', '-m', REPAIR], env, 'FORK_STEP_NOT_FOUND')).to.contain(id);
      expect(await fluxFails(['retry', id, '-m', REPAIR], env, 'INVALID_EXECUTION_STATE')).to.contain('succeeded');
    });

    it('delete removes a finished execution and refuses a paused one; purge deletes by age and state', async () => {
      const own = { FLUX_HOME: tempDir('flux-cli-delete-') };
      const paused = await fluxJson(['exec', APPROVAL, 'expenseApproval', '20'], own);
      const id = paused.executionId as string;
      expect(await fluxFails(['delete', id], own, 'INVALID_EXECUTION_STATE')).to.contain('paused');
      const failed = await flux(['exec', REPAIR, 'cliRepairReport', '"monday"'], own);
      expect(failed.code, failed.stderr).to.equal(3);
      const failedId = JSON.parse(failed.stdout).executionId as string;
      const done = await fluxJson(['resume', id, '{"approved":true,"reviewer":"ada"}', '-m', APPROVAL, '--json'], own);
      expect(done).to.include({ state: 'succeeded' });

      expect(await fluxJson(['purge', '--older-than', '1h', '--json'], own)).to.deep.equal({ deleted: 0 });
      expect(await fluxJson(['purge', '--older-than', '0', '--state', 'failed', '--json'], own)).to.deep.equal({
        deleted: 1,
      });
      expect(await fluxFails(['inspect', failedId], own, 'EXECUTION_NOT_FOUND')).to.contain(failedId);
      const deleted = await flux(['delete', id], own);
      expect(deleted.code, deleted.stderr).to.equal(0);
      expect(deleted.stdout).to.equal(`deleted ${id}\n`);
      expect((await flux(['list'], own)).stdout).to.not.contain(id);
      const badAge = await flux(['purge', '--older-than', 'soon'], own);
      expect(badAge.code).to.not.equal(0);
      expect(badAge.stderr).to.contain("'soon'").and.contain("'30d'");
      // Retention on NATS is the workers': a server there (a client) refuses it rather than ignore it.
      expect(
        await fluxFails(['server', '--retention', '30d', '--nats', 'nats://127.0.0.1:1'], own, 'BAD_ARGUMENT'),
      ).to.contain('--retention');
    });

    it('start --version pins a version, a start by name runs the newest, list --version finds what still needs v1', async () => {
      const old = await fluxJson(
        ['start', 'cliPinned', '3', '--version', '1', '--wait', '-m', VERSIONS, '--json'],
        env,
      );
      expect(old).to.include({ state: 'paused', version: '1', output: 3 });
      const fresh = await fluxJson(['start', 'cliPinned', '3', '--wait', '-m', VERSIONS, '--json'], env);
      expect(fresh).to.include({ state: 'paused', version: '2', output: 30 });
      const listed = await flux(['list', '--version', '1', '--state', 'paused', '-m', VERSIONS], env);
      expect(listed.stdout).to.contain(`${old.executionId}  cliPinned@1`);
      expect(listed.stdout).to.not.contain(fresh.executionId as string);
      const done = await fluxJson(['resume', old.executionId as string, '"yes"', '-m', VERSIONS, '--json'], env);
      expect(done).to.include({ state: 'succeeded', output: 'yes on v1' });
      expect(
        await fluxFails(['start', 'cliPinned', '3', '--version', '9', '-m', VERSIONS], env, 'VERSION_NOT_SERVED'),
      ).to.contain("version '9'");
    });

    it('exits 4 when the execution waited for was cancelled, and says so in --help', async () => {
      const id = `cancelled-${process.pid}`;
      expect((await flux(['start', 'expenseApproval', '1', '--id', id, '-m', APPROVAL], env)).code).to.equal(0);
      expect((await flux(['cancel', id, '-m', APPROVAL], env)).code).to.equal(0);
      const waited = await flux(['start', 'expenseApproval', '1', '--id', id, '--wait', '-m', APPROVAL], env);
      expect(waited.code, waited.stderr).to.equal(4);
      expect(waited.stdout).to.contain(`${id}  expenseApproval  cancelled`);
      for (const command of ['exec', 'start', 'resume']) {
        const help = await flux([command, '--help'], env);
        expect(help.stdout, command)
          .to.match(/Exit codes/)
          .and.match(/\b3\b.*failed/)
          .and.match(/\b4\b.*cancelled/);
      }
    });

    it('--version prints the version in package.json, from the sources and from the installed bin (dist/)', async () => {
      const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const fromSources = await flux(['--version'], env);
      expect(fromSources.code, fromSources.stderr).to.equal(0);
      expect(fromSources.stdout.trim()).to.equal(version);
      const fromDist = await run(
        process.execPath,
        [join(ROOT, 'dist', 'cli', 'flux.js'), '--version'],
        tempDir('flux-version-'),
        { NODE_OPTIONS: '' },
      );
      expect(fromDist.code, fromDist.stderr).to.equal(0);
      expect(fromDist.stdout.trim()).to.equal(version);
    });

    it("visualize draws a machine, a Graph from a file, and an execution's path", async () => {
      const machine = await flux(['visualize', 'execution'], env);
      expect(machine.code, machine.stderr).to.equal(0);
      expect(machine.stdout).to.contain('stateDiagram-v2').and.contain('paused');
      const graph = await flux(['visualize', GRAPH, 'order_review', '--format', 'dot'], env);
      expect(graph.code, graph.stderr).to.equal(0);
      expect(graph.stdout)
        .to.match(/digraph/)
        .and.contain('"validate"')
        .and.contain('"reject"');
      const run = await fluxJson(['exec', APPROVAL, 'expenseApproval', '7'], env);
      const path = await flux(['visualize', run.executionId as string, '--format', 'svg'], env);
      expect(path.code, path.stderr).to.equal(0);
      expect(path.stdout).to.match(/<svg/).and.contain('paused');
      await fluxFails(['visualize', 'no-such-machine-or-id'], env, 'EXECUTION_NOT_FOUND');
      const asJson = await fluxJson<{ format: string; picture: string }>(
        ['visualize', 'task-executor', '--format', 'dot', '--json'],
        env,
      );
      expect(asJson.format).to.equal('dot');
      expect(asJson.picture).to.contain('"backoff" -> "retrying"');
    });

    it('the installed bin (dist/) loads a .ts file of a CommonJS package and of an ES module package, no build step', async () => {
      // A user's project with flux-actors installed (this repository, built by npm test before the tests).
      const dir = tempDir('flux-user-');
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(ROOT, join(dir, 'node_modules', 'flux-actors'));
      writeFileSync(
        join(dir, 'wf.ts'),
        [
          "import { task, workflow, type ExecutionContext } from 'flux-actors';",
          'export const double = task(async function double(n: number) { return n * 2; });',
          'export const doubler = workflow(async function doubler(ctx: ExecutionContext<number>) { return await double(ctx.input); });',
        ].join('\n'),
      );
      for (const packageJson of ['{"name":"cjs-project"}', '{"name":"esm-project","type":"module"}']) {
        writeFileSync(join(dir, 'package.json'), packageJson);
        // As a user runs it: no tsx preloaded by the test runner.
        const ran = await run(
          process.execPath,
          [join(ROOT, 'dist', 'cli', 'flux.js'), 'exec', 'wf.ts', 'doubler', '21'],
          dir,
          { ...env, NODE_OPTIONS: '' },
        );
        expect(ran.code, `${packageJson}: ${ran.stderr}`).to.equal(0);
        expect(JSON.parse(ran.stdout)).to.include({ state: 'succeeded', output: 42 });
      }
    });
  });

  describe('on NATS, with a `flux worker` process', () => {
    let env: Record<string, string>;
    let url: string;
    let worker: ChildProcess | undefined;
    let metricsUrl: string | undefined;
    const prefix = `cli${process.pid}`;

    before(async () => {
      url = (await sharedNatsServer()).url;
      env = { FLUX_HOME: tempDir('flux-cli-nats-'), FLUX_NATS_URL: url };
      worker = spawn(
        process.execPath,
        ['--import', 'tsx', FLUX, 'worker', APPROVAL, '--prefix', prefix, '--metrics-port', '0'],
        {
          cwd: ROOT,
          env: { ...process.env, ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      await new Promise<void>((resolve, reject) => {
        let said = '';
        worker!.stderr!.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          metricsUrl ??= /metrics on (http:\/\/\S+)/.exec(said)?.[1];
          if (said.includes('expenseApproval')) resolve();
        });
        worker!.once('exit', (code) => reject(new Error(`flux worker exited with ${code}: ${said}`)));
      });
    });

    after(() => {
      if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    });

    it('the worker serves Prometheus metrics on --metrics-port: what it ran is counted there', async () => {
      const paused = await fluxJson(['start', 'expenseApproval', '310', '--wait', '--prefix', prefix, '--json'], env);
      expect(paused).to.include({ state: 'paused' });
      const text = await (await fetch(metricsUrl!)).text();
      expect(text).to.match(/^flux_executions_started_total\{workflow="expenseApproval"[^}]*\} [1-9]\d*$/m);
      expect(text).to.match(/^flux_task_attempts_total\{[^}]*task="requestApproval"[^}]*\} [1-9]\d*$/m);
    });

    it('start --wait, resume, list and visualize go through NATS to the worker', async () => {
      const paused = await fluxJson(['start', 'expenseApproval', '300', '--wait', '--prefix', prefix, '--json'], env);
      expect(paused).to.include({ state: 'paused', input: 300 });
      const id = paused.executionId as string;
      const done = await fluxJson(
        ['resume', id, '{"approved":true,"reviewer":"cy"}', '--prefix', prefix, '--json'],
        env,
      );
      expect(done).to.include({ state: 'succeeded', output: 'paid 300, approved by cy' });
      const listed = await fluxJson<{ executionId: string }[]>(['list', '--prefix', prefix, '--json'], env);
      expect(listed.map((r) => r.executionId)).to.include(id);
      const dot = await flux(['visualize', id, '--format', 'dot', '--prefix', prefix], env);
      expect(dot.code, dot.stderr).to.equal(0);
      expect(dot.stdout).to.contain('succeeded');
      await fluxFails(['start', 'noSuchWorkflow', '--prefix', prefix], env, 'WORKFLOW_NOT_FOUND');
      await fluxFails(['resume', id, '1', '--prefix', prefix], env, 'INVALID_EXECUTION_STATE');
    });

    it('start --id through NATS: a new id starts there, the same id and input is answered with its state, another input is EXECUTION_EXISTS', async () => {
      const id = `nats-order-${process.pid}`;
      const first = await fluxJson(
        ['start', 'expenseApproval', '11', '--id', id, '--wait', '--prefix', prefix, '--json'],
        env,
      );
      expect(first).to.include({ executionId: id, state: 'paused', input: 11 });
      const again = await flux(
        ['start', 'expenseApproval', '11', '--id', id, '--wait', '--prefix', prefix, '--json'],
        env,
      );
      expect(again.code, again.stderr).to.equal(0);
      expect(again.stderr).to.contain('exists already (paused): not started again');
      expect(JSON.parse(again.stdout)).to.include({ executionId: id, state: 'paused', input: 11 });
      await fluxFails(['start', 'expenseApproval', '12', '--id', id, '--prefix', prefix], env, 'EXECUTION_EXISTS');
    });

    it('inspect and cancel through NATS', async () => {
      const paused = await fluxJson(['start', 'expenseApproval', '5', '--wait', '--prefix', prefix, '--json'], env);
      const id = paused.executionId as string;
      const inspected = await fluxJson<{ state: string; events: { type: string }[] }>(
        ['inspect', id, '--events', '--prefix', prefix, '--json'],
        env,
      );
      expect(inspected.state).to.equal('paused');
      expect(inspected.events.map((e) => e.type)).to.include('WORKFLOW_PAUSED');
      const cancelled = await fluxJson(['cancel', id, '--prefix', prefix, '--json'], env);
      expect(cancelled).to.include({ executionId: id, state: 'cancelled' });
      await fluxFails(['inspect', 'no-such-execution', '--prefix', prefix], env, 'EXECUTION_NOT_FOUND');
    });

    it('the worker drains and exits on SIGTERM', async () => {
      const exited = new Promise<number | null>((resolve) => worker!.once('exit', (code) => resolve(code)));
      let said = '';
      worker!.stderr!.on('data', (chunk: Buffer) => (said += chunk.toString()));
      worker!.kill('SIGTERM');
      expect(await exited).to.equal(0);
      expect(said).to.contain('draining').and.contain('stopped');
    });
  });
});
