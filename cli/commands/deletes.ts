/** `flux delete | purge`: bounded storage by hand, what `--retention` does by itself. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { usingBackend, withBackendOptions, type BackendFlags } from '../backend-options.js';
import { printJson } from '../output.js';
import {
  checkExecutionId,
  checkName,
  FINISHED_STATES,
  toMilliseconds,
  type FinishedState,
} from '../../runtime/index.js';

/** A duration option ('30d', '12h', '90m', or ms), refused here, before anything is opened. */
export function durationArgument(text: string): string {
  try {
    toMilliseconds(/^\d+$/.test(text) ? Number(text) : text);
    return text;
  } catch {
    throw new InvalidArgumentError("use a duration such as '30d', '12h', '90m' or ms");
  }
}

export function deleteCommands(program: Command): void {
  withBackendOptions(program.command('delete'))
    .description(
      'delete a finished execution with everything kept for it (log, snapshot, large values, index entry, stored outputs); ' +
        'a running, paused or waiting one is refused',
    )
    .argument('<executionId>')
    .action(async (executionId: string, flags: BackendFlags) => {
      checkExecutionId(executionId);
      await usingBackend(flags, async (backend) => {
        await backend.delete(executionId);
        if (flags.json) printJson({ executionId, deleted: true });
        else process.stdout.write(`deleted ${executionId}\n`);
      });
    });

  withBackendOptions(program.command('purge'))
    .description('delete the finished executions whose last event is older than --older-than; prints how many')
    .requiredOption('--older-than <duration>', "e.g. '30d', '12h' (0: every finished one)", durationArgument)
    .addOption(new Option('--state <state>', 'only executions that ended so').choices(FINISHED_STATES))
    .option('--workflow <name>', 'only executions of this workflow')
    .action(async (flags: BackendFlags & { olderThan: string; state?: FinishedState; workflow?: string }) => {
      if (flags.workflow !== undefined) checkName(flags.workflow, 'workflow name');
      await usingBackend(flags, async (backend) => {
        const deleted = await backend.purge({
          olderThan: /^\d+$/.test(flags.olderThan) ? Number(flags.olderThan) : flags.olderThan,
          ...(flags.state && { state: flags.state }),
          ...(flags.workflow && { workflow: flags.workflow }),
        });
        if (flags.json) printJson({ deleted });
        else process.stdout.write(`deleted ${deleted} executions\n`);
      });
    });
}
