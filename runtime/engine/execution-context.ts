/** What a workflow body receives, and what `run`, `resume` and `inspect` return. */
import { decodeOutput, decodeValue } from './serialization.js';
import { findWorkflow } from './registry.js';
import type { WorkflowDefinition } from './workflow-definition.js';
import type { ErrorInfo } from '../../proto/messages.js';
import { eventId, runStart, type ExecutionEvent, type StoredEvent } from './events.js';
import { isFinished, type ExecutionState } from './execution-state.js';

export interface ExecutionContextData {
  executionId: string;
  name: string;
  state: ExecutionState;
  /** The log; read lazily, so a caller that never looks at `events` never pays for parsing them. */
  log: readonly StoredEvent[];
}

/**
 * What `output` holds in each state: the workflow's return value once succeeded, the failure once
 * failed, the pause's output while paused, nothing otherwise.
 */
export type OutputIn<S extends ExecutionState, O> = S extends 'succeeded'
  ? O
  : S extends 'failed'
    ? ErrorInfo
    : S extends 'paused'
      ? unknown
      : undefined;

/**
 * One execution as seen at a moment: its id, workflow, input, state, output and whole event log.
 * Inside a workflow body `state` is `'running'`; `run`/`resume` return it once finished or paused.
 *
 * @example
 * const ctx = await greet.run('world');
 * if (ctx.hasSucceeded) console.log(ctx.output);
 */
export class ExecutionContext<I = unknown, O = unknown, S extends ExecutionState = ExecutionState> {
  readonly executionId: string;
  readonly name: string;
  readonly state: S;
  private readonly log: readonly StoredEvent[];
  private cachedEvents: ExecutionEvent[] | undefined;
  private cachedInput: { value: I } | undefined;

  constructor(data: ExecutionContextData) {
    this.executionId = data.executionId;
    this.name = data.name;
    this.state = data.state as S;
    this.log = data.log;
  }

  /** The workflow's input, as recorded in the log. */
  get input(): I {
    this.cachedInput ??= { value: decodeValue(runStart(this.log)?.valueJson) as I };
    return this.cachedInput.value;
  }

  /** The workflow version the execution runs on (`withOptions({ version })`), if it has one. */
  get version(): string | undefined {
    return runStart(this.log)?.version;
  }

  /**
   * The result: the workflow's return value once succeeded, `{ name, message, code? }` once failed,
   * the pause's output while paused; undefined otherwise.
   */
  get output(): OutputIn<S, O> {
    const type = OUTPUT_EVENT[this.state];
    if (!type) return undefined as OutputIn<S, O>;
    for (let i = this.log.length - 1; i >= 0; i--) {
      const event = this.log[i]!;
      if (event.type !== type) continue;
      // A workflow that keeps its output in storage: read it from there (the log holds a reference).
      const storage =
        type === 'WORKFLOW_COMPLETED'
          ? (findWorkflow(this.name) as WorkflowDefinition | undefined)?.options.outputStorage
          : undefined;
      return decodeOutput(event.valueJson, storage) as OutputIn<S, O>;
    }
    return undefined as OutputIn<S, O>;
  }

  /** The failure when the execution failed (the same object as `output` then). */
  get error(): S extends 'failed' ? ErrorInfo : ErrorInfo | undefined {
    return (this.state === 'failed' ? this.output : undefined) as S extends 'failed'
      ? ErrorInfo
      : ErrorInfo | undefined;
  }

  /** The execution's whole log, across every run and resume. */
  get events(): ExecutionEvent[] {
    if (this.cachedEvents?.length !== this.log.length)
      this.cachedEvents = this.log.map((e) => toExecutionEvent(this.executionId, e));
    return this.cachedEvents;
  }

  get hasFinished(): boolean {
    return isFinished(this.state);
  }
  get hasSucceeded(): boolean {
    return this.state === 'succeeded';
  }
  get hasFailed(): boolean {
    return this.state === 'failed';
  }
  get isPaused(): boolean {
    return this.state === 'paused';
  }
  get isRunning(): boolean {
    return this.state === 'running';
  }
  get isCancelled(): boolean {
    return this.state === 'cancelled';
  }

  toJSON(): {
    executionId: string;
    name: string;
    state: S;
    input: I;
    output: OutputIn<S, O>;
    events: ExecutionEvent[];
  } {
    return {
      executionId: this.executionId,
      name: this.name,
      state: this.state,
      input: this.input,
      output: this.output,
      events: this.events,
    };
  }
}

const OUTPUT_EVENT: Partial<Record<ExecutionState, StoredEvent['type']>> = {
  succeeded: 'WORKFLOW_COMPLETED',
  failed: 'WORKFLOW_FAILED',
  paused: 'TASK_PAUSED',
};

export function toExecutionEvent(executionId: string, e: StoredEvent): ExecutionEvent {
  return {
    id: eventId(executionId, e.seq),
    type: e.type,
    sourceId: e.sourceId,
    name: e.name,
    value: decodeValue(e.valueJson),
    time: new Date(e.time).toISOString(),
    ...(e.version !== undefined && { version: e.version }),
  };
}

/** The log an `ExecutionContext` was made from, as the stores keep it (for a replay of it). */
export function storedLog(ctx: ExecutionContext): readonly StoredEvent[] {
  return (ctx as unknown as { log: readonly StoredEvent[] }).log;
}

/**
 * A log as `ExecutionContext.events` (and `flux inspect --events --json`) shows it, back as the
 * stores keep it: what a recorded history kept as a test fixture replays from. (Whether an outcome
 * reached the body in the turn of its call is not in it: such outcomes are replayed on turns of
 * their own, in recorded order.)
 */
export function fromExecutionEvents(events: readonly ExecutionEvent[]): StoredEvent[] {
  return events.map((event, i) => ({
    seq: Number(/:(\d+)$/.exec(event.id)?.[1] ?? i + 1),
    type: event.type,
    sourceId: event.sourceId,
    name: event.name,
    valueJson: event.value === undefined ? undefined : JSON.stringify(event.value),
    time: Date.parse(event.time),
    ...(event.version !== undefined && { version: event.version }),
  }));
}

/**
 * An execution as `run`, `result`, `resume` and `inspect` return it: one `ExecutionContext` per
 * state, so that checking `state` tells TypeScript what `output` holds.
 *
 * @example
 * const ctx = await order.run(42);
 * if (ctx.state === 'succeeded') ctx.output; // the workflow's output type
 * else if (ctx.state === 'failed') ctx.output.message; // ErrorInfo
 */
export type Execution<I = unknown, O = unknown> = {
  [S in ExecutionState]: ExecutionContext<I, O, S>;
}[ExecutionState];

/** An execution's context as the union of its states (see `Execution`): what the runtimes hand out. */
export function executionOf<I = unknown, O = unknown>(data: ExecutionContextData): Execution<I, O> {
  return new ExecutionContext<I, O>(data) as Execution<I, O>;
}
