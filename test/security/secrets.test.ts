/**
 * Secrets never reach an execution's log, whatever path a value takes into it. Each test gets the
 * secret's value into one path and reads back every stored event (the store's own copy, through
 * `inspect`), on every store.
 */
import { expect } from 'chai';
import { workflow, task, taskContext, pause, call, type ExecutionContext, type Runtime } from 'flux-actors';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

const SECRET = 'sk_live_guarded_7e1f09';
const REDACTED = '[secret TOKEN]';

/** A careless task body that keeps the secret where the workflow body can reach it. */
let leaked = '';
const grab = task.withOptions({ secretRequests: ['TOKEN'] })(async function grabsToken() {
  leaked = taskContext().secrets.TOKEN!;
  return 'ok';
});

/** Every event stored for these executions, none carrying the secret's value. */
async function expectNoSecretStored(runtime: Runtime, ...executionIds: string[]): Promise<string> {
  let all = '';
  for (const id of executionIds) {
    for (const event of (await runtime.inspect(id)).events) {
      const json = JSON.stringify(event);
      expect(json, `${event.type} ${event.name} of ${id}`).to.not.contain(SECRET);
      all += json;
    }
  }
  return all;
}

function stored(ctx: ExecutionContext, type: string, name: string) {
  return ctx.events.filter((e) => e.type === type && e.name === name);
}

