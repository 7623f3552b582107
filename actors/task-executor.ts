/**
 * The task-executor actor: receives a task command, runs the task it names, reports back. It depends
 * only on the command, its registry of task functions, and the runtime's cache and secrets, so the
 * same executor can sit behind NATS in another process. Each command becomes a `TaskRun`.
 */
import type { ErrorCode } from '../runtime/engine/error-codes.js';
import { hash } from 'node:crypto';
import { NO_SECRETS, runClock, TaskRun, type ReplyTo, type RunClock } from './task-run.js';
import { systemClock, type Clock } from '../runtime/engine/clock.js';
import { decodeValue, toErrorInfo } from '../runtime/engine/serialization.js';
import type { SecretManager } from '../runtime/engine/secrets.js';
import type { TaskCache } from '../runtime/engine/event-store.js';
import type { TaskDefinition } from '../runtime/engine/task-definition.js';
import { TaskDefinitions } from '../runtime/engine/registry.js';
import type { NestedCalls } from '../runtime/engine/scope.js';
import { jsonPayload, payloadJson, type ErrorInfo, type TaskCommand } from '../proto/messages.js';

export type { ReplyTo } from './task-run.js';
export type TaskLookup = (name: string) => TaskDefinition | undefined;

/** What the caller holds while a command runs. */
export interface TaskHandle {
  /** The execution no longer waits for this task: stop it. */
  cancel(): void;
}

/** Where an execution actor sends its task commands: an executor in this process, or one over NATS. */
export interface TaskSender {
  /**
   * Sends a command; `reply` receives progress and, last, the result. `local` is the definition when
   * the caller is in this process; `nested` is where the task body's own task calls go.
   */
  send(command: TaskCommand, reply: ReplyTo, local?: TaskDefinition, nested?: NestedCalls): TaskHandle;
  /**
   * Asks whoever runs a call this process did not send (its driver is in another process, or gone)
   * to stop it: a cancel carried out away from the driver. Best effort; in-process there is nobody to ask.
   */
  abandon?(executionId: string, taskId: string): void;
}

export class TaskExecutor implements TaskSender {
  /** The tasks this executor has run or served: one definition per name (runtime/engine/registry.ts). */
  readonly tasks = new TaskDefinitions();
  /** The clock its runs keep time on (timeouts, backoffs, the `now()` built-in). */
  private readonly time: RunClock;

  constructor(
    private readonly lookup: TaskLookup,
    private readonly cache?: TaskCache,
    private readonly secrets?: SecretManager,
    clock: Clock = systemClock,
  ) {
    this.time = runClock(clock);
  }

  /**
   * Runs a task command. `local` is the definition itself when the caller is in this process: it
   * spares a registry look-up. A second definition under a name this executor has run is refused
   * (DefinitionError), and so is every later command of that name.
   */
  send(command: TaskCommand, reply: ReplyTo, local?: TaskDefinition, nested?: NestedCalls): TaskHandle {
    let definition: TaskDefinition | undefined;
    try {
      definition = local ? this.tasks.use(local) : this.definitionOf(command.taskName);
    } catch (error) {
      return fail(command, reply, toErrorInfo(error));
    }
    if (!definition)
      return fail(command, reply, {
        name: 'TaskNotFoundError',
        code: 'TASK_NOT_FOUND' satisfies ErrorCode,
        message: `task '${command.taskName}' is not registered with this executor`,
      });
    const args = decodeValue(payloadJson(command.args));
    if (!Array.isArray(args))
      return fail(command, reply, {
        name: 'FluxError',
        code: 'BAD_COMMAND' satisfies ErrorCode,
        message: `task command ${command.taskId} carries no argument list`,
      });
    const cache = definition.options.cache ? this.cache : undefined;
    // The common case, no cache and no secrets, goes straight to a run: it is its own handle.
    if (!cache && !definition.options.secretRequests?.length && !command.secretRequests?.length) {
      return new TaskRun(definition, args, command, reply, { secrets: NO_SECRETS, nested, time: this.time }).start();
    }
    const handle = new Handle();
    const key = cache && cacheKey(definition.name, payloadJson(command.args) ?? '[]');
    const run = (secrets: Readonly<Record<string, string>>) =>
      handle
        .attach(
          new TaskRun(definition, args, command, reply, {
            secrets,
            nested,
            time: this.time,
            onTaskOutput: cache && ((json) => void cache.write(key!, json)),
          }),
        )
        .start();
    const withSecrets = () => this.withSecrets(definition, command, reply, run);
    if (!cache) {
      withSecrets();
      return handle;
    }
    // A cached task: a hit answers at once; a miss runs it and keeps what the task itself produced.
    cache.read(key!).then(
      (hit) =>
        hit
          ? !handle.cancelled &&
            reply({
              executionId: command.executionId,
              taskId: command.taskId,
              attempt: command.attempt,
              outcome: 'output',
              output: jsonPayload(hit.valueJson),
            })
          : withSecrets(),
      withSecrets,
    );
    return handle;
  }

  /** The definition of a name this executor knows, else the process's, adopted as the name's from now on. */
  private definitionOf(name: string): TaskDefinition | undefined {
    const known = this.tasks.get(name);
    if (known) return known;
    const found = this.lookup(name);
    return found && this.tasks.use(found);
  }

  private withSecrets(
    definition: TaskDefinition,
    command: TaskCommand,
    reply: ReplyTo,
    run: (secrets: Readonly<Record<string, string>>) => void,
  ): void {
    const own = definition.options.secretRequests ?? [];
    const requested = command.secretRequests?.length ? [...new Set([...command.secretRequests, ...own])] : own;
    if (!requested.length) {
      run(NO_SECRETS);
      return;
    }
    if (!this.secrets)
      return void fail(command, reply, {
        name: 'FluxError',
        code: 'NO_SECRET_MANAGER' satisfies ErrorCode,
        message: `task '${definition.name}' requests secrets, and this executor has no secret manager`,
      });
    this.secrets.resolve(requested, definition.name, command.executionId).then(run, (error: unknown) =>
      reply({
        executionId: command.executionId,
        taskId: command.taskId,
        attempt: command.attempt,
        outcome: 'error',
        error: toErrorInfo(error),
      }),
    );
  }
}

class Handle implements TaskHandle {
  cancelled = false;
  private run: TaskRun | undefined;

  attach(run: TaskRun): TaskRun {
    this.run = run;
    if (this.cancelled) run.cancel();
    return run;
  }

  cancel(): void {
    this.cancelled = true;
    this.run?.cancel();
  }
}

function fail(command: TaskCommand, reply: ReplyTo, error: ErrorInfo): TaskHandle {
  reply({
    executionId: command.executionId,
    taskId: command.taskId,
    attempt: command.attempt,
    outcome: 'error',
    error,
  });
  return new Handle();
}

/** The cache key of a call: the task name and a strong hash of its canonical arguments. */
function cacheKey(taskName: string, argsJson: string): string {
  return `${taskName}:${hash('sha256', argsJson, 'hex')}`;
}
