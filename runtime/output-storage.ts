/**
 * Output storage: keeps a task's (or a workflow's) output out of the event log. The log records a
 * reference, `{ "$fluxOutput": { storage, location } }`, and whoever reads the output (the body on
 * replay, `ctx.output`, another process) gets the value back through the storage kind named in it.
 * The default is inline: the value is in the event itself.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FluxError } from './errors.js';

export interface OutputStorage {
  /** The kind named in references; readers find the storage by it. */
  readonly kind: string;
  /** Keeps a value's JSON (undefined for no value); returns where it went. */
  store(executionId: string, sourceId: string, valueJson: string | undefined): Promise<string>;
  /** The JSON kept at `location`. Synchronous: a replay hands outputs over on a fixed schedule. */
  retrieve(location: string): string | undefined;
}

const REFERENCE_PREFIX = '{"$fluxOutput":';
const readers = new Map<string, (location: string) => string | undefined>();

/** Makes references of a storage kind readable in this process. */
export function registerOutputStorage(storage: OutputStorage): void {
  readers.set(storage.kind, (location) => storage.retrieve(location));
}

export async function storeOutput(storage: OutputStorage, executionId: string, sourceId: string, valueJson: string | undefined): Promise<string> {
  const location = await storage.store(executionId, sourceId, valueJson);
  return JSON.stringify({ $fluxOutput: { location, storage: storage.kind } });
}

/** The value's JSON: itself, or, for a reference, what its storage keeps. */
export function resolveOutput(valueJson: string | undefined): string | undefined {
  if (valueJson === undefined || !valueJson.startsWith(REFERENCE_PREFIX)) return valueJson;
  const { storage, location } = (JSON.parse(valueJson) as { $fluxOutput: { storage: string; location: string } }).$fluxOutput;
  const read = readers.get(storage);
  if (!read) throw new FluxError('OUTPUT_UNAVAILABLE', `an output was kept in '${storage}' storage, which this process does not know; create that storage here first`);
  return read(location);
}

/** Keeps each output in a JSON file: `<dir>/<execution id>/<source id>.json`. */
export class LocalFileStorage implements OutputStorage {
  readonly kind = 'local-file';
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
    registerOutputStorage(this);
  }

  async store(executionId: string, sourceId: string, valueJson: string | undefined): Promise<string> {
    const folder = join(this.dir, executionId);
    mkdirSync(folder, { recursive: true });
    const location = join(folder, `${sourceId}.json`);
    writeFileSync(location, valueJson ?? '');
    return location;
  }

  retrieve(location: string): string | undefined {
    try {
      const text = readFileSync(location, 'utf8');
      return text === '' ? undefined : text;
    } catch (error) {
      throw new FluxError('OUTPUT_UNAVAILABLE', `the output kept at ${location} cannot be read: ${(error as Error).message}`, { cause: error });
    }
  }
}
