/**
 * Values cross the log and the wire as JSON. A value JSON cannot carry faithfully is refused here,
 * before it reaches the log, so a log never holds a value that would replay differently.
 */
import { ExecutionError, SerializationError, isErrorCode, isFluxError } from './errors.js';
import type { ErrorInfo } from '../../proto/messages.js';
import { resolveOutput, type OutputStorage } from './output-storage.js';

/**
 * Encodes a value as canonical JSON (object keys sorted, so equal values give equal text and equal
 * call identities). Returns undefined for undefined. Throws `SerializationError` naming `what`.
 */
export function encodeValue(value: unknown, what: string, executionId?: string): string | undefined {
  if (value === undefined) return undefined;
  // Most task arguments and results are a few strings and numbers: they need no replacer.
  if (isPlainScalar(value) || (Array.isArray(value) && value.every(isPlainScalar))) return JSON.stringify(value);
  try {
    return JSON.stringify(value, canonicalReplacer);
  } catch (thrown) {
    const detail = thrown instanceof Unserialisable ? thrown.message : (thrown as Error).message;
    throw new SerializationError(what, detail, { cause: thrown, ...(executionId && { executionId }) });
  }
}

export function decodeValue(json: string | undefined): unknown {
  return json === undefined ? undefined : JSON.parse(json);
}

/** Decodes an output, fetching it from `storage` when its owner keeps outputs there. */
export function decodeOutput(json: string | undefined, storage: OutputStorage | undefined): unknown {
  return decodeValue(resolveOutput(json, storage));
}

/** Scalars JSON carries exactly. */
function isPlainScalar(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    value === null ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/** Thrown inside the replacer; `encodeValue` turns it into a `SerializationError` naming `what`. */
class Unserialisable extends Error {}

function canonicalReplacer(this: unknown, key: string, value: unknown): unknown {
  switch (typeof value) {
    case 'function':
      throw new Unserialisable(
        `${describeKey(key)} is a function (${(value as { name?: string }).name || 'anonymous'}), not data`,
      );
    case 'symbol':
      throw new Unserialisable(`${describeKey(key)} is a symbol, not data`);
    case 'bigint':
      throw new Unserialisable(
        `${describeKey(key)} is a BigInt (${String(value)}n), which has no JSON form; pass it as a string`,
      );
    case 'number':
      if (!Number.isFinite(value))
        throw new Unserialisable(`${describeKey(key)} is ${String(value)}, which has no JSON form`);
      return value;
    case 'object':
      return value === null || Array.isArray(value) ? value : sortedObject(key, value);
    case 'string':
      // JSON.stringify has already turned a Date into a string by now; the holder still has the Date.
      if ((this as Record<string, unknown>)[key] instanceof Date) {
        throw new Unserialisable(
          `${describeKey(key)} is a Date, which JSON turns into a string; pass date.toISOString() (or a number) and convert it back where needed`,
        );
      }
      return value;
    default:
      return value;
  }
}

function sortedObject(key: string, value: object): object {
  if (value instanceof Map || value instanceof Set) {
    throw new Unserialisable(
      `${describeKey(key)} is a ${value.constructor.name}, which has no JSON form; convert it to an array or object`,
    );
  }
  const keys = Object.keys(value);
  if (isSorted(keys)) return value;
  const sorted: Record<string, unknown> = {};
  for (const k of keys.sort()) sorted[k] = (value as Record<string, unknown>)[k];
  return sorted;
}

function isSorted(keys: string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

function describeKey(key: string): string {
  return key === '' ? 'the value' : `the value at key '${key}'`;
}

/** The plain form of an error that the log stores: `{ name, message, code? }`. */
export function toErrorInfo(thrown: unknown, depth = 0): ErrorInfo {
  if (thrown instanceof Error) {
    const info: ErrorInfo = { name: String(thrown.name), message: String(thrown.message) };
    if (isFluxError(thrown)) info.code = thrown.code;
    const details = (thrown as { details?: unknown }).details;
    if (details && typeof details === 'object' && encodeable(details))
      info.details = details as Record<string, unknown>;
    if (typeof thrown.stack === 'string') info.stack = thrown.stack.slice(0, MAX_STACK);
    // The chain an operator follows to the root cause; a cycle or a deep one is cut.
    if (thrown.cause !== undefined && depth < MAX_CAUSES) info.cause = toErrorInfo(thrown.cause, depth + 1);
    return info;
  }
  return { name: 'Error', message: typeof thrown === 'string' ? thrown : describeThrown(thrown) };
}

const MAX_STACK = 4000;
const MAX_CAUSES = 4;

function encodeable(value: object): boolean {
  try {
    encodeValue(value, 'error details');
    return true;
  } catch {
    return false;
  }
}

/** Something thrown that is not an Error, in words; never throws itself (a null-prototype object would). */
function describeThrown(thrown: unknown): string {
  try {
    return `non-error thrown: ${JSON.stringify(thrown) ?? String(thrown)}`;
  } catch {
    return `non-error thrown: ${Object.prototype.toString.call(thrown)}`;
  }
}

/**
 * Rebuilds an error from its stored form. The body sees this same object whether the failure
 * happened just now or is being replayed, so catch blocks behave identically on replay.
 */
export function fromErrorInfo(info: ErrorInfo, extra: Record<string, unknown> = {}): Error {
  // A failed child is an ExecutionError in its parent's body, live and replayed alike. A code this
  // version does not know (written by another) makes a plain Error carrying it: a FluxError's code is an ErrorCode.
  const error =
    info.name === 'ExecutionError' && isErrorCode(info.code)
      ? new ExecutionError(info.message, {
          code: info.code,
          executionId: info.details?.executionId as string | undefined,
        })
      : new Error(info.message);
  error.name = info.name;
  if (info.code) (error as Error & { code?: string }).code = info.code;
  if (info.details) Object.assign(error, info.details, { details: info.details });
  // Where it was first thrown, and why: the same on every replay, as the log keeps them.
  if (info.stack) error.stack = info.stack;
  if (info.cause) error.cause = fromErrorInfo(info.cause);
  Object.assign(error, extra);
  // A failed child's error names the child, not the parent it was thrown into.
  if (error instanceof ExecutionError && info.details?.executionId)
    Object.assign(error, { executionId: info.details.executionId });
  return error;
}
