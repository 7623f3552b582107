/**
 * Who may drive `flux server`: a page on another origin may not (no form or `no-cors` request gets
 * through, no Origin but the server's own, no other site per Fetch Metadata), a name the server was
 * not told to serve is refused (DNS rebinding), and with a token nobody without it gets anything
 * but the page. The server is the real one over the embedded runtime (real SQLite).
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createFluxServer } from '../../http/server.js';
import { JSON_TYPE, rawRequest, startHttpServer, type TestHttpServer } from '../fixtures/http-server.js';
import { tempDir } from '../fixtures/runtimes.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('flux server: requests from other pages, other names, without the token', function () {
  this.timeout(20_000);

  describe('without a token (loopback)', () => {
    let http: TestHttpServer;
    before(
      async () => (http = await startHttpServer({ allowedHosts: ['flux.example.org', 'proxy.example.org:8443'] })),
    );
    after(() => http.close());

    const count = async () => (await rawRequest(http.port, 'GET', '/executions')).body.executions.length as number;
    const pausedOne = async () =>
      (await rawRequest(http.port, 'POST', '/workflows/expenseApproval/run?mode=sync', JSON_TYPE, '5')).body
        .executionId as string;

    it('a cross-site text/plain form cannot start a workflow (415 UNSUPPORTED_MEDIA_TYPE, nothing started)', async () => {
      const before = await count();
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
      ]) {
        const answer = await rawRequest(
          http.port,
          'POST',
          '/workflows/expenseApproval/run?mode=async',
          { 'content-type': type },
          '5',
        );
        expect(answer.status, type).to.equal(415);
        expect(answer.body.error.code).to.equal('UNSUPPORTED_MEDIA_TYPE');
      }
      expect(await count()).to.equal(before);
    });

    it('a no-cors fetch without a body or type cannot cancel an execution (415: a POST declares JSON, also an empty one)', async () => {
      const id = await pausedOne();
      const answer = await rawRequest(http.port, 'POST', `/executions/${id}/cancel`);
      expect(answer.status).to.equal(415);
      expect(answer.body.error).to.include({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect((await rawRequest(http.port, 'GET', `/executions/${id}`)).body.state).to.equal('paused');
      const declared = await rawRequest(http.port, 'POST', `/executions/${id}/cancel`, {
        'content-type': 'application/json; charset=utf-8',
      });
      expect(declared.status).to.equal(200);
      expect(declared.body.state).to.equal('cancelled');
    });

    it('DNS rebinding: a request naming another host (Host: attacker.example) is refused with 403 HOST_NOT_ALLOWED', async () => {
      for (const host of [
        'attacker.example',
        `attacker.example:${http.port}`,
        `localhost.attacker.example:${http.port}`,
        `localhost:${http.port + 1}`,
        'proxy.example.org:80',
      ]) {
        for (const path of ['/health', '/executions', '/']) {
          const answer = await rawRequest(http.port, 'GET', path, { host });
          expect(answer.status, `${host} ${path}`).to.equal(403);
          expect(answer.body.error.code).to.equal('HOST_NOT_ALLOWED');
        }
      }
      const before = await count();
      const start = await rawRequest(
        http.port,
        'POST',
        '/workflows/expenseApproval/run?mode=async',
        { host: 'attacker.example', ...JSON_TYPE },
        '1',
      );
      expect(start.status).to.equal(403);
      expect(await count()).to.equal(before);
    });

    it('answers the names it serves: localhost, 127.0.0.1 and [::1] on its port, and the allowed hosts', async () => {
      for (const host of [
        `localhost:${http.port}`,
        `127.0.0.1:${http.port}`,
        `[::1]:${http.port}`,
        'flux.example.org',
        'FLUX.example.org:443',
        'proxy.example.org:8443',
      ]) {
        expect((await rawRequest(http.port, 'GET', '/health', { host })).status, host).to.equal(200);
      }
    });

    it('a page on another origin cannot resume or cancel, even declaring JSON (403 ORIGIN_NOT_ALLOWED)', async () => {
      const id = await pausedOne();
      for (const origin of [
        'http://attacker.example',
        `http://localhost:${http.port + 1}`,
        'null',
        `https://127.0.0.1:${http.port}.attacker.example`,
      ]) {
        const cancel = await rawRequest(http.port, 'POST', `/executions/${id}/cancel`, { origin, ...JSON_TYPE });
        expect(cancel.status, origin).to.equal(403);
        expect(cancel.body.error.code).to.equal('ORIGIN_NOT_ALLOWED');
      }
      expect((await rawRequest(http.port, 'GET', `/executions/${id}`)).body.state).to.equal('paused');
      const own = await rawRequest(
        http.port,
        'POST',
        `/executions/${id}/resume`,
        { origin: `http://127.0.0.1:${http.port}`, ...JSON_TYPE },
        '{"approved":true,"reviewer":"me"}',
      );
      expect(own.status).to.equal(200);
      expect(own.body.state).to.equal('succeeded');
    });

    it('a cross-site no-cors request (Sec-Fetch-Site: cross-site, no Origin) cannot hold a stream or start a run', async () => {
      const id = await pausedOne();
      const stream = await rawRequest(http.port, 'GET', `/executions/${id}/stream`, {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'no-cors',
      });
      expect(stream.status).to.equal(403);
      expect(stream.body.error.code).to.equal('ORIGIN_NOT_ALLOWED');
      const run = await rawRequest(
        http.port,
        'POST',
        '/workflows/expenseApproval/run',
        { 'sec-fetch-site': 'same-site', ...JSON_TYPE },
        '1',
      );
      expect(run.status).to.equal(403);
      // A link from elsewhere still opens the page itself.
      const page = await rawRequest(http.port, 'GET', '/', {
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'navigate',
      });
      expect(page.status).to.equal(200);
      expect(page.headers['content-security-policy']).to.contain("script-src 'self'");
      expect(page.headers['x-frame-options']).to.equal('DENY');
    });
  });

  describe('with a token', () => {
    const TOKEN = 'tok-3f9a1c2b7d8e4f60';
    let http: TestHttpServer;
    before(async () => (http = await startHttpServer({ token: TOKEN })));
    after(() => http.close());

    it('a client without the token, or with another, gets 401 UNAUTHORIZED from every endpoint and changes nothing', async () => {
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
      for (const headers of [
        {},
        bearer('tok-3f9a1c2b7d8e4f6'),
        bearer(`${TOKEN}x`),
        { authorization: TOKEN },
        { authorization: `Basic ${btoa(`flux:${TOKEN}`)}` },
      ]) {
        for (const [method, path] of [
          ['GET', '/health'],
          ['GET', '/executions'],
          ['GET', '/workflows'],
          ['POST', '/workflows/expenseApproval/run'],
          ['GET', `/executions?token=${TOKEN}`],
        ] as const) {
          const answer = await rawRequest(
            http.port,
            method,
            path,
            { ...JSON_TYPE, ...headers },
            method === 'POST' ? '1' : undefined,
          );
          expect(answer.status, `${method} ${path} ${JSON.stringify(headers)}`).to.equal(401);
          expect(answer.body.error.code).to.equal('UNAUTHORIZED');
          expect(answer.headers['www-authenticate']).to.match(/^Bearer/);
        }
      }
      const listed = await rawRequest(http.port, 'GET', '/executions', bearer(TOKEN));
      expect(listed.status).to.equal(200);
      expect(listed.body.executions).to.deep.equal([]);
    });

    it('the token holder is served, and the page (which asks for the token) needs none', async () => {
      const auth = { authorization: `Bearer ${TOKEN}` };
      const started = await rawRequest(
        http.port,
        'POST',
        '/workflows/expenseApproval/run?mode=sync',
        { ...auth, ...JSON_TYPE },
        '3',
      );
      expect(started.status).to.equal(200);
      expect(started.body.state).to.equal('paused');
      for (const path of ['/', '/assets/app.js', '/assets/style.css'])
        expect((await rawRequest(http.port, 'GET', path)).status, path).to.equal(200);
    });
  });

  it('a guessable token (under 16 characters) or one a client cannot send (spaces) is refused when the server is made', async () => {
    const http = await startHttpServer();
    try {
      for (const token of ['', 'short', '123456789012345', 'sixteen chars ok', 'tab\tinside-the-token']) {
        expect(() => createFluxServer({ backend: http.backend, token }), JSON.stringify(token)).to.throw(
          /at least 16 printable/,
        );
      }
      expect(() => createFluxServer({ backend: http.backend, token: '1234567890123456' })).to.not.throw();
    } finally {
      await http.close();
    }
  });

  describe('listening where other machines reach it', () => {
    it('createFluxServer without a token refuses to serve on 0.0.0.0 (TOKEN_REQUIRED), with one it serves', async () => {
      const http = await startHttpServer(); // only for its backend
      try {
        const open = createFluxServer({ backend: http.backend });
        const refused = await new Promise<Error & { code?: string }>((resolve, reject) => {
          open.once('error', resolve).listen(0, '0.0.0.0', () =>
            setImmediate(() => {
              if (open.listening) open.close(() => reject(new Error('it listened on 0.0.0.0 without a token')));
            }),
          );
        });
        expect(refused.code).to.equal('TOKEN_REQUIRED');
        expect(open.listening).to.equal(false);
        const guarded = createFluxServer({ backend: http.backend, token: 'a-long-enough-token' });
        await new Promise<void>((resolve, reject) => guarded.once('error', reject).listen(0, '0.0.0.0', resolve));
        const port = (guarded.address() as AddressInfo).port;
        expect(
          (await rawRequest(port, 'GET', '/health', { authorization: 'Bearer a-long-enough-token' })).status,
        ).to.equal(200);
        await new Promise((resolve) => guarded.close(resolve));
      } finally {
        await http.close();
      }
    });

    it('a local socket (a path only this machine can open) serves without a token', async () => {
      const http = await startHttpServer(); // only for its backend
      const local = createFluxServer({ backend: http.backend });
      try {
        await new Promise<void>((resolve, reject) =>
          local.once('error', reject).listen(join(tempDir('flux-sock-'), 'flux.sock'), resolve),
        );
        expect(local.listening).to.equal(true);
      } finally {
        await new Promise((resolve) => local.close(resolve));
        await http.close();
      }
    });

    it('flux server --host 0.0.0.0 without --token or FLUX_TOKEN exits at once with TOKEN_REQUIRED', async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'cli', 'flux.ts'), 'server', '--host', '0.0.0.0', '--port', '0'],
        {
          cwd: ROOT,
          env: { ...process.env, FLUX_HOME: tempDir('flux-sec-cli-'), FLUX_NATS_URL: '', FLUX_TOKEN: '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => {
        child.once('exit', resolve);
        // Listening would be the failure: stop it rather than wait for a timeout.
        child.stdout!.on('data', () => /flux server on/.test(output) && child.kill('SIGKILL'));
      });
      expect(output).to.contain('TOKEN_REQUIRED').and.contain('--token');
      expect(code).to.equal(1);
    });
  });
});

describe('flux server: what a fault of the server tells a caller', () => {
  it('a failure that is not a Flux error answers 500 INTERNAL without its text (paths, backend internals), and is logged', async () => {
    const logged: string[] = [];
    const inner = await startHttpServer();
    const failing = Object.create(inner.backend) as typeof inner.backend;
    failing.list = async () => {
      throw new Error(`SqliteError: unable to open database file ${inner.databasePath}`);
    };
    const server = createFluxServer({
      backend: failing,
      logger: { warn: (m) => logged.push(m), error: (m) => logged.push(m) },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await rawRequest((server.address() as AddressInfo).port, 'GET', '/executions');
      expect(answer.status).to.equal(500);
      expect(answer.body.error.code).to.equal('INTERNAL');
      expect(JSON.stringify(answer.body)).to.not.contain(inner.databasePath).and.not.contain('Sqlite');
      expect(logged.join('\n')).to.contain(inner.databasePath);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await inner.close();
    }
  });
});
