/**
 * The workloads of ./README.md, written against the public API only. Each checks its own
 * result: a wrong answer throws, whatever its speed.
 */
import { workflow, task, pause, parallel, type ExecutionContext, type Runtime } from 'flux-actors';

export interface Figures {
  [name: string]: number;
}

let stepRuns = 0;
/** How many step bodies ran so far, wherever they run (this process, or an executor process on NATS). */
export type StepCounter = () => Promise<number>;
/** Step bodies run in this process. */
export const localStepRuns: StepCounter = async () => stepRuns;

export const step = task(async function benchPlainStep(i: number) {
  stepRuns++;
  return i + 1;
});

export const sequential = workflow(async function benchPlainSequence(ctx: ExecutionContext<number>) {
  let value = 0;
  for (let i = 0; i < ctx.input; i++) value = await step(value);
  return value;
});

// W1's step with failure handling configured that never fires: the happy path must not pay for it.
// (Names of equal length on both sides: ids and names are part of every event written.)
export const guardedStep = task.withOptions({
  retryMaxAttempts: 3,
  retryDelay: 100,
  timeout: '30s',
  fallback: async () => -1,
})(async function benchGuardStep(i: number) {
  stepRuns++;
  return i + 1;
});

const guardedSequential = workflow(async function benchGuardSequence(ctx: ExecutionContext<number>) {
  let value = 0;
  for (let i = 0; i < ctx.input; i++) value = await guardedStep(value);
  return value;
});

export const oneStep = workflow(async function benchOneStep() {
  return await step(0);
});

const pausing = workflow(async function benchPausing(ctx: ExecutionContext<number>) {
  let value = 0;
  for (let i = 0; i < ctx.input; i++) value = await step(value);
  const resumed = await pause<number>('resume_me');
  return value + resumed;
});

/** Available when node runs with --expose-gc (as `npm run bench` does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`benchmark result is wrong: ${what}`);
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (samples: number[]) => percentile(samples, 50);

/** W1: 100 sequential steps, 20 executions one after another. */
export function w1(runtime: Runtime): Promise<Figures> {
  return sequentialRuns(runtime, sequential);
}

/** W1 with a step that has retries, a timeout and a fallback configured, none of which fires. */
export function w1Guarded(runtime: Runtime): Promise<Figures> {
  return sequentialRuns(runtime, guardedSequential);
}

async function sequentialRuns(runtime: Runtime, flow: typeof sequential): Promise<Figures> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const ctx = await flow.run(100, { runtime });
    latencies.push(performance.now() - t);
    check(ctx.output === 100, `W1 output ${String(ctx.output)}`);
  }
  const wall = performance.now() - started;
  return { stepsPerSecond: (20 * 100) / (wall / 1000), latencyP50Ms: median(latencies) };
}

const fanOut = workflow(async function benchFanOut(ctx: ExecutionContext<number>) {
  const values = await parallel(Array.from({ length: ctx.input }, (_, i) => step(i)));
  return values.reduce((sum, v) => sum + v, 0);
});

/** W4: one workflow running 500 steps with `parallel`, summing the results; 3 runs. */
export async function w4(runtime: Runtime): Promise<Figures> {
  const walls: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const ctx = await fanOut.run(500, { runtime });
    walls.push(performance.now() - t);
    check(ctx.output === (500 * 501) / 2, `W4 sum ${String(ctx.output)}`);
  }
  const wall = median(walls);
  return { wallMs: wall, stepsPerSecond: 500 / (wall / 1000) };
}

/** W2: 20 executions of W1's workflow started together. */
export async function w2(runtime: Runtime): Promise<Figures> {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: 20 }, () => sequential.run(100, { runtime })));
  const wall = performance.now() - started;
  check(
    results.every((ctx) => ctx.output === 100),
    'W2 outputs',
  );
  return { stepsPerSecond: (20 * 100) / (wall / 1000) };
}

/** W3: a 1-step workflow, 300 executions one after another. */
export async function w3(runtime: Runtime): Promise<Figures> {
  const latencies: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const ctx = await oneStep.run(undefined, { runtime });
    latencies.push(performance.now() - t);
    check(ctx.output === 1, 'W3 output');
  }
  return { p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95), p99Ms: percentile(latencies, 99) };
}

/** W5: a workflow that pauses; resume with a value and await the result; 100 runs. */
export async function w5(runtime: Runtime): Promise<Figures> {
  const latencies: number[] = [];
  for (let i = 0; i < 100; i++) {
    const paused = await pausing.run(0, { runtime });
    check(paused.isPaused, 'W5 paused');
    const t = performance.now();
    const done = await pausing.resume(paused.executionId, i, { runtime });
    latencies.push(performance.now() - t);
    check(done.output === i, 'W5 output');
  }
  return { resumeP50Ms: median(latencies) };
}

/** W6: H completed steps then a pause, resumed; resume-to-result for H = 1,000 and 10,000. */
/** @param resumeRuntime where the resumes run (by default `runtime`, which ran the history: a warm worker). */
export async function w6(
  runtime: Runtime,
  stepRunsSoFar: StepCounter = localStepRuns,
  repeats = 3,
  resumeRuntime = runtime,
): Promise<Figures> {
  const timeFor = async (history: number): Promise<number> => {
    const samples: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const paused = await pausing.run(history, { runtime });
      const before = await stepRunsSoFar();
      collectGarbage(); // the untimed run that built the history leaves garbage; do not bill it to the resume
      const t = performance.now();
      const done = await pausing.resume(paused.executionId, 1, { runtime: resumeRuntime });
      samples.push(performance.now() - t);
      check(done.output === history + 1, 'W6 output');
      const after = await stepRunsSoFar();
      check(after === before, `W6 re-ran ${after - before} completed steps on replay`);
    }
    return median(samples);
  };
  const small = await timeFor(1_000);
  const large = await timeFor(10_000);
  const marginalMs = (large - small) / 9_000;
  return { h1000Ms: small, h10000Ms: large, marginalUsPerStep: marginalMs * 1000, fixedMs: small - marginalMs * 1_000 };
}
