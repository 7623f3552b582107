/**
 * W11 of ./README.md: bounded storage. 100,000 executions of a 10-step workflow run on a runtime with
 * a retention of 5 minutes on a test clock that moves 1 s per 50 executions started, so the store
 * should settle at what 5 minutes hold and stay there. The store's size is sampled every 10,000
 * executions; 100 paused executions started first must all be there at the end, and resume.
 * Then, apart: how fast a pass deletes 10,000 expired executions at once.
 *
 * On NATS (`w11Nats`): 5,000 executions of 3 steps, a worker's retention of 30 s, the test clock
 * moved 1 s per 50; the bytes of the events stream and the index bucket every 1,000.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import {
  connectClient,
  createRuntime,
  pause,
  startWorker,
  task,
  TestClock,
  workflow,
  type ExecutionContext,
  type Runtime,
} from 'flux-actors';
import { check, collectGarbage, sequential, type Figures } from './workloads.js';

const EXECUTIONS = Number(process.env.BENCH_RETAINED ?? 100_000);
const BATCH = 50;
const STEPS = 10;
const PAUSED = 100;
const SAMPLE_EVERY = 20_000;

const awaitsApproval = workflow(async function benchRetainedPaused(ctx: ExecutionContext<number>) {
  return `${ctx.input} ${await pause<string>('approve')}`;
});

export async function w11(kind: 'memory' | 'sqlite'): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'flux-bench-retention-'));
  const path = join(dir, 'flux.db');
  const clock = new TestClock(Date.parse('2030-01-01T00:00:00Z'));
  const runtime = await createRuntime({
    store: kind === 'memory' ? 'memory' : { sqlite: path },
    clock,
    retention: '5m',
  });
  const size = kind === 'sqlite' ? sqliteSize(path) : memorySize(runtime);
  try {
    const paused = await Promise.all(
      Array.from({ length: PAUSED }, (_, i) => awaitsApproval.run(i, { runtime }).then((ctx) => ctx.executionId)),
    );
    const samples: number[] = [];
    const started = performance.now();
    for (let done = 0; done < EXECUTIONS; done += BATCH) {
      await Promise.all(Array.from({ length: BATCH }, () => sequential.run(STEPS, { runtime })));
      await clock.advance('1s');
      if ((done + BATCH) % SAMPLE_EVERY === 0) samples.push(await size());
    }
    const seconds = (performance.now() - started) / 1000;
    const kept = await runtime.list({ state: 'paused' });
    check(kept.length === PAUSED, `all ${PAUSED} paused executions kept (found ${kept.length})`);
    const resumed = await runtime.resume(paused[0]!, 'yes');
    check(resumed.output === '0 yes', 'a paused execution kept through retention resumes');
    const finished = (await runtime.list()).length - PAUSED + 1;
    check(finished <= (5 * 60 + 60) * BATCH, `at most ~5 minutes of executions kept (${finished})`);

    const deletion = await deletionRate(runtime, clock);
    const fileBytes = kind === 'sqlite' ? statSync(path).size + walSize(path) : undefined;
    // Past the first 5 minutes (15,000 executions) the store holds what 5 minutes hold: it should stay there.
    const sizes = Object.fromEntries(samples.map((bytes, i) => [`sizeAt${(i + 1) * (SAMPLE_EVERY / 1000)}k`, bytes]));
    return {
      executions: EXECUTIONS,
      executionsPerSecond: EXECUTIONS / seconds,
      keptAtEnd: finished,
      ...sizes,
      growthFrom20kToEnd: samples.at(-1)! / samples[0]!,
      deletedPerSecond: deletion,
      ...(fileBytes !== undefined && { fileBytesAtEnd: fileBytes }),
    };
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 10,000 executions, then the clock moved past the retention: how fast they go. */
async function deletionRate(runtime: Runtime, clock: TestClock): Promise<number> {
  await clock.advance('10m'); // everything expired goes first
  while ((await runtime.list({ state: 'succeeded', limit: 1 })).length) await new Promise(setImmediate);
  for (let i = 0; i < 10_000; i += BATCH)
    await Promise.all(Array.from({ length: BATCH }, () => sequential.run(STEPS, { runtime })));
  await clock.advance('1s'); // a purge takes what ended before now
  const started = performance.now();
  const deleted = await runtime.purge({ olderThan: 0, state: 'succeeded' });
  const seconds = (performance.now() - started) / 1000;
  check(deleted >= 10_000, `purge deleted the 10,000 (${deleted})`);
  return deleted / seconds;
}

