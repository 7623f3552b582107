/**
 * Which processes this one can see, so that a runtime that died on this machine is known dead at
 * once instead of after its lease. Two processes agree on the identity only when a process id means
 * the same process to both: same host name, same boot, and (on Linux) the same pid namespace; two
 * containers sharing a database file and a host name but not their pids get different identities.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

let identity: string | undefined;

export function hostIdentity(): string {
  identity ??= [
    hostname(),
    readOr(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()),
    readOr(() => readlinkSync('/proc/self/ns/pid')),
  ].join(' ');
  return identity;
}

/** Whether a process of this host identity is alive. A process we may not signal still exists. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function readOr(read: () => string): string {
  try {
    return read();
  } catch {
    return '-';
  }
}
