/**
 * Two approvals at once: both pauses are pending, and a resume names the one it answers
 * (`{ pause: 'finance' }`); a resume that names none is refused (AMBIGUOUS_RESUME) while several
 * are pending. The CLI: `flux resume <id> '"ok"' --pause finance`; HTTP: `POST /executions/<id>/resume?pause=finance`.
 */
import { workflow, task, pause, parallel, createRuntime, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const signContract = task(async function signContract(deal: string, legal: string, finance: string) {
  return `${deal} signed (legal: ${legal}, finance: ${finance})`;
});

export const dealSignOff = workflow(async function dealSignOff(ctx: ExecutionContext<string>) {
  const [legal, finance] = await parallel(
    pause<string>('legal', { deal: ctx.input, check: 'terms' }),
    pause<string>('finance', { deal: ctx.input, check: 'budget' }),
  );
  return await signContract(ctx.input, legal, finance);
});

if (isMain(import.meta.url)) {
  const runtime = await createRuntime({ store: 'memory' });
  const paused = await dealSignOff.run('acme', { runtime });
  const refused = await runtime.resume(paused.executionId, 'ok').catch((error: Error) => error.message);
  console.log('without a name:', refused);
  const half = await runtime.resume(paused.executionId, 'budget ok', { pause: 'finance' });
  console.log('after finance:', half.state);
  const done = await runtime.resume(paused.executionId, 'terms ok', { pause: 'legal' });
  console.log('after legal:', done.output);
  await runtime.close();
}
