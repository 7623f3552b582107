import type { ExecutionContext } from '../runtime/engine/execution-context.js';

/** An execution as the CLI (`--json`) and the HTTP API show it; its events only when asked for. */
export function executionJson(ctx: ExecutionContext, withEvents: boolean): Record<string, unknown> {
  const { events, ...rest } = ctx.toJSON();
  return { ...rest, ...(ctx.error && { error: ctx.error }), ...(withEvents && { events }) };
}
