/** One execution's log as its driver sees it: what was recorded, plus what this run appends. */
import { systemClock, type Clock } from './clock.js';
import { runStart, type EventType, type StoredEvent } from './events.js';
import type { ExecutionState } from './execution-state.js';
import type { ExecutionWake } from './event-store.js';
import type { EventStore, LogWriter } from './event-store.js';
import { SecretGuard } from './secret-guard.js';
import { secretInOutput } from './secrets.js';
import { toErrorInfo } from './serialization.js';

export class ExecutionLog {
  readonly events: StoredEvent[];
  /** The secret values this execution knows: none of them is ever appended (see `append`). */
  readonly secrets: SecretGuard;
  private readonly writer: LogWriter;

  constructor(
    store: EventStore,
    readonly executionId: string,
    readonly workflow: string,
    recorded: StoredEvent[],
    /** The runtime's clock: each event's time, and what the execution waits on (a durable sleep). */
    readonly clock: Clock = systemClock,
  ) {
    this.events = recorded;
    this.writer = store.writer(executionId);
    this.secrets = new SecretGuard(store.secrets);
  }

  /** Set once a write failed (another process took the execution, or the store broke): stop working. */
  get failure(): Error | undefined {
    return this.writer.failure;
  }

  /**
   * Tells `listener` as soon as a write fails, not only at the driver's next commit: a run waiting
   * on a long task (or one that never ends) must stop when its log can no longer be written (a full
   * store, another driver), not when the task returns. Writers that cannot tell (see `LogWriter`) never call it.
   */
  onFailure(listener: (error: Error) => void): void {
    this.writer.onFailure?.(listener);
  }

  /**
   * Appends an event; returns it as recorded, which is what the caller must act on. Every value
   * enters the log here, so here secrets are kept out of it: a task's result that carries a known
   * secret is refused (recorded as TASK_FAILED with SECRET_IN_OUTPUT, and the call fails with it);
   * any other value is recorded with each secret replaced by `[secret NAME]`.
   */
  append(
    type: EventType,
    sourceId: string,
    name: string,
    valueJson: string | undefined,
    quick?: boolean,
    version?: string,
  ): StoredEvent {
    let recordedType = type;
    let value = valueJson;
    const secret = value === undefined || this.secrets.empty ? undefined : this.secrets.find(value);
    if (secret !== undefined && type === 'TASK_COMPLETED') {
      recordedType = 'TASK_FAILED';
      value = JSON.stringify(toErrorInfo(secretInOutput(`the result of task '${name}'`, secret)));
    } else if (secret !== undefined) {
      value = this.secrets.redact(value);
    }
    const event: StoredEvent = {
      seq: this.events.length + 1,
      type: recordedType,
      sourceId,
      name,
      valueJson: value,
      time: this.clock.now(),
    };
    if (quick) event.quick = true;
    if (version !== undefined) event.version = version;
    this.events.push(event);
    this.writer.append(event);
    return event;
  }

  /**
   * Throws SECRET_IN_OUTPUT if an output carries a known secret: for outputs that end a step of the
   * lifecycle (the workflow's own), which must be refused before the machine takes the step.
   */
  refuseSecret(outputJson: string | undefined, what: string): void {
    const secret = outputJson === undefined ? undefined : this.secrets.find(outputJson);
    if (secret !== undefined) throw secretInOutput(what, secret);
  }

  /** Records the execution's new state in the store's index, in the same commit as the events before it. */
  setState(state: ExecutionState, wake: ExecutionWake = {}): void {
    const createdAt = new Date(this.events[0]?.time ?? this.clock.now()).toISOString();
    const updatedAt = new Date(this.events[this.events.length - 1]?.time ?? this.clock.now()).toISOString();
    const version = runStart(this.events)?.version;
    this.writer.index({
      executionId: this.executionId,
      workflow: this.workflow,
      state,
      createdAt,
      updatedAt,
      ...(version !== undefined && { version }),
      ...wake,
    });
  }

  /** The most recent event of a type, searching backwards (the events wanted are near the end). */
  last(type: EventType): StoredEvent | undefined {
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i]!.type === type) return this.events[i];
    return undefined;
  }

  commit(): Promise<void> {
    return this.writer.commit();
  }
}
