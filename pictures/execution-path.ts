/**
 * The path an execution took through the execution machine, as data (a web page wants it as JSON):
 * its lifecycle events replayed through the machine's own pure `transition`, as `lifecycle.ts`
 * rebuilds a state, but keeping every step instead of only the last snapshot.
 */
import { initialTransition, transition } from 'xstate';
import { executionMachine, type ExecutionMachineEvent } from '../actors/execution-machine.js';
import { machineEventsOf, statePath } from '../actors/lifecycle.js';
import { CorruptLogError } from '../runtime/engine/errors.js';
import type { ExecutionEvent } from '../runtime/engine/events.js';
import { summarizeTasks, type TaskSummary } from './task-summary.js';

type MachineEventType = ExecutionMachineEvent['type'];

/** One transition the execution made, in log order. */
export interface PathStep {
  /** States as the machine's picture names them: `running`, `running.draining`, `cancelling.rollingBack`. */
  from: string;
  to: string;
  event: MachineEventType;
  /** The log event that recorded it, and when. */
  logEventId: string;
  time: string;
}

export interface PathTransition {
  from: string;
  to: string;
  event: MachineEventType;
  count: number;
}

export interface ExecutionPath {
  /** Every state the execution has been in (a sub-state with its parent), in the order it first got there (`created` first). */
  visited: string[];
  /** The state its log leads to, with its sub-state (`running.working`). */
  current: string;
  /** Each distinct transition taken, with how often, in the order first taken. */
  transitions: PathTransition[];
  steps: PathStep[];
  tasks: TaskSummary[];
}

/**
 * Replays the log's lifecycle events through the execution machine. Throws `CorruptLogError` on an
 * event the machine refuses, as rebuilding the state would.
 *
 * @example
 * const path = executionPath(ctx);
 * // path.current === 'succeeded'; a pause is two steps: running.working -PAUSE-> running.draining -DRAINED-> paused
 */
export function executionPath(execution: { executionId: string; events: readonly ExecutionEvent[] }): ExecutionPath {
  const steps = replaySteps(execution.executionId, execution.events);
  const [first] = initialTransition(executionMachine, { executionId: execution.executionId });
  const current = statePath(rebuiltFrom(execution));
  return {
    visited: [
      ...new Set([
        statePath(first),
        ...steps.flatMap((step) => [...withParents(step.from), ...withParents(step.to)]),
        ...withParents(current),
      ]),
    ],
    current,
    transitions: countTransitions(steps),
    steps,
    tasks: summarizeTasks(execution.events),
  };
}

function replaySteps(executionId: string, events: readonly ExecutionEvent[]): PathStep[] {
  let [snapshot] = initialTransition(executionMachine, { executionId });
  const steps: PathStep[] = [];
  for (const event of events) {
    for (const machineEvent of machineEventsOf({ type: event.type, valueJson: valueJsonOf(event) })) {
      const [taken] = executionMachine.getTransitionData(snapshot, machineEvent);
      if (!taken)
        throw new CorruptLogError(
          executionId,
          `event ${event.id} (${event.type}) is illegal in state ${statePath(snapshot)}`,
        );
      // The transition as the machine defines it (on a parent state, to a parent state), as the picture draws it.
      const from = taken.source.path.join('.');
      const to = taken.target?.[0]?.path.join('.') ?? from;
      [snapshot] = transition(executionMachine, snapshot, machineEvent);
      steps.push({ from, to, event: machineEvent.type, logEventId: event.id, time: event.time });
    }
  }
  return steps;
}

/** The event's value as the log holds it (a cancel's options decide its path). */
function valueJsonOf(event: ExecutionEvent): string | undefined {
  return event.value === undefined ? undefined : JSON.stringify(event.value);
}

function countTransitions(steps: readonly PathStep[]): PathTransition[] {
  const counted = new Map<string, PathTransition>();
  for (const { from, to, event } of steps) {
    const key = `${from} ${event} ${to}`;
    const seen = counted.get(key);
    if (seen) seen.count++;
    else counted.set(key, { from, to, event, count: 1 });
  }
  return [...counted.values()];
}

/** `running.draining` and its parent `running`: a sub-state visited is its parent visited too. */
function withParents(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** The snapshot the log leads to (eventless steps included: `cancelling.deciding` goes on). */
function rebuiltFrom(execution: { executionId: string; events: readonly ExecutionEvent[] }) {
  let [snapshot] = initialTransition(executionMachine, { executionId: execution.executionId });
  for (const event of execution.events)
    for (const machineEvent of machineEventsOf({ type: event.type, valueJson: valueJsonOf(event) }))
      [snapshot] = transition(executionMachine, snapshot, machineEvent);
  return snapshot;
}
