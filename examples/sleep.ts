/**
 * A durable sleep: the wake time is recorded, so a workflow resumed (or recovered) after its sleep
 * began waits only for what remains.
 */
import { workflow, task, sleep, pause, createRuntime, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const sendReminder = task(async function sendReminder(user: string) {
  return `reminder sent to ${user}`;
});

export const reminder = workflow(async function reminder(ctx: ExecutionContext<{ user: string; delay: string }>) {
  await sleep(ctx.input.delay);
  const sent = await sendReminder(ctx.input.user);
  const reply = await pause<string>('awaiting reply', sent);
  return `${ctx.input.user} replied: ${reply}`;
});

if (isMain(import.meta.url)) {
  const runtime = await createRuntime({ store: 'memory' });
  const started = Date.now();
  const paused = await reminder.run({ user: 'ada', delay: '200ms' }, { runtime });
  console.log(paused.state, paused.output, `after ${Date.now() - started} ms`);
  const done = await reminder.resume(paused.executionId, 'thanks', { runtime });
  console.log(done.output);
}
