/**
 * The durable timers on NATS: the `<prefix>_wakes` KV bucket, one key per paused or parked
 * execution (value `{"workflow","wakeAt","awaits"}`), written by its driver with the index entry
 * that pauses it (./nats-store.ts `putRecord`). Every worker watches the bucket and keeps the
 * entries in memory, so a worker that starts (or comes back after the server restarted) sees every
 * timer, those that fell due while no worker ran included.
 *
 * An entry is never deleted on the hot path (a resume would pay a KV write): one left behind by a
 * resume fires at its time, the wake finds nothing due, and the entry is deleted then, only if it is
 * still the revision that fired (`discardStale`).
 */
import type { KV, KvWatchEntry } from '@nats-io/kv';
import type { DueWake, WakeIndex } from '../engine/event-store.js';
import type { Logger } from '../engine/logger.js';
import { watchBucket, type BucketWatch } from './bucket-watch.js';

interface Entry {
  workflow: string;
  wakeAt: number | undefined;
  awaits: string | undefined;
  revision: number;
}

/** What a timer's entry holds. */
export interface WakeEntryValue {
  workflow: string;
  wakeAt?: number | undefined;
  awaits?: string | undefined;
}

export class NatsWakes implements WakeIndex {
  private readonly entries = new Map<string, Entry>();
  /** The revision of each entry a wake command was sent for: not due again until it changes. */
  private readonly fired = new Map<string, number>();
  private watching: BucketWatch | undefined;
  /** Told of each entry that arrives with a wake time (the timer service arms for it). */
  onTimer: (executionId: string, wakeAt: number) => void = () => {};

  constructor(
    private readonly kv: KV,
    private readonly logger: Logger,
  ) {}

  /** Starts watching the bucket; a watch that breaks (the server went away) is started again. */
  async start(): Promise<void> {
    this.watching = await watchBucket(this.kv, 'the timers bucket', (entry) => this.take(entry), this.logger);
  }

  close(): void {
    this.watching?.stop();
  }

  private take(entry: KvWatchEntry): void {
    if (entry.operation !== 'PUT') {
      this.entries.delete(entry.key);
      this.fired.delete(entry.key);
      return;
    }
    let value: WakeEntryValue;
    try {
      value = entry.json() as WakeEntryValue;
    } catch {
      return; // not an entry this code wrote
    }
    if (typeof value?.workflow !== 'string') return;
    const wakeAt = typeof value.wakeAt === 'number' ? value.wakeAt : undefined;
    const awaits = typeof value.awaits === 'string' ? value.awaits : undefined;
    this.entries.set(entry.key, { workflow: value.workflow, wakeAt, awaits, revision: entry.revision });
    if (wakeAt !== undefined) this.onTimer(entry.key, wakeAt);
  }

  /** The revision of an entry now, if it has one. */
  revisionOf(executionId: string): number | undefined {
    return this.entries.get(executionId)?.revision;
  }

  /** A wake command was sent for the entry as it stands: it is not due again until it changes. */
  markFired(executionId: string): void {
    const entry = this.entries.get(executionId);
    if (entry) this.fired.set(executionId, entry.revision);
  }

  private pending(executionId: string, entry: Entry): boolean {
    return this.fired.get(executionId) !== entry.revision;
  }

  /** The timers armed: an entry left behind by an execution that woke counts until it is found stale. */
  async count(): Promise<number> {
    let armed = 0;
    for (const entry of this.entries.values()) if (entry.wakeAt !== undefined) armed++;
    return armed;
  }

  async next(): Promise<number | undefined> {
    let next: number | undefined;
    for (const [id, entry] of this.entries)
      if (entry.wakeAt !== undefined && this.pending(id, entry) && (next === undefined || entry.wakeAt < next))
        next = entry.wakeAt;
    return next;
  }

  async due(until: number, limit: number): Promise<DueWake[]> {
    const due: DueWake[] = [];
    for (const [executionId, entry] of this.entries)
      if (entry.wakeAt !== undefined && entry.wakeAt <= until && this.pending(executionId, entry))
        due.push({ executionId, workflow: entry.workflow, wakeAt: entry.wakeAt });
    return due.sort((a, b) => a.wakeAt - b.wakeAt).slice(0, limit);
  }

  async awaiting(executionId: string): Promise<DueWake[]> {
    const awaiting: DueWake[] = [];
    for (const [id, entry] of this.entries)
      if (entry.awaits === executionId)
        awaiting.push({ executionId: id, workflow: entry.workflow, wakeAt: entry.wakeAt ?? 0 });
    return awaiting;
  }

  /**
   * A wake found nothing due: the entry is stale (its execution was resumed or ended) if what it
   * waits for has come (`cameDue`: its time passed, or the execution it awaits ended) and it is
   * still `revision`; then it is deleted. A wake sent early, or forged, deletes nothing.
   */
  async discardStale(
    executionId: string,
    revision: number,
    cameDue: (value: WakeEntryValue) => Promise<boolean>,
  ): Promise<void> {
    const entry = await this.kv.get(executionId);
    if (entry?.operation !== 'PUT' || entry.revision !== revision) return;
    if (!(await cameDue(entry.json() as WakeEntryValue))) return;
    await this.kv.delete(executionId, { previousSeq: revision }).catch(() => undefined); // changed meanwhile: kept
  }
}
