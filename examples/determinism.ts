/** The deterministic built-ins: on replay each returns what it returned the first time. */
import { workflow, pause, now, uuid4, randint, randrange, choice, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const determinism = workflow(async function determinism(_ctx: ExecutionContext) {
  const before = {
    now: (await now()).toISOString(),
    uuid: await uuid4(),
    dice: await randint(1, 6),
    even: await randrange(0, 100, 2),
    colour: await choice(['red', 'green', 'blue']),
  };
  await pause('look_at_values');
  // After the resume the body runs again from the top: every value above is replayed, not redrawn.
  return before;
});

if (isMain(import.meta.url)) {
  const paused = await determinism.run();
  const done = await determinism.resume(paused.executionId);
  console.log(done.output);
}
