import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { workflow, task, pause, createRuntime, ExecutionConflictError, type ExecutionContext } from 'flux-actors';
import { SqliteStore } from '../../runtime/stores/sqlite-store.js';
import type { StoredEvent } from '../../runtime/engine/events.js';
import { tempDir } from '../fixtures/runtimes.js';

const event = (seq: number, type: StoredEvent['type'] = 'TASK_STARTED'): StoredEvent => ({
  seq,
  type,
  sourceId: 's',
  name: 'n',
  valueJson: JSON.stringify(seq),
  time: Date.now(),
});

describe('the SQLite store', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits each execution of a batch on its own: a conflict in one costs no other its events', async () => {
    const store = new SqliteStore(join(dir, 'flux.db'));
    const first = store.writer('a');
    first.append(event(1));
    await first.commit();
    const second = store.writer('a'); // another driver of 'a' that did not see seq 1
    second.append(event(1));
    second.append(event(2));
    const b = store.writer('b');
    b.append(event(1));
    b.append(event(2));
    const [a, bb] = await Promise.allSettled([second.commit(), b.commit()]);
    expect(a.status).to.equal('rejected');
    expect((a as PromiseRejectedResult).reason).to.be.instanceOf(ExecutionConflictError);
    expect(bb.status).to.equal('fulfilled');
    expect((await store.load('a')).map((e) => e.seq)).to.deep.equal([1]);
    expect((await store.load('b')).map((e) => e.valueJson)).to.deep.equal(['1', '2']);
    await store.close();
  });

  it('poisons a writer whose batch failed even when nobody waited: no later event lands after the gap', async () => {
    const store = new SqliteStore(join(dir, 'flux.db'));
    const first = store.writer('a');
    first.append(event(1));
    await first.commit();
    const late = store.writer('a');
    late.append(event(1)); // conflicts; nobody awaits this batch
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(late.failure).to.be.instanceOf(ExecutionConflictError);
    late.append(event(2));
    late.append(event(3));
    const error = await late.commit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ExecutionConflictError);
    expect((await store.load('a')).map((e) => e.seq)).to.deep.equal([1]);
    await store.close();
  });

  it('lets only one of two runtimes resume the same paused execution', async () => {
    const dbPath = join(dir, 'flux.db');
    let runs = 0;
    const step = task(async function conflictStep(value: string) {
      runs++;
      return value;
    });
    const flow = workflow(async function conflictFlow(ctx: ExecutionContext<string>) {
      const value = await pause<string>('p');
      return await step(`${ctx.input}:${value}`);
    });
    const first = await createRuntime({ store: { sqlite: dbPath } });
    const second = await createRuntime({ store: { sqlite: dbPath } });
    const paused = await flow.run('x', { runtime: first });
    const results = await Promise.allSettled([
      flow.resume(paused.executionId, 'one', { runtime: first }),
      flow.resume(paused.executionId, 'two', { runtime: second }),
    ]);
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(rejected).to.have.length(1);
    expect(rejected[0]!.reason).to.include({ code: 'EXECUTION_CONFLICT', executionId: paused.executionId });
    const final = await first.inspect(paused.executionId);
    expect(final.state).to.equal('succeeded');
    expect(final.events.filter((e) => e.type === 'WORKFLOW_RESUMED')).to.have.length(1);
    expect(final.events.map((e) => e.id)).to.deep.equal(final.events.map((_, i) => `${paused.executionId}:${i + 1}`));
    expect(runs).to.equal(1); // the loser found out before running any task
    const resumedWith = final.events.find((e) => e.type === 'WORKFLOW_RESUMED')!.value;
    expect(final.output).to.equal(`x:${resumedWith as string}`);
    await first.close();
    await second.close();
  });

  it('refuses a database written by a newer schema', async () => {
    const dbPath = join(dir, 'flux.db');
    const store = new SqliteStore(dbPath);
    await store.close();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(dbPath);
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteStore(dbPath)).to.throw(/newer flux-actors \(schema 99\)/);
  });

  it('opens a file of schema 1 (before leases): keeps its executions, and recovers one left running', async () => {
    const dbPath = join(dir, 'flux.db');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(dbPath);
    db.exec(`
      CREATE TABLE events (execution_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, source_id TEXT NOT NULL, name TEXT NOT NULL,
        value TEXT, time INTEGER NOT NULL, quick INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (execution_id, seq)) WITHOUT ROWID;
      CREATE TABLE executions (id TEXT PRIMARY KEY, workflow TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) WITHOUT ROWID;
      CREATE INDEX executions_by_state ON executions (state, workflow);
      CREATE TABLE task_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, written_at INTEGER NOT NULL) WITHOUT ROWID;
      PRAGMA user_version = 1;
    `);
    const at = new Date(0).toISOString();
    db.prepare('INSERT INTO events VALUES (?, 1, ?, ?, ?, ?, 0, 0)').run(
      'old-run',
      'WORKFLOW_STARTED',
      'old-run',
      'schemaOneFlow',
      '20',
    );
    db.prepare('INSERT INTO executions VALUES (?, ?, ?, ?, ?)').run('old-run', 'schemaOneFlow', 'running', at, at);
    db.close();
    const half = task(async function schemaOneHalf(x: number) {
      return x / 2;
    });
    const flow = workflow(async function schemaOneFlow(ctx: ExecutionContext<number>) {
      return await half(ctx.input);
    });
    const runtime = await createRuntime({ store: { sqlite: dbPath } });
    try {
      const report = await runtime.recover();
      expect(report.recovered.map((h) => h.executionId)).to.deep.equal(['old-run']);
      const done = await report.recovered[0]!.result();
      expect(done.output).to.equal(10);
      expect((await runtime.list({ workflow: flow.name })).map((r) => r.state)).to.deep.equal(['succeeded']);
    } finally {
      await runtime.close();
    }
  });
});
