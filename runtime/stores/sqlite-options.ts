/** What a user may set of the SQLite store (`createRuntime({ store: { sqlite, ... } })`). */
export interface SqliteStoreOptions {
  /**
   * The most the database may grow to, in bytes (rounded down to whole pages; never below its size
   * when opened). Past it, writes fail with `StoreFullError`, as on a full disk, and the executions
   * that could not write stop where they were, to go on once there is room.
   */
  maxBytes?: number;
}
