/** Tasks run concurrently with parallel(); results come back in the order they were given. */
import { workflow, task, parallel, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const sayHello = task(async function sayHello(name: string) {
  return `Hello, ${name}`;
});
export const countLetters = task(async function countLetters(name: string) {
  return name.length;
});
export const reverse = task(async function reverseName(name: string) {
  return [...name].reverse().join('');
});

export const parallelTasks = workflow(async function parallelTasks(ctx: ExecutionContext<string>) {
  const [greeting, letters, reversed] = await parallel(
    sayHello(ctx.input),
    countLetters(ctx.input),
    reverse(ctx.input),
  );
  return { greeting, letters, reversed };
});

if (isMain(import.meta.url)) console.log((await parallelTasks.run('Ada')).output);
