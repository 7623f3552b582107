import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { startNatsServer } from '../test/fixtures/nats-server.js';
const server = await startNatsServer();
const nc = await connect({ servers: server.url });
const jsm = await jetstreamManager(nc);
await jsm.streams.add({ name: 'EV', subjects: ['ev.>'], allow_direct: true });
const js = jetstream(nc);
const a1 = await js.publish('ev.x', 'one', { msgID: 'x:1', expect: { lastSubjectSequence: 0 } });
await js.publish('ev.x', 'two', { msgID: 'x:2', expect: { lastSubjectSequence: a1.seq } });
// a retry of x:1 with a now-wrong expectation
const r = await js.publish('ev.x', 'one', { msgID: 'x:1', expect: { lastSubjectSequence: 0 } }).then((a) => `ok dup=${a.duplicate} seq=${a.seq}`, (e) => `err ${(e as Error).message}`);
console.log('retry of landed message with stale expectation:', r);
try { await jsm.streams.add({ name: 'EV', subjects: ['ev.>'], allow_direct: true }); console.log('re-add same ok'); } catch (e) { console.log('re-add same', (e as Error).message); }
try { await jsm.streams.add({ name: 'EV', subjects: ['ev.>'], allow_direct: false }); console.log('re-add diff ok'); } catch (e) { console.log('re-add diff', (e as Error).message); }
console.log('max_payload', nc.info?.max_payload);
await nc.close(); await server.dispose();
