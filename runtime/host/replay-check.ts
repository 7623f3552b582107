/**
 * `replayCheck`: before deploying new code, replays recorded executions against it (from a runtime's
 * store, a NATS client, or histories kept as JSON) without running any task and without writing
 * anything, and says per execution whether the code still fits its log, or where it leaves it.
 *
 * @example
 * const report = await replayCheck(runtime, [orderV2], { states: ['paused', 'running'] });
 * for (const r of report.failures) console.log(r.executionId, r.divergence?.message);
 */
import { checkReplay } from '../../actors/replay-check.js';
import { ExecutionNotFoundError, FluxError } from '../engine/errors.js';
import { rebuildSnapshot, stateOf } from '../../actors/lifecycle.js';
import type { Divergence } from '../engine/errors.js';
import { ExecutionContext, fromExecutionEvents, storedLog } from '../engine/execution-context.js';
import { runStart, type ExecutionEvent, type StoredEvent } from '../engine/events.js';
import type { ExecutionState } from '../engine/execution-state.js';
import type { ExecutionRecord, ListFilter } from '../engine/event-store.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';
import { WorkflowVersions } from '../engine/workflow-versions.js';

/** Where recorded executions come from: a runtime, a NATS client (both list and inspect), or histories. */
export interface ReplaySource {
  list(filter?: ListFilter): Promise<ExecutionRecord[]>;
  inspect(executionId: string): Promise<ExecutionContext>;
}

export interface ReplayCheckOptions {
  /** Only executions of this workflow. */
  workflow?: string;
  /** Only executions in these states (default: every state). */
  states?: readonly ExecutionState[];
  /** Only these executions. */
  ids?: readonly string[];
  /** Only executions created at or after this instant. */
  since?: string | number | Date;
}

export interface ReplayVerdict {
  executionId: string;
  workflow: string;
  state: ExecutionState | undefined;
  /** The code fits the log (or it was not checked: `skipped`). */
  ok: boolean;
  /** How far the check went when it fits: the end, a new call past the log, the wait it stopped at. */
  reached?: 'end' | 'new-call' | 'wait' | 'failure';
  /** Where the code leaves the log. */
  divergence?: Divergence & { message: string };
  /** Why it was not checked (no code given for its workflow). */
  skipped?: string;
}

export interface ReplayReport {
  verdicts: ReplayVerdict[];
  checked: number;
  /** The executions whose log the code leaves. */
  failures: ReplayVerdict[];
  ok: boolean;
}

/** A recorded execution: its log as the stores keep it. */
interface Recorded {
  executionId: string;
  workflow: string;
  state: ExecutionState | undefined;
  events: readonly StoredEvent[];
}

/**
 * Replays each selected execution against `workflows`: the code a runtime serving them would drive
 * it with (by name, and by version for an execution pinned to one). An execution no code given
 * would drive (another workflow, another version) is skipped, not failed. Nothing runs, nothing is
 * written.
 */
export async function replayCheck(
  source: ReplaySource | { histories: readonly (readonly ExecutionEvent[])[] },
  // biome-ignore lint/suspicious/noExplicitAny: workflows of every input and output type
  workflows: readonly WorkflowDefinition<any, any>[],
  options: ReplayCheckOptions = {},
): Promise<ReplayReport> {
  const served = new WorkflowVersions<WorkflowDefinition>();
  for (const workflow of workflows) served.add(workflow as WorkflowDefinition);
  const verdicts: ReplayVerdict[] = [];
  for await (const recorded of recordedExecutions(source, options)) {
    const version = runStart(recorded.events)?.version;
    const definition = served.forRecorded(recorded.workflow, version);
    const base = { executionId: recorded.executionId, workflow: recorded.workflow, state: recorded.state };
    if (!definition) {
      const why = served.versions(recorded.workflow).length
        ? `it runs on version '${version}' of workflow '${recorded.workflow}', and no code given is that version (it never runs on other code)`
        : `no code given for workflow '${recorded.workflow}'`;
      verdicts.push({ ...base, ok: true, skipped: why });
      continue;
    }
    const outcome = await checkReplay(definition, recorded.executionId, recorded.events);
    verdicts.push(
      outcome.ok
        ? { ...base, ok: true, reached: outcome.reached }
        : {
            ...base,
            ok: false,
            divergence: { ...(outcome.error.details as Divergence | undefined), message: outcome.error.message },
          },
    );
  }
  const failures = verdicts.filter((v) => !v.ok);
  return { verdicts, checked: verdicts.filter((v) => !v.skipped).length, failures, ok: failures.length === 0 };
}

async function* recordedExecutions(
  source: ReplaySource | { histories: readonly (readonly ExecutionEvent[])[] },
  options: ReplayCheckOptions,
): AsyncGenerator<Recorded> {
  if ('histories' in source) {
    for (const history of source.histories) {
      const first = history[0];
      if (!first) continue;
      const executionId = first.sourceId;
      if (!selected(executionId, first.name, undefined, Date.parse(first.time), options)) continue;
      yield { executionId, workflow: first.name, state: undefined, events: fromExecutionEvents(history) };
    }
    return;
  }
  const records = options.ids
    ? await Promise.all(options.ids.map(async (id) => recordOf(await source.inspect(id))))
    : await source.list(options.workflow ? { workflow: options.workflow } : {});
  for (const record of records) {
    if (!selected(record.executionId, record.workflow, record.state, Date.parse(record.createdAt), options)) continue;
    const ctx = await source.inspect(record.executionId);
    yield { executionId: ctx.executionId, workflow: ctx.name, state: ctx.state, events: storedLog(ctx) };
  }
}

function recordOf(ctx: ExecutionContext): ExecutionRecord {
  const created = storedLog(ctx)[0]?.time ?? 0;
  const at = new Date(created).toISOString();
  return { executionId: ctx.executionId, workflow: ctx.name, state: ctx.state, createdAt: at, updatedAt: at };
}

function selected(
  executionId: string,
  workflow: string,
  state: ExecutionState | undefined,
  createdAt: number,
  options: ReplayCheckOptions,
): boolean {
  if (options.workflow && workflow !== options.workflow) return false;
  if (options.ids && !options.ids.includes(executionId)) return false;
  if (options.states && state !== undefined && !options.states.includes(state)) return false;
  if (options.since !== undefined) {
    const since =
      options.since instanceof Date
        ? options.since.getTime()
        : typeof options.since === 'number'
          ? options.since
          : Date.parse(options.since);
    if (!Number.isFinite(since))
      throw new FluxError('BAD_ARGUMENT', `since ${JSON.stringify(options.since)} is not an instant`);
    if (createdAt < since) return false;
  }
  return true;
}

/** A replay source over a store's reads alone (`list`, `load`): no runtime, nothing written. */
export function replaySourceOf(store: {
  list(filter?: ListFilter): ExecutionRecord[] | Promise<ExecutionRecord[]>;
  load(executionId: string): StoredEvent[] | Promise<StoredEvent[]>;
}): ReplaySource {
  return {
    list: async (filter) => store.list(filter),
    inspect: async (executionId) => {
      const events = await store.load(executionId);
      if (events.length === 0) throw new ExecutionNotFoundError(executionId);
      const state = stateOf(rebuildSnapshot(executionId, events));
      return new ExecutionContext({ executionId, name: events[0]!.name, state, log: events });
    },
  };
}
