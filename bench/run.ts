/**
 * `npm run bench`: runs the workloads on each runtime, prints one table, writes JSON under
 * bench/results/. Benchmarks never fail on a time; they fail only on a wrong result.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, type Runtime } from 'flux-actors';
import { collectGarbage, median, w1, w1Guarded, w2, w3, w4, w5, w6, type Figures } from './workloads.js';

interface Target {
  name: string;
  open(): Promise<{ runtime: Runtime; dispose(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'memory',
    async open() {
      const runtime = await createRuntime({ store: 'memory' });
      return { runtime, dispose: () => runtime.close() };
    },
  },
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'flux-bench-'));
      const runtime = await createRuntime({ store: { sqlite: join(dir, 'flux.db') } });
      return { runtime, dispose: async () => (await runtime.close(), rmSync(dir, { recursive: true, force: true })) };
    },
  },
];

const workloads: [string, (runtime: Runtime) => Promise<Figures>][] = [
  ['W1 sequential', w1],
  ['W1 with retry+timeout+fallback', w1Guarded],
  ['W2 concurrent-sequential', w2],
  ['W3 latency', w3],
  ['W4 fan-out', w4],
  ['W5 resume', w5],
  ['W6 replay', w6],
];

/** Timed rounds per workload; each figure reported is the median over them (this VM is noisy). */
const ROUNDS = 5;

function medianOfRounds(rounds: Figures[]): Figures {
  const figures: Figures = {};
  for (const key of Object.keys(rounds[0]!)) figures[key] = median(rounds.map((r) => r[key]!));
  return figures;
}

const only = process.argv.slice(2);
const results: Record<string, Record<string, Figures>> = {};
const machine = { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, natsServer: 'not used (embedded runtimes only)' };
console.log(`machine: ${machine.cores} cores (${machine.cpu}), node ${machine.node}`);

for (const target of targets) {
  if (only.length && !only.includes(target.name)) continue;
  results[target.name] = {};
  for (const [name, run] of workloads) {
    const { runtime, dispose } = await target.open();
    await run(runtime); // warm-up round, untimed
    const rounds: Figures[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      collectGarbage();
      rounds.push(await run(runtime));
    }
    await dispose();
    const figures = medianOfRounds(rounds);
    results[target.name]![name] = figures;
    const shown = Object.entries(figures).map(([k, v]) => `${k}=${v < 10 ? v.toFixed(3) : Math.round(v)}`).join('  ');
    console.log(`${target.name.padEnd(7)} ${name.padEnd(26)} ${shown}`);
  }
}

mkdirSync('bench/results', { recursive: true });
const file = join('bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ machine, results }, null, 2));
console.log(`figures written to ${file}`);
