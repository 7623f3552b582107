/**
 * Which execution (if any) the current code runs in. A task call looks here to decide whether it is
 * a durable step (inside a workflow body) or a plain call (anywhere else).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TaskDefinition } from './task-definition.js';

/** What the workflow body's built-ins and task calls ask of the execution actor hosting them. */
export interface WorkflowSession {
  readonly executionId: string;
  callTask(definition: TaskDefinition, args: unknown[]): Promise<unknown>;
  pause(name: string, output: unknown): Promise<unknown>;
  sleep(milliseconds: number): Promise<void>;
}

export type Scope =
  | { kind: 'workflow'; session: WorkflowSession }
  | { kind: 'task'; executionId: string; taskId: string; taskName: string; attempt: number };

export const scopeStorage = new AsyncLocalStorage<Scope>();

/** The session of the workflow body running here, if this code runs directly in one. */
export function currentSession(): WorkflowSession | undefined {
  const scope = scopeStorage.getStore();
  return scope?.kind === 'workflow' ? scope.session : undefined;
}
