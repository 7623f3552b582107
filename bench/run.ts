/**
 * `npm run bench [memory] [sqlite] [nats]`: runs the workloads on each runtime (all three when none is
 * named; NATS last), prints one table, writes JSON under bench/results/. Benchmarks never fail on a
 * time; they fail only on a wrong result.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from 'flux-actors';
import { fillEvents, startNatsBench, tasksServedLocally, w7, type NatsBench, type NatsSession } from './nats.js';
import { natsServerMissing, natsServerVersion } from './nats-server.js';
import { w8Embedded, w8Nats, w9Embedded, w9Nats } from './time.js';
import { w10 } from './change.js';
import { w11, w11Nats } from './retention.js';
import { w12 } from './tracing.js';
import {
  collectGarbage,
  localStepRuns,
  median,
  w1,
  w1Guarded,
  w2,
  w3,
  w4,
  w5,
  w6,
  type Figures,
  type StepCounter,
} from './workloads.js';

interface Session {
  runtime: Runtime;
  /** Step bodies run so far, wherever the target runs them. */
  stepRuns: StepCounter;
  /** On NATS: the client, the connection, the prefix. */
  nats?: NatsSession;
  dispose(): Promise<void>;
}

interface Workload {
  name: string;
  run(session: Session): Promise<Figures>;
  /** Run once after opening, before the warm-up round; its figures are reported with the workload's. */
  prepare?(session: Session): Promise<Figures>;
  /** NATS: the executor process also hosts the W7 workflow (takes its start commands). */
  hostWorkflows?: boolean;
  /** Heavy: one timed round, no warm-up. */
  once?: boolean;
}

interface Target {
  name: string;
  /** Why the target cannot run here, if it cannot. */
  missing?(): string | undefined;
  start?(): Promise<void>;
  open(workload: Workload): Promise<Session>;
  stop?(): Promise<void>;
  /** Workloads run on this target only, after the common ones. */
  extra?: Workload[];
}

const common: Workload[] = [
  { name: 'W1 sequential', run: (s) => w1(s.runtime) },
  { name: 'W1 with retry+timeout+fallback', run: (s) => w1Guarded(s.runtime) },
  { name: 'W2 concurrent-sequential', run: (s) => w2(s.runtime) },
  { name: 'W3 latency', run: (s) => w3(s.runtime) },
  { name: 'W4 fan-out', run: (s) => w4(s.runtime) },
  { name: 'W5 resume', run: (s) => w5(s.runtime) },
  { name: 'W6 replay', run: (s) => w6(s.runtime, s.stepRuns) },
];

/** Events of other executions in the events stream for the second W6 on NATS. */
const OTHER_EVENTS = Number(process.env.BENCH_OTHER_EVENTS ?? 1_000_000);

let nats: NatsBench | undefined;

/** W8 and W9 on an embedded store: each makes its own runtime, on a TestClock. */
const timeWorkloads = (kind: 'memory' | 'sqlite'): Workload[] => [
  { name: 'W8 wake', once: true, run: () => w8Embedded(kind) },
  { name: 'W9 schedules', once: true, run: () => w9Embedded(kind) },
  { name: 'W10 replay check', once: true, run: () => w10(kind) },
  { name: 'W11 retention', once: true, run: () => w11(kind) },
];

/** A fresh prefix and key file on the bench's nats-server, for a workload that starts its own worker. */
let ownPrefixes = 0;
const ownNats = () => {
  const dir = mkdtempSync(join(tmpdir(), 'flux-bench-key-'));
  return {
    url: nats!.url,
    prefix: `bench_time_${Date.now().toString(36)}_${++ownPrefixes}`,
    key: join(dir, 'secret.key'),
  };
};

