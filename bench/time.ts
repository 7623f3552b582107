/**
 * W8 (wake) and W9 (schedules) of ./README.md, through the public API. Each makes its own
 * runtime or worker: the embedded ones run on a TestClock (the due instant is the moment the clock
 * is moved there, and lateness is real time after it); on NATS, W8 waits on real time and W9 moves
 * the worker's TestClock a minute at a time. Each checks its result: every execution woken once,
 * every fire started once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectClient,
  createRuntime,
  pause,
  startWorker,
  TestClock,
  workflow,
  type ExecutionContext,
} from 'flux-actors';
import type { Figures } from './workloads.js';

const WAKES = Number(process.env.BENCH_WAKES ?? 10_000);
const SCHEDULES = Number(process.env.BENCH_SCHEDULES ?? 1_000);
const SCHEDULE_MINUTES = 5;

/** Parks until the instant it is given, then ends. */
export const parked = workflow(async function benchParked(ctx: ExecutionContext<number>) {
  const woke = await pause('wake', undefined, { until: ctx.input });
  if (woke.resumed) throw new Error('a bench wake was resumed by hand');
  return woke.at;
});

/** What each schedule fire starts: nothing but its start and its end. */
export const fired = workflow(async function benchFired(ctx: ExecutionContext<number>) {
  return ctx.input;
});

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function embedded(
  kind: 'memory' | 'sqlite',
  clock: TestClock,
  workflows: Parameters<typeof createRuntime>[0] = {},
) {
  if (kind === 'memory') {
    const runtime = await createRuntime({ store: 'memory', clock, ...workflows });
    return { runtime, dispose: () => runtime.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'flux-bench-time-'));
  const runtime = await createRuntime({ store: { sqlite: join(dir, 'flux.db') }, clock, ...workflows });
  return {
    runtime,
    dispose: async () => {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** W8 embedded: WAKES executions parked until one instant; the clock is moved there; each wakes once. */
export async function w8Embedded(kind: 'memory' | 'sqlite'): Promise<Figures> {
  const clock = new TestClock(Date.parse('2030-01-01T00:00:00Z'));
  const due = clock.now() + 3_600_000;
  const { runtime, dispose } = await embedded(kind, clock);
  try {
    const ids: string[] = [];
    for (let i = 0; i < WAKES; i += 500) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(500, WAKES - i) }, () => parked.run(due, { runtime })),
      );
      for (const ctx of batch) {
        if (ctx.state !== 'paused') throw new Error(`W8: an execution is ${ctx.state}, not paused`);
        ids.push(ctx.executionId);
      }
    }
    const late: number[] = [];
    const cpu = process.cpuUsage();
    const started = performance.now();
    const ends = ids.map((id) =>
      runtime.result(id, { until: 'finished' }).then((ctx) => {
        late.push(performance.now() - started);
        return ctx;
      }),
    );
    await clock.advance(due - clock.now());
    check(await Promise.all(ends));
    const wallMs = performance.now() - started;
    const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
    return {
      wakeFirstMs: Math.min(...late),
      wakeP50Ms: percentile(late, 50),
      wakeP99Ms: percentile(late, 99),
      allDoneMs: wallMs,
      cpuMsPer1000: (cpuMs / WAKES) * 1000,
    };
  } finally {
    await dispose();
  }
}

function check(ends: readonly ExecutionContext[]): void {
  for (const ctx of ends) {
    if (ctx.state !== 'succeeded') throw new Error(`W8: ${ctx.executionId} ended ${ctx.state}`);
    const resumes = ctx.events.filter((e) => e.type === 'WORKFLOW_RESUMED').length;
    if (resumes !== 1) throw new Error(`W8: ${ctx.executionId} was woken ${resumes} times`);
  }
}

/** W8 on NATS: WAKES executions parked until one instant on real time, a worker wakes them. */
export async function w8Nats(url: string, prefix: string, secretKeyFile: string): Promise<Figures> {
  const nats = { servers: url, prefix, secretKeyFile };
  const worker = await startWorker({ nats, workflows: [parked], concurrency: 1000 });
  const client = await connectClient(nats);
  try {
    // Due once every execution has surely parked: 5 s after the starts are sent, plus time to send them.
    const due = Date.now() + 5_000 + WAKES * 1.5;
    const ids: string[] = [];
    for (let i = 0; i < WAKES; i += 500)
      ids.push(
        ...(await Promise.all(Array.from({ length: Math.min(500, WAKES - i) }, () => client.start(parked, due)))),
      );
    const cpu = process.cpuUsage();
    const ends: ExecutionContext[] = [];
    for (let i = 0; i < ids.length; i += 500)
      ends.push(
        ...(await Promise.all(
          ids.slice(i, i + 500).map(async (id) => {
            for (;;) {
              const ctx = await client.result(id, { timeoutMs: 120_000 });
              if (ctx.state !== 'paused') return ctx;
              const settled = ctx.events.length;
              await client.result(id, { afterSeq: settled, timeoutMs: 120_000 });
            }
          }),
        )),
      );
    check(ends);
    const late = ends.map((ctx) => Date.parse(ctx.events.find((e) => e.type === 'WORKFLOW_RESUMED')!.time) - due);
    const done = Math.max(...ends.map((ctx) => Date.parse(ctx.events.at(-1)!.time))) - due;
    const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
    return {
      wakeFirstMs: Math.min(...late),
      wakeP50Ms: percentile(late, 50),
      wakeP99Ms: percentile(late, 99),
      allDoneMs: done,
      cpuMsPer1000: (cpuMs / WAKES) * 1000,
    };
  } finally {
    await client.close();
    await worker.stop();
  }
}

