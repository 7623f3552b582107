/**
 * W12 of ./README.md: W1 (embedded, in memory) with no OpenTelemetry SDK registered, with only the
 * SDK's context manager, and with an SDK whose spans go through a `BatchSpanProcessor` into an
 * in-memory exporter (checked: one span per run and per step's attempt). Each variant runs in a
 * process of its own, the three interleaved three times: in one process, the variant that runs
 * second meets code the first one's JIT shaped, and an enabled context manager cannot be undone.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createRuntime } from 'flux-actors';
import { check, collectGarbage, median, w1, type Figures } from './workloads.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const VARIANTS = ['none', 'context', 'sdk'] as const;
type Variant = (typeof VARIANTS)[number];

export async function w12(): Promise<Figures> {
  const runs: Record<Variant, number[]> = { none: [], context: [], sdk: [] };
  for (let i = 0; i < 3; i++) {
    for (const variant of VARIANTS) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', new URL(import.meta.url).pathname, variant],
        { maxBuffer: 1 << 20 },
      );
      runs[variant].push(Number(stdout.trim().split('\n').at(-1)));
    }
  }
  const none = median(runs.none);
  return {
    stepsPerSecondNoSdk: none,
    stepsPerSecondContextManagerOnly: median(runs.context),
    stepsPerSecondSdk: median(runs.sdk),
    sdkRatio: median(runs.sdk) / none,
  };
}

/** One variant, in this process: warm-up rounds, then the median of ROUNDS rounds of W1, printed. */
async function variant(which: Variant): Promise<number> {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new BatchSpanProcessor(exporter, { maxQueueSize: 100_000, maxExportBatchSize: 5_000 })],
  });
  if (which !== 'none') context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  if (which === 'sdk') trace.setGlobalTracerProvider(provider);
  const runtime = await createRuntime({ store: 'memory' });
  const rounds: number[] = [];
  try {
    for (let i = 0; i < 3; i++) await w1(runtime); // the first workload a process runs pays for warming up
    for (let round = 0; round < ROUNDS; round++) {
      await provider.forceFlush();
      exporter.reset();
      collectGarbage();
      rounds.push((await w1(runtime)).stepsPerSecond!);
      if (which !== 'sdk') continue;
      await provider.forceFlush();
      // 20 executions of 100 steps: 20 runs and 2,000 attempts, each a span.
      const spans = exporter.getFinishedSpans().length;
      check(spans === 20 * (1 + 100), `W12 made ${spans} spans`);
    }
  } finally {
    await runtime.close();
    await provider.shutdown();
  }
  return median(rounds);
}

const which = process.argv[2] as Variant | undefined;
if (which && (VARIANTS as readonly string[]).includes(which)) console.log(String(await variant(which)));
