/**
 * The event store on NATS JetStream. Each execution's log is one subject of the events stream; a
 * driver appends one message per commit (an `EventBatch`), with two guards:
 *
 * - `Nats-Msg-Id` is the id of the batch's first event, so a batch re-sent after a lost ack is
 *   stored once;
 * - `expect.lastSubjectSequence` is the sequence of the execution's previous batch, so a second
 *   driver's append is refused (`ExecutionConflictError`) instead of interleaving.
 *
 * The index (state, workflow, times) is a KV bucket, task results memoised with `cache: true` and
 * sealed secrets are KV buckets too, and a value over `largeValueBytes` goes to the object store
 * with a reference in the log, so a 20 MB output fits under NATS's 1 MB message limit.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import {
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  JetStreamApiError,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { Kvm, type KV } from '@nats-io/kv';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { decodeEventBatch, encodeEventBatch } from './codec.js';
import { ExecutionConflictError, FluxError, StoreFullError } from '../engine/errors.js';
import type { StoredEvent } from '../engine/events.js';
import { ackedPublish } from './acked-publish.js';
import { bucketKeys } from './bucket-keys.js';
import { readObject } from './object-reader.js';
import { outboxOf } from './outbox.js';
import type { NatsNames } from './names.js';
import { Replies } from './replies.js';
import { SealedSecrets, SecretCipher } from '../engine/secrets.js';
import { decodeSnapshot, encodeSnapshot, type SnapshotEvent } from './log-snapshot.js';
import { RecentLogs } from './recent-logs.js';
import type { EventStore, ExecutionRecord, ListFilter, LogWriter, TaskCache } from '../engine/event-store.js';

export interface NatsStoreOptions {
  /** Replicas of every stream and bucket (3 on a 3-node cluster). Default 1. */
  replicas?: number;
  /** Values larger than this go to the object store. Default 256 KiB. */
  largeValueBytes?: number;
  /** The AES-256 key that seals secrets (32 bytes, created on first use). */
  secretKeyFile: string;
}

/** How long a write keeps trying through a server restart or a leader election before it fails. */
const WRITE_PATIENCE_MS = 30_000;
/** JetStream's "wrong last sequence": another driver appended first (or, for the whole stream, anyone). */
const WRONG_LAST_SEQUENCE = 10071;
/**
 * JetStream's answers for a full store: the account's limits ("resource limits exceeded for
 * account", 10002) or the server's own (`max_file_store`: "insufficient resources", 10047, status
 * 503 like a leader election, but no wait makes room).
 */
const STORE_FULL_CODES: ReadonlySet<number> = new Set([10002, 10047]);

/** Whether a JetStream error says the store is full. */
export function isStoreFull(error: unknown): boolean {
  return (
    error instanceof JetStreamApiError &&
    (STORE_FULL_CODES.has(error.code) || /maximum bytes exceeded/i.test(error.message))
  );
}
/** Logs at least this long get a snapshot when they pause or end (shorter ones load fast anyway). */
const SNAPSHOT_MIN_EVENTS = 1000;
const SNAPSHOT_AFTER = new Set<string>(['WORKFLOW_COMPLETED', 'WORKFLOW_FAILED', 'WORKFLOW_CANCELLED']);
/** How long after an end its snapshot is written. */
const SNAPSHOT_DELAY_MS = 50;
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);
/** On a snapshot message whose compressed text did not fit: the object holding it. */
const SNAPSHOT_OBJECT_HEADER = 'Flux-Snapshot-Object';
/** Room left in a message for everything but the values. */
const BATCH_OVERHEAD = 16 * 1024;

export class NatsStore implements EventStore {
  readonly kind = 'nats';
  readonly cache: TaskCache;
  readonly secrets: NatsSecrets;
  /** The stream sequence of each execution's last batch, as last loaded: where its next writer starts. */
  private readonly lastSeqs = new Map<string, number>();
  private readonly recent = new RecentLogs();
  private readonly snapshotsWriting = new Set<Promise<void>>();
  private readonly maxBatchBytes: number;
  private readonly largeValueBytes: number;
  /** For reads: a consumer that cannot be created within 2 s is on a dead peer (see `readBatches`). */
  private readonly reader: JetStreamClient;
  /** Where the acks of appends and index puts come back. */
  private readonly replies: Replies;

