/**
 * A whole log in one message, written when a long execution pauses or ends, so that a worker which
 * never saw it loads it with two direct gets instead of reading (and decoding) one message per
 * commit out of a shared stream. The events stream stays the record of truth: a snapshot says which
 * batch it covers up to, and a loader reads whatever came after it from the stream.
 *
 * The format is text, one event per line, because decoding it is several times cheaper than
 * decoding the same events as protobuf batches (20,000 events: ~15 ms against ~100 ms here):
 *
 *     flux-log-snapshot 1 <stream seq covered> <event count> [<seq>=<workflow version>,…]
 *     <seq> TAB <type> TAB <source id> TAB <name> TAB <time ms> TAB <flags> TAB <value>
 *
 * The store sends it deflated (raw deflate, ~10× smaller), in the object store if still too large.
 *
 * Flags: `q` quick; `s`/`n` the source id / name is JSON-quoted (it holds a tab, a newline or a
 * quote); `o` the value is in the object store and the last field is the object's name. A value is
 * JSON text, which never holds a raw tab or newline; an empty field is no value. The workflow
 * versions (on each WORKFLOW_STARTED that has one: a log may hold several runs) are the header's
 * last field; a bare version there (no `=`) is the first event's.
 */
import { EVENT_TYPES, type EventType, type StoredEvent } from '../engine/events.js';
import { CorruptLogError } from '../engine/errors.js';

const MAGIC = 'flux-log-snapshot';
const VERSION = '1';
const KNOWN_TYPES = new Set<string>(EVENT_TYPES);

/** An event as a snapshot holds it: a large value is named, not inlined. */
export type SnapshotEvent = StoredEvent & { objectName?: string };

export interface LogSnapshot {
  /** The stream sequence of the last batch the snapshot includes. */
  streamSeq: number;
  events: SnapshotEvent[];
}

export function encodeSnapshot(snapshot: LogSnapshot): string {
  const versions = snapshot.events.filter((e) => e.version !== undefined).map((e) => `${e.seq}=${e.version}`);
  const lines = [
    `${MAGIC} ${VERSION} ${snapshot.streamSeq} ${snapshot.events.length}${versions.length ? ` ${versions.join(',')}` : ''}`,
  ];
  for (const e of snapshot.events) {
    let flags = e.quick ? 'q' : '';
    let source = e.sourceId;
    if (!plain(e.sourceId)) {
      flags += 's';
      source = JSON.stringify(e.sourceId);
    }
    let name = e.name;
    if (!plain(e.name)) {
      flags += 'n';
      name = JSON.stringify(e.name);
    }
    let value = e.valueJson ?? '';
    if (e.objectName !== undefined) {
      flags += 'o';
      value = e.objectName;
    }
    lines.push(`${e.seq}\t${e.type}\t${source}\t${name}\t${e.time}\t${flags}\t${value}`);
  }
  return lines.join('\n');
}

/** @throws CorruptLogError when the text is not a snapshot this version wrote. */
export function decodeSnapshot(text: string, executionId: string): LogSnapshot {
  const corrupt = (why: string) => new CorruptLogError(executionId, `its log snapshot is unreadable: ${why}`);
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  const [magic, version, streamSeq, count, workflowVersion] = text.slice(0, end).split(' ');
  if (magic !== MAGIC || version !== VERSION) throw corrupt('not a version 1 snapshot');
  const events: SnapshotEvent[] = [];
  for (let start = end + 1; start < text.length; start = end + 1) {
    end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const f = text.slice(start, end).split('\t', 7);
    if (f.length !== 7 || !KNOWN_TYPES.has(f[1]!)) throw corrupt(`line ${events.length + 2} is malformed`);
    const flags = f[5]!;
    const event: SnapshotEvent = {
      seq: Number(f[0]),
      type: f[1] as EventType,
      sourceId: flags.includes('s') ? (JSON.parse(f[2]!) as string) : f[2]!,
      name: flags.includes('n') ? (JSON.parse(f[3]!) as string) : f[3]!,
      valueJson: undefined,
      time: Number(f[4]),
    };
    if (flags.includes('o')) event.objectName = f[6]!;
    else if (f[6] !== '') event.valueJson = f[6];
    if (flags.includes('q')) event.quick = true;
    if (event.seq !== events.length + 1) throw corrupt(`event ${events.length + 1} is numbered ${f[0]}`);
    events.push(event);
  }
  if (events.length !== Number(count)) throw corrupt(`it holds ${events.length} events, its header says ${count}`);
  for (const entry of workflowVersion?.split(',') ?? []) {
    const at = entry.indexOf('=');
    const event = at < 0 ? events[0] : events[Number(entry.slice(0, at)) - 1];
    if (!event) throw corrupt(`its header names a version for event ${entry.slice(0, at)}, which it does not hold`);
    event.version = at < 0 ? entry : entry.slice(at + 1);
  }
  return { streamSeq: Number(streamSeq), events };
}

function plain(text: string): boolean {
  return !/[\t\n\r"]/.test(text);
}
