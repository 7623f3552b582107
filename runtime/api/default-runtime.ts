/**
 * The runtime used when a call passes none: embedded and durable, SQLite at `$FLUX_HOME/flux.db`
 * (`./.flux` by default), so a second process can resume what the first one paused. Created once,
 * on first use.
 */
import { createRuntime, type Runtime } from '../host/actor-runtime.js';

let defaultRuntime: Promise<Runtime> | undefined;

export function getDefaultRuntime(): Promise<Runtime> {
  defaultRuntime ??= createRuntime();
  return defaultRuntime;
}