  private constructor(
    readonly nc: NatsConnection,
    readonly names: NatsNames,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly index: KV,
    private readonly payloads: ObjectStore,
    cache: KV,
    secrets: KV,
    options: NatsStoreOptions,
  ) {
    this.maxBatchBytes = (nc.info?.max_payload ?? 1024 * 1024) - BATCH_OVERHEAD;
    this.reader = jetstream(nc, { timeout: 2000 });
    this.replies = new Replies(nc);
    this.largeValueBytes = Math.min(options.largeValueBytes ?? 256 * 1024, this.maxBatchBytes);
    this.cache = {
      read: async (key) => {
        const entry = await cache.get(cacheKey(key));
        if (entry?.operation !== 'PUT') return undefined;
        return { valueJson: entry.value.length === 0 ? undefined : entry.string() };
      },
      // Best effort, never rejecting: a result not memoised is computed again by the next execution.
      write: async (key, valueJson) => void (await cache.put(cacheKey(key), valueJson ?? '').catch(() => undefined)),
    };
    this.secrets = new NatsSecrets(secrets, new SecretCipher(options.secretKeyFile));
  }

  /** Opens (creating what is missing) the streams and buckets under the names' prefix. */
  static async open(nc: NatsConnection, names: NatsNames, options: NatsStoreOptions): Promise<NatsStore> {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    const replicas = options.replicas ?? 1;
    await ensureStream(jsm, {
      name: names.eventsStream,
      subjects: [`${names.prefix}.events.>`],
      storage: StorageType.File,
      num_replicas: replicas,
      allow_direct: true,
      duplicate_window: 120 * 1e9,
    });
    await ensureStream(jsm, {
      name: names.snapshotsStream,
      subjects: [`${names.prefix}.snapshots.>`],
      storage: StorageType.File,
      num_replicas: replicas,
      allow_direct: true,
      max_msgs_per_subject: 1,
      discard: DiscardPolicy.Old,
    });
    const kvm = new Kvm(js);
    // Created if missing; a user allowed only to read (a client) opens what the workers made.
    const bucket = (name: string) => kvm.create(name, { replicas, history: 1 }).catch(() => kvm.open(name));
    const [index, cache, secrets] = await Promise.all([
      bucket(names.executionsBucket),
      bucket(names.cacheBucket),
      bucket(names.secretsBucket),
    ]);
    const objm = new Objm(js);
    const payloads = await objm.create(names.payloadsBucket, { replicas }).catch(() => objm.open(names.payloadsBucket));
    return new NatsStore(nc, names, js, jsm, index, payloads, cache, secrets, options);
  }

  writer(executionId: string): LogWriter {
    const lastSeq = this.lastSeqs.get(executionId) ?? 0;
    this.lastSeqs.delete(executionId);
    return new NatsLogWriter(this, executionId, lastSeq);
  }

  async load(executionId: string): Promise<StoredEvent[]> {
    const subject = this.names.events(executionId);
    const known = this.recent.get(executionId);
    const last = await this.jsm.direct.getMessage(this.names.eventsStream, { last_by_subj: subject });
    if (!last) {
      this.recent.forget(executionId);
      return this.loadPastLostIndex(executionId);
    }
    let events: StoredEvent[];
    if (known?.streamSeq === last.seq) {
      events = known.events.slice();
    } else {
      const lastBatch = decodeEventBatch(last.data);
      const firstOfLast = lastBatch[0]?.seq ?? 0;
      // What is already in hand: the log as last seen here, or else its latest snapshot (asked for
      // only when the log is more than its last batch: a new or short execution costs one get).
      const snapshot = !known && firstOfLast > 1 ? await this.readSnapshot(executionId) : undefined;
      const base = known ?? (snapshot && snapshot.streamSeq <= last.seq ? snapshot : undefined);
      await this.resolveLargeValues(lastBatch);
      if (base?.streamSeq === last.seq) {
        events = base.events.slice();
      } else if (base && firstOfLast === base.events.length + 1) {
        events = base.events.concat(lastBatch); // only the last batch is new: it came with the sequence
      } else if (firstOfLast === 1) {
        events = lastBatch; // the whole log is one batch
      } else if (base) {
        const tail = await this.readBatches(subject, base.streamSeq + 1, last.seq);
        events =
          tail[0]?.seq === base.events.length + 1
            ? base.events.concat(tail)
            : await this.readBatches(subject, 1, last.seq);
      } else {
        events = await this.readBatches(subject, 1, last.seq);
      }
      this.recent.remember(executionId, events, last.seq);
    }
    this.lastSeqs.set(executionId, last.seq);
    return events;
  }

