/**
 * Secrets for task bodies (`secretRequests`). A task receives the values it asked for in
 * `taskContext().secrets`; no value is ever written to an event, and error messages that quote one
 * are redacted before they leave the executor.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FluxError, SecretNotFoundError } from './errors.js';
import { ensurePrivateDir } from './private-files.js';

export interface SecretManager {
  set(name: string, value: string): Promise<void>;
  /** The value, or undefined when no secret has that name. */
  get(name: string): Promise<string | undefined>;
  delete(name: string): Promise<void>;
  /** The named values; fails with `SecretNotFoundError` naming the first one missing. */
  resolve(names: readonly string[], taskName: string, executionId?: string): Promise<Record<string, string>>;
}

abstract class BaseSecrets implements SecretManager {
  abstract set(name: string, value: string): Promise<void>;
  abstract get(name: string): Promise<string | undefined>;
  abstract delete(name: string): Promise<void>;

  async resolve(names: readonly string[], taskName: string, executionId?: string): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    for (const name of names) {
      const value = await this.get(name);
      if (value === undefined) throw new SecretNotFoundError(name, taskName, executionId);
      values[name] = value;
    }
    return values;
  }
}

/** In memory, for the memory store: gone with the process. */
export class MemorySecrets extends BaseSecrets {
  private readonly values = new Map<string, string>();
  async set(name: string, value: string): Promise<void> {
    this.values.set(name, checkValue(name, value));
  }
  async get(name: string): Promise<string | undefined> {
    return this.values.get(name);
  }
  async delete(name: string): Promise<void> {
    this.values.delete(name);
  }
}

/**
 * AES-256-GCM with the secret's name authenticated beside its value, so a value cannot be moved
 * under another name. The 32-byte key lives in a file of its own, mode 0600, created on first use.
 */
export class SecretCipher {
  private key: Buffer | undefined;

  constructor(readonly keyPath: string) {}

  /** `iv (12) | tag (16) | ciphertext`. */
  seal(name: string, value: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyBytes(), iv).setAAD(Buffer.from(name));
    const data = Buffer.concat([cipher.update(checkValue(name, value), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), data]);
  }

  open(name: string, sealed: Uint8Array): string {
    const bytes = Buffer.from(sealed);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.keyBytes(), bytes.subarray(0, 12))
        .setAAD(Buffer.from(name))
        .setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    } catch (error) {
      throw new FluxError('SECRET_UNREADABLE', `secret '${name}' cannot be decrypted with the key in ${this.keyPath}`, {
        cause: error,
      });
    }
  }

  private keyBytes(): Buffer {
    if (this.key) return this.key;
    if (!existsSync(this.keyPath)) {
      ensurePrivateDir(dirname(this.keyPath)); // 0700 when made here ($FLUX_HOME)
      try {
        writeFileSync(this.keyPath, randomBytes(32), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
      }
    }
    chmodSync(this.keyPath, 0o600);
    const key = readFileSync(this.keyPath);
    if (key.length !== 32)
      throw new FluxError(
        'SECRET_KEY_INVALID',
        `${this.keyPath} must hold 32 bytes (an AES-256 key), not ${key.length}`,
      );
    this.key = key;
    return key;
  }
}

/** Secrets kept sealed somewhere (a SQLite table, a NATS KV bucket), by name. */
export abstract class SealedSecrets extends BaseSecrets {
  protected abstract write(name: string, sealed: Buffer): Promise<void>;
  protected abstract read(name: string): Promise<Uint8Array | undefined>;
  abstract override delete(name: string): Promise<void>;

  constructor(protected readonly cipher: SecretCipher) {
    super();
  }

  async set(name: string, value: string): Promise<void> {
    await this.write(name, this.cipher.seal(name, value));
  }

  async get(name: string): Promise<string | undefined> {
    const sealed = await this.read(name);
    return sealed === undefined ? undefined : this.cipher.open(name, sealed);
  }
}

function checkValue(name: string, value: string): string {
  if (typeof value !== 'string') throw new FluxError('SECRET_INVALID', `secret '${name}' must be a string`);
  return value;
}

/** A value as it appears inside JSON text, once and twice escaped (a message that quotes JSON). */
function jsonForms(value: string): string[] {
  const once = JSON.stringify(value).slice(1, -1);
  const twice = JSON.stringify(once).slice(1, -1);
  return twice === once ? [once] : [twice, once];
}

/** A value as it appears inside a decoded string: as itself, and escaped once (a string that quotes JSON). */
function stringForms(value: string): string[] {
  const once = JSON.stringify(value).slice(1, -1);
  return once === value ? [value] : [once, value];
}

/** The secrets with a value, longest first: a secret that begins another cannot leave the longer one's tail. */
function longestFirst(secrets: Readonly<Record<string, string>>): [string, string][] {
  return Object.entries(secrets)
    .filter(([, value]) => value)
    .sort(([, a], [, b]) => b.length - a.length);
}

/**
 * Replaces every secret value in a JSON text with `[secret NAME]`, in any escaping. The text is
 * rewritten value by value (strings and keys), so the result is still JSON of the same shape; a
 * secret that shows outside any string (a number with a PIN's digits) makes the whole value
 * `"[secret NAME]"`.
 */
export function redactJson(json: string, secrets: Readonly<Record<string, string>>): string {
  if (!secretIn(json, secrets)) return json;
  const entries = longestFirst(secrets);
  const redact = (text: string): string => {
    let out = text;
    for (const [name, value] of entries)
      for (const form of stringForms(value)) out = out.split(form).join(`[secret ${name}]`);
    return out;
  };
  const redacted = JSON.stringify(mapStrings(JSON.parse(json), redact));
  const left = secretIn(redacted, secrets);
  return left === undefined ? redacted : JSON.stringify(`[secret ${left}]`);
}

/**
 * The inverse of `redactJson` for the names given: each `[secret NAME]` in a string becomes the
 * value again. For what must act on a call's own arguments as the log keeps them (a rollback).
 */
export function restoreJson(json: string, secrets: Readonly<Record<string, string>>): string {
  if (!json.includes('[secret ')) return json;
  const restore = (text: string): string =>
    text.replace(/\[secret ([^\]]+)\]/g, (whole, name: string) =>
      Object.hasOwn(secrets, name) ? secrets[name]! : whole,
    );
  return JSON.stringify(mapStrings(JSON.parse(json), restore));
}

/** A JSON value with every string in it (keys too) passed through `fn`. */
function mapStrings(value: unknown, fn: (text: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, fn));
  // fromEntries defines own properties: a key '__proto__' stays a key, it does not become a prototype.
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [fn(key), mapStrings(item, fn)]));
  }
  return value;
}

/** The name of a secret whose value a JSON text carries, in any escaping, if one does. */
export function secretIn(json: string, secrets: Readonly<Record<string, string>>): string | undefined {
  for (const [name, value] of Object.entries(secrets))
    if (value && jsonForms(value).some((form) => json.includes(form))) return name;
  return undefined;
}

/**
 * An output that carries a secret's value, refused: the log (and whoever reads the output) must
 * never get it, and changing the value would hand the body something else than what was returned.
 */
export function secretInOutput(what: string, secretName: string): FluxError {
  return new FluxError(
    'SECRET_IN_OUTPUT',
    `${what} contains the value of secret '${secretName}'; secrets never reach the event log, so return something derived from it instead`,
  );
}
