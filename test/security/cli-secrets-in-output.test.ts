/**
 * A NATS URL's password never reaches the CLI's output: not in an error (a refused login, an
 * unreachable server), not where `flux worker` and `flux server` say where they are connected,
 * not in the server's GET /health. Run against a real nats-server with nats.conf's users.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { flux, FLUX, ROOT } from '../fixtures/flux-cli.js';
import { startNatsServer, type NatsServer } from '../fixtures/nats-server.js';
import { tempDir } from '../fixtures/runtimes.js';

const CONFIG = join(ROOT, 'nats.conf');
const APPROVAL = join(ROOT, 'examples', 'pause-with-input.ts');

/**
 * A long-running flux command: `whileUp` gets its first line on stdout, then it is sent SIGTERM;
 * returns what `whileUp` returned, all it printed, and its exit status.
 */
async function whileRunning<T>(
  args: string[],
  env: Record<string, string>,
  whileUp: (first: string) => Promise<T>,
): Promise<{ seen: T; all: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', FLUX, ...args], {
    cwd: ROOT,
    env: { ...process.env, FLUX_NATS_URL: '', FLUX_NATS_INBOX_PREFIX: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  try {
    const first = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
      });
      void exited.then((code) =>
        reject(new Error(`flux ${args[0]} exited (${code}) before printing a line: ${stderr}`)),
      );
    });
    const seen = await whileUp(first);
    child.kill('SIGTERM');
    return { seen, all: stdout + stderr, code: await exited };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

describe('the flux CLI never prints the password of a NATS URL', function () {
  this.timeout(60_000);
  let server: NatsServer;
  let env: Record<string, string>;
  const withPassword = (user: string, password: string) => server.url.replace('nats://', `nats://${user}:${password}@`);

  before(async () => {
    server = await startNatsServer({ configFile: CONFIG });
    env = { FLUX_HOME: tempDir('flux-cli-secrets-') };
  });
  after(() => server?.dispose());

  it('a wrong password in the URL is quoted as *** by list, worker and server, and appears nowhere in their output', async () => {
    const wrong = withPassword('client', 'Wr0ng-S3cret-pw');
    const runs = await Promise.all([
      flux(['list', '--nats', wrong], env),
      flux(['worker', APPROVAL, '--nats', wrong], env),
      flux(['server', '--nats', wrong, '--port', '0'], env),
    ]);
    for (const ran of runs) {
      expect(ran.code, ran.stderr).to.equal(1);
      expect(ran.stderr).to.contain('[NATS_AUTH_FAILED]').and.contain('nats://client:***@');
      expect(ran.stdout + ran.stderr).to.not.contain('Wr0ng-S3cret-pw');
    }
  });

  it('an unreachable server is named without the password of its URL', async () => {
    const ran = await flux(['inspect', 'some-id', '--nats', 'nats://someone:Unr3achable-pw@127.0.0.1:1'], env);
    expect(ran.code).to.equal(1);
    expect(ran.stderr).to.contain('[NATS_UNREACHABLE]').and.contain('nats://someone:***@127.0.0.1:1');
    expect(ran.stdout + ran.stderr).to.not.contain('Unr3achable-pw');
  });

  it('a worker and a server logged in by the URL say where they are connected (stderr, --json, GET /health) without the password', async () => {
    const worker = await whileRunning(
      ['worker', APPROVAL, '--json', '--nats', withPassword('worker', 'change-me-worker')],
      { ...env, FLUX_NATS_INBOX_PREFIX: '_INBOX_worker' },
      async (first) => first,
    );
    expect(JSON.parse(worker.seen)).to.include({ nats: withPassword('worker', '***') });
    expect(worker.all)
      .to.contain(`on ${withPassword('worker', '***')}`)
      .and.not.contain('change-me-worker');
    expect(worker.code).to.equal(0);

    const served = await whileRunning(
      ['server', '--json', '--port', '0', '--nats', withPassword('client', 'change-me-client')],
      { ...env, FLUX_NATS_INBOX_PREFIX: '_INBOX_client' },
      async (first) => {
        const { url } = JSON.parse(first) as { url: string };
        return { first, health: await (await fetch(`${url}/health`)).text() };
      },
    );
    expect(JSON.parse(served.seen.first)).to.have.property('backend').that.contains(withPassword('client', '***'));
    expect(JSON.parse(served.seen.health)).to.have.property('backend').that.contains(withPassword('client', '***'));
    expect(served.all + served.seen.health).to.not.contain('change-me-client');
  });
});
