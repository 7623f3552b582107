/**
 * What belongs to which run: an id started again (idReuse 'allowIfFinished') and a fork hold events
 * they did not make themselves; a cancel's rollbacks and a nested task's recorded outputs are only
 * the current run's own.
 */
import { expect } from 'chai';
import { pause, task, taskContext, workflow, type ExecutionContext, type Runtime } from 'flux-actors';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

const undone: string[] = [];
const book = task.withOptions({ rollback: async (room: string) => void undone.push(`release ${room}`) })(
  async function runsBook(room: string) {
    return `booked ${room}`;
  },
);
const stay = workflow(async function runsStay(ctx: ExecutionContext<string>) {
  const booked = await book(ctx.input);
  const by = await pause<string>('confirm');
  return `${booked} for ${by}`;
});

let lookups = 0;
const lookup = task(async function runsLookup(key: string) {
  lookups++;
  return `${key}#${lookups}`;
});
const enrich = task(async function runsEnrich(key: string) {
  taskContext();
  return lookup(key); // a nested task
});
const report = workflow(async function runsReport(ctx: ExecutionContext<string>) {
  return enrich(ctx.input);
});

for (const kind of STORE_KINDS) {
  describe(`runs and rollbacks (${kind} store)`, function () {
    this.timeout(30_000);
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));
    beforeEach(() => {
      undone.length = 0;
      lookups = 0;
    });

    it("a cancel with rollbacks in a later run undoes only that run's tasks", async () => {
      const id = `stay-${kind}-${Math.random().toString(36).slice(2)}`;
      await stay.run('r1', { runtime, executionId: id });
      await runtime.resume(id, 'ada');
      await stay.run('r2', { runtime, executionId: id, idReuse: 'allowIfFinished' });
      const cancelled = await runtime.cancel(id, undefined, { rollback: true });
      expect(cancelled.state).to.equal('cancelled');
      expect(undone).to.deep.equal(['release r2']);
    });

    it("a fork cancelled with rollbacks does not undo the steps it took over (the source's)", async () => {
      const source = await stay.run('r3', { runtime });
      await runtime.resume(source.executionId, 'bob');
      const fork = await (await runtime.fork(source.executionId, { from: 2 })).result();
      expect(fork.state).to.equal('paused');
      await runtime.cancel(fork.executionId, undefined, { rollback: true });
      expect(undone).to.deep.equal([]);
    });

    it('a later run runs its nested tasks again: none is taken from an earlier run', async () => {
      const id = `report-${kind}-${Math.random().toString(36).slice(2)}`;
      expect((await report.run('k', { runtime, executionId: id })).output).to.equal('k#1');
      const again = await report.run('k', { runtime, executionId: id, idReuse: 'allowIfFinished' });
      expect(again.output).to.equal('k#2');
      expect(lookups).to.equal(2);
    });
  });
}
