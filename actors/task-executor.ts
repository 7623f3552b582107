/**
 * The task-executor actor: receives a task command, runs the task it names, reports back. It depends
 * only on the command and its registry of task functions, so the same executor can sit behind NATS
 * in another process.
 *
 * The first attempt runs directly (a task that succeeds costs one function call and, with a
 * timeout, one timer). If it fails and the task has retries, a rollback or a fallback, a
 * task-executor machine (`task-executor-machine.ts`) takes over and reports each step.
 */
import { hash } from 'node:crypto';
import { createActor, fromPromise } from 'xstate';
import { taskExecutorMachine, type TaskMachineContext, type TaskMachineInput } from './task-executor-machine.js';
import { ExecutionTimeoutError, FluxError, RetryError } from '../runtime/errors.js';
import type { EventType } from '../runtime/events.js';
import { deadlines } from '../runtime/deadlines.js';
import { scopeStorage, TaskScope } from '../runtime/scope.js';
import { decodeValue, encodeValue, toErrorInfo } from '../runtime/serialization.js';
import type { TaskDefinition, TaskFunction, TaskPolicy } from '../runtime/task-definition.js';
import type { TaskCache } from '../runtime/stores/event-store.js';
import { redact, type SecretManager } from '../runtime/secrets.js';
import { storeOutput } from '../runtime/output-storage.js';
import { jsonPayload, payloadJson, type ErrorInfo, type TaskCommand, type TaskResult } from '../proto/messages.js';

export type TaskLookup = (name: string) => TaskDefinition | undefined;
export type ReplyTo = (result: TaskResult) => void;

export class TaskExecutor {
  constructor(
    private readonly lookup: TaskLookup,
    private readonly cache?: TaskCache,
    private readonly secrets?: SecretManager,
  ) {}

  /**
   * Runs a task command. `local` is the definition itself when the caller is in this process: it
   * spares a registry look-up and keeps two tasks that share a name in different modules apart.
   */
  send(command: TaskCommand, reply: ReplyTo, local?: TaskDefinition): void {
    const definition = local ?? this.lookup(command.taskName);
    if (!definition) {
      return reply(failure(command, { name: 'TaskNotFoundError', code: 'TASK_NOT_FOUND', message: `task '${command.taskName}' is not registered with this executor` }));
    }
    const args = decodeValue(payloadJson(command.args));
    if (!Array.isArray(args)) {
      return reply(failure(command, { name: 'FluxError', code: 'BAD_COMMAND', message: `task command ${command.taskId} carries no argument list` }));
    }
    if (definition.options.cache && this.cache) return this.runCached(definition, args, command, reply, this.cache);
    this.run(definition, args, command, reply);
  }

  /** A cached task: a hit answers at once; a miss runs the task and keeps a successful output. */
  private runCached(definition: TaskDefinition, args: unknown[], command: TaskCommand, reply: ReplyTo, cache: TaskCache): void {
    const key = cacheKey(definition.name, payloadJson(command.args) ?? '[]');
    const keep: ReplyTo = (result) => {
      if (result.outcome === 'output') cache.write(key, payloadJson(result.output)).then(() => reply(result), () => reply(result));
      else reply(result);
    };
    cache.read(key).then(
      (hit) => (hit ? reply(success(command, hit.valueJson)) : this.run(definition, args, command, keep)),
      () => this.run(definition, args, command, keep),
    );
  }

  private run(definition: TaskDefinition, args: unknown[], command: TaskCommand, reply: ReplyTo): void {
    const own = definition.options.secretRequests ?? [];
    const requested = command.secretRequests?.length ? [...new Set([...command.secretRequests, ...own])] : own;
    if (!requested.length) return runCommand(definition, args, command, reply, NO_SECRETS);
    if (!this.secrets) return reply(failure(command, { name: 'FluxError', code: 'NO_SECRET_MANAGER', message: `task '${definition.name}' requests secrets, and this executor has no secret manager` }));
    this.secrets.resolve(requested, definition.name).then(
      (secrets) => runCommand(definition, args, command, reply, secrets),
      (error: unknown) => reply(failure(command, toErrorInfo(error))),
    );
  }
}

