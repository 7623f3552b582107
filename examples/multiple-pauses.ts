/** Several pause points: each resume carries the next value in. */
import { workflow, task, pause, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const recordStep = task(async function recordStep(step: string, value: unknown) {
  return `${step}=${JSON.stringify(value)}`;
});

export const onboarding = workflow(async function onboarding(ctx: ExecutionContext<string>) {
  const steps: string[] = [await recordStep('user', ctx.input)];
  const email = await pause<string>('email');
  steps.push(await recordStep('email', email));
  const plan = await pause<string>('plan');
  steps.push(await recordStep('plan', plan));
  return steps;
});

if (isMain(import.meta.url)) {
  let ctx = await onboarding.run('ada');
  ctx = await onboarding.resume(ctx.executionId, 'ada@example.com');
  ctx = await onboarding.resume(ctx.executionId, 'pro');
  console.log(ctx.state, ctx.output);
}
