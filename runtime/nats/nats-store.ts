/**
 * The event store on NATS JetStream. Each execution's log is one subject of the events stream; a
 * driver appends one message per commit (an `EventBatch`), with two guards:
 *
 * - `Nats-Msg-Id` is the id of the batch's first event, so a batch re-sent after a lost ack is
 *   stored once;
 * - `expect.lastSubjectSequence` is the sequence of the execution's previous batch, so a second
 *   driver's append is refused (`ExecutionConflictError`) instead of interleaving.
 *
 * A run appends through its `NatsLogWriter` (./nats-log-writer.ts: one batch per turn). The index
 * (state, workflow, times) is a KV bucket, and so are task results memoised with `cache: true` and
 * sealed secrets (./nats-secrets.ts). A value over `largeValueBytes` goes to the object store with a
 * reference in the log (./large-values.ts), so a 20 MB output fits under NATS's 1 MB message limit.
 * A long log that pauses or ends gets a snapshot (./log-snapshots.ts), which loads faster than its batches.
 */
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
import type { WakeEntryValue } from './nats-wakes.js';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { systemClock, type Clock } from '../engine/clock.js';
import { ExecutionConflictError, FluxError } from '../engine/errors.js';
import {
  matchesFilter,
  pageOf,
  type EventStore,
  type ExecutionRecord,
  type ListFilter,
  type LogWriter,
  type TaskCache,
} from '../engine/event-store.js';
import { CACHE_WRITTEN_HEADER, NatsRemoval } from './nats-removal.js';
import type { StoredEvent } from '../engine/events.js';
import { SecretCipher } from '../engine/secrets.js';
import { ackedPublish } from './acked-publish.js';
import { bucketKeys } from './bucket-keys.js';
import { decodeEventBatch, encodeEventBatch } from './codec.js';
import { LargeValueStore, type WireEvent } from './large-values.js';
import { LogSnapshots } from './log-snapshots.js';
import type { NatsNames } from './names.js';
import { NatsLogWriter } from './nats-log-writer.js';
import { NatsSecrets } from './nats-secrets.js';
import { RecentLogs } from './recent-logs.js';
import { Replies } from './replies.js';
import { retrying } from './store-writes.js';

export interface NatsStoreOptions {
  /** Replicas of every stream and bucket (3 on a 3-node cluster). Default 1. */
  replicas?: number;
  /** Values larger than this go to the object store. Default 256 KiB. */
  largeValueBytes?: number;
  /** The AES-256 key that seals secrets (32 bytes, created on first use). */
  secretKeyFile: string;
  /** What the store waits on (a write's retries, a snapshot after an end). Default: the system's. */
  clock?: Clock | undefined;
  /** The executions' clock (a test clock skips): when a cached output was written, for retention. Default: `clock`. */
  workflowClock?: Clock | undefined;
}

/** JetStream's "wrong last sequence": another driver appended first (or, for the whole stream, anyone). */
const WRONG_LAST_SEQUENCE = 10071;
/** Room left in a message for everything but the values. */
const BATCH_OVERHEAD = 16 * 1024;

export class NatsStore implements EventStore {
  readonly kind = 'nats';
  readonly cache: TaskCache;
  readonly secrets: NatsSecrets;
  /** The stream sequence of each execution's last batch, as last loaded: where its next writer starts. */
  private readonly lastSeqs = new Map<string, number>();
  private readonly recent = new RecentLogs();
  private readonly snapshots: LogSnapshots;
  /** Values too large for a message: in the object store. Task results use it too. */
  readonly large: LargeValueStore;
  private readonly maxBatchBytes: number;
  private readonly clock: Clock;
  /** For reads: a consumer that cannot be created within 2 s is on a dead peer (see `readBatches`). */
  private readonly reader: JetStreamClient;
  /** Where the acks of appends and index puts come back. */
  private readonly replies: Replies;
  /** Deleting finished executions: retention, `flux delete`, `flux purge`. */
  readonly removal: NatsRemoval;

