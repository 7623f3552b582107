/** A pipeline of tasks, each feeding the next; every step is a durable event. */
import { workflow, task, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const parseNumbers = task(async function parseNumbers(text: string) {
  return text.split(',').map((part) => Number(part.trim()));
});

export const square = task(async function square(numbers: number[]) {
  return numbers.map((n) => n * n);
});

export const total = task(async function total(numbers: number[]) {
  return numbers.reduce((sum, n) => sum + n, 0);
});

export const simplePipeline = workflow(async function simplePipeline(ctx: ExecutionContext<string>) {
  const numbers = await parseNumbers(ctx.input);
  const squares = await square(numbers);
  return { numbers, squares, total: await total(squares) };
});

if (isMain(import.meta.url)) {
  const ctx = await simplePipeline.run('1, 2, 3, 4');
  console.log(ctx.state, ctx.output);
}
