/**
 * Loading user modules (TypeScript or JavaScript, no build step) and finding what they define:
 * workflows, tasks and graphs, by their exports.
 *
 * TypeScript goes through tsx's loader, registered once for the process (not `tsImport`, which loads
 * a file in a namespace of its own: its `import 'flux-actors'` would then be a second copy of the
 * runtime, with a registry the CLI cannot see).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register as registerCommonJs } from 'tsx/cjs/api';
import { register } from 'tsx/esm/api';
import { FluxError } from '../runtime/engine/errors.js';
import { Graph } from '../runtime/api/graph.js';
import type { Task } from '../runtime/api/task.js';
import type { Workflow } from '../runtime/api/workflow.js';
import { WorkflowVersions } from '../runtime/engine/workflow-versions.js';

// biome-ignore lint/suspicious/noExplicitAny: holds workflows of every input and output type (`unknown` would refuse them)
export type AnyWorkflow = Workflow<any, any>;
// biome-ignore lint/suspicious/noExplicitAny: holds tasks of every argument and result type (`unknown` would refuse them)
export type AnyTask = Task<any, any>;

/** What a set of modules exports. */
export interface LoadedModules {
  /** By name: the newest version of each (what a start by name runs). */
  readonly workflows: Map<string, AnyWorkflow>;
  /** Every version of every workflow (what a worker or the embedded runtime serves). */
  readonly allWorkflows: AnyWorkflow[];
  readonly tasks: Map<string, AnyTask>;
  readonly graphs: Map<string, Graph>;
}

let loaderRegistered = false;

/** Whether this process already runs TypeScript (the CLI started with `node --import tsx`, or tsx itself). */
function runsTypeScript(): boolean {
  return import.meta.url.endsWith('.ts');
}

export function isWorkflow(value: unknown): value is AnyWorkflow {
  const candidate = value as Partial<AnyWorkflow> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.name === 'string' &&
    typeof candidate.fn === 'function' &&
    typeof candidate.run === 'function' &&
    typeof candidate.resume === 'function'
  );
}

export function isTask(value: unknown): value is AnyTask {
  if (typeof value !== 'function') return false;
  const candidate = value as Partial<AnyTask>;
  return typeof candidate.taskName === 'string' && typeof candidate.definition === 'object';
}

/** Imports each file and collects its exported workflows, tasks and graphs (by their own names). */
export async function loadModules(files: readonly string[]): Promise<LoadedModules> {
  const versions = new WorkflowVersions<AnyWorkflow>();
  const loaded: LoadedModules = { workflows: new Map(), allWorkflows: [], tasks: new Map(), graphs: new Map() };
  for (const file of files) {
    const path = resolve(file);
    if (!existsSync(path)) throw new FluxError('MODULE_NOT_FOUND', `no such file: ${file}`);
    if (!loaderRegistered && !runsTypeScript()) {
      // Both, as `node --import tsx` does: a .ts file of a CommonJS package is loaded by require().
      register();
      registerCommonJs();
      loaderRegistered = true;
    }
    let exports: Record<string, unknown>;
    try {
      exports = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]!;
      // A .ts file in a CommonJS package is compiled to require() calls, and flux-actors is ESM only.
      const hint = /require\(\) ES Module/.test(message)
        ? ' (flux-actors is an ES module: add "type": "module" to the package.json, or name the file .mts)'
        : '';
      throw new FluxError('MODULE_LOAD_FAILED', `could not load ${file}: ${message}${hint}`, { cause: error });
    }
    for (const value of exportedValues(exports)) {
      if (isWorkflow(value)) versions.add(value);
      else if (isTask(value)) loaded.tasks.set(value.taskName, value);
      else if (value instanceof Graph) loaded.graphs.set(value.name, value);
    }
  }
  for (const name of versions.names()) loaded.workflows.set(name, versions.newest(name)!);
  loaded.allWorkflows.push(...versions.all());
  return loaded;
}

/** What a module exports; for a CommonJS module (a .ts file of a CommonJS package), its `module.exports` too. */
function exportedValues(exports: Record<string, unknown>): unknown[] {
  const values = Object.values(exports);
  const commonJs = exports.default;
  if (typeof commonJs === 'object' && commonJs !== null && !(commonJs instanceof Graph) && !isWorkflow(commonJs))
    values.push(...Object.values(commonJs));
  return values;
}
