/**
 * An approval with a deadline, in one call: `pause(name, output, { timeout: '2d' })` returns
 * `{ resumed: true, value }` when someone answers in time, else `{ resumed: false, woke: 'timeout' }`.
 * The execution holds no worker while it waits; the store's durable timer wakes it (embedded and on
 * NATS alike). Runs here on a test clock, so the two days pass in milliseconds.
 */
import { workflow, task, pause, createRuntime, TestClock, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const refund = task(async function refund(order: string) {
  return `refunded ${order}`;
});

export const refundApproval = workflow(async function refundApproval(ctx: ExecutionContext<string>) {
  const answer = await pause<boolean>('approve_refund', { order: ctx.input }, { timeout: '2d' });
  if (!answer.resumed) return `no answer by ${answer.at}: refund of ${ctx.input} declined`;
  return answer.value ? await refund(ctx.input) : `refund of ${ctx.input} rejected`;
});

if (isMain(import.meta.url)) {
  const clock = new TestClock(Date.parse('2030-01-01T09:00:00Z'));
  const runtime = await createRuntime({ store: 'memory', clock });
  const answered = await refundApproval.run('order-1', { runtime });
  const ignored = await refundApproval.run('order-2', { runtime });
  console.log(`${answered.executionId}: ${answered.state}, waiting for`, answered.output);
  await clock.advance('1d');
  console.log((await runtime.resume(answered.executionId, true)).output);
  await clock.advance('1d'); // the deadline of order-2
  console.log((await runtime.result(ignored.executionId, { until: 'finished' })).output);
  await runtime.close();
}
