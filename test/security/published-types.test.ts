import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../fixtures/runtimes.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

const CONSUMER = `
import { workflow, task, createRuntime, type ExecutionContext } from 'flux-actors';

const double = task(async function double(x: number) {
  return x * 2;
});
export const doubled = workflow(async function doubled(ctx: ExecutionContext<number>) {
  return await double(ctx.input);
});
const runtime = await createRuntime({ store: { sqlite: 'flux.db' } });
const ctx = await doubled.run(21, { runtime });
export const output: number | undefined = ctx.state === 'succeeded' ? ctx.output : undefined;
await runtime.close();
`;

/** What `npm install flux-actors` puts in node_modules (hoisted): its dependencies, theirs, and so on. */
function installedWith(root: string): Set<string> {
  const found = new Set<string>();
  const dependenciesOf = (dir: string) =>
    Object.keys(
      (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {},
    );
  const queue = dependenciesOf(root);
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (found.has(name)) continue;
    found.add(name);
    queue.push(...dependenciesOf(join(root, 'node_modules', name)));
  }
  return found;
}

/**
 * A user installs flux-actors and compiles against its declarations with `skipLibCheck: false`.
 * Their node_modules holds what an install brings (the package and its dependencies) and the type
 * packages a Node program has anyway (@types/node), not our devDependencies (@types/better-sqlite3).
 */
describe("security: the published declarations compile without the package's private dependencies", function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    await run('npm', ['run', 'build'], { cwd: ROOT });
    dir = tempDir('flux-consumer-');
    const modules = join(dir, 'node_modules');
    // The package as installed: its files, not a link to this repository (whose node_modules has every devDependency).
    const installed = join(modules, 'flux-actors');
    mkdirSync(installed, { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(installed, 'package.json'));
    cpSync(join(ROOT, 'dist'), join(installed, 'dist'), {
      recursive: true,
      filter: (path) => !/\.(js|map)$/.test(path),
    });
    for (const name of [...installedWith(ROOT), '@types/node']) {
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'dir');
    }
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
    writeFileSync(join(dir, 'index.ts'), CONSUMER);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          types: ['node'],
        },
        files: ['index.ts'],
      }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a user compiling with skipLibCheck: false is not made to install @types/better-sqlite3 (no TS7016)', async () => {
    const result = await run(TSC, ['-p', join(dir, 'tsconfig.json')], { cwd: dir }).then(
      ({ stdout }) => ({ code: 0, output: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: `${error.stdout}${error.stderr}`,
      }),
    );
    expect(result.output).to.equal('');
    expect(result.code).to.equal(0);
  });
});