  /**
   * A log whose subject the server no longer finds by its last message. nats-server 2.9.10 loses a
   * subject's last sequence when a publish on it is refused because the store is full: "last by
   * subject" then finds nothing (and an append expecting the real last sequence is told it is 0)
   * until the next write to that subject succeeds. Read forward from its first message instead.
   * Guarded by test/security/nats-store-full.test.ts.
   */
  private async loadPastLostIndex(executionId: string): Promise<StoredEvent[]> {
    const subject = this.names.events(executionId);
    const first = await this.jsm.direct.getMessage(this.names.eventsStream, { seq: 1, next_by_subj: subject });
    if (!first) return []; // no such log: the usual answer for a new execution
    const { events, lastSeq } = await this.readForward(subject, first.seq);
    await this.resolveLargeValues(events);
    this.lastSeqs.set(executionId, lastSeq);
    return events;
  }

  /** Every batch of a subject from stream sequence `from` on, by direct gets; and the last one's sequence. */
  private async readForward(subject: string, from: number): Promise<{ events: StoredEvent[]; lastSeq: number }> {
    const events: StoredEvent[] = [];
    let lastSeq = 0;
    for (let seq = from; ; ) {
      const message = await this.jsm.direct.getMessage(this.names.eventsStream, { seq, next_by_subj: subject });
      if (!message) return { events, lastSeq };
      for (const event of decodeEventBatch(message.data)) events.push(event);
      lastSeq = message.seq;
      seq = message.seq + 1;
    }
  }

  /**
   * Appends a batch to a log whose subject's last sequence the server lost (see `loadPastLostIndex`):
   * it says the subject is empty, so the guard is kept by hand. Nothing after `lastSeq` on the
   * subject means no other driver appended; the batch then goes with the stream's last sequence
   * expected, so that nothing can land in between.
   */
  private async appendPastLostIndex(
    executionId: string,
    data: Uint8Array,
    msgId: string,
    lastSeq: number,
  ): Promise<number> {
    const subject = this.names.events(executionId);
    for (let attempt = 0; attempt < 20; attempt++) {
      const after = await this.jsm.direct.getMessage(this.names.eventsStream, {
        seq: lastSeq + 1,
        next_by_subj: subject,
      });
      // Our own batch, stored by an earlier try whose ack was lost; anything else is another driver's.
      if (after)
        return sameBytes(after.data, data) ? after.seq : Promise.reject(new ExecutionConflictError(executionId));
      const streamLast = (await this.jsm.streams.info(this.names.eventsStream)).state.last_seq;
      try {
        const ack = await ackedPublish(this.replies, subject, data, {
          msgId,
          lastSequence: streamLast,
          timeoutMs: 1500,
        });
        if (!ack.duplicate) return ack.seq;
        // Its id is stored already: ours (an earlier try) or another driver's; the next look tells.
      } catch (error) {
        if (!(error instanceof JetStreamApiError && error.code === WRONG_LAST_SEQUENCE)) throw error;
        // Another execution's append came first: look again.
      }
    }
    throw new FluxError(
      'LOG_WRITE_FAILED',
      `could not append to the log of execution ${executionId}: the stream kept moving`,
      { executionId },
    );
  }