for (const kind of STORE_KINDS) {
  describe(`secrets kept off the log (${kind} store)`, () => {
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));
    beforeEach(async () => {
      leaked = '';
      await runtime.secrets.set('TOKEN', SECRET);
    });

    it("a task passing its secret to a nested task cannot write it into the log through the nested call's arguments", async () => {
      let received = '';
      const post = task(async function postWithToken(token: string, body: string) {
        received = token;
        return `posted ${body}`;
      });
      const caller = task.withOptions({ secretRequests: ['TOKEN'] })(async function postsWithItsToken(body: string) {
        return await post(taskContext().secrets.TOKEN!, body);
      });
      const ctx = await workflow(async function postsNested() {
        return await caller('hello');
      }).run(undefined, { runtime });
      expect(ctx.output).to.equal('posted hello');
      expect(received, 'the nested task still gets the value itself').to.equal(SECRET);
      await expectNoSecretStored(runtime, ctx.executionId);
      expect(stored(ctx, 'TASK_STARTED', 'postWithToken')[0]!.value).to.deep.equal([REDACTED, 'hello']);
    });

    it('a nested task quoting the secret in its error cannot write it into the log through the failure or its retries', async () => {
      const post = task.withOptions({ retryMaxAttempts: 1, retryDelay: 1 })(async function rejectsToken(token: string) {
        throw new Error(`gateway refused ${token}`);
      });
      const caller = task.withOptions({ secretRequests: ['TOKEN'] })(async function callsRejecting() {
        try {
          return await post(taskContext().secrets.TOKEN!);
        } catch (error) {
          return `caught: ${(error as Error).message}`;
        }
      });
      const ctx = await workflow(async function nestedFails() {
        return await caller();
      }).run(undefined, { runtime });
      // The caller saw what the log holds, as a replay would.
      expect(ctx.output).to.equal(
        `caught: task 'rejectsToken' failed after 2 attempts; the last one with Error: gateway refused ${REDACTED}`,
      );
      const all = await expectNoSecretStored(runtime, ctx.executionId);
      for (const type of ['TASK_RETRY_STARTED', 'TASK_RETRY_FAILED', 'TASK_FAILED'])
        expect(stored(ctx, type, 'rejectsToken'), type).to.have.length(1);
      expect(all).to.contain(`gateway refused ${REDACTED}`);
    });

    it('a nested task returning the secret is refused (SECRET_IN_OUTPUT) instead of writing it into the log', async () => {
      const echo = task(async function echoesToken(token: string) {
        return { authorization: `Bearer ${token}` };
      });
      const caller = task.withOptions({ secretRequests: ['TOKEN'] })(async function callsEcho() {
        return await echo(taskContext().secrets.TOKEN!).then(
          () => 'returned',
          (error: { code?: string }) => error.code,
        );
      });
      const ctx = await workflow(async function nestedEchoes() {
        return await caller();
      }).run(undefined, { runtime });
      expect(ctx.output).to.equal('SECRET_IN_OUTPUT');
      await expectNoSecretStored(runtime, ctx.executionId);
      expect(stored(ctx, 'TASK_FAILED', 'echoesToken')[0]!.value).to.include({ code: 'SECRET_IN_OUTPUT' });
    });

    it("a task returning a secret its own executor does not know (another task's) is refused, not logged", async () => {
      const relay = task(async function relaysLeak() {
        return { token: leaked };
      });
      const ctx = await workflow(async function relaysSecret() {
        await grab();
        return await relay().catch((error: { code?: string }) => error.code);
      }).run(undefined, { runtime });
      expect(ctx.output).to.equal('SECRET_IN_OUTPUT');
      await expectNoSecretStored(runtime, ctx.executionId);
    });

    it('retry and fallback progress cannot carry the secret into the log: errors redacted, the result refused', async () => {
      const flaky = task.withOptions({
        retryMaxAttempts: 1,
        retryDelay: 1,
        fallback: async () => ({ token: leaked }),
      })(async function failsQuotingLeak() {
        throw new Error(`refused ${leaked}`);
      });
      const ctx = await workflow(async function fallsBack() {
        await grab();
        return await flaky().catch((error: { code?: string }) => error.code);
      }).run(undefined, { runtime });
      expect(ctx.output).to.equal('SECRET_IN_OUTPUT');
      const all = await expectNoSecretStored(runtime, ctx.executionId);
      for (const type of [
        'TASK_RETRY_STARTED',
        'TASK_RETRY_FAILED',
        'TASK_FALLBACK_STARTED',
        'TASK_FALLBACK_COMPLETED',
      ]) {
        expect(stored(ctx, type, 'failsQuotingLeak'), type).to.have.length(1);
      }
      expect(stored(ctx, 'TASK_FALLBACK_COMPLETED', 'failsQuotingLeak')[0]!.value).to.deep.equal({ token: REDACTED });
      expect(all).to.contain(`refused ${REDACTED}`);
    });

    it("the workflow's output carrying the secret is refused (SECRET_IN_OUTPUT), not logged", async () => {
      const ctx = await workflow(async function returnsLeak() {
        await grab();
        return { token: leaked };
      }).run(undefined, { runtime });
      expect(ctx.state).to.equal('failed');
      expect(ctx.error).to.include({ code: 'SECRET_IN_OUTPUT' });
      expect(ctx.error!.message).to.contain("workflow 'returnsLeak'");
      await expectNoSecretStored(runtime, ctx.executionId);
    });

    it('a pause output carrying the secret is logged redacted', async () => {
      const ctx = await workflow(async function pausesWithLeak() {
        await grab();
        return await pause('approve', { token: leaked });
      }).run(undefined, { runtime });
      expect(ctx.state).to.equal('paused');
      expect(ctx.output).to.deep.equal({ token: REDACTED });
      await expectNoSecretStored(runtime, ctx.executionId);
    });

    it('a resume value carrying the secret is logged redacted, and the body receives what the log holds', async () => {
      const flow = workflow(async function resumedWithSecret() {
        await grab();
        const answer = await pause<{ token: string }>('token please');
        return answer.token === SECRET ? 'got the value' : answer.token;
      });
      const paused = await flow.run(undefined, { runtime });
      const done = await runtime.resume(paused.executionId, { token: SECRET });
      expect(done.output, 'a replay would see the redacted value: so does this run').to.equal(REDACTED);
      await expectNoSecretStored(runtime, done.executionId);
    });

    it("the secret in a workflow's input is logged redacted when the workflow requests it", async () => {
      const flow = workflow.withOptions({ secretRequests: ['TOKEN'] })(async function startedWithSecret(
        ctx: ExecutionContext<{ token: string }>,
      ) {
        return ctx.input.token;
      });
      const ctx = await flow.run({ token: SECRET }, { runtime });
      expect(ctx.output).to.equal(REDACTED);
      await expectNoSecretStored(runtime, ctx.executionId);
    });

    it("a child workflow cannot carry the secret into its parent's log or its own, by input or by output", async () => {
      const echoChild = workflow(async function echoesItsInput(ctx: ExecutionContext<{ token: string }>) {
        return ctx.input.token;
      });
      const leakingChild = workflow(async function childReturnsLeak() {
        await grab();
        return leaked;
      });
      const parent = workflow(async function passesLeakToChildren() {
        await grab();
        const echoed = await call(echoChild, { token: leaked });
        const failed = await call(leakingChild, undefined).then(
          () => 'returned',
          (error: Error) => error.message,
        );
        return { echoed, failed };
      });
      const ctx = await parent.run(undefined, { runtime });
      const output = ctx.output as { echoed: string; failed: string };
      expect(output.echoed).to.equal(REDACTED);
      expect(output.failed).to.match(
        /workflow 'childReturnsLeak' failed: the output of workflow 'childReturnsLeak' contains the value of secret 'TOKEN'/,
      );
      const children = ctx.events
        .filter((e) => e.type === 'CHILD_WORKFLOW_STARTED')
        .map((e) => (e.value as { executionId: string }).executionId);
      expect(children).to.have.length(2);
      await expectNoSecretStored(runtime, ctx.executionId, ...children);
    });

    it("a cancel's rollback gets its task's secrets and arguments, and cannot write them into the log", async () => {
      const refunds: boolean[] = [];
      const debit = task.withOptions({
        rollback: async (token: string) => {
          refunds.push(token === SECRET); // the value itself, though the log keeps it redacted
          throw new Error(`refund refused for ${token}`);
        },
      })(async function debitsWithToken(token: string) {
        return token.length;
      });
      const charge = task.withOptions({
        secretRequests: ['TOKEN'],
        rollback: async () => {
          throw new Error(`void refused for ${taskContext().secrets.TOKEN}`);
        },
      })(async function chargesWithToken() {
        return await debit(taskContext().secrets.TOKEN!);
      });
      let waiting!: () => void;
      const blocked = new Promise<void>((resolve) => (waiting = resolve));
      const blocks = task(async function blocksForCancel() {
        waiting();
        const { signal } = taskContext();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      });
      const flow = workflow(async function chargesThenBlocks() {
        await charge();
        await blocks();
      });
      const handle = await flow.start(undefined, { runtime });
      await blocked;
      const ctx = await runtime.cancel(handle.executionId, undefined, { rollback: true });
      expect(refunds).to.deep.equal([true]);
      const failures = ctx.events
        .filter((e) => e.type === 'TASK_ROLLBACK_FAILED')
        .map((e) => (e.value as { message: string }).message);
      expect(failures).to.have.members([`refund refused for ${REDACTED}`, `void refused for ${REDACTED}`]);
      await expectNoSecretStored(runtime, ctx.executionId);
    });

    it("a caller who writes '[secret TOKEN]' into the input does not get a cancel's rollback to receive the secret", async () => {
      const received: string[] = [];
      const ship = task.withOptions({
        secretRequests: ['TOKEN'], // the execution knows the secret: the placeholder has a value to become
        rollback: async (address: string) => void received.push(address),
      })(async function shipsTo(address: string) {
        return `shipped to ${address}`;
      });
      let waiting!: () => void;
      const blocked = new Promise<void>((resolve) => (waiting = resolve));
      const blocks = task(async function blocksUntilCancelled() {
        waiting();
        const { signal } = taskContext();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      });
      const flow = workflow(async function shipsThenBlocks(ctx: ExecutionContext<string>) {
        await ship(ctx.input);
        await blocks();
      });
      const handle = await flow.start(REDACTED, { runtime });
      await blocked;
      await runtime.cancel(handle.executionId, undefined, { rollback: true });
      expect(received).to.deep.equal([REDACTED]);
    });
  });
}
