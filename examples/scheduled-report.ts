/**
 * A workflow with a schedule declared on it, as Flux's `schedule=cron(...)`: weekdays at 9:00 in
 * New York. The runtime (or worker) that serves it makes the schedule `weeklyReport_auto` once and
 * fires it; each fire is an execution named `<schedule>-<fire time>`, so a fire delivered twice
 * starts one. Runs here on a test clock: a week of fires in milliseconds.
 */
import { workflow, task, createRuntime, TestClock, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const compileReport = task(async function compileReport(team: string) {
  return `report for ${team}`;
});

export const weekdayReport = workflow.withOptions({
  name: 'weekdayReport',
  schedule: { cron: '0 9 * * MON-FRI', timezone: 'America/New_York', input: 'ops' },
})(async (ctx: ExecutionContext<string>) => compileReport(ctx.input));

if (isMain(import.meta.url)) {
  const clock = new TestClock(Date.parse('2030-03-04T00:00:00Z')); // a Monday
  const runtime = await createRuntime({ store: 'memory', clock, workflows: [weekdayReport] });
  for (let day = 0; day < 7; day++) {
    await clock.advance('1d');
    // Each fire's run is done once its execution has ended: wait for the latest.
    const [latest] = (await runtime.schedules.get('weekdayReport_auto')).recent;
    if (latest) await runtime.result(latest.executionId);
  }
  const schedule = await runtime.schedules.get('weekdayReport_auto');
  console.log(`${schedule.id}: ${schedule.cron} (${schedule.timezone}), next fire ${schedule.nextFireAt}`);
  for (const run of schedule.recent) console.log(`  ${run.fireAt}  ${run.executionId}  ${run.state}`);
  await runtime.close();
}