/** Bytes of the SQLite file and its WAL that hold data (pages on the free list are reused, not counted twice). */
function sqliteSize(path: string): () => Promise<number> {
  return async () => {
    const db = new Database(path, { readonly: true });
    try {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const pages = db.pragma('page_count', { simple: true }) as number;
      const free = db.pragma('freelist_count', { simple: true }) as number;
      return (pages - free) * pageSize;
    } finally {
      db.close();
    }
  };
}

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/** The heap after a collection: what the memory store holds. */
function memorySize(_runtime: Runtime): () => Promise<number> {
  return async () => {
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };
}

const NATS_EXECUTIONS = Number(process.env.BENCH_RETAINED_NATS ?? 5_000);

// Its own step: the NATS session counts the bench's steps run in this process, and this worker runs these here.
const retainedStep = task(async function benchRetainedStep(n: number) {
  return n + 1;
});
const retained = workflow(async function benchRetained(ctx: ExecutionContext<number>) {
  let value = ctx.input;
  for (let i = 0; i < 3; i++) value = await retainedStep(value);
  return value;
});

export async function w11Nats(url: string, prefix: string, secretKeyFile: string): Promise<Figures> {
  const clock = new TestClock(Date.parse('2030-01-01T00:00:00Z'));
  const nats = { servers: url, prefix, secretKeyFile, clock };
  const worker = await startWorker({ nats, workflows: [retained], tasks: [retainedStep], retention: '30s' });
  const client = await connectClient(nats);
  const nc = await connect({ servers: url });
  const jsm = await jetstreamManager(nc);
  const bytes = async (stream: string) => (await jsm.streams.info(stream)).state.bytes;
  const upper = prefix.toUpperCase();
  try {
    const samples: Figures = {};
    const started = performance.now();
    for (let done = 0; done < NATS_EXECUTIONS; done += BATCH) {
      const ids = await Promise.all(Array.from({ length: BATCH }, () => client.start(retained, 0)));
      for (const ctx of await Promise.all(ids.map((id) => client.result(id, { timeoutMs: 60_000 }))))
        check(ctx.state === 'succeeded', `execution ${ctx.executionId} succeeded`);
      await clock.advance('1s');
      if ((done + BATCH) % 1000 === 0) {
        const k = (done + BATCH) / 1000;
        samples[`eventsBytesAt${k}k`] = await bytes(`${upper}_EVENTS`);
        samples[`indexBytesAt${k}k`] = await bytes(`KV_${prefix}_executions`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const kept = (await jsm.streams.info(`KV_${prefix}_executions`)).state.messages;
    check(kept < NATS_EXECUTIONS, `retention deleted executions on NATS (${kept} of ${NATS_EXECUTIONS} kept)`);
    // Then no more arrivals: the clock past everyone's expiry, and the time the worker takes to delete them.
    const draining = performance.now();
    await clock.advance('1m');
    while ((await jsm.streams.info(`KV_${prefix}_executions`)).state.messages > 0) await clock.advance('1s');
    const drainSeconds = (performance.now() - draining) / 1000;
    return {
      executions: NATS_EXECUTIONS,
      executionsPerSecond: NATS_EXECUTIONS / seconds,
      keptAtEnd: kept,
      deletedPerSecondIdle: kept / drainSeconds,
      ...samples,
    };
  } finally {
    await nc.close();
    await client.close();
    await worker.stop();
  }
}
