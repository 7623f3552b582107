/** GET /executions/{id}/graph: the workflow's own Graph with the path an execution took through it. */
import { expect } from 'chai';
import { join } from 'node:path';
import { loadModules } from '../../control/modules.js';
import { JSON_TYPE, rawRequest, startHttpServer, type TestHttpServer } from '../fixtures/http-server.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

describe('HTTP API: the Graph picture of an execution', function () {
  this.timeout(30_000);
  let server: TestHttpServer;

  before(async () => {
    server = await startHttpServer(
      {},
      await loadModules([join(EXAMPLES, 'graph.ts'), join(EXAMPLES, 'pause-with-input.ts')]),
    );
  });
  after(() => server.close());

  const run = async (workflow: string, input: unknown) =>
    (await rawRequest(server.port, 'POST', `/workflows/${workflow}/run?mode=sync`, JSON_TYPE, JSON.stringify(input)))
      .body as {
      executionId: string;
      state: string;
    };

  it('fills the nodes the execution ran and draws the edges it took; the branch not taken stays plain', async () => {
    const approved = await run('graphWorkflow', { id: 'A-1', amount: 250 });
    expect(approved.state).to.equal('succeeded');
    const dot = await rawRequest(server.port, 'GET', `/executions/${approved.executionId}/graph?format=dot`);
    expect(dot.status).to.equal(200);
    const text = String(dot.body);
    expect(text).to.match(/"approve" \[style="rounded,filled"/);
    expect(text).to.match(/"reject";/);
    expect(text).to.match(/"validate" -> "approve" \[[^\]]*penwidth=2/);
    expect(text).to.not.match(/"validate" -> "reject" \[[^\]]*penwidth=2/);
    const svg = await rawRequest(server.port, 'GET', `/executions/${approved.executionId}/graph`);
    expect([svg.status, String(svg.body).includes('<svg')]).to.deep.equal([200, true]);

    const rejected = await run('graphWorkflow', { id: 'A-2', amount: -5 });
    const other = String(
      (await rawRequest(server.port, 'GET', `/executions/${rejected.executionId}/graph?format=dot`)).body,
    );
    expect(other).to.match(/"reject" \[style="rounded,filled"/);
    expect(other).to.match(/"approve";/);
  });

  it('answers 404 for an execution no loaded Graph runs', async () => {
    const paused = await run('expenseApproval', 40);
    const none = await rawRequest(server.port, 'GET', `/executions/${paused.executionId}/graph`);
    expect([none.status, none.body.error?.code]).to.deep.equal([404, 'NOT_FOUND']);
  });
});
