/**
 * Ids and names at the HTTP door: an execution id or workflow name outside the alphabet the runtime
 * accepts is refused with 400 INVALID_NAME before the backend sees it, whatever the route, and
 * nothing is stored. Paths are sent raw: `..` and `%2e%2e` reach the server as written.
 */
import { expect } from 'chai';
import { JSON_TYPE, rawRequest, startHttpServer, type TestHttpServer } from '../fixtures/http-server.js';

const BAD_IDS = [
  'a:b',
  'x'.repeat(5_000),
  '..',
  '%2e',
  '%2e%2e',
  'a%2Fb',
  'a%20b',
  '%3Cimg%20src%3Dx%3E',
  'a.b',
  '%00',
];

describe('flux server: ids and names outside the alphabet at the HTTP door', function () {
  this.timeout(20_000);
  let http: TestHttpServer;
  before(async () => (http = await startHttpServer()));
  after(() => http.close());

  const stored = async () => (await rawRequest(http.port, 'GET', '/executions')).body.executions.length as number;

  it('an execution id like a:b, 5,000 characters, .. or %2e is refused with 400 INVALID_NAME on every route', async () => {
    for (const id of BAD_IDS) {
      for (const [method, path] of [
        ['GET', `/executions/${id}`],
        ['GET', `/executions/${id}/stream`],
        ['GET', `/executions/${id}/picture`],
        ['POST', `/executions/${id}/resume`],
        ['POST', `/executions/${id}/cancel`],
      ] as const) {
        const answer = await rawRequest(http.port, method, path, JSON_TYPE, method === 'POST' ? '1' : undefined);
        expect(answer.status, `${method} ${path.slice(0, 60)}`).to.equal(400);
        expect(answer.body.error.code).to.equal('INVALID_NAME');
        expect(answer.body.error.message).to.contain('execution id');
      }
    }
  });

  it('a workflow name like a:b, .. or %2e starts nothing: 400 INVALID_NAME, and no execution is stored', async () => {
    const before = await stored();
    for (const name of [...BAD_IDS, '1abc', '-x']) {
      const answer = await rawRequest(http.port, 'POST', `/workflows/${name}/run?mode=async`, JSON_TYPE, '1');
      expect(answer.status, name.slice(0, 60)).to.equal(400);
      expect(answer.body.error).to.include({ code: 'INVALID_NAME' });
      expect(answer.body.error.message).to.contain('workflow name');
    }
    const filtered = await rawRequest(http.port, 'GET', '/executions?workflow=a%3Ab');
    expect(filtered.status).to.equal(400);
    expect(filtered.body.error.code).to.equal('INVALID_NAME');
    expect(await stored()).to.equal(before);
  });

  it('a well-formed id that does not exist is still a 404, and a good one is served', async () => {
    expect((await rawRequest(http.port, 'GET', '/executions/no-such_id-42')).body.error.code).to.equal(
      'EXECUTION_NOT_FOUND',
    );
    const started = await rawRequest(http.port, 'POST', '/workflows/expenseApproval/run?mode=sync', JSON_TYPE, '2');
    expect((await rawRequest(http.port, 'GET', `/executions/${started.body.executionId}`)).body.state).to.equal(
      'paused',
    );
  });
});
