/**
 * Values too large for a NATS message (1 MB by default) go to the object store, and the message
 * carries the object's name: an event's value in the log (`WireEvent.objectName`), a task's output in
 * its result. So a 20 MB output fits. Objects are read back by direct gets (./object-reader.ts).
 */
import type { JetStreamManager } from '@nats-io/jetstream';
import type { ObjectStore } from '@nats-io/obj';
import type { Clock } from '../engine/clock.js';
import { FluxError } from '../engine/errors.js';
import type { StoredEvent } from '../engine/events.js';
import type { NatsNames } from './names.js';
import { readObject } from './object-reader.js';
import { retrying } from './store-writes.js';

/** Where a value too large for one message goes (the object store), and how it comes back. */
export interface LargeValues {
  readonly messageLimit: number;
  putLarge(objectName: string, json: string): Promise<void>;
  getLarge(objectName: string): Promise<string>;
  remove(objectName: string): Promise<void>;
}

/** Where an executor puts a task output too large for its result message; the dispatcher removes it once read. */
export function largeOutputName(executionId: string, taskId: string): string {
  return `${executionId}/${taskId}/output`;
}

/** An event on its way to or from the wire: its value may be in the object store. */
export type WireEvent = StoredEvent & { objectName?: string };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class LargeValueStore implements LargeValues {
  constructor(
    private readonly jsm: JetStreamManager,
    private readonly payloads: ObjectStore,
    private readonly names: NatsNames,
    /** The largest message the server takes, less room for headers. */
    readonly messageLimit: number,
    /** Event values longer than this go to the object store. */
    private readonly largeValueBytes: number,
    private readonly clock: Clock,
  ) {}

  /** Whether an event's value goes to the object store rather than in its batch. */
  isLarge(event: StoredEvent): boolean {
    return event.valueJson !== undefined && event.valueJson.length > this.largeValueBytes;
  }

  /** Keeps a value too large for a message in the object store. */
  async putLarge(objectName: string, json: string): Promise<void> {
    await retrying(
      `store a large value (${objectName})`,
      undefined,
      () => this.payloads.putBlob({ name: objectName }, encoder.encode(json)),
      this.clock,
    );
  }

  /**
   * Removes an object with nothing left behind: its chunks and its entry, not a tombstone as
   * `ObjectStore.delete` leaves (a deleted execution must not cost bytes for ever).
   */
  async remove(objectName: string): Promise<void> {
    const info = await this.payloads.info(objectName);
    if (!info) return;
    const bucket = this.names.payloadsBucket;
    // The object store's own names: chunks under the object's nuid, its entry under its name in padded base64url.
    const entry = Buffer.from(objectName).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    await this.jsm.streams.purge(`OBJ_${bucket}`, { filter: `$O.${bucket}.C.${info.nuid}` });
    await this.jsm.streams.purge(`OBJ_${bucket}`, { filter: `$O.${bucket}.M.${entry}` });
  }

  async getLarge(objectName: string): Promise<string> {
    const bytes = await readObject(this.jsm, this.names.payloadsBucket, objectName);
    if (!bytes)
      throw new FluxError('PAYLOAD_MISSING', `object ${objectName} of bucket ${this.names.payloadsBucket} is gone`);
    return decoder.decode(bytes);
  }

  /** Puts bytes (a large snapshot) in the object store, once: its writer gives up on a failure. */
  async putBytes(objectName: string, bytes: Uint8Array): Promise<void> {
    await this.payloads.putBlob({ name: objectName }, bytes);
  }

  /** Reads bytes put with `putBytes`; null when the object is gone. */
  getBytes(objectName: string): Promise<Uint8Array | null> {
    return readObject(this.jsm, this.names.payloadsBucket, objectName);
  }

  /** The events as they go on the wire: each large value in the object store (`<execution id>/<seq>`), named. */
  async moveOut(executionId: string, events: readonly StoredEvent[]): Promise<WireEvent[]> {
    return Promise.all(
      events.map(async (event) => {
        if (!this.isLarge(event)) return event;
        const objectName = objectNameOf(executionId, event.seq);
        await retrying(
          `store a large value of execution ${executionId}`,
          executionId,
          () => this.payloads.putBlob({ name: objectName }, encoder.encode(event.valueJson)),
          this.clock,
        );
        return { ...event, objectName };
      }),
    );
  }

  /** Puts each value read from the wire back in its event, in place. */
  async resolve(events: StoredEvent[]): Promise<void> {
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
        event.valueJson = decoder.decode(bytes);
        delete (event as WireEvent).objectName;
      }),
    );
  }
}

/** The object holding the large value of an execution's event. */
export function objectNameOf(executionId: string, seq: number): string {
  return `${executionId}/${seq}`;
}
