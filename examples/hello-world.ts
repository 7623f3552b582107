import { workflow, task, type ExecutionContext } from 'flux-actors';

const processData = task(async function processData(data: string) {
  return data.toUpperCase();
});

export const helloWorld = workflow(async function helloWorld(ctx: ExecutionContext<string>) {
  return `Hello, ${await processData(ctx.input)}`;
});

if (import.meta.url === `file://${process.argv[1]}`) {
  const ctx = await helloWorld.run('world');
  console.log(ctx.state, ctx.output);
  console.log(JSON.stringify(ctx.toJSON(), null, 2));
}
