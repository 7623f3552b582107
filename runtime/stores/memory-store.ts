/** The in-memory event store: for tests, benchmarks and throwaway runs. Nothing survives the process. */
import { ExecutionConflictError } from '../errors.js';
import type { StoredEvent } from '../events.js';
import type { EventStore, ExecutionRecord, ListFilter } from './event-store.js';

export class MemoryStore implements EventStore {
  readonly kind = 'memory';
  private readonly logs = new Map<string, StoredEvent[]>();
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly conflicts = new Map<string, Error>();

  append(executionId: string, event: StoredEvent): void {
    let log = this.logs.get(executionId);
    if (!log) this.logs.set(executionId, (log = []));
    if (event.seq !== log.length + 1) {
      this.conflicts.set(executionId, new ExecutionConflictError(executionId));
      return;
    }
    log.push(event);
  }

  index(record: ExecutionRecord): void {
    this.records.set(record.executionId, record);
  }

  commit(executionId: string): Promise<void> {
    const conflict = this.conflicts.get(executionId);
    if (!conflict) return Promise.resolve();
    this.conflicts.delete(executionId);
    return Promise.reject(conflict);
  }

  async load(executionId: string): Promise<StoredEvent[]> {
    return (this.logs.get(executionId) ?? []).slice();
  }

  async get(executionId: string): Promise<ExecutionRecord | undefined> {
    return this.records.get(executionId);
  }

  async list(filter: ListFilter = {}): Promise<ExecutionRecord[]> {
    // Newest first, as the SQLite store lists them.
    const matches = [...this.records.values()].reverse().filter(
      (r) => (!filter.state || r.state === filter.state) && (!filter.workflow || r.workflow === filter.workflow),
    );
    return filter.limit === undefined ? matches : matches.slice(0, filter.limit);
  }

  async close(): Promise<void> {}
}