  /** The latest snapshot of a log, large values resolved; none when there is none or it is unusable. */
  private async readSnapshot(executionId: string): Promise<{ streamSeq: number; events: StoredEvent[] } | undefined> {
    const message = await this.jsm.direct.getMessage(this.names.snapshotsStream, {
      last_by_subj: this.names.snapshot(executionId),
    });
    if (!message) return undefined;
    try {
      const objectName = message.header?.get(SNAPSHOT_OBJECT_HEADER);
      const bytes = objectName ? await readObject(this.jsm, this.names.payloadsBucket, objectName) : message.data;
      if (!bytes) return undefined;
      const snapshot = decodeSnapshot((await inflate(bytes)).toString('utf8'), executionId);
      await this.resolveLargeValues(snapshot.events);
      return snapshot;
    } catch {
      return undefined; // unreadable or its object gone: the events stream has it all
    }
  }

  /** Writes the snapshot of a log that just ended off the path of its commit: 20,000 events take ~20 ms. */
  private snapshotLater(executionId: string): void {
    // Not at the next turn: encoding a long log takes milliseconds of this thread, which must not
    // delay the index update and the result the caller is waiting for.
    const writing = new Promise<void>((resolve) => setTimeout(resolve, SNAPSHOT_DELAY_MS))
      .then(() => this.writeSnapshot(executionId))
      .catch(() => undefined) // the events stream has everything; the next load of this log just costs more
      .finally(() => this.snapshotsWriting.delete(writing));
    this.snapshotsWriting.add(writing);
  }

  /**
   * Writes the snapshot of a long log, as held in memory (nothing to write when it is not held
   * whole). Best effort: a log without one loads from the stream.
   */
  private async writeSnapshot(executionId: string): Promise<void> {
    const log = this.recent.get(executionId);
    if (!log || log.events.length < SNAPSHOT_MIN_EVENTS) return;
    const events: SnapshotEvent[] = log.events.map((event) =>
      event.valueJson !== undefined && event.valueJson.length > this.largeValueBytes
        ? { ...event, valueJson: undefined, objectName: `${executionId}/${event.seq}` }
        : event,
    );
    // Compressed (on libuv's threads): a 10,000-step log's text is ~1.4 MB, its deflated form ~10× less.
    const bytes = await deflate(encodeSnapshot({ streamSeq: log.streamSeq, events }), { level: 1 });
    const subject = this.names.snapshot(executionId);
    if (bytes.length <= this.maxBatchBytes) {
      await this.js.publish(subject, bytes, { timeout: 5000 });
    } else {
      const objectName = `snapshots/${executionId}`;
      await this.payloads.putBlob({ name: objectName }, bytes);
      const h = headers();
      h.set(SNAPSHOT_OBJECT_HEADER, objectName);
      await this.js.publish(subject, new Uint8Array(0), { headers: h, timeout: 5000 });
    }
  }

  /** Reads the batches of one subject from stream sequence `from` to `to`, large values resolved. */
  private async readBatches(subject: string, from: number, to: number): Promise<StoredEvent[]> {
    let events: StoredEvent[];
    try {
      events = await this.readWithConsumer(subject, from, to);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
      // nats-server 2.9 places an ephemeral consumer on any peer of the stream, a dead one too
      // (test/e2e/nats-faults.test.ts): read by direct gets instead, which any live replica answers.
      events = await this.readDirect(subject, from, to);
    }
    await this.resolveLargeValues(events);
    return events;
  }

