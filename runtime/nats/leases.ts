/**
 * Who drives which execution, so that a dead worker's executions are taken over.
 *
 * - Each worker keeps a heartbeat in the workers bucket (its id → the workflows and tasks it serves),
 *   written every `heartbeatMs`.
 * - A driver holds a lease per execution in the leases bucket (execution id → worker, workflow) from
 *   the moment it starts driving it until the run pauses or ends.
 * - The sweeper of each worker looks for leases whose worker has not beaten for `leaseMs` (judged by
 *   the heartbeat's revision not moving, on the sweeper's own clock, so clocks need not agree),
 *   takes one over with a compare-and-set on the lease, and recovers the execution by replay.
 *
 * A lease only decides who should drive; the log's own guard (each append expects the previous
 * one's sequence) is what stops an old driver that was slow rather than dead.
 */
import { hasErrorCode } from '../engine/errors.js';
import type { KV } from '@nats-io/kv';
import { systemClock, type Clock } from '../engine/clock.js';
import { consoleLogger, type Logger } from '../engine/logger.js';
import type { DriverHooks } from '../host/actor-runtime.js';

export interface Lease {
  executionId: string;
  worker: string;
  workflow: string;
  revision: number;
}

export interface WorkerInfo {
  workflows: string[];
  /** The workflows with the versions served (`order@v2`; `order` for one without a version). */
  versions?: string[];
  tasks: string[];
  at: number;
}

const encoder = new TextEncoder();

/** Lists the keys of a bucket (`bucketKeys`, which needs no consumer). */
export type KeyLister = () => Promise<string[]>;
/** Removes one message of the leases bucket's stream, by its sequence (the entry's revision). */
export type MessageEraser = (revision: number) => Promise<unknown>;

export class Leases implements DriverHooks {
  /** The last heartbeat revision seen of each worker, and when (on this clock) it last moved. */
  private readonly seen = new Map<string, { revision: number; since: number }>();
  /** Executions whose run here stopped mid-run (a store that refused its writes): kept leased, taken up again. */
  private readonly stalled = new Map<string, string>();

