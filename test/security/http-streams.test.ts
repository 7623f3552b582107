/**
 * Event streams cannot take `flux server` down: an idle stream reads nothing while nothing happens
 * (100 streams on a paused execution of 2,000 events once took a full core and made /health answer
 * in 22 s, each re-reading the whole log ten times a second), and a server holds at most
 * `maxStreams` of them. The cost is counted in store reads, not in milliseconds.
 */
import { expect } from 'chai';
import { get, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRuntime, pause, task, workflow, type ExecutionContext } from '../../runtime/index.js';
import { SqliteStore } from '../../runtime/stores/sqlite-store.js';
import type { StoredEvent } from '../../runtime/engine/events.js';
import type { AnyTask, LoadedModules } from '../../control/modules.js';
import { JSON_TYPE, rawRequest, startHttpServer, type TestHttpServer } from '../fixtures/http-server.js';

const streamStep = task(async function streamStep(i: number) {
  return i;
});

/** `input` task calls (two events each), then a pause. */
const longThenPaused = workflow(async function longThenPaused(ctx: ExecutionContext<number>) {
  let sum = 0;
  for (let i = 0; i < ctx.input; i++) sum += await streamStep(i);
  const approval = await pause<string>('hold', sum);
  return `${approval}:${sum}`;
});

const MODULES: LoadedModules = {
  workflows: new Map([[longThenPaused.name, longThenPaused]]),
  allWorkflows: [longThenPaused],
  tasks: new Map<string, AnyTask>([[streamStep.taskName, streamStep]]),
  graphs: new Map(),
};

/** Counts what the SQLite store reads (calls, and events returned), by wrapping its read methods. */
function countStoreReads(): { calls: number; events: number; wholeLogs: number; restore(): void } {
  const proto = SqliteStore.prototype as unknown as Record<string, (...args: unknown[]) => Promise<StoredEvent[]>>;
  const counts = { calls: 0, events: 0, wholeLogs: 0, restore: (): void => undefined };
  const originals: [string, (...args: unknown[]) => Promise<StoredEvent[]>][] = [];
  for (const name of ['load', 'loadAfter']) {
    const original = proto[name];
    if (!original) continue; // a store without it (before the fix) reads only whole logs
    originals.push([name, original]);
    proto[name] = async function (this: unknown, ...args: unknown[]) {
      const events = await original.apply(this, args);
      counts.calls++;
      counts.events += events.length;
      if (name === 'load') counts.wholeLogs++;
      return events;
    };
  }
  counts.restore = () =>
    originals.forEach(([name, original]) => {
      proto[name] = original;
    });
  return counts;
}

/** An open event stream, read as text. */
function openStream(
  port: number,
  path: string,
): { request: ClientRequest; text: () => string; status: Promise<number> } {
  let text = '';
  let request!: ClientRequest;
  const status = new Promise<number>((resolve, reject) => {
    request = get({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      resolve(res.statusCode!);
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
    });
    request.on('error', (error) => ((error as { code?: string }).code === 'ECONNRESET' ? undefined : reject(error)));
  });
  return { request, text: () => text, status };
}

/**
 * Waits until `done()` holds, checking at each turn of a short timer; fails with `what` after `patience` checks.
 * Real time on purpose: what it waits for is a real HTTP server's streams, and their looks at the store.
 */
