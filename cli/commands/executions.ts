/** `flux start | resume | cancel | retry | fork | inspect | list`: executions, on NATS or the embedded store. */
import { Option, type Command } from 'commander';
import type { Backend } from '../../control/backend.js';
import { usingBackend, withBackendOptions, type BackendFlags } from '../backend-options.js';
import { EXIT_CODES_HELP, exitWith } from '../exit-codes.js';
import { parseJsonArgument, printExecution, printJson, printList } from '../output.js';
import { withProgress } from '../progress.js';
import {
  checkExecutionId,
  checkName,
  checkVersion,
  ID_REUSE_POLICIES,
  type IdReusePolicy,
  EXECUTION_STATES,
  type ExecutionContext,
  type ExecutionState,
  FluxError,
  hasErrorCode,
  WorkflowMismatchError,
} from '../../runtime/index.js';

export function executionCommands(program: Command): void {
  withBackendOptions(program.command('start'))
    .description('start an execution; prints its id (with --wait, the execution once it pauses or finishes)')
    .argument('<workflow>', "the workflow's name")
    .argument('[input]', 'the input, as JSON')
    .option('--wait', 'wait until it pauses or finishes')
    .option('--version <version>', 'run on this version of the workflow (default: the newest served)')
    .addOption(
      new Option(
        '--id-reuse <policy>',
        'with --id: allowIfFinished starts a new run under the id once the execution there has finished',
      ).choices(ID_REUSE_POLICIES),
    )
    .option(
      '--id <executionId>',
      'the id of the new execution (default: a new UUIDv7); if it exists already, it is not started again: ' +
        'its id (with --wait, the execution once it pauses or finishes) is printed and stderr says so',
    )
    .addHelpText('after', `${EXIT_CODES_HELP}\n  (without --wait: 0 once it is started, or found under --id)`)
    .action(
      async (
        workflow: string,
        inputText: string | undefined,
        flags: BackendFlags & { wait?: boolean; id?: string; version?: string; idReuse?: IdReusePolicy },
      ) => {
        checkName(workflow, 'workflow name');
        if (flags.version !== undefined) checkVersion(flags.version);
        const executionId = flags.id === undefined ? undefined : checkExecutionId(flags.id);
        const input = parseJsonArgument(inputText, 'the input');
        await usingBackend(flags, async (backend) => {
          const existing =
            executionId === undefined ? undefined : await existingExecution(backend, executionId, workflow);
          const id = await backend.start(workflow, input, {
            ...(executionId !== undefined && { executionId }),
            ...(flags.version !== undefined && { version: flags.version }),
            ...(flags.idReuse !== undefined && { idReuse: flags.idReuse }),
          });
          if (existing)
            process.stderr.write(`flux start: execution ${id} exists already (${existing.state}): not started again\n`);
          if (!flags.wait) {
            if (flags.json) printJson({ executionId: id, ...(existing && { started: false, state: existing.state }) });
            else process.stdout.write(`${id}\n`);
            // The embedded runtime runs a new one here: it must get to a pause or its end before the process goes.
            if (!existing && backend.description.startsWith('embedded')) {
              await withProgress(`running ${id} here (embedded)`, backend.result(id), {
                backend,
                executionId: () => id,
              });
            }
            return;
          }
          showOutcome(
            await withProgress(`waiting for ${id}`, backend.result(id), { backend, executionId: () => id }),
            flags,
          );
        });
      },
    );

  withBackendOptions(program.command('resume'))
    .description('resume a paused execution with a value; prints it once it pauses again or finishes')
    .argument('<executionId>')
    .argument('[value]', 'the value pause() returns, as JSON')
    .option('--pause <name>', 'the pause it answers, when several are pending')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (executionId: string, valueText: string | undefined, flags: BackendFlags & { pause?: string }) => {
      checkExecutionId(executionId);
      const value = parseJsonArgument(valueText, 'the value');
      await usingBackend(flags, async (backend) => {
        const resumed = backend.resume(executionId, value, { pause: flags.pause });
        showOutcome(
          await withProgress(`resuming ${executionId}`, resumed, {
            backend,
            executionId: () => executionId,
          }),
          flags,
        );
      });
    });

  withBackendOptions(program.command('cancel'))
    .description('cancel a running or paused execution; prints it once cancelled (exit 0)')
    .argument('<executionId>')
    .option('--rollback', 'run the rollbacks of its completed tasks first, newest first')
    .action(async (executionId: string, flags: BackendFlags & { rollback?: boolean }) => {
      checkExecutionId(executionId);
      await usingBackend(flags, async (backend) => {
        const cancelled = backend.cancel(executionId, { rollback: flags.rollback === true });
        printExecution(await withProgress(`cancelling ${executionId}`, cancelled), flags);
      });
    });

  withBackendOptions(program.command('retry'))
    .description(
      'run a failed execution again from where it failed, on the code deployed now (completed steps are not run again); ' +
        'prints it once it pauses or finishes',
    )
    .argument('<executionId>')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (executionId: string, flags: BackendFlags) => {
      checkExecutionId(executionId);
      await usingBackend(flags, async (backend) => {
        const retried = backend.retry(executionId);
        showOutcome(
          await withProgress(`retrying ${executionId}`, retried, { backend, executionId: () => executionId }),
          flags,
        );
      });
    });

  withBackendOptions(program.command('fork'))
    .description(
      'start a new execution that takes over the steps of a finished one before --from (their outputs reused) ' +
        'and goes on from there; prints its id (with --wait, the fork once it pauses or finishes)',
    )
    .argument('<executionId>', 'the execution to fork')
    .requiredOption('--from <step>', "the step to go on from: its number (from 1), its task id, or its task's name")
    .option('--id <executionId>', "the fork's id (default: a new UUIDv7)")
    .option('--wait', 'wait until the fork pauses or finishes')
    .addHelpText('after', `${EXIT_CODES_HELP}\n  (without --wait: 0 once it is started)`)
    .action(async (executionId: string, flags: BackendFlags & { from: string; id?: string; wait?: boolean }) => {
      checkExecutionId(executionId);
      const forkId = flags.id === undefined ? undefined : checkExecutionId(flags.id);
      await usingBackend(flags, async (backend) => {
        const id = await backend.fork(executionId, { from: flags.from, ...(forkId && { executionId: forkId }) });
        const embedded = backend.description.startsWith('embedded');
        if (!flags.wait) {
          if (flags.json) printJson({ executionId: id, forkedFrom: executionId });
          else process.stdout.write(`${id}\n`);
          // The embedded runtime runs it here: it must get to a pause or its end before the process goes.
          if (embedded)
            await withProgress(`running ${id} here (embedded)`, backend.result(id), { backend, executionId: () => id });
          return;
        }
        showOutcome(
          await withProgress(`waiting for ${id}`, backend.result(id), { backend, executionId: () => id }),
          flags,
        );
      });
    });

  withBackendOptions(program.command('inspect'))
    .description('show an execution: state, input, output (and its events)')
    .argument('<executionId>')
    .option('--events', 'include the event log')
    .action(async (executionId: string, flags: BackendFlags & { events?: boolean }) => {
      checkExecutionId(executionId);
      await usingBackend(flags, async (backend) => printExecution(await backend.inspect(executionId), flags));
    });

  withBackendOptions(program.command('list'))
    .description('list executions, newest first')
    .addOption(new Option('--state <state>', 'only executions in this state').choices(EXECUTION_STATES))
    .option('--workflow <name>', 'only executions of this workflow')
    .option(
      '--version <version>',
      'only executions pinned to this workflow version (with --state paused: what still needs that code)',
    )
    .option('--limit <n>', 'at most this many', (text) => positiveInteger(text, '--limit'))
    .action(
      async (flags: BackendFlags & { state?: ExecutionState; workflow?: string; version?: string; limit?: number }) => {
        if (flags.workflow !== undefined) checkName(flags.workflow, 'workflow name');
        if (flags.version !== undefined) checkVersion(flags.version);
        await usingBackend(flags, async (backend) => {
          const filter = {
            ...(flags.state && { state: flags.state }),
            ...(flags.workflow && { workflow: flags.workflow }),
            ...(flags.version && { version: flags.version }),
            ...(flags.limit && { limit: flags.limit }),
          };
          printList(await backend.list(filter), flags);
        });
      },
    );
}

/** Prints an execution a command waited for, and makes the exit status say how it ended (exit-codes.ts). */
export function showOutcome(ctx: ExecutionContext, flags: { json?: boolean; events?: boolean }): void {
  printExecution(ctx, flags);
  exitWith(ctx.state);
}

/** The execution under a chosen id, if there is one; one of another workflow is refused. */
async function existingExecution(
  backend: Backend,
  executionId: string,
  workflow: string,
): Promise<ExecutionContext | undefined> {
  const ctx = await backend.inspect(executionId).catch((error: unknown) => {
    if (hasErrorCode(error, 'EXECUTION_NOT_FOUND')) return undefined;
    throw error;
  });
  if (ctx && ctx.name !== workflow) throw new WorkflowMismatchError(executionId, workflow, ctx.name);
  return ctx;
}

export function positiveInteger(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new FluxError('BAD_ARGUMENT', `${what} must be a positive integer, not '${text}'`);
  return n;
}