  private async readWithConsumer(subject: string, from: number, to: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    // An ordered consumer on the execution's subject: the server skips other executions' blocks.
    const consumer = await this.reader.consumers.get(this.names.eventsStream, {
      filter_subjects: subject,
      ...(from <= 1
        ? { deliver_policy: DeliverPolicy.All }
        : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from }),
    });
    const messages = await consumer.consume({ max_messages: 1000 });
    for await (const message of messages) {
      for (const event of decodeEventBatch(message.data)) events.push(event);
      if (message.seq >= to) break;
    }
    await messages.close();
    return events;
  }

  /** One direct get per batch: slower than a consumer on a long log, but needs no consumer placed. */
  private async readDirect(subject: string, from: number, to: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (let seq = Math.max(from, 1); seq <= to; ) {
      const message = await this.jsm.direct.getMessage(this.names.eventsStream, { seq, next_by_subj: subject });
      if (!message || message.seq > to) break;
      for (const event of decodeEventBatch(message.data)) events.push(event);
      seq = message.seq + 1;
    }
    return events;
  }

  async get(executionId: string): Promise<ExecutionRecord | undefined> {
    const entry = await this.index.get(executionId);
    if (entry?.operation !== 'PUT') return undefined;
    try {
      return entry.json() as ExecutionRecord;
    } catch {
      return undefined; // not a record this store wrote: one bad entry must not break every list
    }
  }

  async list(filter: ListFilter = {}): Promise<ExecutionRecord[]> {
    const records: ExecutionRecord[] = [];
    for (const key of await bucketKeys(this.jsm, this.names.executionsBucket)) {
      const record = await this.get(key);
      if (
        record &&
        (!filter.state || record.state === filter.state) &&
        (!filter.workflow || record.workflow === filter.workflow)
      )
        records.push(record);
    }
    // Newest first, as the other stores list them.
    records.sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.executionId < b.executionId ? 1 : -1,
    );
    return filter.limit === undefined ? records : records.slice(0, filter.limit);
  }

  /** Waits for the snapshots still being written. */
  async close(): Promise<void> {
    await Promise.all(this.snapshotsWriting);
    this.replies.close();
  }

  // --- used by the writers ------------------------------------------------------------------------

  /** Appends events as one or more batches; returns the stream sequence of the last one. */
  async appendEvents(executionId: string, events: readonly StoredEvent[], lastSeq: number): Promise<number> {
    // Published within the caller's turn when no value goes to the object store first (see ../nats/outbox.ts).
    const stored = this.hasLargeValues(events)
      ? await this.moveLargeValues(executionId, events)
      : (events as WireEvent[]);
    let seq = lastSeq;
    for (const part of splitBatch(stored, this.maxBatchBytes)) seq = await this.publishBatch(executionId, part, seq);
    this.recent.extend(executionId, events, lastSeq, seq);
    // A pause's snapshot is there before the pause is reported, for whichever worker takes the
    // resume; an end's is written after (reading a finished log is rarely in a hurry).
    if (events.some((event) => event.type === 'WORKFLOW_PAUSED'))
      await this.writeSnapshot(executionId).catch(() => undefined);
    else if (events.some((event) => SNAPSHOT_AFTER.has(event.type))) this.snapshotLater(executionId);
    return seq;
  }

  async putRecord(record: ExecutionRecord): Promise<void> {
    const subject = `$KV.${this.names.executionsBucket}.${record.executionId}`;
    const data = new TextEncoder().encode(JSON.stringify(record));
    await retrying(`update the index of execution ${record.executionId}`, record.executionId, () =>
      ackedPublish(this.replies, subject, data, { timeoutMs: 1500 }),
    );
  }

  private async publishBatch(executionId: string, events: readonly WireEvent[], lastSeq: number): Promise<number> {
    const data = encodeEventBatch(
      executionId,
      events,
      (event) => (event as WireEvent).objectName,
      this.names.payloadsBucket,
    );
    const options = { msgId: `${executionId}:${events[0]!.seq}`, lastSubjectSequence: lastSeq, timeoutMs: 1500 };
    let resent = false;
    return retrying(`append to the log of execution ${executionId}`, executionId, async () => {
      try {
        const ack = await ackedPublish(this.replies, this.names.events(executionId), data, options);
        // The same first event already stored: ours, if this is a re-send; another driver's, if not.
        if (ack.duplicate && !resent) throw new ExecutionConflictError(executionId);
        return ack.seq;
      } catch (error) {
        if (error instanceof JetStreamApiError && error.code === WRONG_LAST_SEQUENCE) {
          // "wrong last sequence: 0" for a log with batches: the server lost the subject's last sequence.
          if (lastSeq > 0 && /wrong last sequence: 0\b/.test(error.message))
            return this.appendPastLostIndex(executionId, data, options.msgId, lastSeq);
          throw new ExecutionConflictError(executionId);
        }
        resent = true;
        throw error;
      }
    });
  }

  /** The largest message the server takes, less room for headers. */
  get messageLimit(): number {
    return this.maxBatchBytes;
  }

  /** Keeps a value too large for a message in the object store. */
  async putLarge(objectName: string, json: string): Promise<void> {
    await retrying(`store a large value (${objectName})`, undefined, () =>
      this.payloads.putBlob({ name: objectName }, new TextEncoder().encode(json)),
    );
  }

  async getLarge(objectName: string): Promise<string> {
    const bytes = await readObject(this.jsm, this.names.payloadsBucket, objectName);
    if (!bytes)
      throw new FluxError('PAYLOAD_MISSING', `object ${objectName} of bucket ${this.names.payloadsBucket} is gone`);
    return new TextDecoder().decode(bytes);
  }

  private hasLargeValues(events: readonly StoredEvent[]): boolean {
    return events.some((e) => e.valueJson !== undefined && e.valueJson.length > this.largeValueBytes);
  }

  private async moveLargeValues(executionId: string, events: readonly StoredEvent[]): Promise<WireEvent[]> {
    const large = events.filter((e) => e.valueJson !== undefined && e.valueJson.length > this.largeValueBytes);
    return Promise.all(
      events.map(async (event) => {
        if (!large.includes(event)) return event;
        const objectName = `${executionId}/${event.seq}`;
        await retrying(`store a large value of execution ${executionId}`, executionId, () =>
          this.payloads.putBlob({ name: objectName }, new TextEncoder().encode(event.valueJson)),
        );
        return { ...event, objectName };
      }),
    );
  }

  private async resolveLargeValues(events: StoredEvent[]): Promise<void> {
    await Promise.all(
      events.map(async (event) => {
        const objectName = (event as WireEvent).objectName;
        if (!objectName) return;
        const bytes = await readObject(this.jsm, this.names.payloadsBucket, objectName);
        if (!bytes)
          throw new FluxError(
            'PAYLOAD_MISSING',
            `the value of event ${event.seq} is in object ${objectName} of bucket ${this.names.payloadsBucket}, which is gone`,
          );
        event.valueJson = new TextDecoder().decode(bytes);
        delete (event as WireEvent).objectName;
      }),
    );
  }
}