/** The id a schedule fire's execution gets (as the runtime names it: `<schedule>-<fire time>`). */
function fireId(schedule: string, fire: number): string {
  return `${schedule}-${new Date(fire)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.000Z$/, 'Z')
    .replace('.', '')}`;
}

interface ScheduleHost {
  create(id: string): Promise<void>;
  /** Waits until the fire's execution has started; resolves with the real time it took since `since`. */
  started(executionId: string, since: number): Promise<number>;
  startedCount(executionId: string): Promise<number>;
}

/** W9: SCHEDULES schedules every minute, SCHEDULE_MINUTES minutes of fires, the clock moved a minute at a time. */
async function w9(clock: TestClock, host: ScheduleHost): Promise<Figures> {
  for (let i = 0; i < SCHEDULES; i++) await host.create(`s${i}`);
  const late: number[] = [];
  const cpu = process.cpuUsage();
  const origin = clock.now();
  for (let minute = 1; minute <= SCHEDULE_MINUTES; minute++) {
    const fire = origin - (origin % 60_000) + minute * 60_000;
    const since = performance.now();
    const waits = Array.from({ length: SCHEDULES }, (_, i) => host.started(fireId(`s${i}`, fire), since));
    await clock.advance(fire - clock.now());
    late.push(...(await Promise.all(waits)));
  }
  const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000;
  let doubled = 0;
  for (let i = 0; i < SCHEDULES; i += 97)
    if ((await host.startedCount(fireId(`s${i}`, origin - (origin % 60_000) + 60_000))) !== 1) doubled++;
  return {
    fireP50Ms: percentile(late, 50),
    fireP99Ms: percentile(late, 99),
    fires: late.length,
    missed: SCHEDULES * SCHEDULE_MINUTES - late.length,
    doubled,
    cpuSecondsPer1000Fires: cpuMs / 1000 / (late.length / 1000),
  };
}

export async function w9Embedded(kind: 'memory' | 'sqlite'): Promise<Figures> {
  const clock = new TestClock(Date.parse('2030-01-01T00:00:30Z'));
  const { runtime, dispose } = await embedded(kind, clock);
  // One loop looks for every fire not started yet, a turn at a time: lateness to within a turn.
  const waiting = new Map<string, { since: number; resolve(ms: number): void }>();
  let looking = false;
  const look = async () => {
    looking = true;
    while (waiting.size) {
      for (const [id, wait] of waiting)
        if (
          await runtime.inspect(id).then(
            () => true,
            () => false,
          )
        ) {
          waiting.delete(id);
          wait.resolve(performance.now() - wait.since);
        }
      await new Promise((resolve) => setImmediate(resolve));
    }
    looking = false;
  };
  try {
    return await w9(clock, {
      create: async (id) => void (await runtime.schedules.create(fired, { id, cron: '* * * * *', input: 1 })),
      started: (executionId, since) =>
        new Promise<number>((resolve) => {
          waiting.set(executionId, { since, resolve });
          if (!looking) void look();
        }),
      startedCount: async (executionId) =>
        (await runtime.inspect(executionId)).events.filter((e) => e.type === 'WORKFLOW_STARTED').length,
    });
  } finally {
    await dispose();
  }
}

export async function w9Nats(url: string, prefix: string, secretKeyFile: string): Promise<Figures> {
  const clock = new TestClock(Date.parse('2030-01-01T00:00:30Z'));
  const nats = { servers: url, prefix, secretKeyFile };
  const worker = await startWorker({ nats: { ...nats, clock }, workflows: [fired], concurrency: 256 });
  const client = await connectClient({ ...nats, clock });
  try {
    return await w9(clock, {
      create: async (id) => void (await client.schedules.create(fired, { id, cron: '* * * * *', input: 1 })),
      started: async (executionId, since) => {
        const ctx = await client.result(executionId, { timeoutMs: 120_000 });
        // The first event's time is on the test clock: real time is measured here, once it is read.
        if (!ctx.events.length) throw new Error(`W9: ${executionId} never started`);
        return performance.now() - since;
      },
      startedCount: async (executionId) =>
        (await client.inspect(executionId)).events.filter((e) => e.type === 'WORKFLOW_STARTED').length,
    });
  } finally {
    await client.close();
    await worker.stop();
  }
}
