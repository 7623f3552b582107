/** A pipeline whose middle stage fans out with a concurrency cap. */
import { workflow, task, parallel, pipeline, type ExecutionContext } from 'flux-actors';
import { isMain } from './main.js';

export const splitWords = task(async function splitWords(text: string) {
  return text.split(/\s+/).filter(Boolean);
});
export const scoreWord = task(async function scoreWord(word: string) {
  return { word, score: [...word].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 97 };
});
export const pickBest = task(async function pickBest(scored: { word: string; score: number }[]) {
  return scored.reduce((best, s) => (s.score > best.score ? s : best));
});

const scoreAll = async (words: string[]) =>
  parallel(
    words.map((w) => () => scoreWord(w)),
    { maxConcurrent: 3 },
  );

export const complexPipeline = workflow(async function complexPipeline(ctx: ExecutionContext<string>) {
  return await pipeline(splitWords, scoreAll, pickBest, { input: ctx.input });
});

if (isMain(import.meta.url))
  console.log((await complexPipeline.run('durable workflows replay deterministically')).output);
