import { expect } from 'chai';
import { natsConnectOptions } from '../../control/nats-login.js';

describe('natsConnectOptions', () => {
  it('takes the credentials out of the URL (nats.js would drop them), %-decoded', () => {
    expect(natsConnectOptions('nats://client:p%40ss%3Aword@10.0.0.1:4222')).to.deep.equal({
      servers: 'nats://10.0.0.1:4222',
      user: 'client',
      pass: 'p@ss:word',
    });
    expect(natsConnectOptions('tls://t0ken@nats.example:4222')).to.deep.equal({
      servers: 'tls://nats.example:4222',
      token: 't0ken',
    });
    expect(natsConnectOptions('127.0.0.1:4222', { user: 'worker', pass: 'pw' })).to.deep.equal({
      servers: '127.0.0.1:4222',
      user: 'worker',
      pass: 'pw',
    });
  });

  it('counts an empty option (an empty environment variable) as not given', () => {
    expect(natsConnectOptions('nats://h:4222', { user: '', pass: '', token: '', creds: '', tls: false })).to.deep.equal(
      { servers: 'nats://h:4222' },
    );
  });

  it('refuses a login given half, two ways, or both in the URL and as options (NATS_LOGIN_INVALID)', () => {
    const refused = (url: string, login: Parameters<typeof natsConnectOptions>[1]) => {
      try {
        natsConnectOptions(url, login);
      } catch (error) {
        return `${(error as { code: string }).code}: ${(error as Error).message}`;
      }
      return 'accepted';
    };
    expect(refused('nats://h', { user: 'u' })).to.match(/^NATS_LOGIN_INVALID: .*--pass/);
    expect(refused('nats://h', { pass: 'p' })).to.match(/^NATS_LOGIN_INVALID: .*--user/);
    expect(refused('nats://h', { user: 'u', pass: 'p', token: 't' })).to.match(/^NATS_LOGIN_INVALID: give one way/);
    expect(refused('nats://u:s3cret@h', { token: 't' }))
      .to.match(/^NATS_LOGIN_INVALID: .*u:\*\*\*@h/)
      .and.not.contain('s3cret');
    expect(refused('nats://h', { tlsCert: '/c.pem' })).to.match(/^NATS_LOGIN_INVALID: .*--tls-key/);
  });
});
