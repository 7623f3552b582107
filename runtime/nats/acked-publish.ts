/**
 * JetStream publishes whose acks come back on the shared reply inbox (./replies.ts).
 *
 * `js.publish()` goes through the client's `request()`, which builds two Error objects (with stack
 * traces) per call in case it fails; with one append and one index put per commit that was 6-7 % of a
 * driver's CPU. The wire is the same: a plain publish with a reply subject, the headers JetStream
 * reads, and its JSON ack.
 */
import { JetStreamApiError } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';
import type { Replies } from './replies.js';

export interface AckedPublishOptions {
  /** `Nats-Msg-Id`: a message sent again with the same id is stored once. */
  msgId?: string | undefined;
  /** `Nats-Expected-Last-Subject-Sequence`: refused unless the subject's last message has this sequence. */
  lastSubjectSequence?: number | undefined;
  /** `Nats-Expected-Last-Sequence`: refused unless the stream's last message has this sequence. */
  lastSequence?: number | undefined;
  timeoutMs: number;
}

interface AckBody {
  stream?: string;
  seq?: number;
  duplicate?: boolean;
  error?: { code: number; err_code: number; description: string };
}

/** What the stream says of a stored message. */
export interface Ack {
  readonly seq: number;
  /** The message id was seen within the stream's duplicate window: not stored again. */
  readonly duplicate: boolean;
}

const decoder = new TextDecoder();

/**
 * Publishes `data` to a stream's subject and waits for the stream's ack. A refusal throws the
 * client's own `JetStreamApiError` (so `code` and `status` read as with `js.publish`); no stream
 * listening, or no ack in time, throws `NoReplyError`.
 */
export async function ackedPublish(
  replies: Replies,
  subject: string,
  data: Uint8Array,
  options: AckedPublishOptions,
): Promise<Ack> {
  const h = headers();
  if (options.msgId !== undefined) h.set('Nats-Msg-Id', options.msgId);
  if (options.lastSubjectSequence !== undefined)
    h.set('Nats-Expected-Last-Subject-Sequence', String(options.lastSubjectSequence));
  if (options.lastSequence !== undefined) h.set('Nats-Expected-Last-Sequence', String(options.lastSequence));
  const reply = await replies.request(subject, data, { timeout: options.timeoutMs, headers: h });
  const ack = JSON.parse(decoder.decode(reply.data)) as AckBody;
  if (ack.error) throw new JetStreamApiError(ack.error);
  if (!ack.stream || ack.seq === undefined)
    throw new Error(`not a JetStream ack on ${subject}: ${decoder.decode(reply.data)}`);
  return { seq: ack.seq, duplicate: ack.duplicate ?? false };
}
