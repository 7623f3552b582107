/**
 * Deleting finished executions on NATS: the subject of its log in the events stream, its snapshot
 * (and the object a large one went to), its large values, its index and timer entries, all purged
 * so that nothing is left behind, not even a tombstone. Expired executions are found oldest first
 * by reading the index bucket's stream from its start: a KV bucket keeping one revision per key
 * holds each execution's latest record, in the order they were written, so a pass reads what has
 * expired and stops at the first record that has not.
 */
import { DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { KV } from '@nats-io/kv';
import type { ExecutionRecord, ExecutionRemoval, ExpiredFilter, RemoveOutcome } from '../engine/event-store.js';
import { isFinished } from '../engine/execution-state.js';
import { decodeEventBatch } from './codec.js';
import type { LargeValueStore, WireEvent } from './large-values.js';
import { SNAPSHOT_OBJECT_HEADER } from './log-snapshots.js';
import type { NatsNames } from './names.js';

/** The last event of a finished execution's log (a fork's source records WORKFLOW_FORKED while finished). */
const END_EVENTS: ReadonlySet<string> = new Set([
  'WORKFLOW_COMPLETED',
  'WORKFLOW_FAILED',
  'WORKFLOW_CANCELLED',
  'WORKFLOW_FORKED',
]);

/** On each cached output: when it was written, on the workflow clock (the server's own timestamps are real time). */
export const CACHE_WRITTEN_HEADER = 'Flux-Written-At';

export interface NatsRemovalParts {
  jsm: JetStreamManager;
  /** For reads with ordered consumers. */
  js: JetStreamClient;
  names: NatsNames;
  index: KV;
  large: LargeValueStore;
  /** Forgets what the store keeps in memory of the execution (its recent log, its last sequence). */
  forget(executionId: string): void;
}

export class NatsRemoval implements ExecutionRemoval {
  constructor(private readonly parts: NatsRemovalParts) {}

  async expired({ before, state, workflow, limit }: ExpiredFilter): Promise<ExecutionRecord[]> {
    const found: ExecutionRecord[] = [];
    await oldestFirst(this.parts, `KV_${this.parts.names.executionsBucket}`, (message) => {
      if (message.data.length === 0) return true; // a key's delete marker
      const record = parseRecord(message);
      if (!record) return true;
      // Written in time order: from here on nothing has expired (a record written late by a slow clock waits a pass).
      if (record.updatedAt >= before) return false;
      if (isFinished(record.state) && (!state || record.state === state) && (!workflow || record.workflow === workflow))
        found.push(record);
      return found.length < limit;
    });
    return found;
  }

  async remove(executionId: string): Promise<RemoveOutcome> {
    const { index, jsm, names, large } = this.parts;
    const entry = await index.get(executionId);
    if (entry?.operation !== 'PUT') {
      // No index entry, but a log that ended: what a deletion stopped half-way (after the index) left.
      if (!(await this.endedLog(executionId))) return 'missing';
    } else {
      const record = entry.json() as ExecutionRecord;
      if (!isFinished(record.state)) return 'unfinished';
      // Only the finished record read: a driver that has written it since (a retry, a new run) keeps it.
      const kept = await index.delete(executionId, { previousSeq: entry.revision }).then(
        () => false,
        () => true,
      );
      if (kept) return 'unfinished';
    }
    const objects = await this.objectsOf(executionId);
    // The log first: a driver still about to append finds it gone (a conflict), never a log with a gap.
    await jsm.streams.purge(names.eventsStream, { filter: names.events(executionId) });
    await Promise.all([
      jsm.streams.purge(names.snapshotsStream, { filter: names.snapshot(executionId) }),
      ...objects.map((name) => large.remove(name)),
      jsm.streams.purge(`KV_${names.wakesBucket}`, { filter: `$KV.${names.wakesBucket}.${executionId}` }),
      jsm.streams.purge(`KV_${names.executionsBucket}`, { filter: `$KV.${names.executionsBucket}.${executionId}` }),
    ]);
    this.parts.forget(executionId);
    return 'deleted';
  }

  /** Forgets cached outputs written before `before`: they are the stream's oldest messages, purged at once. */
  async expireCache(before: number): Promise<void> {
    const stream = `KV_${this.parts.names.cacheBucket}`;
    let keepFrom: number | undefined;
    let last = 0;
    await oldestFirst(this.parts, stream, (message) => {
      last = message.seq;
      const writtenAt = Number(message.headers?.get(CACHE_WRITTEN_HEADER));
      if (Number.isFinite(writtenAt) && writtenAt >= before) {
        keepFrom = message.seq;
        return false;
      }
      return true;
    });
    if (keepFrom === undefined && last === 0) return;
    await this.parts.jsm.streams.purge(stream, { seq: keepFrom ?? last + 1 });
  }

  /** Whether the execution's log is there and its last event is an end. */
  private async endedLog(executionId: string): Promise<boolean> {
    const { jsm, names } = this.parts;
    const last = await jsm.direct.getMessage(names.eventsStream, { last_by_subj: names.events(executionId) });
    const type = last ? decodeEventBatch(last.data).at(-1)?.type : undefined;
    return type !== undefined && END_EVENTS.has(type);
  }

  /** The large values of its log, and its snapshot's object if the snapshot was too large for a message. */
  private async objectsOf(executionId: string): Promise<string[]> {
    const { jsm, names } = this.parts;
    const objects: string[] = [];
    for (let seq = 1; ; ) {
      const message = await jsm.direct.getMessage(names.eventsStream, {
        seq,
        next_by_subj: names.events(executionId),
      });
      if (!message) break;
      for (const event of decodeEventBatch(message.data) as WireEvent[])
        if (event.objectName) objects.push(event.objectName);
      seq = message.seq + 1;
    }
    const snapshot = await jsm.direct.getMessage(names.snapshotsStream, { last_by_subj: names.snapshot(executionId) });
    const object = snapshot?.header?.get(SNAPSHOT_OBJECT_HEADER);
    if (object) objects.push(object);
    return objects;
  }
}

/**
 * Reads a stream from its first message, one by one, while `visit` says go on, up to the last message
 * it held as the read began. In batches that give up after a while: messages purged meanwhile (by
 * another deletion) never come, and a read waiting for them would wait for ever.
 */
async function oldestFirst(
  parts: Pick<NatsRemovalParts, 'js' | 'jsm'>,
  stream: string,
  visit: (message: JsMsg) => boolean,
): Promise<void> {
  const { state } = await parts.jsm.streams.info(stream);
  if (state.messages === 0) return;
  const consumer = await parts.js.consumers.get(stream, { deliver_policy: DeliverPolicy.All });
  for (;;) {
    let read = 0;
    for await (const message of await consumer.fetch({ max_messages: 500, expires: 2000 })) {
      read++;
      if (!visit(message) || message.seq >= state.last_seq || message.info.pending === 0) return;
    }
    if (read === 0) return;
  }
}

function parseRecord(message: JsMsg): ExecutionRecord | undefined {
  try {
    return message.json<ExecutionRecord>();
  } catch {
    return undefined; // not a record this store wrote
  }
}