const NO_SECRETS: Readonly<Record<string, string>> = Object.freeze({});

/** Runs a command's first (or resumed) attempt and, if it fails, the failure handling. */
function runCommand(definition: TaskDefinition, args: unknown[], command: TaskCommand, reply: ReplyTo, secrets: Readonly<Record<string, string>>): void {
  const policy = definition.policy;
  const resume = command.resume;
  if (policy && resume && resume.phase !== 'attempt') {
    return handleFailure(definition, policy, args, command, resume.lastError ?? UNKNOWN_ERROR, reply, secrets, resume.phase);
  }
  const wait = (resume?.notBeforeMs ?? 0) - Date.now();
  const run = () =>
    runAttempt(definition, args, command, command.attempt, secrets).then(
      (outputJson) => replyOutput(definition, command, outputJson, reply),
      (error: ErrorInfo) => (policy ? handleFailure(definition, policy, args, command, error, reply, secrets) : reply(failure(command, error))),
    );
  // A retry taken up again waits out what remains of its backoff (the runtime owns that timer).
  if (wait > 0) setTimeout(run, wait);
  else run();
}

/** One run of the task body, with its timeout: resolves with the output's JSON, rejects with its error's. */
function runAttempt(definition: TaskDefinition, args: unknown[], command: TaskCommand, attempt: number, secrets: Readonly<Record<string, string>>): Promise<string | undefined> {
  const scope = new TaskScope(command.executionId, command.taskId, definition.name, attempt, secrets);
  return runIn(scope, definition.fn, args, definition.policy?.timeoutMs)
    .then((output) => withoutSecrets(encodeValue(output, `the result of task '${definition.name}'`, command.executionId), secrets, definition.name))
    .catch((error: unknown) => Promise.reject(safeErrorInfo(error, secrets)));
}

/**
 * Refuses an output that carries a secret's value: outputs are recorded, and replayed as they were,
 * so the value cannot be redacted out of them the way it is out of an error message.
 */
function withoutSecrets(outputJson: string | undefined, secrets: Readonly<Record<string, string>>, taskName: string): string | undefined {
  if (outputJson === undefined || secrets === NO_SECRETS) return outputJson;
  for (const [name, value] of Object.entries(secrets)) {
    if (value && (outputJson.includes(value) || outputJson.includes(JSON.stringify(value).slice(1, -1)))) {
      throw new FluxError('SECRET_IN_OUTPUT', `the result of task '${taskName}' contains the value of secret '${name}'; secrets never reach the event log, so return something derived from it instead`);
    }
  }
  return outputJson;
}

/** The stored form of an error, with any secret value it quotes redacted. */
function safeErrorInfo(error: unknown, secrets: Readonly<Record<string, string>>): ErrorInfo {
  const info = toErrorInfo(error);
  return secrets === NO_SECRETS ? info : { ...info, message: redact(info.message, secrets) };
}

function runIn(scope: TaskScope, fn: TaskFunction, args: unknown[], timeoutMs: number | undefined): Promise<unknown> {
  const running = scopeStorage.run(scope, async () => fn(...args));
  if (timeoutMs === undefined) return running;
  return new Promise((resolve, reject) => {
    const deadline = deadlines.add(timeoutMs, () => {
      const error = new ExecutionTimeoutError(scope.taskName, timeoutMs, scope.attempt, scope.executionId);
      scope.abort(error); // the body learns through taskContext().signal
      reject(error);
    });
    running.then(
      (value) => (deadline.cancel(), resolve(value)),
      (error: unknown) => (deadline.cancel(), reject(error)),
    );
  });
}

