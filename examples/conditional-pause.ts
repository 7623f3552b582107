/** Pause only when a rule says a human must look: small orders go straight through. */
import { workflow, task, pause, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const APPROVAL_THRESHOLD = 1000;

export const placeOrder = task(async function placeOrder(amount: number, approvedBy: string) {
  return { amount, approvedBy };
});

export const orderFlow = workflow(async function orderFlow(ctx: ExecutionContext<number>) {
  const approvedBy =
    ctx.input > APPROVAL_THRESHOLD ? await pause<string>('large_order', { amount: ctx.input }) : 'auto';
  return await placeOrder(ctx.input, approvedBy);
});

if (isMain(import.meta.url)) {
  console.log((await orderFlow.run(50)).output);
  const paused = await orderFlow.run(5000);
  console.log(paused.state, (await orderFlow.resume(paused.executionId, 'grace')).output);
}
