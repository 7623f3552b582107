/** Deterministic identities: the same call in the same body gets the same id in any process. */
import { hash } from 'node:crypto';

/** A short, stable hash of a call's canonical argument JSON. */
export function argumentsHash(argsJson: string): string {
  return hash('sha1', argsJson, 'hex').slice(0, 12);
}

/**
 * Counts calls with the same name and arguments within one execution, so the n-th identical call
 * gets its own id: `<name>_<hash>_<n>`.
 */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  next(name: string, argsHash: string): string {
    const base = `${name}_${argsHash}`;
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    return `${base}_${n}`;
  }
}
