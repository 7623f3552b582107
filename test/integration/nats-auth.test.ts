import { expect } from 'chai';
import { until } from '../fixtures/wait-for.js';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { connectClient, pause, startWorker, workflow } from 'flux-actors';
import { asNatsConfUser, NATS_CONF } from '../fixtures/nats-conf.js';
import { startNatsServer, type NatsServer } from '../fixtures/nats-server.js';
import { tempDir } from '../fixtures/runtimes.js';
import { asks, echo } from '../fixtures/nats-command-workflows.js';

const wakesSoon = workflow(async function authWakesSoon() {
  const woke = await pause('soon', undefined, { after: 200 });
  return woke.resumed ? 'resumed' : woke.woke;
});

describe("nats.conf's accounts", function () {
  this.timeout(60_000);
  let server: NatsServer;
  before(async () => (server = await startNatsServer({ configFile: NATS_CONF })));
  after(() => server.dispose());

  it('let a worker do its job and a client start, resume and read, and nothing more', async () => {
    const key = join(tempDir(), 'secret.key');
    const as = (user: 'worker' | 'client') => asNatsConfUser(server.url, user, key);
    const worker = await startWorker({ nats: as('worker'), workflows: [asks, wakesSoon], tasks: [echo] });
    const client = await connectClient(as('client'));
    const raw = await connect({
      servers: server.url,
      user: 'client',
      pass: 'change-me-client',
      inboxPrefix: '_INBOX_client',
    });
    try {
      const id = await client.start(asks, 'secured');
      expect((await client.result(id, { timeoutMs: 10_000 })).state).to.equal('paused');
      expect((await client.resume(id, 'ok', { timeoutMs: 10_000 })).output).to.equal('secured:ok');
      expect((await client.list()).map((r) => r.executionId)).to.include(id);

      const js = jetstream(raw);
      const appended = await js.publish(`flux.events.${id}`, new Uint8Array([1]), { timeout: 2000 }).then(
        () => 'stored',
        (e: Error) => e.message,
      );
      expect(appended).to.not.equal('stored');
      const result = await raw.request('flux.results.someone', new Uint8Array([1]), { timeout: 1000 }).then(
        () => 'delivered',
        (e: Error) => e.message,
      );
      expect(result).to.not.equal('delivered');
      const indexed = await js
        .publish(`$KV.flux_executions.${id}`, new TextEncoder().encode('{}'), { timeout: 2000 })
        .then(
          () => 'stored',
          (e: Error) => e.message,
        );
      expect(indexed).to.not.equal('stored');
      expect((await client.inspect(id)).output).to.equal('secured:ok');

      // Schedules: the client makes, lists, triggers and deletes them (the worker fires them).
      await client.schedules.create(asks, { id: 'nightly', cron: '0 2 * * *', input: 'n' });
      expect((await client.schedules.list()).map((x) => x.id)).to.deep.equal(['nightly']);
      const fired = await client.schedules.trigger('nightly');
      expect((await client.result(fired, { timeoutMs: 10_000 })).state).to.equal('paused');
      await client.schedules.delete('nightly');
      // A worker of nats.conf keeps timers: a pause that wakes after 200 ms (real time) wakes.
      const soon = await client.start(wakesSoon);
      const parked = await client.result(soon, { timeoutMs: 10_000 });
      const woke = await client.result(soon, { afterSeq: parked.events.length, timeoutMs: 10_000 });
      expect(woke.output).to.equal('after');
      // ...and fires schedules: a schedule due in 300 ms starts its run through the worker's start command.
      const at = Date.now() + 300;
      await client.schedules.create(wakesSoon, { id: 'soon', at });
      const runs = await until(async () => {
        const fired = await client.schedules.runs('soon');
        return fired.length ? fired : undefined;
      });
      expect((await client.result(runs[0]!.executionId, { timeoutMs: 10_000 })).name).to.equal('authWakesSoon');
      // Timers are the workers': a client can neither send a wake nor write a timer.
      const woken = await js.publish(`flux.cmd.asks.wake`, new Uint8Array([1]), { timeout: 2000 }).then(
        () => 'stored',
        (e: Error) => e.message,
      );
      expect(woken).to.not.equal('stored');
      const timer = await js
        .publish(`$KV.flux_wakes.${id}`, new TextEncoder().encode('{"workflow":"asks","wakeAt":0}'), { timeout: 2000 })
        .then(
          () => 'stored',
          (e: Error) => e.message,
        );
      expect(timer).to.not.equal('stored');
    } finally {
      await raw.close();
      await client.close();
      await worker.stop();
    }
  });
});
