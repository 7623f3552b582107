/**
 * Sub-workflows: a report workflow calls a stars workflow per repository as child executions.
 * Flux's example asks the GitHub API; here a local stand-in answers, so the example runs offline.
 */
import { workflow, task, call, createRuntime, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

/** Stand-in for `GET https://api.github.com/repos/<repo>`: the one non-deterministic step, so a task. */
const STARS: Record<string, number> = { 'nodejs/node': 110_000, 'statelyai/xstate': 28_000, 'nats-io/nats.js': 1_500 };
export const fetchStars = task.withOptions({ retryMaxAttempts: 2, retryDelay: 10 })(async function fetchStars(
  repo: string,
) {
  const stars = STARS[repo];
  if (stars === undefined) throw new Error(`repository ${repo} not found`);
  return stars;
});

export const githubStars = workflow(async function githubStars(ctx: ExecutionContext<string>) {
  return { repo: ctx.input, stars: await fetchStars(ctx.input) };
});

export const starsReport = workflow(async function starsReport(ctx: ExecutionContext<string[]>) {
  // One child per repository, concurrently; a failed child's context is returned, not thrown.
  const children = await githubStars.map(ctx.input);
  const found = children.filter((c) => c.hasSucceeded).map((c) => c.output);
  const missing = children.filter((c) => c.hasFailed).map((c) => c.input);
  // A single child: its output, or an ExecutionError.
  const top = await call(githubStars, 'nodejs/node');
  return { found, missing, top: top.stars };
});

if (isMain(import.meta.url)) {
  const runtime = await createRuntime({ store: 'memory' });
  const ctx = await starsReport.run(['statelyai/xstate', 'nats-io/nats.js', 'no/such-repo'], { runtime });
  console.log(ctx.state, JSON.stringify(ctx.output));
  console.log('child executions:', (await runtime.list({ workflow: 'githubStars' })).length);
}
