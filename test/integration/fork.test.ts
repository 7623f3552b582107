import { expect } from 'chai';
import { pause, task, workflow, type ExecutionContext, type Runtime } from 'flux-actors';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

let ran: string[] = [];
/** Step 4's bug: while set, `forkPublish` fails. */
let broken = true;

const fetchRows = task(async function forkFetch(day: string) {
  ran.push('fetch');
  return [3, 4, 5].map((n) => `${day}#${n}`);
});
const clean = task(async function forkClean(rows: string[]) {
  ran.push('clean');
  return rows.map((row) => row.toUpperCase());
});
const total = task(async function forkTotal(rows: string[]) {
  ran.push('total');
  return rows.length;
});
const publish = task(async function forkPublish(count: number) {
  ran.push('publish');
  if (broken) throw new Error('the report service refused it');
  return `published ${count} rows`;
});

const report = workflow.withOptions({ name: 'forkReport' })(async (ctx: ExecutionContext<string>) => {
  const rows = await fetchRows(ctx.input);
  const cleaned = await clean(rows);
  const count = await total(cleaned);
  return publish(count);
});

const approved = workflow.withOptions({ name: 'forkApproved' })(async (ctx: ExecutionContext<string>) => {
  const rows = await fetchRows(ctx.input);
  const by = await pause<string>('approve');
  return `${await total(rows)} rows approved by ${by}`;
});

for (const kind of STORE_KINDS) {
  describe(`fork an execution (${kind} store)`, function () {
    this.timeout(30_000);
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));
    beforeEach(() => {
      ran = [];
      broken = true;
    });

    it('from step 3 re-runs nothing before step 3, and the two executions link to each other', async () => {
      const source = await report.run('mon', { runtime });
      expect(source.state).to.equal('failed');
      broken = false;
      ran = [];
      const fork = await runtime.fork<string, string>(source.executionId, { from: 3 });
      const done = await fork.result();
      expect(done.state).to.equal('succeeded');
      expect(done.output).to.equal('published 3 rows');
      expect(ran).to.deep.equal(['total', 'publish']);
      expect(done.input).to.equal('mon');
      expect(done.events[1]).to.include({ type: 'WORKFLOW_FORKED_FROM' });
      // Steps 1 and 2 taken over: a start and a completion each.
      expect(done.events[1]!.value).to.deep.equal({ executionId: source.executionId, step: 3, copied: 4 });
      const after = await runtime.inspect(source.executionId);
      expect(after.state).to.equal('failed');
      expect(after.events.at(-1)).to.include({ type: 'WORKFLOW_FORKED' });
      expect(after.events.at(-1)!.value).to.deep.equal({ executionId: fork.executionId, step: 3 });
    });

    it('takes a step by task name or id, and names the steps there are when it has no such step', async () => {
      broken = false;
      const source = await report.run('tue', { runtime });
      ran = [];
      const byName = await (await runtime.fork(source.executionId, { from: 'forkPublish' })).result();
      expect(byName.state).to.equal('succeeded');
      expect(ran).to.deep.equal(['publish']);
      const cleanId = source.events.find((e) => e.type === 'TASK_STARTED' && e.name === 'forkClean')!.sourceId;
      ran = [];
      await (await runtime.fork(source.executionId, { from: cleanId })).result();
      expect(ran).to.deep.equal(['clean', 'total', 'publish']);
      const error = await runtime.fork(source.executionId, { from: 'forkShip' }).catch((e: unknown) => e);
      expect(error).to.include({ code: 'FORK_STEP_NOT_FOUND' });
      expect(String((error as Error).message))
        .to.contain(cleanId)
        .and.contain(source.executionId);
      const tooFar = await runtime.fork(source.executionId, { from: 9 }).catch((e: unknown) => e);
      expect(tooFar).to.include({ code: 'FORK_STEP_NOT_FOUND' });
    });

    it('is one fork under one id; another source or step under it is refused', async () => {
      broken = false;
      const source = await report.run('wed', { runtime });
      const id = `fork-of-${source.executionId}`;
      const first = await runtime.fork(source.executionId, { from: 2, executionId: id });
      await first.result();
      ran = [];
      const again = await runtime.fork(source.executionId, { from: 2, executionId: id });
      expect(again.executionId).to.equal(id);
      expect((await again.result()).state).to.equal('succeeded');
      expect(ran).to.deep.equal([]);
      const other = await runtime.fork(source.executionId, { from: 3, executionId: id }).catch((e: unknown) => e);
      expect(other).to.include({ code: 'EXECUTION_EXISTS' });
      const forks = (await runtime.inspect(source.executionId)).events.filter((e) => e.type === 'WORKFLOW_FORKED');
      expect(forks).to.have.length(1);
    });

    it('keeps a resumed pause before the step: the fork does not wait for it again', async () => {
      const paused = await approved.run('thu', { runtime });
      const done = await runtime.resume(paused.executionId, 'ada');
      expect(done.state).to.equal('succeeded');
      ran = [];
      const fork = await (await runtime.fork<string, string>(paused.executionId, { from: 3 })).result();
      expect(fork.state).to.equal('succeeded');
      expect(fork.output).to.equal('3 rows approved by ada');
      expect(ran).to.deep.equal(['total']);
    });

    it('refuses to fork an execution that has not finished', async () => {
      const paused = await approved.run('fri', { runtime });
      const error = await runtime.fork(paused.executionId, { from: 1 }).catch((e: unknown) => e);
      expect(error).to.include({ code: 'INVALID_EXECUTION_STATE' });
      expect(String((error as Error).message)).to.contain('paused');
    });
  });
}
