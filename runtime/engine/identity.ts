/** Deterministic identities: the same call in the same body gets the same id in any process. */

/**
 * A short, stable hash of a call's canonical argument JSON: 48 bits from two 32-bit FNV-1a style
 * lanes (cyrb53). Computed on every task call and every replayed step, so it stays in JavaScript:
 * a call into node:crypto costs more than the whole hash of a short string.
 */
export function argumentsHash(argsJson: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < argsJson.length; i++) {
    const ch = argsJson.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Byte table, not Number#toString(16): the latter is slow for numbers above 2^31 (~1 µs here).
  return (
    HEX[(h2 >>> 8) & 255]! +
    HEX[h2 & 255]! +
    HEX[h1 >>> 24]! +
    HEX[(h1 >>> 16) & 255]! +
    HEX[(h1 >>> 8) & 255]! +
    HEX[h1 & 255]!
  );
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A call's id is `<name>_<hash>_<n>`: the n-th call with that name and those arguments. */
export function callBase(name: string, argsHash: string): string {
  return `${name}_${argsHash}`;
}

export function callId(base: string, occurrence: number): string {
  return `${base}_${occurrence}`;
}

/**
 * Whether a call id is a nested task's (`<calling task's id>/<name>_<hash>_<n>`): a step of the
 * calling task, not of the workflow body, so the body's replay passes over it.
 */
export function isNestedCall(taskId: string): boolean {
  return taskId.includes('/');
}

/** The base of a recorded call id and its occurrence number. */
export function parseCallId(taskId: string): { base: string; occurrence: number } {
  const cut = taskId.lastIndexOf('_');
  return { base: taskId.slice(0, cut), occurrence: Number(taskId.slice(cut + 1)) };
}
