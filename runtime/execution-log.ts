/** One execution's log as its driver sees it: what was recorded, plus what this run appends. */
import type { EventType, StoredEvent } from './events.js';
import type { ExecutionState } from './execution-state.js';
import type { EventStore, LogWriter } from './stores/event-store.js';

export class ExecutionLog {
  readonly events: StoredEvent[];
  private readonly writer: LogWriter;

  constructor(store: EventStore, readonly executionId: string, readonly workflow: string, recorded: StoredEvent[]) {
    this.events = recorded;
    this.writer = store.writer(executionId);
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

  append(type: EventType, sourceId: string, name: string, valueJson: string | undefined, quick?: boolean): StoredEvent {
    const event: StoredEvent = { seq: this.events.length + 1, type, sourceId, name, valueJson, time: Date.now() };
    if (quick) event.quick = true;
    this.events.push(event);
    this.writer.append(event);
    return event;
  }

  /** Records the execution's new state in the store's index, in the same commit as the events before it. */
  setState(state: ExecutionState): void {
    const createdAt = new Date(this.events[0]?.time ?? Date.now()).toISOString();
    const updatedAt = new Date(this.events[this.events.length - 1]?.time ?? Date.now()).toISOString();
    this.writer.index({ executionId: this.executionId, workflow: this.workflow, state, createdAt, updatedAt });
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
