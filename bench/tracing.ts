/**
 * W12 of ./README.md: W1 with no OpenTelemetry SDK registered, then with an SDK whose spans go to an
 * in-memory exporter (batched, as in production), in one process (embedded, in memory). Checks that
 * the traced rounds made their spans: one per run and one per step's attempt.
 */
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createRuntime } from 'flux-actors';
import { check, collectGarbage, median, w1, type Figures } from './workloads.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

export async function w12(): Promise<Figures> {
  const runtime = await createRuntime({ store: 'memory' });
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    spanProcessors: [new BatchSpanProcessor(exporter, { maxQueueSize: 100_000, maxExportBatchSize: 5_000 })],
  });
  const contexts = new AsyncLocalStorageContextManager();
  const plain: number[] = [];
  const traced: number[] = [];
  try {
    // Untraced rounds first: once a context manager has been enabled, the process keeps its async
    // hooks, which would slow the untraced rounds after it and flatter the ratio.
    await w1(runtime); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      collectGarbage();
      plain.push((await w1(runtime)).stepsPerSecond!);
    }
    context.setGlobalContextManager(contexts.enable());
    trace.setGlobalTracerProvider(provider);
    await w1(runtime); // warm-up, traced
    for (let round = 0; round < ROUNDS; round++) {
      await provider.forceFlush();
      exporter.reset();
      collectGarbage();
      traced.push((await w1(runtime)).stepsPerSecond!);
      // 20 executions of 100 steps: 20 runs and 2,000 attempts, each a span.
      await provider.forceFlush();
      const spans = exporter.getFinishedSpans().length;
      check(spans === 20 * (1 + 100), `W12 made ${spans} spans`);
    }
  } finally {
    trace.disable();
    context.disable();
    await provider.shutdown();
    await runtime.close();
  }
  const withoutSdk = median(plain);
  const withSdk = median(traced);
  return { stepsPerSecondNoSdk: withoutSdk, stepsPerSecondSdk: withSdk, sdkRatio: withSdk / withoutSdk };
}