  private constructor(
    readonly nc: NatsConnection,
    readonly names: NatsNames,
    js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly index: KV,
    payloads: ObjectStore,
    cache: KV,
    secrets: KV,
    /** The durable timers' bucket (./nats-wakes.ts), if this user may open it. */
    readonly wakesBucket: KV | undefined,
    options: NatsStoreOptions,
  ) {
    this.clock = options.clock ?? systemClock;
    this.maxBatchBytes = (nc.info?.max_payload ?? 1024 * 1024) - BATCH_OVERHEAD;
    this.reader = jetstream(nc, { timeout: 2000 });
    this.replies = new Replies(nc);
    const largeValueBytes = Math.min(options.largeValueBytes ?? 256 * 1024, this.maxBatchBytes);
    this.large = new LargeValueStore(jsm, payloads, names, this.maxBatchBytes, largeValueBytes, this.clock);
    this.snapshots = new LogSnapshots(js, jsm, names, this.large, this.recent, this.clock);
    this.cache = {
      read: async (key) => {
        const entry = await cache.get(cacheKey(key));
        if (entry?.operation !== 'PUT') return undefined;
        return { valueJson: entry.value.length === 0 ? undefined : entry.string() };
      },
      // Best effort, never rejecting: a result not memoised is computed again by the next execution.
      // When it was written goes with it, on the workflow clock: retention forgets it by that.
      write: async (key, valueJson) => {
        const h = headers();
        h.set(CACHE_WRITTEN_HEADER, String((options.workflowClock ?? this.clock).now()));
        await js
          .publish(`$KV.${names.cacheBucket}.${cacheKey(key)}`, valueJson ?? '', { headers: h, timeout: 5000 })
          .catch(() => undefined);
      },
    };
    this.removal = new NatsRemoval({
      jsm,
      js: this.reader,
      names,
      index,
      large: this.large,
      forget: (executionId) => {
        this.recent.forget(executionId);
        this.lastSeqs.delete(executionId);
      },
    });
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
    const [index, cache, secrets, wakes] = await Promise.all([
      bucket(names.executionsBucket),
      bucket(names.cacheBucket),
      bucket(names.secretsBucket),
      // Written by drivers only: a user who may not open it (a client) does without.
      bucket(names.wakesBucket).catch(() => undefined),
    ]);
    const objm = new Objm(js);
    const payloads = await objm.create(names.payloadsBucket, { replicas }).catch(() => objm.open(names.payloadsBucket));
    return new NatsStore(nc, names, js, jsm, index, payloads, cache, secrets, wakes, options);
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
      const snapshot = !known && firstOfLast > 1 ? await this.snapshots.read(executionId) : undefined;
      const base = known ?? (snapshot && snapshot.streamSeq <= last.seq ? snapshot : undefined);
      await this.large.resolve(lastBatch);
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
    await this.large.resolve(events);
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
    // Not a lost index but a log that is gone (deleted): it is not started again with a gap.
    if (!(await this.jsm.direct.getMessage(this.names.eventsStream, { seq: 1, next_by_subj: subject })))
      throw new ExecutionConflictError(executionId);
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
    await this.large.resolve(events);
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
      if (record && matchesFilter(record, filter)) records.push(record);
    }
    // Newest first, as the other stores list them.
    records.sort((a, b) =>
      a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.executionId < b.executionId ? 1 : -1,
    );
    return pageOf(records, filter);
  }

  /** Waits for the snapshots still being written. */
  async close(): Promise<void> {
    await this.snapshots.close();
    this.replies.close();
  }

  // --- used by the writers ------------------------------------------------------------------------

  /** Appends events as one or more batches; returns the stream sequence of the last one. */
  async appendEvents(executionId: string, events: readonly StoredEvent[], lastSeq: number): Promise<number> {
    // Published within the caller's turn when no value goes to the object store first (see ../nats/outbox.ts).
    const stored = events.some((event) => this.large.isLarge(event))
      ? await this.large.moveOut(executionId, events)
      : (events as WireEvent[]);
    let seq = lastSeq;
    for (const part of splitBatch(stored, this.maxBatchBytes)) seq = await this.publishBatch(executionId, part, seq);
    this.recent.extend(executionId, events, lastSeq, seq);
    await this.snapshots.appended(executionId, events);
    return seq;
  }

  async putRecord(record: ExecutionRecord): Promise<void> {
    const put = (bucket: string, value: unknown) => {
      const subject = `$KV.${bucket}.${record.executionId}`;
      const data = new TextEncoder().encode(JSON.stringify(value));
      return retrying(
        `update the index of execution ${record.executionId}`,
        record.executionId,
        () => ackedPublish(this.replies, subject, data, { timeoutMs: 1500 }),
        this.clock,
      );
    };
    const { wakeAt, awaits } = record;
    // Its timer, made durable before the pause is reported. Left behind when it resumes: see ./nats-wakes.ts.
    const timer: WakeEntryValue | undefined =
      wakeAt !== undefined || awaits !== undefined ? { workflow: record.workflow, wakeAt, awaits } : undefined;
    await Promise.all([put(this.names.executionsBucket, record), timer && put(this.names.wakesBucket, timer)]);
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
    return retrying(
      `append to the log of execution ${executionId}`,
      executionId,
      async () => {
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
      },
      this.clock,
    );
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

function cacheKey(key: string): string {
  // `name:sha256` → a KV key (no ':' allowed there).
  return key.replace(':', '.');
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
