/**
 * The soak's workflow: 10 steps with a pause in the middle. Each step's body writes
 * `<time> <idempotency key>` to $SOAK_SIDE_EFFECTS as it starts, so the soak can tell when a body ran.
 */
import { appendFileSync } from 'node:fs';
import { pause, task, taskContext, workflow, type ExecutionContext } from 'flux-actors';

export const soakStep = task(async function soakStep(i: number) {
  if (process.env.SOAK_SIDE_EFFECTS)
    appendFileSync(process.env.SOAK_SIDE_EFFECTS, `${Date.now()} ${taskContext().idempotencyKey}\n`);
  await new Promise((resolve) => setTimeout(resolve, Number(process.env.SOAK_STEP_MS ?? 5)));
  return i + 1;
});

export const soakFlow = workflow(async function soakFlow(ctx: ExecutionContext<number>) {
  let total = ctx.input;
  for (let i = 0; i < 5; i++) total += await soakStep(i);
  const more = await pause<number>('half-way', total);
  for (let i = 5; i < 10; i++) total += await soakStep(i);
  return total + more;
});

/** What a finished execution returns: its input, 1 + 2 + ... + 10, and the resume value. */
export function expectedOutput(input: number, resumeValue: number): number {
  return input + 55 + resumeValue;
}
