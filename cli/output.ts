/** How the CLI prints: JSON for programs (`--json`), short lines for people, errors as one line. */
import { executionJson } from '../control/execution-json.js';
import { redactCredentials } from '../control/redact.js';
import { type ExecutionContext, type ExecutionSummary, FluxError } from '../runtime/index.js';

export { executionJson };

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One JSON value per line, for a long-running command a program reads as it goes. */
export function printJsonLine(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printExecution(ctx: ExecutionContext, options: { json?: boolean; events?: boolean }): void {
  if (options.json) {
    printJson(executionJson(ctx, options.events ?? false));
    return;
  }
  const lines = [`${ctx.executionId}  ${ctx.name}${ctx.version === undefined ? '' : `@${ctx.version}`}  ${ctx.state}`];
  const { forkedFrom, forks } = executionJson(ctx, false) as {
    forkedFrom?: { executionId: string; step: number };
    forks?: { executionId: string; step: number }[];
  };
  if (forkedFrom) lines.push(`  forked from: ${forkedFrom.executionId} at step ${forkedFrom.step}`);
  for (const fork of forks ?? []) lines.push(`  forked as:   ${fork.executionId} from step ${fork.step}`);
  if (ctx.input !== undefined) lines.push(`  input:  ${JSON.stringify(ctx.input)}`);
  if (ctx.output !== undefined)
    lines.push(`  ${ctx.isPaused ? 'waiting for' : 'output'}: ${JSON.stringify(ctx.output)}`);
  if (ctx.error)
    lines.push(`  error:  ${ctx.error.name}${ctx.error.code ? ` (${ctx.error.code})` : ''}: ${ctx.error.message}`);
  if (options.events) {
    for (const event of ctx.events) {
      const value = event.value === undefined ? '' : ` ${JSON.stringify(event.value)}`;
      lines.push(
        `  ${event.time}  ${event.type.padEnd(22)} ${event.name}${value.length > 80 ? `${value.slice(0, 77)}...` : value}`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function printList(records: readonly ExecutionSummary[], options: { json?: boolean }): void {
  if (options.json) {
    printJson(records);
    return;
  }
  if (records.length === 0) return void process.stdout.write('no executions\n');
  // A pinned execution shows its version: `order@2`.
  const workflow = (r: ExecutionSummary) => (r.version === undefined ? r.workflow : `${r.workflow}@${r.version}`);
  const width = Math.max(...records.map((r) => workflow(r).length), 'WORKFLOW'.length);
  const lines = [`${'EXECUTION'.padEnd(36)}  ${'WORKFLOW'.padEnd(width)}  ${'STATE'.padEnd(10)}  UPDATED`];
  for (const r of records)
    lines.push(`${r.executionId.padEnd(36)}  ${workflow(r).padEnd(width)}  ${r.state.padEnd(10)}  ${r.updatedAt}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * One line on stderr, and the exit code: what went wrong, never a stack trace, and never the
 * password of a URL it quotes (whichever layer wrote the message).
 */
export function failWith(error: unknown): never {
  const message = redactCredentials(error instanceof Error ? error.message : String(error));
  const code = error instanceof FluxError ? ` [${error.code}]` : '';
  process.stderr.write(`flux: ${message.split('\n')[0]}${code}\n`);
  process.exit(1);
}

/** A JSON argument, or a clear error naming which argument is not JSON. */
export function parseJsonArgument(text: string | undefined, what: string): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FluxError(
      'BAD_JSON',
      `${what} is not valid JSON (${(error as Error).message}): ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`,
    );
  }
}
