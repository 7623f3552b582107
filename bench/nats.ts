/**
 * The NATS side of `npm run bench`: one nats-server (its own temp store), ONE executor process
 * (./nats-executor.ts) that serves the step tasks, and in this process a runtime from
 * `createRuntime({ nats })` that runs the workflows. Each workload gets a fresh prefix (its own
 * streams, buckets and subjects) so none reads another's data.
 *
 * Tasks run in the executor process only: the runtime is opened with `serveTasks: false`. Set BENCH_NATS_TASKS=local to
 * measure with this process serving the tasks too (as `createRuntime({ nats })` does by itself).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { createInbox, headers, type NatsConnection } from '@nats-io/nats-core';
import { v7 as uuidv7 } from 'uuid';
import { connectClient, createRuntime, type Client, type Runtime } from 'flux-actors';
// The event log's wire format, only to write the other executions' events that fill the stream in
// W6 (the timed parts use the public API only).
import { encodeEventBatch } from '../runtime/nats/codec.js';
import type { StoredEvent } from '../runtime/engine/events.js';
import { CONTROL_SUBJECT, type ControlRequest } from './nats-control.js';
import { startNatsServer } from './nats-server.js';
import { check, localStepRuns, median, oneStep, percentile, type Figures, type StepCounter } from './workloads.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const executorScript = fileURLToPath(new URL('./nats-executor.ts', import.meta.url));
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Whether this process serves the tasks too (BENCH_NATS_TASKS=local), instead of the executor process only. */
export const tasksServedLocally = process.env.BENCH_NATS_TASKS === 'local';

export interface NatsSession {
  readonly prefix: string;
  readonly runtime: Runtime;
  readonly client: Client;
  /** A plain connection of this process (for writing filler events). */
  readonly nc: NatsConnection;
  /** Step bodies run so far, in the executor process. */
  readonly stepRuns: StepCounter;
  /** A second runtime on the same prefix, on a connection of its own: a worker that saw none of the logs. */
  readonly coldRuntime: Runtime;
  dispose(): Promise<void>;
}

export interface NatsBench {
  readonly url: string;
  readonly serverVersion: string;
  open(options?: { hostWorkflows?: boolean }): Promise<NatsSession>;
  close(): Promise<void>;
}

export async function startNatsBench(): Promise<NatsBench> {
  const server = await startNatsServer();
  const secretKeyFile = join(server.dir, 'secret.key');
  const executor = await spawnExecutor(server.url, secretKeyFile).catch(async (error: Error) => {
    await server.dispose();
    throw error;
  });
  const nc = await connect({ servers: server.url, name: 'flux-bench-control' });
  const control = async <T>(request: ControlRequest): Promise<T> => {
    const reply = JSON.parse(
      decoder.decode(
        (await nc.request(CONTROL_SUBJECT, encoder.encode(JSON.stringify(request)), { timeout: 60_000 })).data,
      ),
    ) as T & { error?: string };
    if (reply.error) throw new Error(`executor process: ${reply.error}`);
    return reply;
  };
  const run = Date.now().toString(36);
  let opened = 0;

  return {
    url: server.url,
    serverVersion: nc.info?.version ? `v${nc.info.version}` : server.version,
    async open({ hostWorkflows = false } = {}) {
      const prefix = `bench_${run}_${++opened}`;
      await control({ op: 'serve', prefix, hostWorkflows });
      const own = await connect({ servers: server.url, name: `flux-bench-${prefix}`, maxReconnectAttempts: -1 });
      const runtime = await createRuntime({
        nats: { connection: own, serveTasks: tasksServedLocally, prefix, secretKeyFile },
      });
      const client = await connectClient({ connection: own, prefix, secretKeyFile });
      const coldConnection = await connect({ servers: server.url, name: `flux-bench-${prefix}-cold` });
      const coldRuntime = await createRuntime({
        nats: { connection: coldConnection, serveTasks: tasksServedLocally, prefix, secretKeyFile },
      });
      const localBefore = await localStepRuns();
      return {
        prefix,
        runtime,
        client,
        nc: own,
        coldRuntime,
        stepRuns: async () =>
          (await control<{ stepRuns: number }>({ op: 'stepRuns' })).stepRuns +
          (tasksServedLocally ? await localStepRuns() : 0),
        async dispose() {
          await runtime.close();
          await coldRuntime.close();
          await coldConnection.drain();
          await client.close();
          await control({ op: 'stop', prefix });
          await own.drain();
          const ranHere = (await localStepRuns()) - localBefore;
          check(
            tasksServedLocally || ranHere === 0,
            `${ranHere} steps ran in the benchmark process, not in the executor process`,
          );
        },
      };
    },
    async close() {
      await control({ op: 'exit' }).catch(() => undefined);
      await new Promise<void>((resolve) => {
        if (executor.exitCode !== null) return resolve();
        const killer = setTimeout(() => executor.kill('SIGKILL'), 10_000);
        executor.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
      });
      await nc.drain();
      await server.dispose();
    },
  };
}

