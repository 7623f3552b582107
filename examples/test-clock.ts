/**
 * Testing a workflow that waits for days, in milliseconds: the runtime runs on a `TestClock`, and
 * `skipUntil` moves its time to the next timer whenever the workflow only waits for one. Event
 * times, `now()`, sleeps, retry backoffs and task timeouts all read that clock.
 */
import { workflow, task, taskContext, sleep, now, createRuntime, TestClock, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

/** Fails the first time (the card network is down), then renews: retried an hour later. */
export const chargeRenewal = task.withOptions({ retryMaxAttempts: 3, retryDelay: '1h' })(async function chargeRenewal(
  user: string,
) {
  if (taskContext().attempt === 1) throw new Error('card network down');
  return `renewed ${user}`;
});

export const trial = workflow(async function trial(ctx: ExecutionContext<string>) {
  const started = await now();
  await sleep('14d'); // the trial
  const renewal = await chargeRenewal(ctx.input);
  const ended = await now();
  return { renewal, hours: (ended.getTime() - started.getTime()) / 3_600_000 };
});

if (isMain(import.meta.url)) {
  const clock = new TestClock(Date.parse('2025-01-01T00:00:00Z'));
  const runtime = await createRuntime({ store: 'memory', clock });
  const realStart = performance.now();
  const ctx = await clock.skipUntil(trial.run('ada', { runtime }));
  console.log(ctx.output, `in ${Math.round(performance.now() - realStart)} ms of real time`);
  for (const e of ctx.events) console.log(e.time, e.type, e.name);
  await runtime.close();
}
