/**
 * Rebuilds an execution's state by feeding its recorded lifecycle events through the execution
 * machine's pure transition function: nothing is started, no action runs. Every door (the runtime,
 * a NATS client, the HTTP API) asks the rebuilt machine what it accepts instead of comparing states.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { CorruptLogError } from '../runtime/engine/errors.js';
import type { EventType, StoredEvent } from '../runtime/engine/events.js';
import type { ExecutionState } from '../runtime/engine/execution-state.js';
import { executionMachine, type ExecutionMachineEvent } from './execution-machine.js';

/**
 * The machine events each lifecycle event of the log records (other events are per task: none).
 * A pause is two transitions (its drain is not recorded apart); a cancel carries whether it asked
 * for rollbacks.
 */
export function machineEventsOf(event: Pick<StoredEvent, 'type' | 'valueJson'>): ExecutionMachineEvent[] {
  switch (event.type) {
    case 'WORKFLOW_STARTED':
      return [{ type: 'START' }];
    case 'WORKFLOW_PAUSED':
      return [{ type: 'PAUSE', taskId: '', name: '' }, { type: 'DRAINED' }];
    case 'WORKFLOW_RESUMED':
      return [{ type: 'RESUME' }];
    case 'WORKFLOW_COMPLETED':
      return [{ type: 'SUCCEED' }];
    case 'WORKFLOW_FAILED':
      return [{ type: 'FAIL', error: { name: '', message: '' } }];
    case 'WORKFLOW_CANCELLING':
      return [{ type: 'CANCEL', rollback: rollbackAsked(event.valueJson) }];
    case 'WORKFLOW_CANCELLED':
      return [{ type: 'CANCELLED' }];
    case 'WORKFLOW_RECOVERED':
      return [{ type: 'RECOVER' }];
    case 'WORKFLOW_WAITING':
      return [{ type: 'PARK' }];
    default:
      return [];
  }
}

/** The lifecycle events of the log: those that move the machine. */
export const LIFECYCLE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'WORKFLOW_STARTED',
  'WORKFLOW_PAUSED',
  'WORKFLOW_RESUMED',
  'WORKFLOW_COMPLETED',
  'WORKFLOW_FAILED',
  'WORKFLOW_CANCELLING',
  'WORKFLOW_CANCELLED',
  'WORKFLOW_RECOVERED',
  'WORKFLOW_WAITING',
]);

export type ExecutionSnapshot = SnapshotFrom<typeof executionMachine>;

/** The machine snapshot an execution's log leads to. Throws if the log holds an illegal sequence. */
export function rebuildSnapshot(executionId: string, events: readonly StoredEvent[]): ExecutionSnapshot {
  let [snapshot] = initialTransition(executionMachine, { executionId });
  for (const event of events) {
    for (const machineEvent of machineEventsOf(event)) {
      if (!snapshot.can(machineEvent)) {
        throw new CorruptLogError(
          executionId,
          `event ${event.seq} (${event.type}) is illegal in state ${statePath(snapshot)}`,
        );
      }
      [snapshot] = transition(executionMachine, snapshot, machineEvent);
    }
  }
  return snapshot;
}

/** The execution's state as users and the index know it: the machine's top-level state. */
export function stateOf(snapshot: ExecutionSnapshot): ExecutionState {
  const value = snapshot.value;
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as ExecutionState;
}

/** The machine's state with its sub-state, as the pictures name it: `running.draining`, `paused`. */
export function statePath(snapshot: ExecutionSnapshot): string {
  const parts: string[] = [];
  let value: unknown = snapshot.value;
  while (typeof value === 'object' && value !== null) {
    const [key, inner] = Object.entries(value)[0]!;
    parts.push(key);
    value = inner;
  }
  parts.push(String(value));
  return parts.join('.');
}

/** Whether the machine accepts `type` in this state: how the runtime refuses illegal operations. */
export function accepts(snapshot: ExecutionSnapshot, type: ExecutionMachineEvent['type']): boolean {
  return snapshot.can({ type } as ExecutionMachineEvent);
}

function rollbackAsked(valueJson: string | undefined): boolean {
  if (!valueJson) return false;
  try {
    return (JSON.parse(valueJson) as { rollback?: unknown }).rollback === true;
  } catch {
    return false;
  }
}
