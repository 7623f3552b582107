/**
 * The HTTP API of `flux server`, over the embedded runtime (real SQLite) and over NATS (a real
 * nats-server, a worker hosting the workflows; the server only a client).
 */
import { expect } from 'chai';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Backend } from '../../control/backend.js';
import { embeddedBackend } from '../../control/embedded-backend.js';
import { loadModules } from '../../control/modules.js';
import { natsBackend } from '../../control/nats-backend.js';
import { createFluxServer } from '../../http/server.js';
import { startWorker, type Worker } from '../../runtime/index.js';
import { expenseApproval } from '../../examples/pause-with-input.js';
import { sharedNatsServer, tempDir } from '../fixtures/runtimes.js';
import { until } from '../fixtures/wait-for.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const APPROVAL = join(import.meta.dirname, '..', '..', 'examples', 'pause-with-input.ts');

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: parsed JSON of any shape, which each test reads into as it asserts
  body: any;
}

const kinds: { kind: string; open(): Promise<{ backend: Backend; dispose(): Promise<void> }> }[] = [
  {
    kind: 'embedded',
    async open() {
      const backend = await embeddedBackend(await loadModules([APPROVAL]), join(tempDir('flux-http-'), 'flux.db'));
      return { backend, dispose: () => backend.close() };
    },
  },
  {
    kind: 'nats',
    async open() {
      const url = (await sharedNatsServer()).url;
      const prefix = `http${process.pid}_${Date.now().toString(36)}`;
      const worker: Worker = await startWorker({
        nats: { servers: url, prefix, secretKeyFile: join(tempDir(), 'secret.key') },
        workflows: [expenseApproval],
      });
      const backend = await natsBackend({ url, prefix });
      return {
        backend,
        dispose: async () => {
          await backend.close();
          await worker.stop();
        },
      };
    },
  },
];

