import type { ExecutionContext } from '../runtime/engine/execution-context.js';
import { forkedFrom, forksOf } from '../runtime/engine/fork.js';
import { storedLog } from '../runtime/engine/execution-context.js';

/**
 * An execution as the CLI (`--json`) and the HTTP API show it; its events only when asked for. Its
 * version when it is pinned to one, and the forks it links to either way.
 */
export function executionJson(ctx: ExecutionContext, withEvents: boolean): Record<string, unknown> {
  const { events, ...rest } = ctx.toJSON();
  const log = storedLog(ctx);
  const from = forkedFrom(log);
  const forks = forksOf(log);
  return {
    ...rest,
    ...(ctx.version !== undefined && { version: ctx.version }),
    ...(ctx.error && { error: ctx.error }),
    ...(from && { forkedFrom: from }),
    ...(forks.length > 0 && { forks }),
    ...(withEvents && { events }),
  };
}
