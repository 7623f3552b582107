/** The in-memory event store: for tests, benchmarks and throwaway runs. Nothing survives the process. */
import { ExecutionConflictError } from '../engine/errors.js';
import type { StoredEvent } from '../engine/events.js';
import { MemorySecrets } from '../engine/secrets.js';
import { systemClock } from '../engine/clock.js';
import { isFinished } from '../engine/execution-state.js';
import { matchesFilter, pageOf } from '../engine/event-store.js';
import { MemorySchedules } from './memory-schedules.js';
import type {
  DueWake,
  EventStore,
  ExecutionRecord,
  ExecutionRemoval,
  ListFilter,
  LogWriter,
  TaskCache,
  WakeIndex,
} from '../engine/event-store.js';

export class MemoryStore implements EventStore {
  readonly kind = 'memory';
  private readonly logs = new Map<string, StoredEvent[]>();
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly cached = new Map<string, { valueJson: string | undefined; writtenAt: number }>();
  readonly secrets = new MemorySecrets();
  readonly schedules = new MemorySchedules();

  /** @param now when a cached task output is written: the runtime's clock. */
  constructor(private readonly now: () => number = () => systemClock.now()) {}

  readonly cache: TaskCache = {
    read: async (key) => {
      const entry = this.cached.get(key);
      return entry && { valueJson: entry.valueJson };
    },
    write: async (key, valueJson) => void this.cached.set(key, { valueJson, writtenAt: this.now() }),
  };

  readonly removal: ExecutionRemoval = {
    expired: async ({ before, state, workflow, limit }) =>
      [...this.records.values()]
        .filter(
          (r) =>
            isFinished(r.state) &&
            r.updatedAt < before &&
            (!state || r.state === state) &&
            (!workflow || r.workflow === workflow),
        )
        .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0))
        .slice(0, limit),
    remove: async (executionId) => {
      const record = this.records.get(executionId);
      if (!record) return 'missing';
      if (!isFinished(record.state)) return 'unfinished';
      // A finished execution wakes by nothing: it has no entry among the waking ones.
      this.records.delete(executionId);
      this.logs.delete(executionId);
      this.awaitedBy.delete(executionId);
      return 'deleted';
    },
    expireCache: async (before) => {
      for (const [key, entry] of this.cached) if (entry.writtenAt < before) this.cached.delete(key);
    },
  };

  /** The records that wake by themselves: few next to all, so a scan of them is the timer index. */
  private readonly waking = new Map<string, ExecutionRecord>();
  /** Of those, the ones an `onComplete` pause makes wait on each execution: looked up at every end. */
  private readonly awaitedBy = new Map<string, Set<string>>();

  readonly wakes: WakeIndex = {
    next: async () => {
      let next: number | undefined;
      for (const r of this.waking.values())
        if (r.wakeAt !== undefined && (next === undefined || r.wakeAt < next)) next = r.wakeAt;
      return next;
    },
    due: async (until, limit) =>
      [...this.waking.values()]
        .filter((r) => r.wakeAt !== undefined && r.wakeAt <= until)
        .sort((a, b) => a.wakeAt! - b.wakeAt!)
        .slice(0, limit)
        .map(dueWake),
    count: async () => [...this.waking.values()].filter((r) => r.wakeAt !== undefined).length,
    awaiting: async (executionId) =>
      [...(this.awaitedBy.get(executionId) ?? [])].map((id) => dueWake(this.waking.get(id)!)),
  };

  writer(executionId: string): LogWriter {
    const waking = this.waking;
    const awaitedBy = this.awaitedBy;
    const logs = this.logs;
    const records = this.records;
    const writer: LogWriter & { failure: Error | undefined } = {
      failure: undefined,
      append(event) {
        if (writer.failure) return;
        let log = logs.get(executionId);
        if (!log) {
          log = [];
          logs.set(executionId, log);
        }
        if (event.seq !== log.length + 1) writer.failure = new ExecutionConflictError(executionId);
        else log.push(event);
      },
      index(record) {
        if (writer.failure) return;
        records.set(record.executionId, record);
        const before = waking.get(record.executionId)?.awaits;
        if (before !== undefined) awaitedBy.get(before)?.delete(record.executionId);
        if (record.wakeAt !== undefined || record.awaits !== undefined) waking.set(record.executionId, record);
        else waking.delete(record.executionId);
        if (record.awaits !== undefined) {
          const waiters = awaitedBy.get(record.awaits) ?? new Set<string>();
          waiters.add(record.executionId);
          awaitedBy.set(record.awaits, waiters);
        }
      },
      commit: () => (writer.failure ? Promise.reject(writer.failure) : Promise.resolve()),
    };
    return writer;
  }

  async load(executionId: string): Promise<StoredEvent[]> {
    return (this.logs.get(executionId) ?? []).slice();
  }

  async loadAfter(executionId: string, afterSeq: number): Promise<StoredEvent[]> {
    return (this.logs.get(executionId) ?? []).slice(afterSeq); // seq n is at index n - 1
  }

  async get(executionId: string): Promise<ExecutionRecord | undefined> {
    return this.records.get(executionId);
  }

  async list(filter: ListFilter = {}): Promise<ExecutionRecord[]> {
    // Newest first, as the SQLite store lists them.
    return pageOf(
      [...this.records.values()].reverse().filter((r) => matchesFilter(r, filter)),
      filter,
    );
  }

  async close(): Promise<void> {}
}

function dueWake(record: ExecutionRecord): DueWake {
  return { executionId: record.executionId, workflow: record.workflow, wakeAt: record.wakeAt ?? 0 };
}
