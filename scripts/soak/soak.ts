/**
 * `npm run soak`: faults under load on NATS, counted. Two worker processes and a client; while
 * SOAK_EXECUTIONS (default 1,000) executions of a 10-step workflow with a pause run (started, paused,
 * resumed, finished), a random worker is killed with SIGKILL and started again, and nats-server is
 * restarted, at random moments. Then, with everything up again, it counts what must never happen and
 * exits non-zero on any: executions lost (a start was acknowledged, the execution is not there),
 * steps recorded as completed twice, task bodies started after their completion was recorded, and
 * executions stuck (not finished at the end). A step interrupted by a kill may run again before its
 * completion is recorded: that is at-least-once, counted apart.
 *
 * Not part of `npm test`: it takes minutes. SOAK_SECONDS bounds the run (default 600), SOAK_FAULT_MS
 * is the mean time between faults (default 2000), SOAK_EXECUTIONS the number of executions.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { connect } from '@nats-io/transport-node';
import { connectClient, type Client, type ExecutionContext } from 'flux-actors';
import { startNatsServer, type NatsServer } from '../../test/fixtures/nats-server.js';
import { tempDir } from '../../test/fixtures/runtimes.js';
import { expectedOutput, soakFlow } from './workflow.js';

const EXECUTIONS = Number(process.env.SOAK_EXECUTIONS ?? 1000);
const CONCURRENT = 100;
/** The mean time between two faults. */
const FAULT_EVERY_MS = Number(process.env.SOAK_FAULT_MS ?? 2000);
const RESUME_VALUE = 7;
const PREFIX = 'soak';
let deadline = Date.now() + Number(process.env.SOAK_SECONDS ?? 600) * 1000;
/** After the faults stop: how long executions still on their way may take to finish before they count as stuck. */
const GRACE_MS = 90_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (low: number, high: number) => low + Math.floor(Math.random() * (high - low));

interface Faults {
  workerKills: number;
  serverRestarts: number;
}

class Workers {
  private readonly processes: (ChildProcess | undefined)[] = [undefined, undefined];
  constructor(
    private readonly url: string,
    private readonly env: Record<string, string>,
  ) {}

  async startAll(): Promise<void> {
    await Promise.all(this.processes.map((_, i) => this.start(i)));
  }

  async start(i: number): Promise<void> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'worker.ts'), this.url, PREFIX],
      {
        env: { ...process.env, ...this.env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    this.processes[i] = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`soak worker exited (${code}) before it was ready`)));
    }).catch(() => undefined); // a worker started while the server restarts may fail: the next fault starts it again
  }

  kill(i: number): void {
    this.processes[i]?.kill('SIGKILL');
  }

  alive(i: number): boolean {
    const child = this.processes[i];
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      this.processes.map((child) =>
        child && child.exitCode === null && child.signalCode === null
          ? new Promise<void>((resolve) => {
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
            })
          : undefined,
      ),
    );
  }
}

/** Faults at random moments until `stopped()`: mostly a worker killed and started again, sometimes a server restart. */
async function chaos(server: NatsServer, workers: Workers, faults: Faults, stopped: () => boolean): Promise<void> {
  while (!stopped()) {
    await sleep(between(FAULT_EVERY_MS / 2, (FAULT_EVERY_MS * 3) / 2));
    if (stopped()) break;
    if (Math.random() < 0.7) {
      const i = between(0, 2);
      workers.kill(i);
      faults.workerKills++;
      await sleep(between(200, 1500));
      await workers.start(i);
    } else {
      await server.restart();
      faults.serverRestarts++;
      for (const i of [0, 1]) if (!workers.alive(i)) await workers.start(i);
    }
  }
}

/** Retries what fails while a server restarts or a worker dies; gives up only at the deadline. */
async function persist<T>(what: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await what();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}

async function settled(client: Client, id: string, after = 0): Promise<ExecutionContext> {
  return persist(() => client.result(id, { timeoutMs: 15_000, afterSeq: after }));
}

/** One execution's life: started, paused, resumed once, finished (or taken up where it is, when it was started already). */
async function drive(client: Client, i: number, acknowledged: Set<string>): Promise<void> {
  const id = `soak-${i}`;
  if (!acknowledged.has(id)) {
    await persist(() => client.start(soakFlow, i, { executionId: id }));
    acknowledged.add(id);
  }
  let ctx = await settled(client, id);
  while (ctx.state === 'paused' && Date.now() < deadline) {
    const sent = await client.resume(id, RESUME_VALUE, { timeoutMs: 15_000 }).then(
      () => true,
      () => false,
    );
    ctx = sent ? await client.inspect(id).catch(() => ctx) : await persist(() => client.inspect(id));
    if (ctx.state === 'running') ctx = await settled(client, id, ctx.events.length);
  }
}

interface Tally {
  lost: string[];
  stuck: string[];
  completedTwice: string[];
  bodiesAfterCompletion: string[];
  reRuns: number;
  steps: number;
}

