/**
 * Execution ids chosen by callers are checked at every door, before anything is stored: an id with
 * ':' broke `list` for everyone (an invalid KV key), and a 5,000-character one made the server close
 * the worker's connection (maximum control line exceeded), losing ordinary acknowledged starts.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamManager } from '@nats-io/jetstream';
import { createRuntime, type Client } from 'flux-actors';
import { encodeStartCommand, type ExecutionStatus } from '../../runtime/nats/codec.js';
import { sendCommand } from '../fixtures/raw-commands.js';
import { tempDir } from '../fixtures/runtimes.js';
import { asks } from '../fixtures/nats-command-workflows.js';
import { useNatsParties } from '../fixtures/nats-parties.js';

const BAD_IDS = ['a:b', 'a.b', 'a b', 'a/b', '', 'x'.repeat(5000), '$KV.x', 'a>'];
const codeOf = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'accepted',
    (e: { code?: string }) => e.code,
  );

describe('security: execution ids are checked at every door', function () {
  this.timeout(30_000);

  for (const store of ['memory', 'sqlite'] as const) {
    it(`createRuntime (${store}) refuses ids outside the alphabet or too long for run, resume, cancel and inspect`, async () => {
      const runtime = await createRuntime({
        store: store === 'memory' ? 'memory' : { sqlite: join(tempDir(), 'flux.db') },
      });
      try {
        for (const id of BAD_IDS) {
          const shown = id.slice(0, 10);
          expect(await codeOf(asks.run('x', { runtime, executionId: id })), `run ${shown}`).to.equal('INVALID_NAME');
          expect(await codeOf(runtime.resume(id, 1)), `resume ${shown}`).to.equal('INVALID_NAME');
          expect(await codeOf(runtime.cancel(id)), `cancel ${shown}`).to.equal('INVALID_NAME');
          expect(await codeOf(runtime.inspect(id)), `inspect ${shown}`).to.equal('INVALID_NAME');
        }
        expect(await runtime.list()).to.deep.equal([]);
      } finally {
        await runtime.close();
      }
    });
  }

  describe('on NATS', () => {
    const parties = useNatsParties('ids');
    let prefix: string;
    let client: Client;
    let raw: NatsConnection;
    beforeEach(() => {
      ({ prefix, client, raw } = parties);
    });

    it('a client refuses a bad id before sending anything', async () => {
      const jsm = await jetstreamManager(raw);
      const before = (await jsm.streams.info(`${prefix.toUpperCase()}_COMMANDS`)).state.messages;
      for (const id of BAD_IDS)
        expect(await codeOf(client.start(asks, 'x', { executionId: id })), id.slice(0, 10)).to.equal('INVALID_NAME');
      for (const id of BAD_IDS) expect(await codeOf(client.resume(id, 1)), id.slice(0, 10)).to.equal('INVALID_NAME');
      expect((await jsm.streams.info(`${prefix.toUpperCase()}_COMMANDS`)).state.messages).to.equal(before);
    });

    it('a worker answers a raw start with a 5,000-character or a ":" id with INVALID_NAME and keeps its connection: later starts run', async () => {
      const answers: ExecutionStatus[] = [];
      for (const id of ['x'.repeat(5000), 'a:b', 'a.b.c']) {
        answers.push(
          await sendCommand(
            raw,
            `${prefix}.cmd.cmdAsks.start`,
            encodeStartCommand({ workflow: 'cmdAsks', executionId: id, inputJson: '"x"' }),
          ),
        );
      }
      expect(answers.map((a) => a.error?.code)).to.deep.equal(['INVALID_NAME', 'INVALID_NAME', 'INVALID_NAME']);
      expect(answers.map((a) => a.executionId)).to.deep.equal(['', '', '']);
      const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => client.start(asks, `ok${i}`)));
      const states = await Promise.all(
        ids.map((id) => client.result(id, { timeoutMs: 15_000 }).then((ctx) => ctx.state)),
      );
      expect(states).to.deep.equal(ids.map(() => 'paused'));
      expect((await client.list()).length).to.be.at.least(10);
    });
  });
});
