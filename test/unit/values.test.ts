import { expect } from 'chai';
import { encodeValue, decodeValue, toErrorInfo, fromErrorInfo } from '../../runtime/engine/serialization.js';
import { argumentsHash, callBase, callId, parseCallId } from '../../runtime/engine/identity.js';
import { toMilliseconds } from '../../runtime/engine/duration.js';
import { SerializationError } from '../../runtime/engine/errors.js';

describe('values, identities and durations', () => {
  it('encodes canonically: equal objects give equal text whatever their key order', () => {
    expect(encodeValue({ b: 1, a: { d: 2, c: 3 } }, 'v')).to.equal('{"a":{"c":3,"d":2},"b":1}');
    expect(encodeValue([{ y: 1, x: 2 }], 'v')).to.equal(encodeValue([{ x: 2, y: 1 }], 'v'));
    expect(encodeValue(undefined, 'v')).to.equal(undefined);
    expect(decodeValue(undefined)).to.equal(undefined);
    expect(decodeValue(encodeValue({ when: new Date(0).toISOString() }, 'v'))).to.deep.equal({
      when: '1970-01-01T00:00:00.000Z',
    });
  });

  it('refuses what JSON would silently change, naming where', () => {
    expect(() => encodeValue({ f: () => 1 }, 'the thing')).to.throw(
      SerializationError,
      "the thing cannot be serialised: the value at key 'f' is a function",
    );
    expect(() => encodeValue([NaN], 'x')).to.throw(SerializationError, 'NaN');
    expect(() => encodeValue({ s: new Set([1]) }, 'x')).to.throw(SerializationError, 'Set');
    expect(() => encodeValue(Symbol('s'), 'x')).to.throw(SerializationError, 'symbol');
    // A Date would come back as a string, live and on replay alike, while its type still says Date.
    expect(() => encodeValue({ when: new Date(0) }, 'x')).to.throw(
      SerializationError,
      "the value at key 'when' is a Date",
    );
    expect(() => encodeValue(new Date(0), 'x')).to.throw(SerializationError, 'the value is a Date');
    const error = (() => {
      try {
        encodeValue([() => 1], 'x', 'exec-1');
      } catch (e) {
        return e;
      }
    })();
    expect(error).to.include({ executionId: 'exec-1', code: 'SERIALIZATION_ERROR' });
  });

  it('keeps an error as { name, message, code? } and rebuilds it', () => {
    const original = Object.assign(new RangeError('too big'), { code: 'E_BIG' });
    const info = toErrorInfo(original);
    const { stack, ...rest } = info;
    expect(rest).to.deep.equal({ name: 'RangeError', message: 'too big', code: 'E_BIG' });
    expect(stack).to.match(/^RangeError: too big\n\s+at /);
    const rebuilt = fromErrorInfo(info, { taskName: 't' });
    expect(rebuilt).to.be.instanceOf(Error);
    expect(rebuilt).to.include({ name: 'RangeError', message: 'too big', code: 'E_BIG', taskName: 't' });
    expect(toErrorInfo('plain string')).to.deep.equal({ name: 'Error', message: 'plain string' });
    expect(toErrorInfo(Object.create(null)).message).to.match(/^non-error thrown/); // String() of it would throw
  });

  it('derives call ids from name, argument hash and occurrence', () => {
    expect(argumentsHash('[1,2]')).to.equal(argumentsHash('[1,2]')).and.to.have.length(12);
    expect(argumentsHash('[1,2]')).not.to.equal(argumentsHash('[2,1]'));
    const h = argumentsHash('[1]');
    expect(h).to.match(/^[0-9a-f]{12}$/);
    expect(callId(callBase('my_task', h), 2)).to.equal(`my_task_${h}_2`);
    expect(parseCallId(`my_task_${h}_2`)).to.deep.equal({ base: `my_task_${h}`, occurrence: 2 });
  });

  it('reads durations as milliseconds or strings', () => {
    expect(toMilliseconds(250)).to.equal(250);
    expect(toMilliseconds('250ms')).to.equal(250);
    expect(toMilliseconds('2s')).to.equal(2000);
    expect(toMilliseconds('5m')).to.equal(300_000);
    expect(() => toMilliseconds('soon')).to.throw(RangeError, 'invalid duration');
    expect(() => toMilliseconds(-1)).to.throw(RangeError);
  });
});
