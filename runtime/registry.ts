/**
 * The workflows and tasks defined in this process, by name: how a runtime finds the code for an
 * execution it only knows by id, and how an executor finds the code a task command names.
 * A later definition with the same name replaces the earlier one (module reloads, tests).
 */
import type { TaskDefinition } from './task-definition.js';

export interface NamedWorkflow {
  readonly name: string;
}

const workflows = new Map<string, NamedWorkflow>();
const tasks = new Map<string, TaskDefinition>();

export function registerWorkflow<W extends NamedWorkflow>(definition: W): W {
  workflows.set(definition.name, definition);
  return definition;
}

export function findWorkflow(name: string): NamedWorkflow | undefined {
  return workflows.get(name);
}

export function registerTask(definition: TaskDefinition): void {
  tasks.set(definition.name, definition);
}

export function findTask(name: string): TaskDefinition | undefined {
  return tasks.get(name);
}
