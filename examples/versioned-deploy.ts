/**
 * Changing a workflow's code while executions are in flight, as a user deploys it:
 *  1. check: `replayCheck` (or `flux replay --check v1-changed.ts`) replays the recorded executions
 *     against changed code without running or writing anything, and names where it leaves a log;
 *  2. patch in place: `patched('fraud-screen')` lets one body serve the executions recorded before
 *     the change and those after it; the check then says ok;
 *  3. pin: or deploy the change as version 2 beside version 1 (`withOptions({ version })`): a paused
 *     v1 execution resumes on v1, a new start runs v2 (`flux list --version 1` says when v1 can go);
 *  4. retry: an execution that failed on a bug runs again from the failed step once the fix is out
 *     (`flux retry <id>`), without running its completed steps again;
 *  5. fork: a new execution from a step of a finished one (`flux fork <id> --from 2`).
 * Starting once per business key is `start(input, { executionId })`, `flux start --id`, HTTP's
 * `?id=` / `Idempotency-Key`: the same id and input is the same start, another input is refused.
 */
import {
  createRuntime,
  patched,
  pause,
  replayCheck,
  task,
  workflow,
  type ExecutionContext,
  type Runtime,
  type WorkflowDefinition,
} from 'flux-actors';
import { isMain } from './main.js';

/** The carrier's API refused orders over 100 until a fix was deployed (the bug `retry` repairs). */
export const carrier = { fixed: false };

export const reserveStock = task(async function reserveStock(order: number) {
  return `reservation-${order}`;
});
export const screenFraud = task(async function screenFraud(order: number) {
  return order % 7 !== 0;
});
export const ship = task(async function shipOrder(reservation: string, order: number) {
  if (order > 100 && !carrier.fixed) throw new Error(`the carrier refused order ${order}`);
  return `${reservation} shipped`;
});

const v1Body = async (ctx: ExecutionContext<number>) => {
  const reservation = await reserveStock(ctx.input);
  const approver = await pause<string>('approval');
  return `${await ship(reservation, ctx.input)}, approved by ${approver}`;
};

/** Version 1, as deployed when the first orders came in. */
export const orderV1 = workflow.withOptions({ name: 'deployedOrder', version: '1' })(v1Body);

/** Version 1 changed in place: a fraud screen before the approval. Recorded executions never made that call. */
export const orderV1Changed: WorkflowDefinition<number, string> = {
  name: 'deployedOrder',
  options: { version: '1' },
  fn: async (ctx) => {
    const reservation = await reserveStock(ctx.input);
    if (!(await screenFraud(ctx.input))) return 'refused';
    const approver = await pause<string>('approval');
    return `${await ship(reservation, ctx.input)}, approved by ${approver}`;
  },
};

/** The same change, patched: the screen runs only where an execution reaches it on the new code. */
export const orderV1Patched: WorkflowDefinition<number, string> = {
  name: 'deployedOrder',
  options: { version: '1' },
  fn: async (ctx) => {
    const reservation = await reserveStock(ctx.input);
    if (patched('fraud-screen') && !(await screenFraud(ctx.input))) return 'refused';
    const approver = await pause<string>('approval');
    return `${await ship(reservation, ctx.input)}, approved by ${approver}`;
  },
};

/** The change deployed as version 2 beside version 1: no patch needed, v1 executions stay on v1. */
export const orderV2 = workflow.withOptions({ name: 'deployedOrder', version: '2' })(
  async (ctx: ExecutionContext<number>) => {
    const reservation = await reserveStock(ctx.input);
    if (!(await screenFraud(ctx.input))) return 'refused';
    const approver = await pause<string>('approval');
    return `${await ship(reservation, ctx.input)}, approved by ${approver} (v2)`;
  },
);

/** The deploy story on a runtime: what each step saw, for `main` to print and the tests to check. */
export async function deployStory(runtime: Runtime) {
  carrier.fixed = false;
  const old = await orderV1.run(41, { runtime });

  // 1. Check the in-place change against what is recorded: it breaks the paused execution.
  const changed = await replayCheck(runtime, [orderV1Changed]);
  // 2. The patched change fits.
  const patchedCheck = await replayCheck(runtime, [orderV1Patched]);

  // 3. Pin instead: v2 is served beside v1; the paused v1 execution resumes on v1, new ones run v2.
  const resumedOnV1 = await runtime.resume<number, string>(old.executionId, 'ada');
  const onV2 = await runtime.resume<number, string>((await orderV2.run(15, { runtime })).executionId, 'bob');

  // 4. Retry: order 120 fails at the carrier; the fix is deployed; the retry ships it.
  const big = await orderV2.run(120, { runtime });
  const failed = await runtime.resume(big.executionId, 'cy');
  carrier.fixed = true;
  const retried = await runtime.retry<number, string>(big.executionId);

  // 5. Fork the shipped order from its approval (step 3): the reservation and screen are kept.
  const fork = await runtime.fork<number, string>(big.executionId, { from: 3 });
  const forkPaused = await fork.result();
  const forkDone = await runtime.resume<number, string>(fork.executionId, 'dee');

  return { old, changed, patchedCheck, resumedOnV1, onV2, failed, retried, forkPaused, forkDone };
}

if (isMain(import.meta.url)) {
  const runtime = await createRuntime({ store: 'memory' });
  const story = await deployStory(runtime);
  console.log(`1. v1 execution ${story.old.executionId} is ${story.old.state} (version ${story.old.version})`);
  for (const failure of story.changed.failures)
    console.log(`   the in-place change would break it: ${failure.divergence?.message}`);
  console.log(`2. patched: ${story.patchedCheck.ok ? 'ok for every recorded execution' : 'still breaks some'}`);
  console.log(`3. pinned: the v1 execution resumed on v1: ${story.resumedOnV1.output}`);
  console.log(`   a new start ran v2: ${story.onV2.output}`);
  console.log(`4. order 120 ${story.failed.state}: ${story.failed.error?.message}`);
  console.log(`   retried after the fix: ${story.retried.state}, ${story.retried.output}`);
  console.log(`5. forked from step 3: ${story.forkPaused.state} at its approval, then ${story.forkDone.output}`);
  await runtime.close();
}