  constructor(
    private readonly workers: KV,
    private readonly leases: KV,
    readonly workerId: string,
    private readonly leaseMs: number,
    private readonly keysOf: { workers: KeyLister; leases: KeyLister },
    private readonly eraseLease: MessageEraser,
    private readonly logger: Logger = consoleLogger,
    /** Real time by default, whatever the runtime's clock: a lease says whether another process is alive. */
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Holds the lease of an execution this worker starts driving; returns what to call when that run
   * pauses, ends or stops. The release erases this run's own revision only: never the lease of a run
   * that came after it (a resume here right after the pause), nor one a takeover wrote.
   */
  driving(executionId: string, workflow: string): (error?: unknown) => void {
    this.stalled.delete(executionId);
    const value = encoder.encode(JSON.stringify({ worker: this.workerId, workflow }));
    const put = this.leases.put(executionId, value).catch((error: unknown) => {
      this.logger.warn(
        `could not write the lease of execution ${executionId} (${(error as Error).message}): if this worker dies, a start sent again takes it up`,
      );
      return undefined;
    });
    return (error) => {
      if (stoppedMidRun(error)) {
        // Still running, and nobody else should take it while this worker is alive: it keeps the
        // lease and takes the execution up again (`takeStalled`) until a run of it pauses or ends.
        this.logger.warn(
          `execution ${executionId} stopped where it was: ${(error as Error).message}; this worker takes it up again from its log`,
        );
        return this.stall(executionId, workflow);
      }
      // Erased rather than deleted: a KV delete leaves a marker per execution, which every sweep
      // would then list and read, for ever. A revision no longer there (a later put) is left alone.
      void put
        .then((revision) => (revision === undefined ? undefined : this.eraseLease(revision)))
        .catch(() => undefined);
    };
  }

  /** Keeps an execution this worker holds, and no run here drives, to be taken up at the next sweep. */
  stall(executionId: string, workflow: string): void {
    this.stalled.set(executionId, workflow);
  }

  /**
   * Takes the lease of an execution found running when a start for it came again: only when no
   * live worker holds it (none at all: its driver died before its lease was written). A live
   * holder keeps it, and a dead one's is left to the sweep, which waits out the lease period.
   */
  async adopt(executionId: string, workflow: string): Promise<boolean> {
    const entry = await this.leases.get(executionId);
    const value = encoder.encode(JSON.stringify({ worker: this.workerId, workflow }));
    if (entry?.operation !== 'PUT')
      return this.leases.create(executionId, value).then(
        () => true,
        () => false,
      );
    return (entry.json() as { worker: string }).worker === this.workerId;
  }

  async beat(info: Omit<WorkerInfo, 'at'>): Promise<void> {
    await this.workers.put(this.workerId, JSON.stringify({ ...info, at: this.clock.now() }));
  }

  async leave(): Promise<void> {
    await this.workers.delete(this.workerId).catch(() => undefined);
  }

  /** The workflows some worker serves (or served: a crashed worker's entry stays). */
  async servedWorkflows(): Promise<Set<string>> {
    return servedWorkflows(this.workers, await this.keysOf.workers());
  }

  /** Leases whose worker has stopped beating, for workflows in `workflows`. */
  async orphaned(workflows: ReadonlySet<string>): Promise<Lease[]> {
    const now = this.clock.now();
    const orphans: Lease[] = [];
    for (const executionId of await this.keysOf.leases()) {
      const entry = await this.leases.get(executionId);
      if (entry?.operation !== 'PUT') continue;
      const { worker, workflow } = entry.json() as { worker: string; workflow: string };
      if (worker === this.workerId || !workflows.has(workflow)) continue;
      if (await this.alive(worker, now)) continue;
      orphans.push({ executionId, worker, workflow, revision: entry.revision });
    }
    return orphans;
  }

  /**
   * This worker's executions whose runs stopped mid-run, to take up again now: each is
   * handed out once, and comes back only if its next run stops the same way.
   */
  takeStalled(): { executionId: string; workflow: string }[] {
    const stalled = [...this.stalled].map(([executionId, workflow]) => ({ executionId, workflow }));
    this.stalled.clear();
    return stalled;
  }

  /** Takes a lease over; false if another worker was quicker. */
  async takeOver(lease: Lease): Promise<boolean> {
    const value = encoder.encode(JSON.stringify({ worker: this.workerId, workflow: lease.workflow }));
    return this.leases.update(lease.executionId, value, lease.revision).then(
      () => true,
      () => false,
    );
  }

  /**
   * Whether this worker's id sorts first among the live workers: the one that does what only one
   * should do at a time (retention). Two may think so for a lease period while one joins or dies;
   * what they do is safe twice.
   */
  async first(): Promise<boolean> {
    const now = this.clock.now();
    for (const worker of (await this.keysOf.workers()).sort()) {
      if (worker >= this.workerId) return true;
      if (await this.alive(worker, now)) return false;
    }
    return true;
  }

  private async alive(worker: string, now: number): Promise<boolean> {
    const entry = await this.workers.get(worker);
    if (entry?.operation !== 'PUT') return false;
    const seen = this.seen.get(worker);
    if (!seen || seen.revision !== entry.revision) {
      this.seen.set(worker, { revision: entry.revision, since: now });
      // A worker never seen before is given the benefit of the doubt for one lease period.
      return true;
    }
    return now - seen.since < this.leaseMs;
  }
}

/**
 * The workflows served by the workers whose entries (of the workers bucket) are under `keys`: their
 * names, and with `versions`, each version served too (`order@2`).
 */
export async function servedWorkflows(
  workers: KV,
  keys: readonly string[],
  options: { versions?: boolean } = {},
): Promise<Set<string>> {
  const served = new Set<string>();
  const entries = await Promise.all(keys.map((key) => workers.get(key)));
  for (const entry of entries) {
    if (entry?.operation !== 'PUT') continue;
    const info = entry.json() as WorkerInfo;
    for (const workflow of info.workflows) served.add(workflow);
    if (options.versions) for (const version of info.versions ?? []) served.add(version);
  }
  return served;
}

/**
 * A run that stopped without pausing or ending, and not because another driver took the execution
 * (EXECUTION_CONFLICT): the store refused its writes (full, or away for too long), or something
 * else broke under it. The execution is still running in its log; its worker keeps the lease and
 * takes it up again, or nobody would (a lease erased here leaves no one to take it over).
 */
function stoppedMidRun(error: unknown): boolean {
  if (error === undefined) return false;
  return !hasErrorCode(error, 'EXECUTION_CONFLICT');
}
