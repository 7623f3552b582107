#!/usr/bin/env node
/**
 * `flux`: the command line of flux-actors. Each command is in ./commands/; every one prints a
 * one-line error and exits non-zero on bad input.
 */
import { Command, CommanderError } from 'commander';
import { redactCredentials } from '../control/redact.js';
import { execCommand } from './commands/exec.js';
import { executionCommands } from './commands/executions.js';
import { deleteCommands } from './commands/deletes.js';
import { replayCommand } from './commands/replay.js';
import { scheduleCommands } from './commands/schedules.js';
import { serverCommand } from './commands/server.js';
import { visualizeCommand } from './commands/visualize.js';
import { workerCommand } from './commands/worker.js';
import { EXIT_CODES_HELP } from './exit-codes.js';
import { failWith } from './output.js';
import { packageVersion } from './version.js';

const program = new Command('flux')
  .description('durable workflows for TypeScript: run, serve and inspect them')
  .version(packageVersion(), '-V, --version', 'print the version of flux-actors')
  // `flux --version` is the program's; `flux list --version 2` is the list's (a workflow version).
  .enablePositionalOptions()
  .addHelpText('after', EXIT_CODES_HELP)
  // Usage errors in the same one-line form as every other error (subcommands inherit both); one
  // that quotes an argument quotes no URL's password.
  .configureOutput({
    outputError: (text, write) =>
      write(`flux: ${redactCredentials(text.replace(/^error: /, '').trim())} (see flux --help)\n`),
  })
  .exitOverride();

execCommand(program);
workerCommand(program);
executionCommands(program);
deleteCommands(program);
visualizeCommand(program);
scheduleCommands(program);
replayCommand(program);
serverCommand(program);

// Not a top-level await: while this module is still evaluating, a user's CommonJS module (a .ts
// file outside a "type": "module" package) could not require('flux-actors') (Node calls it a cycle).
program.parseAsync(process.argv).then(
  // A NATS connection's timers or a SQLite handle must not keep a finished command alive. The
  // status is the one a command that waited for an execution set (exit-codes.ts), else 0.
  () => process.exit(),
  (error: unknown) => {
    if (error instanceof CommanderError) process.exit(error.exitCode); // commander printed it already (usage, --help)
    failWith(error);
  },
);
