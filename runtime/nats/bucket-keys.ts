/** Listing a KV bucket's keys in a way that survives a dead node of a cluster. */
import type { JetStreamManager } from '@nats-io/jetstream';

/**
 * The keys of KV bucket `bucket`, read from its stream's subjects (one STREAM.INFO request, which the
 * stream's leader answers). `kv.keys()` creates an ephemeral consumer instead, and nats-server 2.9
 * places one on any peer of an R3 bucket, a dead one too: while a node is down, a third of those
 * calls time out after 5 s. Measured in the work on test/e2e/nats-faults.test.ts.
 *
 * A deleted key is listed too while its tombstone is kept: `get` tells it apart (operation `DEL`).
 *
 * @example
 * for (const key of await bucketKeys(jsm, 'flux_workers')) console.log(key, (await kv.get(key))?.operation);
 */
export async function bucketKeys(jsm: JetStreamManager, bucket: string): Promise<string[]> {
  const prefix = `$KV.${bucket}.`;
  const info = await jsm.streams.info(`KV_${bucket}`, { subjects_filter: `${prefix}>` });
  return Object.keys(info.state.subjects ?? {}).map((subject) => subject.slice(prefix.length));
}
