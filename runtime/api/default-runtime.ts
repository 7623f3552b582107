/**
 * The runtime used when a call passes none: embedded and durable, SQLite at `$FLUX_HOME/flux.db`
 * (`./.flux` by default), so a second process can resume what the first one paused. Created once,
 * on first use.
 */
import { createRuntime } from './create-runtime.js';
import type { Runtime } from '../host/runtime.js';

let defaultRuntime: Promise<Runtime> | undefined;

export function getDefaultRuntime(): Promise<Runtime> {
  defaultRuntime ??= createRuntime();
  return defaultRuntime;
}
