/**
 * `flux replay --check <modules…>`: before a deploy, replays recorded executions against the code in
 * the modules given, running no task and writing nothing, and says per execution `ok` or where the
 * code leaves the log. Exit 5 on any divergence, so a CI pipeline can stop the deploy.
 */
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { loadModules } from '../../control/modules.js';
import { openReplaySource } from '../../control/replay-source.js';
import { natsLoginOf, withNatsLoginOptions, type NatsLoginFlags } from '../nats-login-options.js';
import { printJson } from '../output.js';
import {
  checkExecutionId,
  checkName,
  EXECUTION_STATES,
  FluxError,
  replayCheck,
  type ExecutionEvent,
  type ExecutionState,
  type ReplayReport,
  type ReplayVerdict,
} from '../../runtime/index.js';

/** The exit status when the code leaves the log of a recorded execution. */
export const EXIT_DIVERGED = 5;

interface ReplayFlags extends NatsLoginFlags {
  check?: boolean;
  nats?: string;
  prefix?: string;
  workflow?: string;
  state?: string;
  ids?: string;
  since?: string;
  history?: string[];
  json?: boolean;
}

export function replayCommand(program: Command): void {
  withNatsLoginOptions(
    program
      .command('replay')
      .description(
        'replay recorded executions against the code in <modules> without running or writing anything; prints ok or where the code leaves each log',
      )
      .argument('<modules...>', 'the modules with the code to check (the workflows to be deployed)')
      .requiredOption('--check', 'check only (the one mode there is): nothing runs, nothing is written')
      .addOption(
        new Option(
          '--nats <url>',
          'read from this NATS server (default: $FLUX_NATS_URL; unset: the embedded store under $FLUX_HOME, read-only)',
        ),
      )
      .option('--prefix <prefix>', 'the prefix of every stream, bucket and subject on NATS', 'flux')
      .option('--workflow <name>', 'only executions of this workflow')
      .option(
        '--state <states>',
        `only executions in these states, e.g. paused,running (of ${EXECUTION_STATES.join(', ')})`,
      )
      .option('--ids <ids>', 'only these executions (comma-separated)')
      .option('--since <instant>', 'only executions created at or after this ISO 8601 instant')
      .option(
        '--history <files...>',
        'check histories exported with `flux inspect <id> --events --json` instead of a store',
      )
      .option('--json', 'print JSON')
      .addHelpText(
        'after',
        `\nExit codes:\n  0  every execution checked fits the code\n  1  an error (usage, a module that does not load, a store out of reach)\n  ${EXIT_DIVERGED}  the code leaves the log of at least one execution`,
      ),
  ).action(async (files: string[], flags: ReplayFlags) => {
    const modules = await loadModules(files);
    const workflows = [...modules.workflows.values()];
    if (workflows.length === 0)
      throw new FluxError('BAD_ARGUMENT', `the modules given define no workflow: ${files.join(', ')}`);
    const options = {
      ...(flags.workflow !== undefined && { workflow: checkName(flags.workflow, 'workflow name') }),
      ...(flags.state !== undefined && { states: statesOf(flags.state) }),
      ...(flags.ids !== undefined && { ids: flags.ids.split(',').map((id) => checkExecutionId(id.trim())) }),
      ...(flags.since !== undefined && { since: instantOf(flags.since) }),
    };
    let report: ReplayReport;
    if (flags.history?.length) {
      report = await replayCheck({ histories: flags.history.map(historyOf) }, workflows, options);
    } else {
      const opened = await openReplaySource({ nats: flags.nats, prefix: flags.prefix, login: natsLoginOf(flags) });
      try {
        report = await replayCheck(opened.source, workflows, options);
      } finally {
        await opened.close();
      }
    }
    if (flags.json) printJson(report);
    else printReport(report);
    if (!report.ok) process.exitCode = EXIT_DIVERGED;
  });
}

function statesOf(text: string): ExecutionState[] {
  return text.split(',').map((state) => {
    const trimmed = state.trim();
    if (!(EXECUTION_STATES as readonly string[]).includes(trimmed))
      throw new FluxError('BAD_ARGUMENT', `--state: '${trimmed}' is not one of ${EXECUTION_STATES.join(', ')}`);
    return trimmed as ExecutionState;
  });
}

function instantOf(text: string): string {
  if (!Number.isFinite(Date.parse(text))) throw new FluxError('BAD_ARGUMENT', `--since: '${text}' is not an instant`);
  return text;
}

/** A history file: the JSON of `flux inspect --events --json` (its `events`), or an array of events. */
function historyOf(file: string): ExecutionEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FluxError('BAD_ARGUMENT', `--history ${file}: ${(error as Error).message}`);
  }
  const events = Array.isArray(parsed) ? parsed : (parsed as { events?: unknown })?.events;
  if (!Array.isArray(events) || events.length === 0)
    throw new FluxError(
      'BAD_ARGUMENT',
      `--history ${file} holds no events (export one with flux inspect <id> --events --json)`,
    );
  return events as ExecutionEvent[];
}

function printReport(report: ReplayReport): void {
  const lines = report.verdicts.map(line);
  lines.push(
    `${report.checked} checked, ${report.failures.length} diverged${report.verdicts.length > report.checked ? `, ${report.verdicts.length - report.checked} skipped (no code given for their workflow)` : ''}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

function line(v: ReplayVerdict): string {
  const head = `${v.executionId}  ${v.workflow}${v.state ? ` (${v.state})` : ''}`;
  if (v.skipped) return `skipped   ${head}: ${v.skipped}`;
  if (v.ok) return `ok        ${head}`;
  const d = v.divergence!;
  const expected = d.expected
    ? `expected '${d.expected.name}' ${d.expected.argsJson ?? '[]'} (event ${d.expected.seq})`
    : '';
  const actual = d.actual ? `, called '${d.actual.name}' ${d.actual.argsJson}` : ', the body ended first';
  return `DIVERGES  ${head}: ${expected}${actual}${d.site ? ` at ${d.site}` : ''}`;
}
