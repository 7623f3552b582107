/**
 * The path an execution took through the execution machine, as data (a web page wants it as JSON):
 * its lifecycle events replayed through the machine's own pure `transition`, as `lifecycle.ts`
 * rebuilds a state, but keeping every step instead of only the last snapshot.
 */
import { initialTransition, transition } from 'xstate';
import { executionMachine, type ExecutionMachineEvent } from '../actors/execution-machine.js';
import { accepts, MACHINE_EVENT, stateOf } from '../actors/lifecycle.js';
import { CorruptLogError } from '../runtime/engine/errors.js';
import type { ExecutionEvent } from '../runtime/engine/events.js';
import type { ExecutionState } from '../runtime/engine/execution-state.js';
import { summarizeTasks, type TaskSummary } from './task-summary.js';

type MachineEventType = ExecutionMachineEvent['type'];

/** One transition the execution made, in log order. */
export interface PathStep {
  from: ExecutionState;
  to: ExecutionState;
  event: MachineEventType;
  /** The log event that recorded it, and when. */
  logEventId: string;
  time: string;
}

export interface PathTransition {
  from: ExecutionState;
  to: ExecutionState;
  event: MachineEventType;
  count: number;
}

export interface ExecutionPath {
  /** Every state the execution has been in, in the order it first got there (`created` first). */
  visited: ExecutionState[];
  /** The state its log leads to. */
  current: ExecutionState;
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
 * const path = executionPath(ctx); // path.current === 'succeeded', path.transitions[1] = { from: 'running', to: 'paused', event: 'PAUSE', count: 1 }
 */
export function executionPath(execution: { executionId: string; events: readonly ExecutionEvent[] }): ExecutionPath {
  const steps = replaySteps(execution.executionId, execution.events);
  const start = stateOf(initialTransition(executionMachine, { executionId: execution.executionId })[0]);
  return {
    visited: [...new Set([start, ...steps.map((step) => step.to)])],
    current: steps.at(-1)?.to ?? start,
    transitions: countTransitions(steps),
    steps,
    tasks: summarizeTasks(execution.events),
  };
}

function replaySteps(executionId: string, events: readonly ExecutionEvent[]): PathStep[] {
  let [snapshot] = initialTransition(executionMachine, { executionId });
  const steps: PathStep[] = [];
  for (const event of events) {
    const type = MACHINE_EVENT[event.type];
    if (!type) continue;
    const from = stateOf(snapshot);
    if (!accepts(snapshot, type))
      throw new CorruptLogError(executionId, `event ${event.id} (${event.type}) is illegal in state ${from}`);
    [snapshot] = transition(executionMachine, snapshot, { type } as ExecutionMachineEvent);
    steps.push({ from, to: stateOf(snapshot), event: type, logEventId: event.id, time: event.time });
  }
  return steps;
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
