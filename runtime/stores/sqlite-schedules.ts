/**
 * Schedules in the SQLite file: one row each, the record as JSON beside the columns the timer looks
 * up. Every write is a compare-and-set on `revision`, so several processes on one file take each
 * fire once.
 */
import type Database from 'better-sqlite3';
import { hasWork, lookAt, type ScheduleRecord, type ScheduleStore } from '../engine/schedule-store.js';

interface Row {
  record: string;
  revision: number;
}

export class SqliteSchedules implements ScheduleStore {
  private readonly select: Database.Statement<[string]>;
  private readonly selectAll: Database.Statement<[]>;
  private readonly insert: Database.Statement<[string, string, number | null, number, number]>;
  private readonly update: Database.Statement<[string, number | null, number, number, string, number]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly selectDue: Database.Statement<[number]>;
  private readonly selectNext: Database.Statement<[]>;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT record, revision FROM schedules WHERE id = ?');
    this.selectAll = db.prepare('SELECT record, revision FROM schedules ORDER BY id');
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO schedules (id, record, look_at, has_work, revision) VALUES (?, ?, ?, ?, ?)',
    );
    this.update = db.prepare(
      'UPDATE schedules SET record = ?, look_at = ?, has_work = ?, revision = ? WHERE id = ? AND revision = ?',
    );
    this.remove = db.prepare('DELETE FROM schedules WHERE id = ?');
    this.selectDue = db.prepare('SELECT record, revision FROM schedules WHERE look_at <= ? OR has_work = 1');
    this.selectNext = db.prepare('SELECT MIN(look_at) FROM schedules').pluck();
  }

  async get(id: string): Promise<ScheduleRecord | undefined> {
    const row = this.select.get(id) as Row | undefined;
    return row && toRecord(row);
  }

  async list(): Promise<ScheduleRecord[]> {
    return (this.selectAll.all() as Row[]).map(toRecord);
  }

  async put(record: ScheduleRecord): Promise<ScheduleRecord | undefined> {
    const { revision, ...rest } = record;
    const json = JSON.stringify(rest);
    const at = lookAt(record) ?? null;
    const work = hasWork(record) ? 1 : 0;
    const changes =
      revision === 0
        ? this.insert.run(record.id, json, at, work, 1).changes
        : this.update.run(json, at, work, revision + 1, record.id, revision).changes;
    return changes === 1 ? { ...record, revision: revision + 1 } : undefined;
  }

  async delete(id: string): Promise<boolean> {
    return this.remove.run(id).changes === 1;
  }

  async due(until: number): Promise<ScheduleRecord[]> {
    return (this.selectDue.all(until) as Row[]).map(toRecord);
  }

  async next(): Promise<number | undefined> {
    return (this.selectNext.get() as number | null) ?? undefined;
  }
}

function toRecord(row: Row): ScheduleRecord {
  return { ...(JSON.parse(row.record) as Omit<ScheduleRecord, 'revision'>), revision: row.revision };
}
