/**
 * Changing a workflow's code while executions are in flight, as a user deploys it:
 *  1. check: `replayCheck` (or `flux replay --check v2.ts`) replays the recorded executions against
 *     v2 without running or writing anything, and names where v2 leaves a log;
 *  2. patch: `patched('fraud-check')` lets one body serve the executions that started on v1 and the
 *     ones that start on v2; the check then says ok, and the paused v1 execution resumes on v2;
 * Starting once per business key is the CLI's `flux start --id`, HTTP's `?id=` / `Idempotency-Key`
 * and the NATS client's `start(wf, input, { executionId })`: the same id and input is the same start,
 * another input is refused (EXECUTION_EXISTS). Pinning an execution to its version, retry and fork
 * are still to come.
 */
import {
  createRuntime,
  patched,
  pause,
  replayCheck,
  task,
  workflow,
  type ExecutionContext,
  type WorkflowDefinition,
} from 'flux-actors';
import { isMain } from './main.js';

export const reserveStock = task(async function reserveStock(order: number) {
  return `reservation-${order}`;
});
export const screenFraud = task(async function screenFraud(order: number) {
  return order % 7 !== 0;
});

/** v1, as deployed when the first orders came in. */
export const orderV1 = workflow.withOptions({ name: 'deployedOrder' })(async (ctx: ExecutionContext<number>) => {
  const reservation = await reserveStock(ctx.input);
  const approver = await pause<string>('approval');
  return `${reservation} approved by ${approver}`;
});

/** v2 as first written: a fraud screen before the approval. Recorded v1 executions never made that call. */
export const orderV2: WorkflowDefinition<number, string> = {
  name: 'deployedOrder',
  options: {},
  fn: async (ctx) => {
    const reservation = await reserveStock(ctx.input);
    if (!(await screenFraud(ctx.input))) return 'refused';
    const approver = await pause<string>('approval');
    return `${reservation} approved by ${approver}`;
  },
};

/** v2 patched: the screen runs only where the execution reaches it on the new code. */
export const orderV2Patched: WorkflowDefinition<number, string> = {
  name: 'deployedOrder',
  options: {},
  fn: async (ctx) => {
    const reservation = await reserveStock(ctx.input);
    if (patched('fraud-screen') && !(await screenFraud(ctx.input))) return 'refused';
    const approver = await pause<string>('approval');
    return `${reservation} approved by ${approver}`;
  },
};

if (isMain(import.meta.url)) {
  const runtime = await createRuntime({ store: 'memory' });
  const old = await orderV1.run(41, { runtime });
  console.log(`v1 execution ${old.executionId} is ${old.state}`);

  const check = await replayCheck(runtime, [orderV2]);
  for (const failure of check.failures)
    console.log(
      `v2 would break ${failure.executionId}: ${failure.divergence?.message} (at ${failure.divergence?.site})`,
    );

  const patchedCheck = await replayCheck(runtime, [orderV2Patched]);
  console.log(`patched v2: ${patchedCheck.ok ? 'ok for every recorded execution' : 'still breaks some'}`);

  const resumed = await runtime.resume(old.executionId, 'ada', orderV2Patched);
  console.log(`the v1 execution resumed on patched v2: ${resumed.output}`);
  const fresh = await runtime.run(orderV2Patched, 14);
  console.log(`a new execution on patched v2 (order 14, screened): ${fresh.output}`);

  await runtime.close();
}
