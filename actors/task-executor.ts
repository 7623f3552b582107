/**
 * The task-executor actor: receives a task command, runs the task it names, answers with a task
 * result. It depends only on the command and its registry of task functions, so the same executor
 * can sit behind NATS in another process.
 */
import { FluxError } from '../runtime/errors.js';
import { scopeStorage } from '../runtime/scope.js';
import { decodeValue, encodeValue, toErrorInfo } from '../runtime/serialization.js';
import type { TaskDefinition } from '../runtime/task-definition.js';
import { jsonPayload, payloadJson, type ErrorInfo, type TaskCommand, type TaskResult } from '../proto/messages.js';

export type TaskLookup = (name: string) => TaskDefinition | undefined;
export type ReplyTo = (result: TaskResult) => void;

export class TaskExecutor {
  constructor(private readonly lookup: TaskLookup) {}

  /**
   * Runs one attempt. `local` is the definition itself when the caller is in this process: it spares
   * a registry look-up and keeps two tasks that share a name in different modules apart.
   */
  send(command: TaskCommand, reply: ReplyTo, local?: TaskDefinition): void {
    const definition = local ?? this.lookup(command.taskName);
    if (!definition) {
      return reply(failure(command, { name: 'TaskNotFoundError', code: 'TASK_NOT_FOUND', message: `task '${command.taskName}' is not registered with this executor` }));
    }
    const scope = { kind: 'task', executionId: command.executionId, taskId: command.taskId, taskName: command.taskName, attempt: command.attempt } as const;
    // toErrorInfo never throws, so every attempt gets exactly one reply.
    scopeStorage.run(scope, () => runAttempt(definition, command)).then(
      (output) => reply(success(command, output)),
      (error: unknown) => reply(failure(command, toErrorInfo(error))),
    );
  }
}

async function runAttempt(definition: TaskDefinition, command: TaskCommand): Promise<string | undefined> {
  const args = decodeValue(payloadJson(command.args));
  if (!Array.isArray(args)) throw new FluxError('BAD_COMMAND', `task command ${command.taskId} carries no argument list`, { executionId: command.executionId });
  const output = await definition.fn(...args);
  return encodeValue(output, `the result of task '${definition.name}'`, command.executionId);
}

function success(command: TaskCommand, outputJson: string | undefined): TaskResult {
  return { executionId: command.executionId, taskId: command.taskId, attempt: command.attempt, outcome: 'output', output: jsonPayload(outputJson) };
}

function failure(command: TaskCommand, error: ErrorInfo): TaskResult {
  return { executionId: command.executionId, taskId: command.taskId, attempt: command.attempt, outcome: 'error', error };
}
