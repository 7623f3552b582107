/**
 * A nats-server with JetStream for the benchmark: loopback, a free port, its own store directory
 * under the system temp dir, all removed by `dispose()`. (The few lines of test/fixtures/nats-server.ts
 * the benchmark needs, so bench/ does not depend on the test tree.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchNatsServer {
  readonly url: string;
  /** `nats-server --version`, e.g. `v2.9.10`. */
  readonly version: string;
  readonly dir: string;
  dispose(): Promise<void>;
}

/** Why NATS cannot be benchmarked here, or undefined when it can. */
export function natsServerMissing(): string | undefined {
  return natsServerVersion() ? undefined : 'nats-server is not installed (sudo apt-get install -y nats-server)';
}

/** `nats-server --version`, e.g. `v2.9.10`; undefined when it is not installed. */
export function natsServerVersion(): string | undefined {
  const probe = spawnSync('nats-server', ['--version'], { encoding: 'utf8' });
  return probe.error ? undefined : (/v[\d.]+/.exec(probe.stdout)?.[0] ?? probe.stdout.trim());
}

export async function startNatsServer(): Promise<BenchNatsServer> {
  const version = natsServerVersion();
  if (!version) throw new Error(natsServerMissing());
  const dir = mkdtempSync(join(tmpdir(), 'flux-bench-nats-'));
  const portsDir = join(dir, 'ports');
  mkdirSync(portsDir);
  const configPath = join(dir, 'nats.conf');
  writeFileSync(
    configPath,
    [
      'host: 127.0.0.1',
      'port: -1',
      `ports_file_dir: "${portsDir}"`,
      `jetstream { store_dir: "${join(dir, 'store')}", max_file_store: 20GB }`,
    ].join('\n'),
  );
  const stderr: string[] = [];
  const child: ChildProcess = spawn('nats-server', ['-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  const started = Date.now();
  let url: string | undefined;
  while (!url) {
    const file = existsSync(portsDir) ? readdirSync(portsDir).find((f) => f.endsWith('.ports')) : undefined;
    if (file) url = (JSON.parse(readFileSync(join(portsDir, file), 'utf8')) as { nats: string[] }).nats[0]!;
    else if (child.exitCode !== null)
      throw new Error(`nats-server exited with code ${child.exitCode}: ${stderr.join('')}`);
    else if (Date.now() - started > 10_000)
      throw new Error(`nats-server did not start within 10 s: ${stderr.join('')}`);
    else await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url,
    version,
    dir,
    async dispose() {
      process.off('exit', killNow);
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