const targets: Target[] = [
  {
    name: 'memory',
    extra: [...timeWorkloads('memory'), { name: 'W12 tracing overhead', once: true, run: () => w12() }],
    async open() {
      const runtime = await createRuntime({ store: 'memory' });
      return { runtime, stepRuns: localStepRuns, dispose: () => runtime.close() };
    },
  },
  {
    name: 'sqlite',
    extra: timeWorkloads('sqlite'),
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'flux-bench-'));
      const runtime = await createRuntime({ store: { sqlite: join(dir, 'flux.db') } });
      return {
        runtime,
        stepRuns: localStepRuns,
        dispose: async () => {
          await runtime.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    // One nats-server, one executor process serving the tasks; the workflows run in this process.
    name: 'nats',
    missing: natsServerMissing,
    async start() {
      nats = await startNatsBench();
      console.log(
        `nats: nats-server ${nats.serverVersion} at ${nats.url}; tasks served by ${tasksServedLocally ? 'the executor process AND this process (BENCH_NATS_TASKS=local)' : 'a separate executor process only'}`,
      );
    },
    async open(workload) {
      const session = await nats!.open({ hostWorkflows: workload.hostWorkflows ?? false });
      return { runtime: session.runtime, stepRuns: session.stepRuns, nats: session, dispose: () => session.dispose() };
    },
    async stop() {
      await nats?.close();
      nats = undefined;
    },
    extra: [
      {
        name: 'W6 replay, 1M other events',
        async prepare(s) {
          const fill = await fillEvents(s.nats!.nc, s.nats!.prefix, OTHER_EVENTS);
          console.log(
            `nats    (filled the events stream with ${OTHER_EVENTS} events of other executions in ${fill.fillSeconds!.toFixed(1)} s, ${Math.round(fill.fillEventsPerSecond!)} events/s)`,
          );
          // The first resumes after the fill, one of each H: the cold figures.
          const cold = await w6(s.runtime, s.stepRuns, 1, s.nats!.coldRuntime);
          return { ...fill, coldH1000Ms: cold.h1000Ms!, coldH10000Ms: cold.h10000Ms! };
        },
        run: (s) => w6(s.runtime, s.stepRuns),
      },
      // Resumed by a worker that never saw the logs: it reads them from JetStream (snapshot and tail).
      { name: 'W6 replay, cold worker', run: (s) => w6(s.runtime, s.stepRuns, 3, s.nats!.coldRuntime) },
      { name: 'W7 dispatch', hostWorkflows: true, run: (s) => w7(s.nats!.client) },
      {
        name: 'W8 wake',
        once: true,
        run: () => {
          const { url, prefix, key } = ownNats();
          return w8Nats(url, prefix, key);
        },
      },
      {
        name: 'W9 schedules',
        once: true,
        run: () => {
          const { url, prefix, key } = ownNats();
          return w9Nats(url, prefix, key);
        },
      },
      {
        name: 'W11 retention',
        once: true,
        run: () => {
          const { url, prefix, key } = ownNats();
          return w11Nats(url, prefix, key);
        },
      },
    ],
  },
];

/** Timed rounds per workload; each figure reported is the median over them (this VM is noisy). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function medianOfRounds(rounds: Figures[]): Figures {
  const figures: Figures = {};
  for (const key of Object.keys(rounds[0]!)) figures[key] = median(rounds.map((r) => r[key]!));
  return figures;
}

const only = process.argv.slice(2);
/** BENCH_ONLY="W5,W6": run only the workloads whose names start so (a quick look at one figure). */
const ONLY_WORKLOADS = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
const unknown = only.filter((name) => !targets.some((t) => t.name === name));
if (unknown.length)
  throw new Error(`unknown runtime(s) ${unknown.join(', ')}: choose from ${targets.map((t) => t.name).join(', ')}`);
const wanted = targets.filter((t) => !only.length || only.includes(t.name));
const results: Record<string, Record<string, Figures>> = {};
const machine = {
  cores: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  natsServer: wanted.some((t) => t.name === 'nats')
    ? (natsServerVersion() ?? 'not installed')
    : 'not used (embedded runtimes only)',
};
console.log(
  `machine: ${machine.cores} cores (${machine.cpu}), node ${machine.node}, nats-server ${machine.natsServer}`,
);
const benchStarted = performance.now();

for (const target of wanted) {
  const missing = target.missing?.();
  if (missing) {
    if (only.includes(target.name)) throw new Error(missing);
    console.log(`${target.name.padEnd(7)} skipped: ${missing}`);
    continue;
  }
  const targetStarted = performance.now();
  results[target.name] = {};
  await target.start?.();
  try {
    for (const workload of [...common, ...(target.extra ?? [])]) {
      if (ONLY_WORKLOADS.length && !ONLY_WORKLOADS.some((prefix) => workload.name.startsWith(prefix))) continue;
      const session = await target.open(workload);
      const prepared = (await workload.prepare?.(session)) ?? {};
      if (!workload.once) await workload.run(session); // warm-up round, untimed
      const rounds: Figures[] = [];
      for (let r = 0; r < (workload.once ? 1 : ROUNDS); r++) {
        collectGarbage();
        rounds.push(await workload.run(session));
      }
      await session.dispose();
      const figures = { ...medianOfRounds(rounds), ...prepared };
      results[target.name]![workload.name] = figures;
      const shown = Object.entries(figures)
        .map(([k, v]) => `${k}=${v < 10 ? v.toFixed(3) : Math.round(v)}`)
        .join('  ');
      console.log(`${target.name.padEnd(7)} ${workload.name.padEnd(26)} ${shown}`);
    }
  } finally {
    await target.stop?.();
  }
  console.log(`${target.name.padEnd(7)} (took ${((performance.now() - targetStarted) / 1000).toFixed(0)} s)`);
}

mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ machine, rounds: ROUNDS, results }, null, 2));
console.log(
  `figures written to ${file} (the whole run took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`,
);