async function until(done: () => boolean | Promise<boolean>, what: string, patience = 1_000): Promise<void> {
  for (let checks = 0; !(await done()); checks++) {
    if (checks > patience) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('flux server: event streams cost nothing while idle, and are capped', function () {
  this.timeout(60_000);
  let http: TestHttpServer;
  let pausedId: string;
  before(async () => {
    http = await startHttpServer({}, MODULES);
    const paused = await rawRequest(http.port, 'POST', '/workflows/longThenPaused/run?mode=sync', JSON_TYPE, '1000');
    expect(paused.body.state).to.equal('paused');
    pausedId = paused.body.executionId;
  });
  after(() => http.close());

  it('100 idle streams on a paused execution of 2,000 events read no event while nothing happens, and /health answers', async () => {
    const streams: ReturnType<typeof openStream>[] = [];
    const open = async (count: number) => {
      const opened = Array.from({ length: count }, () => openStream(http.port, `/executions/${pausedId}/stream`));
      streams.push(...opened);
      expect(await Promise.all(opened.map((s) => s.status))).to.deep.equal(opened.map(() => 200));
      await until(() => streams.every((s) => s.text().includes('"WORKFLOW_PAUSED"')), 'every stream has the whole log');
    };
    /** What the store reads while `streams` watch an execution where nothing happens: five looks each. */
    const idleReads = async () => {
      const reads = countStoreReads();
      try {
        await until(
          () => reads.calls >= 5 * streams.length,
          `${5 * streams.length} looks at the store (${reads.calls} so far)`,
          5_000,
        );
        return { wholeLogs: reads.wholeLogs, events: reads.events };
      } finally {
        reads.restore();
      }
    };
    try {
      await open(10);
      expect(await idleReads(), '10 streams').to.deep.equal({ wholeLogs: 0, events: 0 });
      await open(90);
      expect(await idleReads(), '100 streams').to.deep.equal({ wholeLogs: 0, events: 0 });
      const health = await rawRequest(http.port, 'GET', '/health');
      expect(health.status).to.equal(200);
      expect(health.body).to.include({ status: 'ok', streams: 100 });
      // The default cap: the 101st is refused.
      const beyond = await rawRequest(http.port, 'GET', `/executions/${pausedId}/stream`);
      expect(beyond.status).to.equal(503);
      expect(beyond.body.error.code).to.equal('TOO_MANY_STREAMS');
    } finally {
      streams.forEach((s) => {
        s.request.destroy();
      });
    }
  });

  it('a stream on an idle execution gets what another process appends to the shared file, each event once and in order', async () => {
    const stream = openStream(http.port, `/executions/${pausedId}/stream`);
    const elsewhere = await createRuntime({ store: { sqlite: http.databasePath } }); // another writer of the same file
    try {
      await until(() => stream.text().includes('"WORKFLOW_PAUSED"'), 'the stream has the log');
      const done = await elsewhere.resume(pausedId, 'ok', longThenPaused);
      expect(done.output).to.equal('ok:499500');
      await until(() => stream.text().includes('"WORKFLOW_COMPLETED"'), 'the stream has the resumed run');
      const ids = [...stream.text().matchAll(/"id":"[^"]*:(\d+)"/g)].map((m) => Number(m[1]));
      expect(ids).to.deep.equal(Array.from({ length: done.events.length }, (_, i) => i + 1));
    } finally {
      stream.request.destroy();
      await elsewhere.close();
    }
  });

  it('beyond maxStreams a stream is refused with 503 TOO_MANY_STREAMS and a streamed run starts nothing; a closed one frees its place', async () => {
    const small = await startHttpServer({ maxStreams: 3 }, MODULES);
    const port = (small.server.address() as AddressInfo).port;
    const started = await rawRequest(port, 'POST', '/workflows/longThenPaused/run?mode=sync', JSON_TYPE, '1');
    const streams = Array.from({ length: 3 }, () => openStream(port, `/executions/${started.body.executionId}/stream`));
    try {
      expect(await Promise.all(streams.map((s) => s.status))).to.deep.equal([200, 200, 200]);
      const refused = await rawRequest(port, 'GET', `/executions/${started.body.executionId}/stream`);
      expect(refused.status).to.equal(503);
      expect(refused.body.error).to.include({ code: 'TOO_MANY_STREAMS' });
      const before = (await rawRequest(port, 'GET', '/executions')).body.executions.length;
      const run = await rawRequest(port, 'POST', '/workflows/longThenPaused/run?mode=stream', JSON_TYPE, '1');
      expect(run.status).to.equal(503);
      expect((await rawRequest(port, 'GET', '/executions')).body.executions.length).to.equal(before);

      streams.pop()!.request.destroy();
      await until(
        async () => (await rawRequest(port, 'GET', '/health')).body.streams === 2,
        'the server sees the stream closed',
      );
      const again = openStream(port, `/executions/${started.body.executionId}/stream`);
      streams.push(again);
      expect(await again.status).to.equal(200);
    } finally {
      streams.forEach((s) => {
        s.request.destroy();
      });
      await small.close();
    }
  });
});
