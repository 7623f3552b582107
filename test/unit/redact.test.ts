import { expect } from 'chai';
import { redactCredentials } from '../../control/redact.js';

describe('redactCredentials', () => {
  it('hides the password of a URL, keeping the user, host and port', () => {
    expect(redactCredentials('no NATS server reachable at nats://client:s3cret@10.0.0.1:4222: refused')).to.equal(
      'no NATS server reachable at nats://client:***@10.0.0.1:4222: refused',
    );
  });

  it('hides a token given alone (nats://token@host) whole', () => {
    expect(redactCredentials('nats (tls://t0ken@nats.example:4222, prefix flux)')).to.equal(
      'nats (tls://***@nats.example:4222, prefix flux)',
    );
  });

  it("hides a password with an unencoded '@' or ':' whole, and every URL of a message", () => {
    const text = 'a nats://u:p@ss:w0rd@h1:4222 and b ws://v:x%40y@h2/ end';
    const redacted = redactCredentials(text);
    expect(redacted).to.equal('a nats://u:***@h1:4222 and b ws://v:***@h2/ end');
    for (const secret of ['p@ss', 'w0rd', 'x%40y']) expect(redacted).to.not.contain(secret);
  });

  it('leaves a URL without credentials, and text without a URL, as they are', () => {
    for (const text of ['nats://127.0.0.1:4222', 'user@example.com wrote: a:b', 'embedded (./.flux/flux.db)'])
      expect(redactCredentials(text)).to.equal(text);
  });
});