async function spawnExecutor(url: string, secretKeyFile: string): Promise<ChildProcess> {
  // BENCH_CPU_PROF=<dir>: the executor process writes a CPU profile there (run the bench with --cpu-prof too).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', executorScript, url, secretKeyFile], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  child.once('exit', () => process.off('exit', killNow));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the executor process did not start within 30 s: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready\n')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the executor process exited with code ${code}: ${out}`));
    });
  });
  child.stdout!.resume();
  return child;
}

/**
 * W7: a client submits 1,000 start commands one after another while the worker (in the executor
 * process) is idle; submit-to-started is the WORKFLOW_STARTED event's time minus the moment the
 * client was asked to start it. Event times are whole milliseconds (the figure is ±1 ms).
 */
export async function w7(client: Client, count = 1_000): Promise<Figures> {
  const wallClock = () => performance.timeOrigin + performance.now();
  const startedAt = async (id: string): Promise<number> => {
    const ctx = await client.result<undefined, number>(id, { timeoutMs: 120_000 });
    check(ctx.hasSucceeded && ctx.output === 1, `W7 output ${String(ctx.output)}`);
    const started = ctx.events.find((e) => e.type === 'WORKFLOW_STARTED');
    check(started !== undefined, 'W7 WORKFLOW_STARTED');
    return Date.parse(started!.time);
  };
  // Each submitted while the workers are idle: the one before has finished.
  const idle: number[] = [];
  const calls: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = wallClock();
    const id = await client.start(oneStep, undefined);
    calls.push(wallClock() - at);
    idle.push((await startedAt(id)) - at);
  }
  // All submitted at once, as fast as the client sends them: how fast the workers drain a burst.
  const submits: { id: string; at: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = wallClock();
    submits.push({ id: await client.start(oneStep, undefined), at });
  }
  const burst: number[] = [];
  for (const { id, at } of submits) burst.push((await startedAt(id)) - at);
  return {
    p50Ms: percentile(idle, 50),
    p99Ms: percentile(idle, 99),
    startCallP50Ms: median(calls),
    burstP50Ms: percentile(burst, 50),
    burstP99Ms: percentile(burst, 99),
  };
}

/**
 * Writes `total` events of other executions into the events stream, as the runtime writes them (one
 * `EventBatch` message per event on `<prefix>.events.<execution id>`, with a `Nats-Msg-Id`):
 * executions of 10 events (started, 4 steps, completed), 1,000 of them in flight at once so their
 * events interleave in the stream. Publishes are pipelined: `window` unacknowledged at most, the acks
 * collected on one inbox subscription; a refused publish fails the benchmark.
 */
export async function fillEvents(nc: NatsConnection, prefix: string, total: number, window = 4_000): Promise<Figures> {
  const eventsStream = `${prefix.toUpperCase().replace(/-/g, '_')}_EVENTS`;
  const started = performance.now();
  const inbox = createInbox();
  let unacked = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const acks = nc.subscribe(`${inbox}.*`, {
    callback: (error, msg) => {
      unacked--;
      const ack = error ? { error: { description: error.message } } : msg.json<{ error?: { description: string } }>();
      if (ack.error) failure ??= new Error(`filling ${eventsStream}: ${ack.error.description}`);
      const waiting = wake;
      wake = undefined;
      waiting?.();
    },
  });
  const live = Array.from({ length: 1_000 }, () => ({ id: uuidv7(), seq: 0 }));
  for (let n = 0; n < total; n++) {
    const execution = live[n % live.length]!;
    const seq = ++execution.seq;
    const step = Math.floor(seq / 2);
    const time = Date.now();
    const event: StoredEvent =
      seq === 1
        ? {
            seq,
            type: 'WORKFLOW_STARTED',
            sourceId: execution.id,
            name: 'benchOtherWork',
            valueJson: '{"order":42}',
            time,
          }
        : seq === 10
          ? { seq, type: 'WORKFLOW_COMPLETED', sourceId: execution.id, name: 'benchOtherWork', valueJson: '4', time }
          : seq % 2 === 0
            ? {
                seq,
                type: 'TASK_STARTED',
                sourceId: `benchOtherStep:${step}`,
                name: 'benchOtherStep',
                valueJson: `[${step}]`,
                time,
              }
            : {
                seq,
                type: 'TASK_COMPLETED',
                sourceId: `benchOtherStep:${step}`,
                name: 'benchOtherStep',
                valueJson: `${step + 1}`,
                time,
              };
    const h = headers();
    h.set('Nats-Msg-Id', `${execution.id}:${seq}`);
    nc.publish(`${prefix}.events.${execution.id}`, encodeEventBatch(execution.id, [event]), {
      reply: `${inbox}.${n}`,
      headers: h,
    });
    unacked++;
    if (seq === 10) Object.assign(execution, { id: uuidv7(), seq: 0 });
    while (unacked >= window && !failure) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) break;
  }
  while (unacked > 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
  acks.unsubscribe();
  if (failure) throw failure;
  const seconds = (performance.now() - started) / 1000;
  const messages = (await (await jetstreamManager(nc)).streams.info(eventsStream)).state.messages;
  return { fillSeconds: seconds, fillEventsPerSecond: total / seconds, streamMessages: messages };
}
