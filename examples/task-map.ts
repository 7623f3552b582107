/** task.map runs a task once per item, concurrently, and returns the results in item order. */
import { workflow, task, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const countWords = task(async function countWords(text: string) {
  return text.split(/\s+/).filter(Boolean).length;
});

export const taskMap = workflow(async function taskMap(ctx: ExecutionContext<string[]>) {
  const counts = await countWords.map(ctx.input);
  return counts.reduce((sum, n) => sum + n, 0);
});

if (isMain(import.meta.url)) console.log((await taskMap.run(['a b c', 'd e', 'f'])).output);
