/**
 * Pause with input: an initial task, a pause, then a task that processes the value the execution
 * was resumed with. `npm run demo` runs this file on the embedded runtime (SQLite in ./.flux).
 */
import { workflow, task, pause, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export interface Approval {
  approved: boolean;
  reviewer: string;
}

export const requestApproval = task(async function requestApproval(amount: number) {
  return { amount, requestedAt: 'now' };
});

export const processDecision = task(async function processDecision(amount: number, approval: Approval) {
  return approval.approved ? `paid ${amount}, approved by ${approval.reviewer}` : `rejected by ${approval.reviewer}`;
});

export const expenseApproval = workflow(async function expenseApproval(ctx: ExecutionContext<number>) {
  const request = await requestApproval(ctx.input);
  const approval = await pause<Approval>('manager_approval', request);
  return await processDecision(ctx.input, approval);
});

if (isMain(import.meta.url)) {
  const paused = await expenseApproval.run(250);
  console.log(`execution ${paused.executionId} is ${paused.state}, waiting for`, paused.output);
  const done = await expenseApproval.resume(paused.executionId, { approved: true, reviewer: 'ada' });
  console.log(`execution ${done.executionId} is ${done.state}:`, done.output);
  for (const event of done.events) console.log(`  ${event.type.padEnd(20)} ${event.name}`);
}
