/** What a user may set of the SQLite store (`createRuntime({ store: { sqlite, ... } })`). */
export interface SqliteStoreOptions {
  /**
   * The most the database may grow to, in bytes (rounded down to whole pages; never below its size
   * when opened). Past it, writes fail with `StoreFullError`, as on a full disk, and the executions
   * that could not write stop where they were, to go on once there is room.
   */
  maxBytes?: number;
  /**
   * How long a runtime's executions stay its own after it stops beating (it died, or its event loop
   * was blocked that long): then a runtime opened with `recover: true` takes them over. A runtime
   * that died on the same host (same pid namespace) is known dead at once. Default 10 s.
   */
  leaseMs?: number;
}
