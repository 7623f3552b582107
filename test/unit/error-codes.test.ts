/** The codes flux errors carry: one list, every error class on it, and codes from elsewhere kept as they came. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import {
  ERROR_CODES,
  ExecutionError,
  FluxError,
  GraphValidationError,
  hasErrorCode,
  isErrorCode,
  isFluxError,
  SecretNotFoundError,
} from 'flux-actors';
import { ConsumerUnavailableError } from '../../runtime/engine/errors.js';
import { fromErrorInfo, toErrorInfo } from '../../runtime/engine/serialization.js';
import { UnknownMachineError } from '../../pictures/index.js';
import { graphOfMachine } from '../../pictures/machines.js';

describe('error codes', () => {
  it('are one list of distinct names', () => {
    expect(new Set(ERROR_CODES).size).to.equal(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).to.match(/^[A-Z][A-Z0-9_]+$/);
    expect(isErrorCode('EXECUTION_NOT_FOUND')).to.equal(true);
    expect(isErrorCode('SOMETHING_NEWER')).to.equal(false);
    expect(isErrorCode(undefined)).to.equal(false);
  });

  it('are carried by the error classes that used to live beside their callers, under the same names', () => {
    const errors: FluxError[] = [
      new GraphValidationError('g', 'n', 'a cycle'),
      new SecretNotFoundError('key', 'charge', 'exec-1'),
      new ConsumerUnavailableError({ stream: 'S', durable: 'wf_w', filter: 'x.>' }, 'overlaps'),
    ];
    let unknownMachine: unknown;
    try {
      graphOfMachine('no-such-machine');
    } catch (error) {
      unknownMachine = error;
    }
    expect(unknownMachine).to.be.instanceOf(UnknownMachineError);
    errors.push(unknownMachine as FluxError);
    expect(errors.map((e) => [e.name, e.code])).to.deep.equal([
      ['GraphValidationError', 'GRAPH_INVALID'],
      ['SecretNotFoundError', 'SECRET_NOT_FOUND'],
      ['ConsumerUnavailableError', 'CONSUMER_UNAVAILABLE'],
      ['UnknownMachineError', 'UNKNOWN_MACHINE'],
    ]);
    for (const error of errors) expect(error).to.be.instanceOf(FluxError);
    expect(errors[1]!.executionId).to.equal('exec-1');
    expect(errors[3]!.message).to.include("'no-such-machine'").and.include('execution');
  });

  it('rebuild a failed child as an ExecutionError only when its code is one of this version', () => {
    const known = fromErrorInfo({ name: 'ExecutionError', code: 'CHILD_WORKFLOW_FAILED', message: 'child failed' });
    expect(known).to.be.instanceOf(ExecutionError);
    expect(known).to.include({ code: 'CHILD_WORKFLOW_FAILED' });
    // Written by another version: the code comes through as it was sent, on a plain Error.
    const newer = fromErrorInfo({ name: 'ExecutionError', code: 'SOMETHING_NEWER', message: 'from elsewhere' });
    expect(newer).not.to.be.instanceOf(FluxError);
    expect(newer).to.include({ name: 'ExecutionError', code: 'SOMETHING_NEWER', message: 'from elsewhere' });
    expect(isFluxError(newer)).to.equal(true);
    expect(toErrorInfo(newer)).to.deep.include({
      name: 'ExecutionError',
      code: 'SOMETHING_NEWER',
      message: 'from elsewhere',
    });
  });

  it('are told apart by hasErrorCode, on errors made here or rebuilt', () => {
    const rebuilt = fromErrorInfo({ name: 'FluxError', code: 'EXECUTION_NOT_FOUND', message: 'gone' });
    expect(hasErrorCode(rebuilt, 'EXECUTION_NOT_FOUND')).to.equal(true);
    expect(hasErrorCode(rebuilt, 'STORE_FULL', 'EXECUTION_NOT_FOUND')).to.equal(true);
    expect(hasErrorCode(rebuilt, 'STORE_FULL')).to.equal(false);
    expect(hasErrorCode(new Error('plain'), 'STORE_FULL')).to.equal(false);
    expect(hasErrorCode(undefined, 'STORE_FULL')).to.equal(false);
  });

  it('leave no plain Error thrown by the source but where it is caught and made a FluxError', () => {
    // Each of these is caught on its way out and rethrown (or retried, then wrapped) as a FluxError.
    const wrapped = new Map([
      ['runtime/nats/codec.ts', 'decodeWith makes each a MalformedMessageError'],
      ['runtime/nats/acked-publish.ts', "the store's writes retry it, then fail with LOG_WRITE_FAILED"],
    ]);
    const found: string[] = [];
    for (const folder of ['runtime', 'actors', 'control', 'cli', 'http', 'pictures'])
      for (const file of sourceFiles(folder)) {
        const count = readFileSync(file, 'utf8').match(/throw new Error\(/g)?.length ?? 0;
        if (count && !wrapped.has(file)) found.push(`${file} (${count})`);
      }
    expect(found).to.deep.equal([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}
