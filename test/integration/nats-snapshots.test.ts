import { expect } from 'chai';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createRuntime, workflow, task, pause, type ExecutionContext, type Runtime } from 'flux-actors';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';

let stepRuns = 0;
const snapStep = task(async function snapStep(i: number) {
  stepRuns++;
  return i + 1;
});
const longPause = workflow(async function snapLongPause(ctx: ExecutionContext<number>) {
  let total = 0;
  for (let i = 0; i < ctx.input; i++) total += await snapStep(i);
  const extra = await pause<number>('more');
  return total + extra;
});

/**
 * The snapshot's text once written (it is written after the commit that asks for it), or after `after` changes.
 * Real time on purpose: the store writes it a while after the commit, on the system clock, to a real nats-server.
 */
async function snapshotText(url: string, prefix: string, executionId: string, after?: string): Promise<string> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    for (
      const deadline = Date.now() + 10_000;
      Date.now() < deadline;
      await new Promise((resolve) => setTimeout(resolve, 20))
    ) {
      const message = await jsm.direct.getMessage(`${prefix.toUpperCase()}_SNAPSHOTS`, {
        last_by_subj: `${prefix}.snapshots.${executionId}`,
      });
      const text = message && inflateRawSync(message.data).toString('utf8');
      if (text && text !== after) return text;
    }
    throw new Error(`no new snapshot of ${executionId}`);
  } finally {
    await nc.close();
  }
}

describe('log snapshots on NATS: a worker that never saw a long log loads it whole', function () {
  this.timeout(60_000);
  const prefix = `snap${process.pid}`;
  let dir: string;
  let url: string;
  const runtimes: Runtime[] = [];
  const open = async () => {
    const runtime = await createRuntime({ nats: { servers: url, prefix, secretKeyFile: join(dir, 'secret.key') } });
    runtimes.push(runtime);
    return runtime;
  };

  before(async () => {
    url = (await sharedNatsServer()).url;
    dir = tempDir();
  });
  after(async () => {
    for (const runtime of runtimes) await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one when a long execution pauses, and another runtime resumes from it running no step again', async () => {
    const first = await open();
    const paused = await longPause.run(600, { runtime: first });
    expect(paused.isPaused).to.equal(true);
    const atPause = await snapshotText(url, prefix, paused.executionId);
    expect(atPause.split('\n')[0]).to.match(new RegExp(`^flux-log-snapshot 1 \\d+ ${paused.events.length}$`));
    expect(paused.events.length).to.be.above(1200);

    const before = stepRuns;
    const done = await longPause.resume(paused.executionId, 5, { runtime: await open() });
    expect(stepRuns).to.equal(before);
    expect(done.output).to.equal((600 * 601) / 2 + 5);
    expect(done.events.slice(0, paused.events.length)).to.deep.equal(paused.events);

    // The end wrote a snapshot too, and a loader reads that, not the stream: one whose recorded
    // output was altered shows the altered output to a runtime that never saw the log.
    const lines = (await snapshotText(url, prefix, paused.executionId, atPause)).split('\n');
    expect(lines.at(-1)).to.match(/\tWORKFLOW_COMPLETED\t/);
    lines[lines.length - 1] = lines.at(-1)!.replace(/\t[^\t]*$/, '\t-1');
    const nc = await connect({ servers: url });
    await jetstream(nc).publish(`${prefix}.snapshots.${paused.executionId}`, deflateRawSync(lines.join('\n')));
    await nc.close();
    expect((await (await open()).inspect(paused.executionId)).output).to.equal(-1);
  });

  it('falls back to the events stream when the snapshot is unreadable', async () => {
    const paused = await longPause.run(550, { runtime: await open() });
    await snapshotText(url, prefix, paused.executionId); // written: the garbage below replaces it
    const nc = await connect({ servers: url });
    await jetstream(nc).publish(`${prefix}.snapshots.${paused.executionId}`, 'flux-log-snapshot 1 999999 3\ngarbage');
    await nc.close();
    const before = stepRuns;
    const done = await longPause.resume(paused.executionId, 1, { runtime: await open() });
    expect(stepRuns).to.equal(before);
    expect(done.output).to.equal((550 * 551) / 2 + 1);
  });
});
