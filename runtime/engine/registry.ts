/**
 * The workflows and tasks defined in this process, by name: how a runtime finds the code for an
 * execution it only knows by id, and how an executor finds the code a task command names.
 *
 * One name, one task. The log, task commands and NATS subjects know a task only by its name, so a
 * runtime or worker that used two different functions under one name would run the wrong one
 * wherever it goes by the name (on NATS, a replay, a cancel's rollbacks). Two definitions are the
 * same task when made at the same place in the code with the same function text (a module loaded
 * twice, a task defined in a loop); otherwise they are different, and:
 * - a runtime or worker (`TaskDefinitions`, one per executor) that meets a second one under a name
 *   it has run or served refuses it, and from then on every call of that name, with a
 *   DefinitionError naming both places;
 * - the process-wide registry keeps every definition (test files may each define their own), and
 *   refuses only a look-up by a name that several different definitions share.
 */
import { DefinitionError } from './errors.js';
import { WorkflowVersions, type VersionedWorkflow } from './workflow-versions.js';
import type { TaskDefinition } from './task-definition.js';
import type { OutputStorage } from './output-storage.js';

export type NamedWorkflow = VersionedWorkflow;

/** Every version of every workflow defined in this process. */
export const definedWorkflows = new WorkflowVersions();
const tasks = new Map<string, TaskDefinition[]>();

/** A later definition with the same name and version replaces the earlier one (module reloads, tests). */
export function registerWorkflow<W extends NamedWorkflow>(definition: W): W {
  definedWorkflows.add(definition);
  return definition;
}

/** The newest version of a workflow defined here: what a new start runs. */
export function findWorkflow(name: string): NamedWorkflow | undefined {
  return definedWorkflows.newest(name);
}

/** Keeps a task definition; the same task defined again (same place, same code) replaces the earlier. */
export function registerTask(definition: TaskDefinition): void {
  const known = tasks.get(definition.name);
  if (!known) return void tasks.set(definition.name, [definition]);
  const same = known.findIndex((other) => sameTask(other, definition));
  if (same >= 0) known[same] = definition;
  else known.push(definition);
}

/** The task defined under a name; a DefinitionError when different definitions share it. */
export function findTask(name: string): TaskDefinition | undefined {
  const known = tasks.get(name);
  if (known && known.length > 1) throw duplicateTask(known);
  return known?.[0];
}

/** Every output storage a workflow or task defined here declares: where a deleted execution's outputs may be. */
export function outputStorages(): OutputStorage[] {
  const storages = new Set<OutputStorage>();
  for (const workflow of definedWorkflows.all()) {
    const storage = (workflow as { options: { outputStorage?: OutputStorage } }).options.outputStorage;
    if (storage) storages.add(storage);
  }
  for (const known of tasks.values())
    for (const task of known) if (task.options.outputStorage) storages.add(task.options.outputStorage);
  return [...storages];
}

/** The tasks one runtime or worker runs, by name: at most one definition each (see the top of this file). */
export class TaskDefinitions {
  private readonly byName = new Map<string, TaskDefinition>();
  private readonly refused = new Map<string, DefinitionError>();

  /** Adopts a definition for its name, or throws the DefinitionError if another holds it. */
  use(definition: TaskDefinition): TaskDefinition {
    const held = this.byName.get(definition.name);
    if (held === definition && this.refused.size === 0) return held; // every call but the first
    const refused = this.refused.get(definition.name);
    if (refused) throw refused;
    if (!held) this.byName.set(definition.name, definition);
    else if (!sameTask(held, definition)) {
      // Refused for good: commands carry only the name, so from now on none can be told apart.
      const error = duplicateTask([held, definition]);
      this.refused.set(definition.name, error);
      throw error;
    }
    return held ?? definition;
  }

  /** The definition used under a name, if any (throws for a name refused). */
  get(name: string): TaskDefinition | undefined {
    const refused = this.refused.get(name);
    if (refused) throw refused;
    return this.byName.get(name);
  }
}

/** The same task: one object, or made at one place from the same code (a module loaded twice, a loop). */
function sameTask(a: TaskDefinition, b: TaskDefinition): boolean {
  if (a === b) return true;
  return a.site !== undefined && a.site === b.site && a.fn.toString() === b.fn.toString();
}

function duplicateTask(definitions: readonly TaskDefinition[]): DefinitionError {
  const name = definitions[0]!.name;
  const places = definitions.map((d) => d.site ?? `an unknown place (function ${d.fn.name || 'anonymous'})`);
  return new DefinitionError(
    `task '${name}' has ${definitions.length} different definitions, at ${places.join(' and at ')}; a task name must stand for one ` +
      `function, as the log and task commands know tasks only by name: give one of them another name (task.withOptions({ name }))`,
  );
}

/**
 * Where the code that called `caller` is: `file:line:column`, for naming a definition in errors
 * and telling a module loaded twice from two modules. One stack frame, read once per definition.
 */
export function definitionSite(caller: (...args: never[]) => unknown): string | undefined {
  const holder: { stack?: string } = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  try {
    Error.captureStackTrace(holder, caller);
  } finally {
    Error.stackTraceLimit = limit;
  }
  const frame = holder.stack?.split('\n')[1]?.trim();
  return frame ? /\(?([^\s()]+:\d+:\d+)\)?$/.exec(frame)?.[1] : undefined;
}
