/**
 * Files and directories only their owner may read: the store holds every execution's inputs and
 * outputs, and the secret key sits next to it. Modes are set explicitly rather than left to the
 * process umask, which may be anything; the umask itself is never changed (it is process-wide).
 */
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Creates a directory and its missing parents, mode 0700 each. A directory that already exists
 * keeps its mode: its owner chose it.
 */
export function ensurePrivateDir(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return;
  // mkdir's mode is filtered by the umask: set it on each directory made here.
  let made = first;
  chmodSync(made, PRIVATE_DIR_MODE);
  for (const part of relative(first, dir).split(sep).filter(Boolean)) {
    made = `${made}${sep}${part}`;
    chmodSync(made, PRIVATE_DIR_MODE);
  }
}

/**
 * Creates an empty file, mode 0600, unless it exists (an existing file keeps its mode). SQLite gives
 * the files it makes next to a database (the WAL, the shared-memory index, a journal) the
 * database file's mode, so creating the database this way covers them too.
 */
export function ensurePrivateFile(path: string): void {
  ensurePrivateDir(dirname(path));
  let fd: number;
  try {
    fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return; // there already, or another process made it first
    throw error;
  }
  closeSync(fd);
  chmodSync(path, PRIVATE_FILE_MODE); // the umask can only have narrowed it; this makes it exact
}
