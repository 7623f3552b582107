import type { ExecutionContext } from '../runtime/engine/execution-context.js';
import { forkedFrom, forksOf } from '../runtime/engine/fork.js';
import { childCalls, parentOf } from '../runtime/engine/children.js';
import { storedLog } from '../runtime/engine/execution-context.js';

/**
 * An execution as the CLI (`--json`) and the HTTP API show it; its events only when asked for. Its
 * version when it is pinned to one, and the executions it links to: the parent that called it and
 * the children it called, the execution it was forked from and the forks made of it.
 */
export function executionJson(ctx: ExecutionContext, withEvents: boolean): Record<string, unknown> {
  const { events, ...rest } = ctx.toJSON();
  const log = storedLog(ctx);
  const from = forkedFrom(log);
  const forks = forksOf(log);
  const calledBy = parentOf(log);
  const children = childCalls(log).map((child) => child.executionId);
  return {
    ...rest,
    ...(ctx.version !== undefined && { version: ctx.version }),
    ...(ctx.error && { error: ctx.error }),
    ...(calledBy && { calledBy }),
    ...(children.length > 0 && { children }),
    ...(from && { forkedFrom: from }),
    ...(forks.length > 0 && { forks }),
    ...(withEvents && { events }),
  };
}