for (const { kind, open } of kinds) {
  describe(`HTTP API (${kind})`, function () {
    this.timeout(30_000);
    let server: Server;
    let base: string;
    let dispose: () => Promise<void>;

    before(async () => {
      const opened = await open();
      dispose = opened.dispose;
      server = createFluxServer({ backend: opened.backend, bodyLimitBytes: 64 * 1024 });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    after(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await dispose();
    });

    const call = async (method: string, path: string, body?: string): Promise<Answer> => {
      // Every POST declares JSON, also without a body (a cancel): the server refuses one that does not.
      const response = await fetch(`${base}${path}`, {
        method,
        body,
        ...((method === 'POST' || method === 'PATCH') && { headers: JSON_TYPE }),
      });
      const text = await response.text();
      return {
        status: response.status,
        body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
      };
    };

    it('health and workflows', async () => {
      expect((await call('GET', '/health')).body.status).to.equal('ok');
      const ready = await call('GET', '/ready');
      expect([ready.status, ready.body.status]).to.deep.equal([200, 'ok']);
      expect((await call('GET', '/workflows')).body.workflows).to.include('expenseApproval');
    });

    it('runs sync to a pause, resumes with a value, and reads the execution back', async () => {
      const paused = await call('POST', '/workflows/expenseApproval/run?mode=sync', '120');
      expect(paused.status).to.equal(200);
      expect(paused.body).to.include({ state: 'paused', input: 120 });
      const id = paused.body.executionId as string;
      const done = await call('POST', `/executions/${id}/resume`, '{"approved":true,"reviewer":"ada"}');
      expect(done.status).to.equal(200);
      expect(done.body).to.include({ state: 'succeeded', output: 'paid 120, approved by ada' });
      const read = await call('GET', `/executions/${id}?events=true`);
      expect(read.body.events.map((e: { type: string }) => e.type)).to.include('WORKFLOW_COMPLETED');
      expect((await call('GET', `/executions/${id}`)).body).to.not.have.property('events');
      const listed = await call('GET', '/executions?state=succeeded&workflow=expenseApproval');
      expect(listed.body.executions.map((r: { executionId: string }) => r.executionId)).to.include(id);
    });

    it('makes, reads, changes, triggers, pauses and deletes schedules; refuses bad ones', async () => {
      const id = `approvals-${kind}`;
      const made = await call(
        'POST',
        '/schedules',
        JSON.stringify({ workflow: 'expenseApproval', id, every: '1d', input: 5 }),
      );
      expect(made.status, JSON.stringify(made.body)).to.equal(201);
      expect(made.body).to.include({ id, workflow: 'expenseApproval', every: 86_400_000, paused: false, input: 5 });
      expect((await call('GET', '/schedules')).body.schedules.map((x: { id: string }) => x.id)).to.include(id);
      const changed = await call('PATCH', `/schedules/${id}`, JSON.stringify({ input: 7 }));
      expect(changed.body.input).to.equal(7);
      expect((await call('POST', `/schedules/${id}/pause`)).body.paused).to.equal(true);
      expect((await call('POST', `/schedules/${id}/resume`)).body.paused).to.equal(false);
      const triggered = await call('POST', `/schedules/${id}/trigger`);
      expect(triggered.status).to.equal(202);
      expect(triggered.body.executionId).to.match(new RegExp(`^${id}-\\d{8}T\\d{6,9}Z$`));
      const twice = await call('POST', '/schedules', JSON.stringify({ workflow: 'expenseApproval', id, every: '1d' }));
      expect([twice.status, twice.body.error.code]).to.deep.equal([409, 'SCHEDULE_CONFLICT']);
      const badCron = await call('POST', '/schedules', JSON.stringify({ workflow: 'expenseApproval', cron: 'nope' }));
      expect([badCron.status, badCron.body.error.code]).to.deep.equal([400, 'INVALID_SCHEDULE']);
      const unknownField = await call(
        'POST',
        '/schedules',
        JSON.stringify({ workflow: 'expenseApproval', every: '1h', command: 'rm' }),
      );
      expect([unknownField.status, unknownField.body.error.code]).to.deep.equal([400, 'BAD_ARGUMENT']);
      const badId = await call('GET', '/schedules/a..b');
      expect(badId.status).to.equal(400);
      expect((await call('DELETE', `/schedules/${id}`)).status).to.equal(204);
      const gone = await call('GET', `/schedules/${id}`);
      expect([gone.status, gone.body.error.code]).to.deep.equal([404, 'SCHEDULE_NOT_FOUND']);
    });

    it('resumes one of several pauses by name (?pause=), and refuses a resume that names none', async () => {
      const paused = await call('POST', '/workflows/expenseApproval/run?mode=sync', '9');
      const id = paused.body.executionId as string;
      const wrong = await call('POST', `/executions/${id}/resume?pause=nope`, '{"approved":true,"reviewer":"x"}');
      expect([wrong.status, wrong.body.error.code]).to.deep.equal([409, 'PAUSE_NOT_PENDING']);
      const done = await call(
        'POST',
        `/executions/${id}/resume?pause=manager_approval`,
        '{"approved":true,"reviewer":"x"}',
      );
      expect(done.body.state).to.equal('succeeded');
    });

    it('starts once per id (?id= or Idempotency-Key): the same input is the same start, another is refused', async () => {
      const id = `order-${kind}-${Date.now().toString(36)}`;
      const first = await call('POST', `/workflows/expenseApproval/run?mode=async&id=${id}`, '5');
      expect([first.status, first.body.executionId]).to.deep.equal([202, id]);
      const again = await call('POST', `/workflows/expenseApproval/run?mode=sync&id=${id}`, '5');
      expect(again.status).to.equal(200);
      expect(again.body).to.include({ executionId: id, input: 5 });
      const response = await fetch(`${base}/workflows/expenseApproval/run?mode=async`, {
        method: 'POST',
        body: '6',
        headers: { ...JSON_TYPE, 'idempotency-key': id },
      });
      const other = (await response.json()) as { error: { code: string; message: string } };
      expect([response.status, other.error.code]).to.deep.equal([409, 'EXECUTION_EXISTS']);
      expect(other.error.message).to.contain(id);
      const bad = await call('POST', '/workflows/expenseApproval/run?mode=async&id=a.b', '5');
      expect(bad.status).to.equal(400);
      // ?idReuse=allowIfFinished: refused while it waits, a new run once it has finished.
      const early = await call(
        'POST',
        `/workflows/expenseApproval/run?mode=async&id=${id}&idReuse=allowIfFinished`,
        '6',
      );
      expect([early.status, early.body.error?.code]).to.deep.equal([409, 'EXECUTION_EXISTS']);
      await call('POST', `/executions/${id}/resume`, '{"approved":false,"reviewer":"ada"}');
      const rerun = await call(
        'POST',
        `/workflows/expenseApproval/run?mode=sync&id=${id}&idReuse=allowIfFinished`,
        '6',
      );
      expect(rerun.status).to.equal(200);
      expect(rerun.body).to.include({ executionId: id, input: 6, state: 'paused' });
      const unknownPolicy = await call(
        'POST',
        `/workflows/expenseApproval/run?mode=async&id=${id}&idReuse=always`,
        '6',
      );
      expect([unknownPolicy.status, unknownPolicy.body.error?.code]).to.deep.equal([400, 'BAD_ARGUMENT']);
    });

    it('retries a failed execution and forks it from a step; refuses what does not apply', async () => {
      const paused = await call('POST', '/workflows/expenseApproval/run?mode=sync', '75');
      const id = paused.body.executionId as string;
      // A resume value the code cannot take: processDecision fails, and the execution with it.
      const failed = await call('POST', `/executions/${id}/resume`, 'null');
      expect(failed.body.state).to.equal('failed');
      const retried = await call('POST', `/executions/${id}/retry`);
      expect(retried.status).to.equal(200);
      expect(retried.body.state).to.equal('failed'); // the same code fails the same way, once more
      const types = (await call('GET', `/executions/${id}?events=true`)).body.events.map(
        (e: { type: string; name: string }) => `${e.type} ${e.name}`,
      );
      expect(types).to.include('WORKFLOW_RETRIED expenseApproval');
      expect(types.filter((t: string) => t === 'TASK_STARTED requestApproval')).to.have.length(1);
      expect(types.filter((t: string) => t === 'TASK_STARTED processDecision')).to.have.length(2);
      expect((await call('POST', `/executions/${id}/retry`)).status).to.equal(200);
      // Forked from the pause (step 2): the fork waits for its approval again, its first step kept.
      const fork = await call('POST', `/executions/${id}/fork?from=2&id=${id}-again`);
      expect(fork.status).to.equal(202);
      expect(fork.body).to.include({ executionId: `${id}-again`, forkedFrom: id });
      await until(async () => (await call('GET', `/executions/${id}-again`)).body.state === 'paused' || undefined);
      const done = await call('POST', `/executions/${id}-again/resume`, '{"approved":true,"reviewer":"ada"}');
      expect(done.body).to.include({ state: 'succeeded', output: 'paid 75, approved by ada' });
      const missing = await call('POST', `/executions/${id}/fork?from=ship`);
      expect(missing.status).to.equal(400);
      expect(missing.body.error.code).to.equal('FORK_STEP_NOT_FOUND');
      expect((await call('POST', `/executions/${id}/fork`)).body.error.code).to.equal('BAD_ARGUMENT');
      const notFailed = await call('POST', `/executions/${id}-again/retry`);
      expect(notFailed.status).to.equal(409);
      expect(notFailed.body.error.code).to.equal('INVALID_EXECUTION_STATE');
    });

    it('DELETE /executions/{id}: 204 for a finished one, 409 for a paused one, 404 once gone', async () => {
      const paused = await call('POST', '/workflows/expenseApproval/run?mode=sync', '12');
      const id = paused.body.executionId as string;
      const refused = await call('DELETE', `/executions/${id}`);
      expect([refused.status, refused.body.error?.code]).to.deep.equal([409, 'INVALID_EXECUTION_STATE']);
      expect((await call('GET', `/executions/${id}`)).body.state).to.equal('paused');
      await call('POST', `/executions/${id}/cancel`);
      const deleted = await call('DELETE', `/executions/${id}`);
      expect(deleted.status).to.equal(204);
      const gone = await call('GET', `/executions/${id}`);
      expect([gone.status, gone.body.error?.code]).to.deep.equal([404, 'EXECUTION_NOT_FOUND']);
      expect((await call('DELETE', `/executions/${id}`)).status).to.equal(404);
      expect(
        (await call('GET', '/executions')).body.executions.map((e: { executionId: string }) => e.executionId),
      ).to.not.include(id);
    });

    it('runs async (202 and the id at once) and cancels', async () => {
      const started = await call('POST', '/workflows/expenseApproval/run?mode=async', '3');
      expect(started.status).to.equal(202);
      const id = started.body.executionId as string;
      const cancelled = await call('POST', `/executions/${id}/cancel`);
      expect(cancelled.status).to.equal(200);
      expect(cancelled.body.state).to.equal('cancelled');
    });

    it('streams the events of a run as Server-Sent Events, ending with the execution', async () => {
      const response = await fetch(`${base}/workflows/expenseApproval/run?mode=stream`, {
        method: 'POST',
        body: '8',
        headers: JSON_TYPE,
      });
      expect(response.headers.get('content-type')).to.contain('text/event-stream');
      const text = await response.text();
      const names = [...text.matchAll(/^event: (\S+)$/gm)].map((m) => m[1]);
      expect(names[0]).to.equal('WORKFLOW_STARTED');
      expect(names).to.include.members(['TASK_STARTED', 'TASK_COMPLETED', 'WORKFLOW_PAUSED']);
      expect(names.at(-1)).to.equal('end');
      expect(new Set(names.filter((n) => n === 'WORKFLOW_STARTED')).size).to.equal(1);
      const end = JSON.parse(text.trim().split('\n').at(-1)!.slice('data: '.length));
      expect(end.state).to.equal('paused');
    });

    it('ends every stream, also with many at once (a read of the log may lag behind the events heard)', async () => {
      const texts = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          fetch(`${base}/workflows/expenseApproval/run?mode=stream`, {
            method: 'POST',
            body: String(i),
            headers: JSON_TYPE,
          }).then((r) => r.text()),
        ),
      );
      for (const text of texts) {
        expect(text).to.match(/^event: WORKFLOW_PAUSED$/m);
        expect(text).to.match(/^event: end$/m);
      }
    });

    it('draws an execution and a machine', async () => {
      const { body } = await call('POST', '/workflows/expenseApproval/run?mode=sync', '11');
      const svg = await call('GET', `/executions/${body.executionId}/picture?format=svg`);
      expect(svg.status).to.equal(200);
      expect(svg.body).to.match(/<svg/).and.contain('paused');
      const mermaid = await call('GET', '/machines/task-executor/picture?format=mermaid');
      expect(mermaid.body).to.contain('stateDiagram-v2');
    });

    it('answers errors as { error: { code, message } } with the right status, and changes nothing', async () => {
      const before = (await call('GET', '/executions')).body.executions.length;
      const badJson = await call('POST', '/workflows/expenseApproval/run', '{oops');
      expect(badJson.status).to.equal(400);
      expect(badJson.body.error.code).to.equal('BAD_JSON');
      const unknownWorkflow = await call('POST', '/workflows/noSuch/run', '1');
      expect(unknownWorkflow.status).to.equal(404);
      expect(unknownWorkflow.body.error).to.include({ code: 'WORKFLOW_NOT_FOUND' });
      const unknownExecution = await call('GET', '/executions/no-such-id');
      expect(unknownExecution.status).to.equal(404);
      expect(unknownExecution.body.error.code).to.equal('EXECUTION_NOT_FOUND');
      const tooBig = await call('POST', '/workflows/expenseApproval/run', JSON.stringify('x'.repeat(100 * 1024)));
      expect(tooBig.status).to.equal(413);
      expect(tooBig.body.error.code).to.equal('PAYLOAD_TOO_LARGE');
      expect((await call('GET', '/executions')).body.executions.length).to.equal(before);

      const { body } = await call('POST', '/workflows/expenseApproval/run?mode=sync', '1');
      await call('POST', `/executions/${body.executionId}/resume`, '{"approved":false,"reviewer":"x"}');
      const finished = await call('POST', `/executions/${body.executionId}/resume`, '1');
      expect(finished.status).to.equal(409);
      expect(finished.body.error.code).to.equal('INVALID_EXECUTION_STATE');
      expect((await call('GET', '/nowhere')).status).to.equal(404);
      const wrongMethod = await fetch(`${base}/health`, { method: 'DELETE' });
      expect(wrongMethod.status).to.equal(405);
      expect(wrongMethod.headers.get('allow')).to.equal('GET');
      expect((await call('POST', '/workflows/%E0/run', '1')).status).to.equal(400);
      expect((await call('GET', '/executions?state=sleeping')).status).to.equal(400);
    });

    it('serves the web page and its assets from this server', async () => {
      const page = await call('GET', '/');
      expect(page.status).to.equal(200);
      expect(page.body).to.contain('<script src="/assets/app.js">');
      expect((await call('GET', '/assets/app.js')).status).to.equal(200);
      expect(page.body).to.not.match(/https?:\/\//); // nothing from a CDN
    });
  });
}
