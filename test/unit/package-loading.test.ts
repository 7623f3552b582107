/**
 * Importing flux-actors loads only what the chosen runtime needs: the memory runtime loads no native
 * module (better-sqlite3) and nothing of NATS or protobuf; those load when a SQLite or NATS runtime
 * is created. Each case runs in a fresh Node process that logs every module it resolves.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../fixtures/runtimes.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BACKENDS = /node_modules\/(@nats-io\/|better-sqlite3\/|protobufjs\/)/;

/** The modules a fresh process resolved while running `script` (an ES module body). */
async function modulesLoadedBy(script: string): Promise<string[]> {
  const log = join(tempDir('flux-loading-'), 'modules.log');
  const hook = join(ROOT, 'test', 'fixtures', 'module-log.mjs');
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', '--import', hook, '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      env: { ...process.env, MODULE_LOG: log, FLUX_HOME: tempDir('flux-loading-home-') },
    },
  );
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('what importing flux-actors loads', function () {
  this.timeout(30_000);

  it('import and a memory runtime load no native module, nothing of NATS and no protobuf', async () => {
    const loaded = await modulesLoadedBy(`
      const flux = await import('flux-actors');
      const runtime = await flux.createRuntime({ store: 'memory' });
      const done = await flux.workflow(async function loadsLittle() { return 1; }).run(undefined, { runtime });
      if (done.output !== 1) throw new Error('the workflow did not run');
      await runtime.close();`);
    expect(
      loaded.some((url) => url.includes('/runtime/index.ts')),
      'the log sees the package',
    ).to.equal(true);
    expect(loaded.filter((url) => BACKENDS.test(url))).to.deep.equal([]);
  });

  it('a SQLite runtime loads better-sqlite3 when created, and still nothing of NATS', async () => {
    const loaded = await modulesLoadedBy(`
      const flux = await import('flux-actors');
      const runtime = await flux.createRuntime({ store: { sqlite: process.env.FLUX_HOME + '/flux.db' } });
      await runtime.close();`);
    expect(loaded.some((url) => url.includes('node_modules/better-sqlite3/'))).to.equal(true);
    expect(loaded.filter((url) => /node_modules\/@nats-io\//.test(url))).to.deep.equal([]);
  });
});
