import { expect } from 'chai';
import { task, taskContext, workflow, type ExecutionContext, type Runtime } from 'flux-actors';
import { STORE_KINDS, useRuntime } from '../fixtures/runtimes.js';

const TOKEN = 'tok_live_9c1d2e3f';

const charge = task.withOptions({ secretRequests: ['PAYMENT_TOKEN'] })(async function causesCharge(amount: number) {
  const token = taskContext().secrets.PAYMENT_TOKEN!;
  const declined = new TypeError(`card ${token} declined for ${amount}`);
  throw new Error('the payment provider refused the charge', {
    cause: new Error('gateway said 402', { cause: declined }),
  });
});

const pay = workflow(async function causesPay(ctx: ExecutionContext<number>) {
  return charge(ctx.input);
});

const payCaught = workflow(async function causesPayCaught(ctx: ExecutionContext<number>) {
  try {
    return await charge(ctx.input);
  } catch (error) {
    const chain: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) chain.push(`${e.name}: ${e.message}`);
    return chain;
  }
});

for (const kind of STORE_KINDS) {
  describe(`errors keep their cause chain and stack through the log (${kind} store)`, function () {
    this.timeout(30_000);
    let runtime: Runtime;
    useRuntime(kind, (r) => (runtime = r));
    beforeEach(() => runtime.secrets.set('PAYMENT_TOKEN', TOKEN));

    it("a failed execution's error has the stack and every cause, secrets redacted", async () => {
      const ctx = await pay.run(5, { runtime });
      expect(ctx.state).to.equal('failed');
      const error = ctx.error!;
      expect(error.message).to.equal('the payment provider refused the charge');
      expect(error.stack).to.contain('causesCharge');
      expect(error.cause?.message).to.equal('gateway said 402');
      expect(error.cause?.cause).to.deep.include({
        name: 'TypeError',
        message: 'card [secret PAYMENT_TOKEN] declined for 5',
      });
      expect(JSON.stringify(ctx.events)).to.not.contain(TOKEN);
      const again = await runtime.inspect(ctx.executionId);
      expect(again.error?.cause?.cause?.message, 'read back from the store').to.equal(
        'card [secret PAYMENT_TOKEN] declined for 5',
      );
    });

    it('a body that catches the error walks the same chain, secrets redacted', async () => {
      const ctx = await payCaught.run(7, { runtime });
      const chain = [
        'Error: the payment provider refused the charge',
        'Error: gateway said 402',
        'TypeError: card [secret PAYMENT_TOKEN] declined for 7',
      ];
      expect(ctx.state === 'succeeded' && ctx.output).to.deep.equal(chain);
    });
  });
}
