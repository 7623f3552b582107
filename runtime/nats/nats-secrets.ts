/** Secrets on NATS: sealed with AES-256-GCM (../engine/secrets.ts), one KV entry per secret, keyed by a hash of its name. */
import { createHash } from 'node:crypto';
import type { KV } from '@nats-io/kv';
import { SealedSecrets, type SecretCipher } from '../engine/secrets.js';

export class NatsSecrets extends SealedSecrets {
  constructor(
    private readonly bucket: KV,
    cipher: SecretCipher,
  ) {
    super(cipher);
  }

  protected async write(name: string, sealed: Buffer): Promise<void> {
    await this.bucket.put(secretKey(name), sealed);
  }

  protected async read(name: string): Promise<Uint8Array | undefined> {
    const entry = await this.bucket.get(secretKey(name));
    return entry && entry.operation === 'PUT' ? entry.value : undefined;
  }

  async delete(name: string): Promise<void> {
    await this.bucket.delete(secretKey(name));
  }
}

/** The KV key of a secret: a secret's name may hold any character, a KV key only a few. */
function secretKey(name: string): string {
  return `s_${createHash('sha256').update(name).digest('hex').slice(0, 40)}`;
}
