import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, DeliverPolicy } from '@nats-io/jetstream';
import { headers } from '@nats-io/nats-core';
import { startNatsServer } from '../test/fixtures/nats-server.js';

const server = await startNatsServer();
const nc = await connect({ servers: server.url });
const jsm = await jetstreamManager(nc);
await jsm.streams.add({ name: 'EV', subjects: ['ev.>'], allow_direct: true, duplicate_window: 120_000_000_000 });
const js = jetstream(nc);
// CAS with 0 on an empty subject
const a1 = await js.publish('ev.x', 'one', { msgID: 'x:1', expect: { lastSubjectSequence: 0 } });
console.log('first', a1.seq, a1.duplicate);
try { await js.publish('ev.x', 'two', { msgID: 'x:2', expect: { lastSubjectSequence: 0 } }); } catch (e) { console.log('cas refused:', (e as Error).message, (e as any).api_error?.err_code ?? (e as any).code); }
const dup = await js.publish('ev.x', 'one again', { msgID: 'x:1', expect: { lastSubjectSequence: a1.seq } });
console.log('dup', dup.seq, dup.duplicate);
await js.publish('ev.y', 'other');
const a2 = await js.publish('ev.x', 'two', { msgID: 'x:2', expect: { lastSubjectSequence: a1.seq } });
console.log('second', a2.seq);
const last = await jsm.direct.getMessage('EV', { last_by_subj: 'ev.x' });
console.log('last', last?.seq, last?.string());
const none = await jsm.direct.getMessage('EV', { last_by_subj: 'ev.none' }).catch((e) => `err ${(e as Error).message}`);
console.log('none', none);
// ordered consumer from a start seq
const oc = await js.consumers.get('EV', { filter_subjects: ['ev.x'], deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: 1 });
const msgs = await oc.fetch({ max_messages: 100, expires: 1000 });
let n = 0;
for await (const m of msgs) { n++; console.log('got', m.seq, m.string(), m.info.pending); if (m.info.pending === 0) break; }
console.log('count', n);
await nc.close();
await server.dispose();
