/**
 * Writing and reading the snapshots of long logs (the format is ./log-snapshot.ts): one message per
 * execution in the snapshots stream, deflated, in the object store when even that is too large. A
 * pause's snapshot is written before the pause is reported, for whichever worker takes the resume;
 * an end's a little after (reading a finished log is rarely in a hurry). Best effort both ways: a
 * log without a usable snapshot loads from the events stream, the record of truth.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';
import type { Clock } from '../engine/clock.js';
import type { StoredEvent } from '../engine/events.js';
import { type LargeValueStore, objectNameOf } from './large-values.js';
import { decodeSnapshot, encodeSnapshot, type LogSnapshot, type SnapshotEvent } from './log-snapshot.js';
import type { NatsNames } from './names.js';
import type { RecentLogs } from './recent-logs.js';

/** Logs at least this long get a snapshot when they pause or end (shorter ones load fast anyway). */
const SNAPSHOT_MIN_EVENTS = 1000;
const SNAPSHOT_AFTER = new Set<string>(['WORKFLOW_COMPLETED', 'WORKFLOW_FAILED', 'WORKFLOW_CANCELLED']);
/** How long after an end its snapshot is written. */
const SNAPSHOT_DELAY_MS = 50;
/** On a snapshot message whose compressed text did not fit: the object holding it. */
export const SNAPSHOT_OBJECT_HEADER = 'Flux-Snapshot-Object';
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

export class LogSnapshots {
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly names: NatsNames,
    private readonly large: LargeValueStore,
    /** The logs held whole in memory: a snapshot is written from there, never read back from the stream. */
    private readonly recent: RecentLogs,
    private readonly clock: Clock,
  ) {}

  /** The latest snapshot of a log, large values resolved; none when there is none or it is unusable. */
  async read(executionId: string): Promise<LogSnapshot | undefined> {
    const message = await this.jsm.direct.getMessage(this.names.snapshotsStream, {
      last_by_subj: this.names.snapshot(executionId),
    });
    if (!message) return undefined;
    try {
      const objectName = message.header?.get(SNAPSHOT_OBJECT_HEADER);
      const bytes = objectName ? await this.large.getBytes(objectName) : message.data;
      if (!bytes) return undefined;
      const snapshot = decodeSnapshot((await inflate(bytes)).toString('utf8'), executionId);
      await this.large.resolve(snapshot.events);
      return snapshot;
    } catch {
      return undefined; // unreadable or its object gone: the events stream has it all
    }
  }

  /** After a batch of a log was appended: a pause's snapshot now, an end's a little later. */
  async appended(executionId: string, events: readonly StoredEvent[]): Promise<void> {
    if (events.some((event) => event.type === 'WORKFLOW_PAUSED')) await this.write(executionId).catch(() => undefined);
    else if (events.some((event) => SNAPSHOT_AFTER.has(event.type))) this.writeLater(executionId);
  }

  /** Waits for the snapshots still being written. */
  async close(): Promise<void> {
    await Promise.all(this.writing);
  }

  /** Writes the snapshot of a log that just ended off the path of its commit: 20,000 events take ~20 ms. */
  private writeLater(executionId: string): void {
    // Not at the next turn: encoding a long log takes milliseconds of this thread, which must not
    // delay the index update and the result the caller is waiting for.
    const writing = new Promise<void>((resolve) => this.clock.setTimeout(resolve, SNAPSHOT_DELAY_MS))
      .then(() => this.write(executionId))
      .catch(() => undefined) // the events stream has everything; the next load of this log just costs more
      .finally(() => this.writing.delete(writing));
    this.writing.add(writing);
  }

  /**
   * Writes the snapshot of a long log, as held in memory (nothing to write when it is not held
   * whole). Best effort: a log without one loads from the stream.
   */
  private async write(executionId: string): Promise<void> {
    const log = this.recent.get(executionId);
    if (!log || log.events.length < SNAPSHOT_MIN_EVENTS) return;
    const events: SnapshotEvent[] = log.events.map((event) =>
      this.large.isLarge(event)
        ? { ...event, valueJson: undefined, objectName: objectNameOf(executionId, event.seq) }
        : event,
    );
    // Compressed (on libuv's threads): a 10,000-step log's text is ~1.4 MB, its deflated form ~10× less.
    const bytes = await deflate(encodeSnapshot({ streamSeq: log.streamSeq, events }), { level: 1 });
    const subject = this.names.snapshot(executionId);
    if (bytes.length <= this.large.messageLimit) {
      await this.js.publish(subject, bytes, { timeout: 5000 });
    } else {
      const objectName = `snapshots/${executionId}`;
      await this.large.putBytes(objectName, bytes);
      const h = headers();
      h.set(SNAPSHOT_OBJECT_HEADER, objectName);
      await this.js.publish(subject, new Uint8Array(0), { headers: h, timeout: 5000 });
    }
  }
}
