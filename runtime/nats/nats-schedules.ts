/**
 * Schedules on NATS: the `<prefix>_schedules` KV bucket, one key per schedule, the record as JSON.
 * Every write is a compare-and-set on the key's revision (`kv.create`, `kv.update`), so of several
 * workers one takes each fire. A worker watches the bucket and keeps the records in memory (a pass
 * reads no KV); a client reads and writes the bucket directly.
 */
import type { JetStreamManager } from '@nats-io/jetstream';
import type { KV, KvEntry, KvWatchEntry } from '@nats-io/kv';
import { watchBucket, type BucketWatch } from './bucket-watch.js';
import type { Logger } from '../engine/logger.js';
import { hasWork, lookAt, type ScheduleRecord, type ScheduleStore } from '../engine/schedule-store.js';
import { bucketKeys } from './bucket-keys.js';

export class NatsSchedules implements ScheduleStore {
  /** Kept by the watch, when there is one. */
  private cached: Map<string, ScheduleRecord> | undefined;
  private watching: BucketWatch | undefined;
  /** Told when a schedule changes (another worker or a client wrote it). */
  onChange: () => void = () => {};

  constructor(
    private readonly kv: KV,
    private readonly jsm: JetStreamManager,
    private readonly bucket: string,
    private readonly logger: Logger,
  ) {}

  /** Keeps the records in memory from now on; a watch that breaks is started again. */
  async watch(): Promise<void> {
    this.cached ??= new Map();
    this.watching = await watchBucket(this.kv, 'the schedules bucket', (entry) => this.take(entry), this.logger);
  }

  close(): void {
    this.watching?.stop();
  }

  private take(entry: KvWatchEntry): void {
    const record = toRecord(entry);
    if (record) this.cached!.set(entry.key, record);
    else this.cached!.delete(entry.key);
    this.onChange();
  }

  async get(id: string): Promise<ScheduleRecord | undefined> {
    const entry = await this.kv.get(id);
    return entry ? toRecord(entry) : undefined;
  }

  async list(): Promise<ScheduleRecord[]> {
    if (this.cached) return [...this.cached.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const records = await Promise.all((await bucketKeys(this.jsm, this.bucket)).map((key) => this.get(key)));
    return records.filter((record): record is ScheduleRecord => record !== undefined);
  }

  async put(record: ScheduleRecord): Promise<ScheduleRecord | undefined> {
    const { revision, ...rest } = record;
    const data = JSON.stringify(rest);
    try {
      const written =
        revision === 0 ? await this.kv.create(record.id, data) : await this.kv.update(record.id, data, revision);
      const stored = { ...record, revision: written };
      this.cached?.set(record.id, stored);
      return stored;
    } catch (error) {
      if (isConflict(error)) return undefined;
      throw error;
    }
  }

  async delete(id: string): Promise<boolean> {
    const entry = await this.kv.get(id);
    if (entry?.operation !== 'PUT') return false;
    await this.kv.delete(id, { previousSeq: entry.revision });
    this.cached?.delete(id);
    return true;
  }

  async due(until: number): Promise<ScheduleRecord[]> {
    return (await this.list()).filter((record) => hasWork(record) || (lookAt(record) ?? Infinity) <= until);
  }

  async next(): Promise<number | undefined> {
    let next: number | undefined;
    for (const record of await this.list()) {
      const at = lookAt(record);
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }
}

function toRecord(entry: KvEntry): ScheduleRecord | undefined {
  if (entry.operation !== 'PUT') return undefined;
  try {
    const record = entry.json() as Omit<ScheduleRecord, 'revision'>;
    if (typeof record?.id !== 'string' || typeof record.spec?.workflow !== 'string') return undefined;
    return { ...record, revision: entry.revision };
  } catch {
    return undefined; // not a record this code wrote
  }
}

/** A compare-and-set that lost: the key exists (create) or moved on (update). */
function isConflict(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${(error as { api_error?: { err_code?: number } })?.api_error?.err_code ?? ''}`;
  return /wrong last sequence|key exists|10071/i.test(text);
}
