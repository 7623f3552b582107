/** Schedules in memory: for tests and throwaway runs, as `MemoryStore` keeps logs. */
import { hasWork, lookAt, type ScheduleRecord, type ScheduleStore } from '../engine/schedule-store.js';

export class MemorySchedules implements ScheduleStore {
  private readonly records = new Map<string, ScheduleRecord>();

  async get(id: string): Promise<ScheduleRecord | undefined> {
    const record = this.records.get(id);
    return record && structuredClone(record);
  }

  async list(): Promise<ScheduleRecord[]> {
    return [...this.records.values()].map((record) => structuredClone(record));
  }

  async put(record: ScheduleRecord): Promise<ScheduleRecord | undefined> {
    const stored = this.records.get(record.id);
    if ((stored?.revision ?? 0) !== record.revision) return undefined;
    const written = { ...structuredClone(record), revision: record.revision + 1 };
    this.records.set(record.id, written);
    return structuredClone(written);
  }

  async delete(id: string): Promise<boolean> {
    return this.records.delete(id);
  }

  async due(until: number): Promise<ScheduleRecord[]> {
    return [...this.records.values()]
      .filter((record) => hasWork(record) || (lookAt(record) ?? Infinity) <= until)
      .map((record) => structuredClone(record));
  }

  async next(): Promise<number | undefined> {
    let next: number | undefined;
    for (const record of this.records.values()) {
      const at = lookAt(record);
      if (at !== undefined && (next === undefined || at < next)) next = at;
    }
    return next;
  }
}
