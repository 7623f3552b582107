/** A workflow that stops for a human and continues when resumed. */
import { workflow, task, pause, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const prepareReport = task(async function prepareReport(title: string) {
  return { title, pages: 12 };
});

export const publishReport = task(async function publishReport(report: { title: string }) {
  return `published: ${report.title}`;
});

export const reportApproval = workflow(async function reportApproval(ctx: ExecutionContext<string>) {
  const report = await prepareReport(ctx.input);
  await pause('waiting_for_approval', report);
  return await publishReport(report);
});

if (isMain(import.meta.url)) {
  const paused = await reportApproval.run('Q3 numbers');
  console.log(paused.state, 'waiting with', paused.output);
  const done = await reportApproval.resume(paused.executionId);
  console.log(done.state, done.output);
}
