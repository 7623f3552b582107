/**
 * Reads an object of a JetStream object store with direct gets: its meta message, then its chunks one
 * after another. The library's `get` creates a consumer, and on nats-server 2.9.10 a consumer can be
 * placed on a dead peer of an R3 stream and stall about 5 s (as the log's reads do, see
 * `NatsStore.readBatches`); a direct get is answered by any live replica.
 *
 * The layout is the object store's own: the meta on `$O.<bucket>.M.<name, base64url with padding>`
 * (JSON: nuid, size, chunks, digest), the chunks on `$O.<bucket>.C.<nuid>`, in order.
 */
import { createHash } from 'node:crypto';
import type { JetStreamManager } from '@nats-io/jetstream';
import { FluxError } from '../engine/errors.js';

interface ObjectMeta {
  nuid: string;
  size: number;
  chunks: number;
  digest: string;
  deleted?: boolean;
}

/** The object's bytes, or null when there is no such object (or it was deleted). */
export async function readObject(jsm: JetStreamManager, bucket: string, name: string): Promise<Uint8Array | null> {
  const stream = `OBJ_${bucket}`;
  const meta = await jsm.direct.getMessage(stream, {
    last_by_subj: `$O.${bucket}.M.${base64UrlPadded(Buffer.from(name))}`,
  });
  if (!meta) return null;
  const info = meta.json<ObjectMeta>();
  if (info.deleted) return null;
  const bytes = new Uint8Array(info.size);
  const sha = createHash('sha256');
  let at = 0;
  let seq = 0;
  for (let n = 0; n < info.chunks; n++) {
    const chunk = await jsm.direct.getMessage(stream, { seq, next_by_subj: `$O.${bucket}.C.${info.nuid}` });
    if (!chunk || at + chunk.data.length > info.size) break;
    bytes.set(chunk.data, at);
    sha.update(chunk.data);
    at += chunk.data.length;
    seq = chunk.seq + 1;
  }
  const digest = `SHA-256=${base64UrlPadded(sha.digest())}`;
  if (at !== info.size || digest !== info.digest) {
    throw new FluxError(
      'PAYLOAD_CORRUPT',
      `object ${name} of bucket ${bucket} reads back as ${at} of ${info.size} bytes${at === info.size ? ' with another digest' : ''}`,
    );
  }
  return bytes;
}

function base64UrlPadded(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}