/** What the logs and the side-effect file say, once everything is up again. */
async function tally(
  client: Client,
  acknowledged: Set<string>,
  sideEffects: string,
  leaseOf: (id: string) => Promise<string>,
): Promise<Tally> {
  const starts = new Map<string, number[]>();
  for (const line of readFileSync(sideEffects, 'utf8').split('\n').filter(Boolean)) {
    const [time, key] = line.split(' ') as [string, string];
    starts.set(key, [...(starts.get(key) ?? []), Number(time)]);
  }
  const result: Tally = { lost: [], stuck: [], completedTwice: [], bodiesAfterCompletion: [], reRuns: 0, steps: 0 };
  for (const id of acknowledged) {
    const ctx = await persist(() => client.inspect(id)).catch(() => undefined);
    if (!ctx) {
      result.lost.push(id);
      continue;
    }
    if (ctx.state !== 'succeeded' || ctx.output !== expectedOutput(Number(id.slice(5)), RESUME_VALUE)) {
      result.stuck.push(
        `${id} (${ctx.state}; last events: ${ctx.events
          .slice(-3)
          .map((e) => e.type)
          .join(', ')}; lease: ${await leaseOf(id)})`,
      );
    }
    const completions = new Map<string, number[]>();
    for (const event of ctx.events) {
      if (event.type === 'TASK_COMPLETED')
        completions.set(event.sourceId, [...(completions.get(event.sourceId) ?? []), Date.parse(event.time)]);
    }
    for (const [taskId, times] of completions) {
      result.steps++;
      if (times.length > 1) result.completedTwice.push(`${id}/${taskId}`);
      const ran = starts.get(`${id}/${taskId}`) ?? [];
      if (ran.some((t) => t > times[0]!)) result.bodiesAfterCompletion.push(`${id}/${taskId}`);
      result.reRuns += Math.max(0, ran.filter((t) => t <= times[0]!).length - 1);
    }
  }
  return result;
}

async function main(): Promise<void> {
  const home = tempDir('flux-soak-');
  const sideEffects = join(home, 'side-effects.log');
  const server = await startNatsServer();
  const workers = new Workers(server.url, { FLUX_HOME: home, SOAK_SIDE_EFFECTS: sideEffects });
  await workers.startAll();
  const client = await connectClient({
    servers: server.url,
    prefix: PREFIX,
    secretKeyFile: join(home, 'secret.key'),
    logger: { warn: () => undefined, error: () => undefined },
  });
  const faults: Faults = { workerKills: 0, serverRestarts: 0 };
  let done = false;
  const faulting = chaos(server, workers, faults, () => done || Date.now() > deadline);
  const started = Date.now();
  const acknowledged = new Set<string>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENT }, async () => {
      while (next < EXECUTIONS && Date.now() < deadline)
        await drive(client, next++, acknowledged).catch(() => undefined);
    }),
  );
  done = true;
  await faulting;
  const seconds = (Date.now() - started) / 1000;
  for (const i of [0, 1]) if (!workers.alive(i)) await workers.start(i);
  // With no more faults, what is still on its way is given time to finish: only what does not is stuck.
  deadline = Date.now() + GRACE_MS;
  const unfinished = [...acknowledged].map((id) => Number(id.slice(5)));
  await Promise.all(unfinished.map((i) => drive(client, i, acknowledged).catch(() => undefined)));
  const leases = await new Kvm(jetstream(await connect({ servers: server.url }))).open(`${PREFIX}_leases`);
  const leaseOf = async (id: string) =>
    leases.get(id).then(
      (entry) => (entry?.operation === 'PUT' ? entry.string() : 'none'),
      (e: Error) => e.message,
    );
  const result = await tally(client, acknowledged, sideEffects, leaseOf);
  await client.close();
  await workers.stopAll();
  await server.dispose();
  report(result, faults, acknowledged.size, seconds);
  process.exit(
    result.lost.length + result.stuck.length + result.completedTwice.length + result.bodiesAfterCompletion.length > 0
      ? 1
      : 0,
  );
}

function report(result: Tally, faults: Faults, acknowledged: number, seconds: number): void {
  const rows: [string, string | number][] = [
    ['executions acknowledged', `${acknowledged} of ${EXECUTIONS}`],
    ['steps recorded', result.steps],
    [
      'faults',
      `${faults.workerKills} worker kills (SIGKILL), ${faults.serverRestarts} nats-server restarts, in ${seconds.toFixed(0)} s`,
    ],
    ['executions lost', result.lost.length],
    ['steps recorded as completed twice', result.completedTwice.length],
    ['task bodies started after their completion was recorded', result.bodiesAfterCompletion.length],
    ['executions stuck (not finished)', result.stuck.length],
    ['steps run again before their completion was recorded (at-least-once)', result.reRuns],
  ];
  for (const [what, value] of rows) console.log(`${what.padEnd(72)} ${value}`);
  for (const [what, ids] of [
    ['lost', result.lost],
    ['completed twice', result.completedTwice],
    ['after completion', result.bodiesAfterCompletion],
    ['stuck', result.stuck],
  ] as const) {
    if (ids.length) console.log(`${what}: ${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', ...' : ''}`);
  }
}

await main();
