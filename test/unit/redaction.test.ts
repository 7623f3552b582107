import { expect } from 'chai';
import { SecretGuard } from '../../runtime/engine/secret-guard.js';
import { redactJson, restoreJson, secretIn, type SecretManager } from '../../runtime/engine/secrets.js';

const secrets = { TOKEN: 'tok"en\\9', PIN: '4242' };

describe('redacting secrets in JSON values', () => {
  it('replaces a secret in strings and keys, raw or quoted as JSON inside a string, and keeps the JSON valid', () => {
    const value = {
      header: `Bearer ${secrets.TOKEN}`,
      [secrets.TOKEN]: 'as a key',
      message: `request body was ${JSON.stringify({ token: secrets.TOKEN })}`,
      list: [1, `x${secrets.TOKEN}y`],
    };
    const redacted = redactJson(JSON.stringify(value), secrets);
    expect(secretIn(redacted, secrets)).to.equal(undefined);
    expect(JSON.parse(redacted)).to.deep.equal({
      header: 'Bearer [secret TOKEN]',
      '[secret TOKEN]': 'as a key',
      message: 'request body was {"token":"[secret TOKEN]"}',
      list: [1, 'x[secret TOKEN]y'],
    });
  });

  it('redacts a whole value when the secret shows outside any string (a number with its digits)', () => {
    const redacted = redactJson(JSON.stringify({ pin: 4242 }), secrets);
    expect(JSON.parse(redacted)).to.equal('[secret PIN]');
  });

  it('keeps a key named __proto__ a key, and leaves JSON without secrets untouched', () => {
    const json = '{"__proto__":{"a":"4242"}}';
    const redacted = JSON.parse(redactJson(json, secrets)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(redacted)).to.equal(Object.prototype);
    expect(Object.keys(redacted)).to.deep.equal(['__proto__']);
    expect(redactJson('{"a":"b"}', secrets)).to.equal('{"a":"b"}');
  });

  it('restores the values of the secrets named, and only theirs', () => {
    const json = JSON.stringify([`[secret TOKEN]`, '[secret OTHER]', { '[secret PIN]': 1 }]);
    expect(JSON.parse(restoreJson(json, secrets))).to.deep.equal([
      secrets.TOKEN,
      '[secret OTHER]',
      { [secrets.PIN]: 1 },
    ]);
    expect(JSON.parse(restoreJson('["[secret constructor]"]', secrets))).to.deep.equal(['[secret constructor]']);
  });
});

describe('the secrets an execution guards', () => {
  it('asks again for a secret its store could not give the first time, and guards it from then on', async () => {
    let calls = 0;
    const manager: SecretManager = {
      set: async () => undefined,
      delete: async () => undefined,
      resolve: async () => ({}),
      get: async () => {
        if (++calls === 1) throw new Error('store unreachable');
        return 'pa55word';
      },
    };
    const guard = new SecretGuard(manager);
    await guard.learn(['PASSWORD']);
    expect(guard.redact('"pa55word"'), 'not known yet').to.equal('"pa55word"');
    await guard.learn(['PASSWORD']);
    expect(guard.redact('"pa55word"')).to.equal('"[secret PASSWORD]"');
    expect(calls).to.equal(2);
  });
});
