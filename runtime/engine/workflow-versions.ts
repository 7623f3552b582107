/**
 * The versions of each workflow a process serves (`workflow.withOptions({ version })`). An execution
 * records the version it started on and is only ever driven by that version's code; a new start
 * takes the newest. Versions are ordered as people number them: numbers inside compare as numbers
 * ("v2" < "v10", "1.9" < "1.10"); a workflow defined without a version is older than any version.
 */
import { InvalidNameError } from './errors.js';

export interface VersionedWorkflow {
  readonly name: string;
  readonly options: { readonly version?: string | undefined };
}

/** What a version may be: it is carried in subjects, consumer names and the index. */
const VERSION = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/;

export function checkVersion(version: string): string {
  if (typeof version !== 'string' || !VERSION.test(version))
    throw new InvalidNameError(
      'workflow version',
      String(version),
      "1 to 64 letters, digits, '.', '_' or '-', not starting with '.'",
    );
  return version;
}

/** Orders versions; `undefined` (no version) is the oldest. */
export function compareVersions(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * A workflow and version as one key (`order@v2`, or `order` without a version): how a NATS worker's
 * leases and heartbeat name what it drives. Names hold no '@', so the key is unambiguous.
 */
export function servedKey(definition: VersionedWorkflow): string {
  const { version } = definition.options;
  return version === undefined ? definition.name : `${definition.name}@${version}`;
}

export class WorkflowVersions<W extends VersionedWorkflow = VersionedWorkflow> {
  private readonly byName = new Map<string, Map<string | undefined, W>>();

  /** Keeps a definition; a later one of the same name and version replaces it (module reloads, tests). */
  add(definition: W): W {
    const versions = this.byName.get(definition.name) ?? new Map<string | undefined, W>();
    this.byName.set(definition.name, versions);
    versions.set(definition.options.version, definition);
    return definition;
  }

  /** The newest version of a workflow: what a new start runs. */
  newest(name: string): W | undefined {
    const versions = this.byName.get(name);
    if (!versions) return undefined;
    let newest: W | undefined;
    for (const definition of versions.values())
      if (!newest || compareVersions(definition.options.version, newest.options.version) > 0) newest = definition;
    return newest;
  }

  /**
   * The code for an execution that recorded `version`: exactly that version. One recorded before
   * versions were used (none) runs on the definition without a version, else on the newest.
   */
  forRecorded(name: string, version: string | undefined): W | undefined {
    const versions = this.byName.get(name);
    if (!versions) return undefined;
    if (version !== undefined) return versions.get(version);
    return versions.get(undefined) ?? this.newest(name);
  }

  /** A version asked for by a start; undefined asks for the newest. */
  pick(name: string, version: string | undefined): W | undefined {
    return version === undefined ? this.newest(name) : this.byName.get(name)?.get(version);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The versions served of a workflow, oldest first (`undefined`: the one without a version). */
  versions(name: string): (string | undefined)[] {
    return [...(this.byName.get(name)?.keys() ?? [])].sort(compareVersions);
  }

  all(): W[] {
    return [...this.byName.values()].flatMap((versions) => [...versions.values()]);
  }
}
