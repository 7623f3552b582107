/**
 * W10 of ./README.md: `replayCheck` over recorded executions of W1's 100-step workflow,
 * against the same code. It must report no divergence, and exactly one when one log is edited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime, replayCheck, type ExecutionEvent } from 'flux-actors';
import { sequential, type Figures } from './workloads.js';

const RECORDED = Number(process.env.BENCH_RECORDED ?? 10_000);
const STEPS = 100;

export async function w10(kind: 'memory' | 'sqlite'): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'flux-bench-check-'));
  const runtime = await createRuntime({ store: kind === 'memory' ? 'memory' : { sqlite: join(dir, 'flux.db') } });
  try {
    for (let i = 0; i < RECORDED; i += 50)
      await Promise.all(Array.from({ length: Math.min(50, RECORDED - i) }, () => sequential.run(STEPS, { runtime })));
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await replayCheck(runtime, [sequential]);
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6;
    if (report.checked !== RECORDED || !report.ok)
      throw new Error(`W10: checked ${report.checked} of ${RECORDED}, ${report.failures.length} diverged`);
    // One log edited (its 50th step taken out): exactly one divergence.
    const one = report.verdicts[0]!.executionId;
    const events = JSON.parse(JSON.stringify((await runtime.inspect(one)).events)) as ExecutionEvent[];
    const fiftieth = events.filter((e) => e.type === 'TASK_STARTED')[49]!.sourceId;
    const editedLog = events.filter((e) => e.sourceId !== fiftieth);
    const edited = await replayCheck({ histories: [editedLog] }, [sequential]);
    if (edited.failures.length !== 1) throw new Error(`W10: an edited log gave ${edited.failures.length} divergences`);
    return {
      executionsPerSecond: RECORDED / seconds,
      stepsPerSecond: (RECORDED * STEPS) / seconds,
      cpuSeconds,
      divergences: report.failures.length,
      editedDivergences: edited.failures.length,
    };
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