/** An event on its way to or from the wire: its value may be in the object store. */
export type WireEvent = StoredEvent & { objectName?: string };

/**
 * One run's writer: what is appended during a turn of the event loop goes out as one batch, one
 * batch in flight at a time (each expects the previous one's sequence). The index is updated after
 * each batch that changes it, never beside it (a driver whose batch is refused must not touch the
 * index), but the next batch does not wait for that update; a commit waits for both.
 */
class NatsLogWriter implements LogWriter {
  failure: Error | undefined;
  private failureListener: ((error: Error) => void) | undefined;
  private queued: StoredEvent[] = [];
  private record: ExecutionRecord | undefined;
  private scheduled = false;
  /** The batch being appended. */
  private inFlight: Promise<void> | undefined;
  /** The latest index update, each one after the one before (a later state must not be overwritten by an earlier). */
  private indexing: Promise<void> = Promise.resolve();
  private waiters: { resolve(): void; reject(error: Error): void }[] = [];

  constructor(
    private readonly store: NatsStore,
    readonly executionId: string,
    private lastSeq: number,
  ) {}

  append(event: StoredEvent): void {
    if (this.failure) return;
    this.queued.push(event);
    this.schedule();
  }

  index(record: ExecutionRecord): void {
    if (this.failure) return;
    this.record = record;
    this.schedule();
  }

  onFailure(listener: (error: Error) => void): void {
    this.failureListener = listener;
    if (this.failure) listener(this.failure);
  }

