import { expect } from 'chai';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRuntime, task, workflow, type ExecutionContext } from 'flux-actors';
import { SecretCipher } from '../../runtime/engine/secrets.js';
import { tempDir } from '../fixtures/runtimes.js';

const mode = (path: string) => statSync(path).mode & 0o777;

const shout = task(async function storeFilesShout(text: string) {
  return text.toUpperCase();
});
const greet = workflow(async function storeFilesGreet(ctx: ExecutionContext<string>) {
  return await shout(ctx.input);
});

/**
 * Another account on the machine must not read the executions' inputs and outputs (the database,
 * its WAL) nor the key sealing the secrets. Each test runs under umask 000, the most permissive,
 * so that only modes set by the runtime itself can pass.
 */
describe("security: the embedded store's files are its owner's only", () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = tempDir('flux-modes-');
    umask = process.umask(0o000);
  });
  afterEach(() => {
    const during = process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
    expect(during, 'the runtime must leave the process umask as it found it').to.equal(0o000);
  });

  it('another account cannot read flux.db, its WAL, its shared memory or secret.key: all 0600, $FLUX_HOME made 0700', async () => {
    const home = join(dir, 'home', 'flux');
    const db = join(home, 'flux.db');
    const runtime = await createRuntime({ store: { sqlite: db } });
    try {
      const ctx = await greet.run('hi', { runtime });
      expect(ctx.output).to.equal('HI');
      await runtime.secrets.set('token', 'hunter2');
      // While the runtime is open SQLite keeps its WAL and shared-memory files next to the database.
      for (const file of ['flux.db', 'flux.db-wal', 'flux.db-shm', 'secret.key'])
        expect(mode(join(home, file)), file).to.equal(0o600);
      expect(mode(home), '$FLUX_HOME').to.equal(0o700);
      expect(mode(join(dir, 'home')), 'a parent the runtime made').to.equal(0o700);
    } finally {
      await runtime.close();
    }
  });

  it("the default runtime's $FLUX_HOME is made 0700 and its database 0600", async () => {
    const home = join(dir, 'flux-home');
    const previous = process.env.FLUX_HOME;
    process.env.FLUX_HOME = home;
    try {
      const runtime = await createRuntime();
      await runtime.close();
    } finally {
      if (previous === undefined) delete process.env.FLUX_HOME;
      else process.env.FLUX_HOME = previous;
    }
    expect(mode(home)).to.equal(0o700);
    expect(mode(join(home, 'flux.db'))).to.equal(0o600);
  });

  it('leaves the mode of a directory its user made as the user chose it', async () => {
    const home = join(dir, 'shared');
    mkdirSync(home, { mode: 0o755 });
    const runtime = await createRuntime({ store: { sqlite: join(home, 'flux.db') } });
    await runtime.close();
    expect(mode(home)).to.equal(0o755);
    expect(mode(join(home, 'flux.db'))).to.equal(0o600);
  });

  it('another account cannot read the secret key of a NATS deployment: the directory made for it is 0700', () => {
    const keyFile = join(dir, 'keys', 'secret.key');
    new SecretCipher(keyFile).seal('token', 'hunter2');
    expect(mode(join(dir, 'keys'))).to.equal(0o700);
    expect(mode(keyFile)).to.equal(0o600);
  });
});
