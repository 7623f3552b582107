/**
 * Output storage: keeps a task's (or a workflow's) output out of the event log. The log records a
 * reference, `{ "$fluxOutput": { storage, location } }`, and the body on replay, `ctx.output` and
 * other processes get the value back through the same storage. Only an output of a task or
 * workflow that declares a storage is ever read as a reference, and only from that storage: a value
 * that merely looks like one is data.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { FluxError } from './errors.js';

export interface OutputStorage {
  /** The kind named in references. */
  readonly kind: string;
  /** Keeps a value's JSON (undefined for no value); returns where it went. Each call gets a new place. */
  store(executionId: string, sourceId: string, valueJson: string | undefined): Promise<string>;
  /** The JSON kept at `location`. Synchronous: a replay hands outputs over on a fixed schedule. */
  retrieve(location: string): string | undefined;
  /** Forgets every output kept for an execution (it was deleted); a storage without it keeps them. */
  discard?(executionId: string): Promise<void>;
}

const REFERENCE_PREFIX = '{"$fluxOutput":';

export async function storeOutput(
  storage: OutputStorage,
  executionId: string,
  sourceId: string,
  valueJson: string | undefined,
): Promise<string> {
  const location = await storage.store(executionId, sourceId, valueJson);
  return JSON.stringify({ $fluxOutput: { location, storage: storage.kind } });
}

/** The output's JSON: as recorded, or, when the owner keeps outputs in `storage`, read from it. */
export function resolveOutput(valueJson: string | undefined, storage: OutputStorage | undefined): string | undefined {
  if (!storage || valueJson === undefined || !valueJson.startsWith(REFERENCE_PREFIX)) return valueJson;
  const reference = (JSON.parse(valueJson) as { $fluxOutput?: { storage?: unknown; location?: unknown } }).$fluxOutput;
  if (reference?.storage !== storage.kind || typeof reference.location !== 'string') {
    throw new FluxError(
      'OUTPUT_UNAVAILABLE',
      `an output refers to '${String(reference?.storage)}' storage, not the '${storage.kind}' storage its task or workflow declares`,
    );
  }
  return storage.retrieve(reference.location);
}

/** Keeps each output in a JSON file of its own under `<dir>/<execution id>/`. */
export class LocalFileStorage implements OutputStorage {
  readonly kind = 'local-file';
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async store(executionId: string, sourceId: string, valueJson: string | undefined): Promise<string> {
    const folder = join(this.dir, safeName(executionId));
    mkdirSync(folder, { recursive: true });
    // A new file per store: a superseded driver that stores late cannot overwrite what the log refers to.
    const location = join(folder, `${safeName(sourceId)}.${randomUUID()}.json`);
    writeFileSync(location, valueJson ?? '');
    return location;
  }

  async discard(executionId: string): Promise<void> {
    rmSync(join(this.dir, safeName(executionId)), { recursive: true, force: true });
  }

  retrieve(location: string): string | undefined {
    const inside = relative(this.dir, resolve(location));
    if (inside.startsWith('..') || isAbsolute(inside)) {
      throw new FluxError('OUTPUT_UNAVAILABLE', `an output reference points outside ${this.dir}; it is not read`);
    }
    try {
      const text = readFileSync(location, 'utf8');
      return text === '' ? undefined : text;
    } catch (error) {
      throw new FluxError(
        'OUTPUT_UNAVAILABLE',
        `the output kept at ${location} cannot be read: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
}

function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '_');
}
