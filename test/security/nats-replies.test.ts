/**
 * Attacks through a command's Flux-Reply-To header: the worker answers with its own rights, so a
 * reply subject chosen by a client must never reach the event log or a bucket.
 */
import { expect } from 'chai';
import { headers, type NatsConnection } from '@nats-io/nats-core';
import { jetstream } from '@nats-io/jetstream';
import type { Client } from 'flux-actors';
import { encodeCancelCommand, encodeEventBatch } from '../../runtime/nats/codec.js';
import type { CapturedLog } from '../fixtures/log-capture.js';
import { asks } from '../fixtures/nats-command-workflows.js';
import { useNatsParties } from '../fixtures/nats-parties.js';

describe('security: a command cannot aim its reply at state (NATS)', function () {
  this.timeout(30_000);
  const parties = useNatsParties('rpl');
  let prefix: string;
  let raw: NatsConnection;
  let client: Client;
  let log: CapturedLog;
  beforeEach(() => {
    ({ prefix, raw, client, log } = parties);
  });

  /**
   * A cancel refused by the worker, whose execution id is an encoded log event: its ExecutionStatus
   * reply, read as an EventBatch (field 1 of both), would be that event. Resolves with what was
   * published on `watched` while the worker handled it (nothing, when the reply was withheld).
   */
  async function forgedCancel(
    replyTo: string,
    watched: string,
    forgedEventOf: string,
    seq: number,
    ours = (_: Uint8Array) => false,
  ): Promise<number> {
    const batch = encodeEventBatch(forgedEventOf, [
      {
        seq,
        type: 'WORKFLOW_COMPLETED',
        sourceId: forgedEventOf,
        name: 'cmdAsks',
        valueJson: '"forged"',
        time: Date.now(),
      },
    ]);
    const event = firstField(batch);
    let published = 0;
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const spy = raw.subscribe(watched, {
      callback: (_, msg) => {
        if (!ours(msg.data)) {
          published++;
          arrived();
        }
      },
    });
    await raw.flush();
    const h = headers();
    h.set('Flux-Reply-To', replyTo);
    const command = encodeCancelCommand({
      workflow: 'cmdAsks',
      executionId: new TextDecoder().decode(event),
      rollback: false,
    });
    await jetstream(raw).publish(`${prefix}.cmd.cmdAsks.cancel`, command, { headers: h });
    // Either the worker says it withheld the answer, or the answer arrives where it must not.
    await Promise.race([log.next(/did not answer a command/), arrival]);
    await raw.flush();
    spy.unsubscribe();
    return published;
  }

  it("a reply aimed at a paused execution's event log forges no WORKFLOW_COMPLETED: it stays paused", async () => {
    const id = await client.start(asks, 'pay');
    const paused = await client.result(id, { timeoutMs: 10_000 });
    const published = await forgedCancel(
      `${prefix}.events.${id}`,
      `${prefix}.events.${id}`,
      id,
      paused.events.length + 1,
    );
    expect(published, 'messages published on the log').to.equal(0);
    const after = await client.inspect(id);
    expect(after.state).to.equal('paused');
    expect(after.events.length).to.equal(paused.events.length);
    expect((await client.resume(id, 'ok', { timeoutMs: 10_000 })).output).to.equal('pay:ok');
  });

  it('a reply aimed at the KV index does not break list for everyone', async () => {
    const id = await client.start(asks, 'listed');
    await client.result(id, { timeoutMs: 10_000 });
    const key = `$KV.${prefix}_executions.${id}`;
    // The worker's own index update for the pause may land meanwhile: a JSON record, not the reply.
    const published = await forgedCancel(key, key, id, 99, (data) => isJson(data));
    expect(published, 'messages published on the index').to.equal(0);
    const listed = await client.list();
    expect(listed.map((r) => [r.executionId, r.state])).to.deep.include([id, 'paused']);
  });

  it('an answer to a refused command carries no id it could not check', async () => {
    const inbox = `_INBOX.${prefix}`;
    const answer = new Promise<Uint8Array>((resolve) =>
      raw.subscribe(inbox, { max: 1, callback: (_, msg) => resolve(msg.data) }),
    );
    await raw.flush();
    const h = headers();
    h.set('Flux-Reply-To', inbox);
    const forged = new TextDecoder().decode(
      firstField(
        encodeEventBatch('x', [
          { seq: 1, type: 'WORKFLOW_COMPLETED', sourceId: 'x', name: 'cmdAsks', valueJson: '1', time: 0 },
        ]),
      ),
    );
    await jetstream(raw).publish(
      `${prefix}.cmd.cmdAsks.cancel`,
      encodeCancelCommand({ workflow: 'cmdAsks', executionId: forged, rollback: false }),
      { headers: h },
    );
    const { decodeExecutionStatus } = await import('../fixtures/raw-commands.js');
    const status = decodeExecutionStatus(await answer);
    expect(status.error?.code).to.equal('INVALID_NAME');
    expect(status.executionId).to.equal('');
  });
});

/** The bytes of a message's first length-delimited field: past its tag and its varint length. */
function firstField(bytes: Uint8Array): Uint8Array {
  let at = 1;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++]!;
    length |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
  }
  expect(at + length).to.equal(bytes.length);
  return bytes.subarray(at, at + length);
}

function isJson(data: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder().decode(data));
    return true;
  } catch {
    return false;
  }
}
