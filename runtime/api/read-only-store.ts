/** An embedded SQLite file opened to read only, as a source of recorded executions (`replayCheck`). */
import { replaySourceOf, type ReplaySource } from '../host/replay-check.js';

export async function openSqliteReplaySource(path: string): Promise<ReplaySource & { close(): void }> {
  const { openSqliteReader } = await import('../stores/sqlite-reader.js');
  const reader = openSqliteReader(path);
  return { ...replaySourceOf(reader), close: () => reader.close() };
}
