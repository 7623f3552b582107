/** `flux exec <file> <workflow> [input]`: runs a workflow on the embedded runtime and prints the execution (as Flux's `flux exec`). */
import type { Command } from 'commander';
import { openBackend } from '../../control/open-backend.js';
import { EXIT_CODES_HELP, exitWith } from '../exit-codes.js';
import { executionJson, parseJsonArgument, printJson } from '../output.js';
import { withProgress } from '../progress.js';
import { checkName } from '../../runtime/index.js';

export function execCommand(program: Command): void {
  program
    .command('exec')
    .description('run a workflow from a .ts or .js file on the embedded runtime; prints the execution as JSON')
    .argument('<file>', 'the module that defines the workflow (TypeScript needs no build step)')
    .argument('<workflow>', "the workflow's name")
    .argument('[input]', 'the input, as JSON')
    .option('--events', 'include the event log')
    .option('--json', "print JSON (what exec prints anyway, as Flux's flux exec)")
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string, workflow: string, inputText: string | undefined, flags: { events?: boolean }) => {
      checkName(workflow, 'workflow name');
      const input = parseJsonArgument(inputText, 'the input');
      const { backend } = await openBackend({ modules: [file], embedded: true, recover: true });
      try {
        let id: string | undefined;
        const ctx = await withProgress(
          `running ${workflow}`,
          backend.start(workflow, input).then((started) => {
            id = started;
            return backend.result(started);
          }),
          {
            backend,
            executionId: () => id,
          },
        );
        printJson(executionJson(ctx, flags.events ?? false));
        exitWith(ctx.state);
      } finally {
        await backend.close();
      }
    });
}