  commit(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.queued.length === 0 && !this.record)
      return Promise.all([this.inFlight, this.indexing]).then(() => undefined);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    outboxOf(this.store.nc).defer(this.flush);
  }

  /** Sends what is queued, at the end of the turn it was queued in. */
  private readonly flush = (): void => {
    this.scheduled = false;
    if (this.failure || (this.queued.length === 0 && !this.record)) return;
    const events = this.queued;
    const record = this.record;
    const waiters = this.waiters;
    this.queued = [];
    this.record = undefined;
    this.waiters = [];
    const appended = events.length
      ? this.store.appendEvents(this.executionId, events, this.lastSeq).then((seq) => {
          this.lastSeq = seq;
        })
      : Promise.resolve();
    if (record) {
      const previous = this.indexing;
      this.indexing = appended.then(() => previous).then(() => this.store.putRecord(record));
      this.indexing.catch((error: Error) => this.failed(error));
    }
    const inFlight = appended;
    this.inFlight = appended;
    appended.then(
      () => {
        if (this.inFlight === inFlight) this.inFlight = undefined;
        if (this.queued.length || this.record) this.schedule();
      },
      (error: Error) => this.failed(error),
    );
    Promise.all([appended, this.indexing]).then(
      () => {
        for (const waiter of waiters) waiter.resolve();
      },
      (error: Error) => {
        for (const waiter of waiters) waiter.reject(error);
      },
    );
  };

  private failed(error: Error): void {
    if (this.failure) return;
    this.inFlight = undefined;
    this.failure = error;
    for (const waiter of this.waiters) waiter.reject(error);
    this.waiters = [];
    this.failureListener?.(error);
  }
}

/** Secrets sealed with AES-256-GCM in a KV bucket. */
export class NatsSecrets extends SealedSecrets {
  constructor(
    private readonly bucket: KV,
    cipher: SecretCipher,
  ) {
    super(cipher);
  }

  protected async write(name: string, sealed: Buffer): Promise<void> {
    await this.bucket.put(secretKey(name), sealed);
  }

  protected async read(name: string): Promise<Uint8Array | undefined> {
    const entry = await this.bucket.get(secretKey(name));
    return entry && entry.operation === 'PUT' ? entry.value : undefined;
  }

  async delete(name: string): Promise<void> {
    await this.bucket.delete(secretKey(name));
  }
}

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.add(config);
  } catch (error) {
    // It exists with settings of its own (made by an operator, or an earlier version): use it.
    await jsm.streams.info(config.name).catch(() => Promise.reject(error));
  }
}

/** Batches that each fit in a message. */
function splitBatch(events: readonly WireEvent[], maxBytes: number): WireEvent[][] {
  const parts: WireEvent[][] = [];
  let part: WireEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size =
      (event.objectName ? 100 : (event.valueJson?.length ?? 0)) + event.sourceId.length + event.name.length + 96;
    if (part.length && bytes + size > maxBytes) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(event);
    bytes += size;
  }
  if (part.length) parts.push(part);
  return parts;
}

/**
 * Runs a write, trying again while the server is unreachable or electing a leader; conflicts and
 * refusals are final at once, and so is a full store (StoreFullError: waiting will not make room).
 */
async function retrying<T>(what: string, executionId: string | undefined, write: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
    try {
      return await write();
    } catch (error) {
      if (isStoreFull(error))
        throw new StoreFullError(`could not ${what}`, { cause: error, ...(executionId && { executionId }) });
      if (
        error instanceof FluxError ||
        (error instanceof JetStreamApiError && error.status !== 503) ||
        Date.now() - started > WRITE_PATIENCE_MS
      ) {
        if (error instanceof FluxError) throw error;
        throw new FluxError('LOG_WRITE_FAILED', `could not ${what}: ${(error as Error).message}`, {
          cause: error,
          ...(executionId && { executionId }),
        });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

function cacheKey(key: string): string {
  // `name:sha256` → a KV key (no ':' allowed there).
  return key.replace(':', '.');
}

function secretKey(name: string): string {
  return `s_${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
