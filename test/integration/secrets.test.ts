import { expect } from 'chai';
import { readFileSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { workflow, task, taskContext, createRuntime, type ExecutionContext, type Runtime } from 'flux-actors';
import { STORE_KINDS, tempDir, testRuntime, useRuntime } from '../fixtures/runtimes.js';

const SECRET = 'sk_live_4242_do_not_log';

const charge = task.withOptions({ secretRequests: ['STRIPE_KEY'], retryMaxAttempts: 1, retryDelay: 1 })(
  async function chargeWithKey(amount: number) {
    const { secrets, attempt } = taskContext();
    // A careless first attempt quotes the key in its error; the executor must not let it through.
    if (attempt === 1) throw new Error(`gateway refused key ${secrets.STRIPE_KEY!}`);
    return { amount, keyLength: secrets.STRIPE_KEY!.length };
  },
);

const needsMissing = task.withOptions({ secretRequests: ['NOT_SET'] })(async function needsMissingSecret() {
  return 'never';
});

for (const kind of STORE_KINDS) {
  describe(`secrets (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));

    it('gives a task the secrets it requested, and no value reaches any event', async () => {
      await runtime.secrets.set('STRIPE_KEY', SECRET);
      const flow = workflow(async function paysWithSecret(ctx: ExecutionContext<number>) {
        return await charge(ctx.input);
      });
      const ctx = await flow.run(30, { runtime });
      expect(ctx.output).to.deep.equal({ amount: 30, keyLength: SECRET.length });
      const failed = ctx.events.find((e) => e.type === 'TASK_RETRY_STARTED');
      expect(failed, 'the first attempt failed and was retried').to.not.equal(undefined);
      const everything = JSON.stringify(ctx.events) + JSON.stringify((await runtime.inspect(ctx.executionId)).toJSON());
      expect(everything).to.not.contain(SECRET);
      expect(everything).to.contain('[secret STRIPE_KEY]');
    });

    it('refuses an output that carries a secret, without quoting it', async () => {
      await runtime.secrets.set('STRIPE_KEY', SECRET);
      const leaky = task.withOptions({ secretRequests: ['STRIPE_KEY'] })(async function leaksKey() {
        return { header: `Bearer ${taskContext().secrets.STRIPE_KEY!}` };
      });
      const ctx = await workflow(async function leakyFlow() {
        return await leaky();
      }).run(undefined, { runtime });
      expect(ctx.error).to.include({ code: 'SECRET_IN_OUTPUT' });
      expect(ctx.error!.message).to.contain("secret 'STRIPE_KEY'");
      expect(JSON.stringify(ctx.events)).to.not.contain(SECRET);
    });

    it('fails a task that requests a secret that does not exist, naming it', async () => {
      const ctx = await workflow(async function missingSecretFlow() {
        return await needsMissing();
      }).run(undefined, { runtime });
      expect(ctx.error).to.include({ code: 'SECRET_NOT_FOUND' });
      expect(ctx.error!.message).to.contain("secret 'NOT_SET' requested by task 'needsMissingSecret' does not exist");
    });

    it('sets, reads and deletes secrets', async () => {
      await runtime.secrets.set('A', 'one');
      await runtime.secrets.set('A', 'two');
      expect(await runtime.secrets.get('A')).to.equal('two');
      await runtime.secrets.delete('A');
      expect(await runtime.secrets.get('A')).to.equal(undefined);
    });
  });
}

describe('secrets on SQLite', () => {
  it('are encrypted at rest with a key file of mode 0600, and readable by the next runtime', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'flux.db');
    const first = await createRuntime({ store: { sqlite: dbPath } });
    await first.secrets.set('DB_PASSWORD', SECRET);
    await first.close();
    const keyFile = join(dir, 'secret.key');
    expect(statSync(keyFile).mode & 0o777).to.equal(0o600);
    expect(readFileSync(keyFile)).to.have.length(32);
    for (const file of ['flux.db', 'flux.db-wal']) {
      const bytes = (() => {
        try {
          return readFileSync(join(dir, file));
        } catch {
          return Buffer.alloc(0);
        }
      })();
      expect(bytes.includes(Buffer.from(SECRET)), `${file} holds the plaintext`).to.equal(false);
    }
    const second = await createRuntime({ store: { sqlite: dbPath } });
    expect(await second.secrets.get('DB_PASSWORD')).to.equal(SECRET);
    await second.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('secrets requested by a workflow', () => {
  it('reach every task of the workflow, and a missing one fails the first task that runs', async () => {
    const { runtime, dispose } = await testRuntime('memory');
    const seen: string[] = [];
    const useToken = task(async function usesWorkflowSecret() {
      seen.push(Object.keys(taskContext().secrets).join(','));
      return taskContext().secrets.API_TOKEN!.length;
    });
    const flow = workflow.withOptions({ secretRequests: ['API_TOKEN'] })(async function secretWorkflow() {
      return await useToken();
    });
    const missing = await flow.run(undefined, { runtime });
    expect(missing.error).to.include({ code: 'SECRET_NOT_FOUND' });
    await runtime.secrets.set('API_TOKEN', 'tok-123');
    const ok = await flow.run(undefined, { runtime });
    expect(ok.output).to.equal(7);
    expect(seen).to.deep.equal(['API_TOKEN']);
    expect(JSON.stringify(ok.events)).to.not.contain('tok-123');
    await dispose();
  });
});
