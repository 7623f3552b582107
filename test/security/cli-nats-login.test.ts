/**
 * The flux CLI logs in to a NATS server that requires it (nats.conf's users, a token, a
 * credentials file, TLS with a client certificate), on real nats-servers; without a login it is
 * refused in one line, exit 1.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nkeys } from '@nats-io/nats-core';
import { connectClient, startWorker, type Client, type Worker } from 'flux-actors';
import { flux, fluxFails, fluxJson, ROOT } from '../fixtures/flux-cli.js';
import { asks, echo } from '../fixtures/nats-command-workflows.js';
import { startNatsServer, type NatsServer } from '../fixtures/nats-server.js';
import { tempDir } from '../fixtures/runtimes.js';
import { makeTestCertificates, type TestCertificates } from '../fixtures/tls-certificates.js';

const CONFIG = join(ROOT, 'nats.conf');
const ids = (listed: { executionId: string }[]) => listed.map((r) => r.executionId);

describe('the flux CLI logs in to NATS', function () {
  this.timeout(60_000);
  let env: Record<string, string>;
  before(() => (env = { FLUX_HOME: tempDir('flux-cli-login-') }));

  describe("as nats.conf's users", () => {
    let server: NatsServer;
    let worker: Worker;
    let client: Client;
    let id: string;

    before(async () => {
      server = await startNatsServer({ configFile: CONFIG });
      const secretKeyFile = join(env.FLUX_HOME!, 'secret.key');
      worker = await startWorker({
        nats: {
          servers: server.url,
          user: 'worker',
          pass: 'change-me-worker',
          inboxPrefix: '_INBOX_worker',
          secretKeyFile,
        },
        workflows: [asks],
        tasks: [echo],
      });
      client = await connectClient({
        servers: server.url,
        user: 'client',
        pass: 'change-me-client',
        inboxPrefix: '_INBOX_client',
        secretKeyFile,
      });
      id = await client.start(asks, 'listed');
      await client.result(id, { timeoutMs: 10_000 });
    });
    after(async () => {
      await client?.close();
      await worker?.stop();
      await server?.dispose();
    });

    it('an anonymous command on a server that requires a login is refused in one line (NATS_AUTH_FAILED, exit 1)', async () => {
      const line = await fluxFails(['list', '--nats', server.url], env, 'NATS_AUTH_FAILED');
      expect(line).to.contain(server.url).and.contain('--user');
    });

    it('the client user logs in with --user/--pass, with FLUX_NATS_USER/FLUX_NATS_PASS, and with credentials in the URL', async () => {
      const inbox = { ...env, FLUX_NATS_INBOX_PREFIX: '_INBOX_client' };
      const listed = await Promise.all([
        fluxJson<{ executionId: string }[]>(
          [
            'list',
            '--json',
            '--nats',
            server.url,
            '--user',
            'client',
            '--pass',
            'change-me-client',
            '--inbox-prefix',
            '_INBOX_client',
          ],
          env,
        ),
        fluxJson<{ executionId: string }[]>(['list', '--json', '--nats', server.url], {
          ...inbox,
          FLUX_NATS_USER: 'client',
          FLUX_NATS_PASS: 'change-me-client',
        }),
        fluxJson<{ executionId: string }[]>(['list', '--json'], {
          ...inbox,
          FLUX_NATS_URL: server.url.replace('nats://', 'nats://client:change-me-client@'),
        }),
        fluxJson<{ state: string }>(
          ['inspect', id, '--json', '--nats', server.url.replace('nats://', 'nats://client:change-me-client@')],
          inbox,
        ),
      ]);
      for (const list of listed.slice(0, 3)) expect(ids(list as { executionId: string }[])).to.include(id);
      expect(listed[3]).to.include({ state: 'paused' });
    });

    it('a login without the inbox its user may read is refused in one line naming --inbox-prefix (NATS_PERMISSION_DENIED); a malformed prefix before connecting', async () => {
      const [line, malformed] = await Promise.all([
        fluxFails(
          ['list', '--nats', server.url, '--user', 'client', '--pass', 'change-me-client'],
          env,
          'NATS_PERMISSION_DENIED',
        ),
        fluxFails(['list', '--nats', server.url, '--inbox-prefix', '_INBOX.>'], env, 'NATS_LOGIN_INVALID'),
      ]);
      expect(line).to.contain('--inbox-prefix').and.contain('_INBOX_<user>');
      expect(malformed).to.contain("'_INBOX.>'");
    });

    it('a login given half (a user without a password) or twice (URL and options) is refused before connecting (NATS_LOGIN_INVALID)', async () => {
      const lines = await Promise.all([
        fluxFails(['list', '--nats', server.url, '--user', 'client'], env, 'NATS_LOGIN_INVALID'),
        fluxFails(
          [
            'list',
            '--nats',
            server.url.replace('nats://', 'nats://client:change-me-client@'),
            '--user',
            'worker',
            '--pass',
            'x',
          ],
          env,
          'NATS_LOGIN_INVALID',
        ),
      ]);
      expect(lines[0]).to.contain('--pass');
      expect(lines[1]).to.contain('client:***@').and.not.contain('change-me-client');
    });
  });

  describe('with a token', () => {
    let server: NatsServer;
    before(async () => (server = await startNatsServer({ config: 'authorization { token: "t0ken-only-here" }' })));
    after(() => server?.dispose());

    it('--token, FLUX_NATS_TOKEN and a token in the URL log in; a wrong one is refused', async () => {
      const [given, fromEnv, inUrl, wrong] = await Promise.all([
        flux(['list', '--json', '--nats', server.url, '--token', 't0ken-only-here'], env),
        flux(['list', '--json', '--nats', server.url], { ...env, FLUX_NATS_TOKEN: 't0ken-only-here' }),
        flux(['list', '--json', '--nats', server.url.replace('nats://', 'nats://t0ken-only-here@')], env),
        flux(['list', '--json', '--nats', server.url.replace('nats://', 'nats://wr0ng-token@')], env),
      ]);
      for (const ran of [given, fromEnv, inUrl]) expect(ran.code, ran.stderr).to.equal(0);
      expect(wrong.code).to.equal(1);
      expect(wrong.stderr).to.contain('[NATS_AUTH_FAILED]').and.contain('nats://***@').and.not.contain('wr0ng-token');
    });
  });

  describe('with a credentials file', () => {
    let server: NatsServer;
    let creds: string;
    before(async () => {
      // An nkey user: the server checks the signature the file's seed makes (outside operator mode it reads no JWT).
      const user = nkeys.createUser();
      const dir = tempDir('flux-creds-');
      creds = join(dir, 'user.creds');
      writeFileSync(
        creds,
        [
          '-----BEGIN NATS USER JWT-----',
          'eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.e30.unused',
          '------END NATS USER JWT------',
          '',
          '-----BEGIN USER NKEY SEED-----',
          new TextDecoder().decode(user.getSeed()),
          '------END USER NKEY SEED------',
          '',
        ].join('\n'),
      );
      writeFileSync(join(dir, 'not.creds'), 'just some text\n');
      server = await startNatsServer({ config: `authorization { users: [ { nkey: ${user.getPublicKey()} } ] }` });
    });
    after(() => server?.dispose());

    it('--creds and FLUX_NATS_CREDS log in; a file that is not one, or is missing, is named in one line (NATS_LOGIN_INVALID)', async () => {
      const [given, fromEnv, notCreds, missing, none] = await Promise.all([
        flux(['list', '--json', '--nats', server.url, '--creds', creds], env),
        flux(['list', '--json', '--nats', server.url], { ...env, FLUX_NATS_CREDS: creds }),
        fluxFails(['list', '--nats', server.url, '--creds', join(creds, '..', 'not.creds')], env, 'NATS_LOGIN_INVALID'),
        fluxFails(
          ['list', '--nats', server.url, '--creds', join(creds, '..', 'missing.creds')],
          env,
          'NATS_LOGIN_INVALID',
        ),
        fluxFails(['list', '--nats', server.url], env, 'NATS_AUTH_FAILED'),
      ]);
      for (const ran of [given, fromEnv]) expect(ran.code, ran.stderr).to.equal(0);
      expect(notCreds).to.contain('not.creds');
      expect(missing).to.contain('missing.creds');
      expect(none).to.contain('--creds');
    });
  });

  describe('over TLS with a client certificate', () => {
    let server: NatsServer;
    let certs: TestCertificates;
    before(async () => {
      certs = makeTestCertificates(tempDir('flux-tls-'));
      server = await startNatsServer({
        config: `tls { cert_file: "${certs.serverCert}", key_file: "${certs.serverKey}", ca_file: "${certs.ca}", verify: true }`,
      });
    });
    after(() => server?.dispose());

    it('--tls-ca, --tls-cert and --tls-key (or their variables) connect; a server certificate of an unknown CA is refused', async () => {
      // (A server that refuses the client certificate closes the connection after the handshake:
      // nats.js reports it after its connect timeout, 20 s, too slow for a test.)
      const tlsEnv = {
        ...env,
        FLUX_NATS_TLS_CA: certs.ca,
        FLUX_NATS_TLS_CERT: certs.clientCert,
        FLUX_NATS_TLS_KEY: certs.clientKey,
      };
      const [given, fromEnv, noCa] = await Promise.all([
        flux(
          [
            'list',
            '--json',
            '--nats',
            server.url,
            '--tls-ca',
            certs.ca,
            '--tls-cert',
            certs.clientCert,
            '--tls-key',
            certs.clientKey,
          ],
          env,
        ),
        flux(['list', '--json', '--nats', server.url, '--tls'], tlsEnv),
        flux(['list', '--nats', server.url, '--tls-cert', certs.clientCert, '--tls-key', certs.clientKey], env),
      ]);
      for (const ran of [given, fromEnv]) expect(ran.code, ran.stderr).to.equal(0);
      expect(noCa.code, noCa.stdout).to.equal(1);
      expect(noCa.stderr).to.match(/^flux: TLS with the NATS server .*--tls-ca.*\[NATS_TLS_FAILED\]\n$/);
    });

    it('--tls refuses a server that offers no TLS', async () => {
      const plain = await startNatsServer();
      try {
        expect(await fluxFails(['list', '--nats', plain.url, '--tls'], env, 'NATS_TLS_FAILED')).to.contain(
          "does not support 'tls'",
        );
      } finally {
        await plain.dispose();
      }
    });
  });
});
