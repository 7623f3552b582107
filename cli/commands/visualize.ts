/**
 * `flux visualize <machine | file workflow | execution-id>`: a picture of a state machine of
 * `actors/`, of a workflow's `Graph`, or of the path one execution took, as Mermaid, DOT, SVG or an
 * HTML page.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { loadModules } from '../../control/modules.js';
import {
  executionPicture,
  graphPicture,
  machinePicture,
  MACHINE_NAMES,
  type PictureFormat,
} from '../../pictures/index.js';
import { usingBackend, withBackendOptions, type BackendFlags } from '../backend-options.js';
import { printJson } from '../output.js';
import { checkExecutionId, WorkflowNotFoundError } from '../../runtime/index.js';

export function visualizeCommand(program: Command): void {
  withBackendOptions(program.command('visualize'))
    .description(
      `draw a state machine (${MACHINE_NAMES.join(', ')}), a workflow's Graph (file + name), or an execution's path (its id)`,
    )
    .argument('<target>', 'a machine name, a module file, or an execution id')
    .argument('[name]', 'with a file: the Graph (or workflow) to draw')
    .addOption(
      new Option('--format <format>', 'the output format')
        .choices(['mermaid', 'dot', 'svg', 'html'])
        .default('mermaid'),
    )
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .action(
      async (
        target: string,
        name: string | undefined,
        flags: BackendFlags & { format: PictureFormat; output?: string },
      ) => {
        const picture = await draw(target, name, flags);
        if (flags.output) writeFileSync(flags.output, picture);
        else if (flags.json) printJson({ target, format: flags.format, picture });
        else process.stdout.write(picture.endsWith('\n') ? picture : `${picture}\n`);
      },
    );
}

async function draw(
  target: string,
  name: string | undefined,
  flags: BackendFlags & { format: PictureFormat },
): Promise<string> {
  if (MACHINE_NAMES.includes(target)) return machinePicture(target, flags.format);
  if (existsSync(target)) {
    const modules = await loadModules([target]);
    const graph = name
      ? modules.graphs.get(name)
      : modules.graphs.size === 1
        ? [...modules.graphs.values()][0]
        : undefined;
    if (graph) return graphPicture(graph, flags.format);
    // A workflow without a Graph is code: what every execution of it walks is the execution machine.
    if (name && modules.workflows.has(name)) return machinePicture('execution', flags.format);
    const known = [...modules.graphs.keys(), ...modules.workflows.keys()];
    throw new WorkflowNotFoundError(
      name ?? '(none given)',
      {},
      `${target} exports no Graph or workflow named '${name ?? ''}'${known.length ? ` (it exports: ${known.join(', ')})` : ''}`,
    );
  }
  checkExecutionId(target, 'execution id (or machine name, or module file)');
  return usingBackend(flags, async (backend) => {
    const ctx = await backend.inspect(target);
    return executionPicture(
      { executionId: ctx.executionId, workflow: ctx.name, state: ctx.state, events: ctx.events },
      flags.format,
    );
  });
}
