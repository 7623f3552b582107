/** The smallest workflow: one task, one result. Run: npx tsx examples/hello-world.ts */
import { workflow, task, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

const processData = task(async function processData(data: string) {
  return data.toUpperCase();
});

export const helloWorld = workflow(async function helloWorld(ctx: ExecutionContext<string>) {
  return `Hello, ${await processData(ctx.input)}`;
});

if (isMain(import.meta.url)) {
  const ctx = await helloWorld.run('world');
  console.log(ctx.state, ctx.output);
}
