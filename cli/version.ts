/** The package's version, read from its package.json at run time (no copy to keep in step). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluxError } from '../runtime/index.js';

const PACKAGE_NAME = 'flux-actors';

/**
 * The version in the package.json of flux-actors: the nearest one above this file, which is
 * `../package.json` from the sources (tsx) and `../../package.json` from `dist/cli/`.
 */
export function packageVersion(from = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const found = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (found.name === PACKAGE_NAME && found.version) return found.version;
    }
    const parent = dirname(dir);
    if (parent === dir)
      throw new FluxError(
        'INSTALL_BROKEN',
        `no package.json of ${PACKAGE_NAME} above ${fileURLToPath(from)}: install flux-actors again`,
      );
    dir = parent;
  }
}