/** After a failed first attempt: the task-executor machine runs retries, rollback and fallback. */
/** Replies with the output, or with a reference to it when the task keeps outputs in a storage. */
function replyOutput(definition: TaskDefinition, command: TaskCommand, outputJson: string | undefined, reply: ReplyTo): void {
  const storage = definition.options.outputStorage;
  if (!storage) return reply(success(command, outputJson));
  storeOutput(storage, command.executionId, command.taskId, outputJson).then(
    (referenceJson) => reply(success(command, referenceJson)),
    (error: unknown) => reply(failure(command, toErrorInfo(error))),
  );
}

/** The cache key of a call: the task name and a strong hash of its canonical arguments. */
function cacheKey(taskName: string, argsJson: string): string {
  return `${taskName}:${hash('sha256', argsJson, 'hex')}`;
}

const UNKNOWN_ERROR: ErrorInfo = { name: 'Error', message: 'the error of an earlier attempt was not recorded' };

function handleFailure(
  definition: TaskDefinition, policy: TaskPolicy, args: unknown[], command: TaskCommand, error: ErrorInfo, reply: ReplyTo,
  secrets: Readonly<Record<string, string>>, start?: TaskMachineInput['start'],
): void {
  const helper = (fn: TaskFunction, what: string) => async () => {
    const scope = new TaskScope(command.executionId, command.taskId, definition.name, command.attempt, secrets);
    try {
      const outputJson = encodeValue(await runIn(scope, fn, args, undefined), `the result of the ${what} of task '${definition.name}'`, command.executionId);
      return withoutSecrets(outputJson, secrets, definition.name);
    } catch (thrown) {
      throw safeErrorInfo(thrown, secrets); // the machine deals in plain error data, as the log does
    }
  };
  const machine = taskExecutorMachine.provide({
    actors: {
      attempt: fromPromise(({ input }: { input: { attempt: number } }) => runAttempt(definition, args, command, input.attempt, secrets)),
      rollback: fromPromise(helper(policy.rollback!, 'rollback')),
      fallback: fromPromise(helper(policy.fallback!, 'fallback')),
    },
    actions: {
      report: (_, params) => reply(progress(command, params.type, params.valueJson)),
    },
  });
  const actor = createActor(machine, { input: { policy, attempt: command.attempt, error, ...(start && { start }) } });
  actor.subscribe({
    complete: () => {
      const { value, context } = actor.getSnapshot();
      if (value === 'succeeded') replyOutput(definition, command, context.outputJson, reply);
      else reply(failure(command, finalError(definition.name, context, command.executionId)));
    },
    error: (thrown) => reply(failure(command, toErrorInfo(thrown))),
  });
  actor.start();
}

/** The error the task fails with once everything is exhausted. */
function finalError(taskName: string, context: TaskMachineContext, executionId: string): ErrorInfo {
  const { lastError, fallbackError, policy, attempt } = context;
  if (fallbackError) {
    return {
      name: fallbackError.name,
      code: fallbackError.code ?? 'FALLBACK_FAILED',
      message: `the fallback of task '${taskName}' failed with ${fallbackError.name}: ${fallbackError.message}, after the task failed with ${lastError.name}: ${lastError.message}`,
    };
  }
  return policy.maxAttempts > 1 ? toErrorInfo(new RetryError(taskName, attempt, lastError, executionId)) : lastError;
}

function success(command: TaskCommand, outputJson: string | undefined): TaskResult {
  return { executionId: command.executionId, taskId: command.taskId, attempt: command.attempt, outcome: 'output', output: jsonPayload(outputJson) };
}

function failure(command: TaskCommand, error: ErrorInfo): TaskResult {
  return { executionId: command.executionId, taskId: command.taskId, attempt: command.attempt, outcome: 'error', error };
}

function progress(command: TaskCommand, type: EventType, valueJson: string | undefined): TaskResult {
  return { executionId: command.executionId, taskId: command.taskId, attempt: command.attempt, outcome: 'progress', progress: { type, value: jsonPayload(valueJson) } };
}


