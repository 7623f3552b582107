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
    case 'WORKFLOW_RETRIED':
      return [{ type: 'RETRY' }];
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
  'WORKFLOW_RETRIED',
]);

export type ExecutionSnapshot = SnapshotFrom<typeof executionMachine>;

/** One character per lifecycle event type: the key of the states already reached. */
const LIFECYCLE_CODES: ReadonlyMap<EventType, string> = new Map(
  [...LIFECYCLE_EVENTS].map((type, i) => [type, String.fromCharCode(65 + i)]),
);

/**
 * States reached before, by the sequence of lifecycle events that led to them: the pure transition
 * function costs ~45 µs an event, resolving a known state ~2 µs. The state depends on nothing else
 * but the execution's id, which is put back in. Bounded: the oldest sequence is forgotten first.
 */
const reached = new Map<string, Pick<ExecutionSnapshot, 'value' | 'context'>>();
const REACHED_MAX = 1000;

/** The machine snapshot an execution's log leads to. Throws if the log holds an illegal sequence. */
export function rebuildSnapshot(executionId: string, events: readonly StoredEvent[]): ExecutionSnapshot {
  let key = '';
  for (const event of events) {
    const code = LIFECYCLE_CODES.get(event.type);
    if (code === undefined) continue;
    key += code;
    if (event.type === 'WORKFLOW_CANCELLING' && rollbackAsked(event.valueJson)) key += 'r';
  }
  const known = reached.get(key);
  if (known) return executionMachine.resolveState({ value: known.value, context: { ...known.context, executionId } });
  const snapshot = transitionThrough(executionId, events);
  if (reached.size >= REACHED_MAX) reached.delete(reached.keys().next().value!);
  reached.set(key, { value: snapshot.value, context: snapshot.context });
  return snapshot;
}

function transitionThrough(executionId: string, events: readonly StoredEvent[]): ExecutionSnapshot {
  let [snapshot] = initialTransition(executionMachine, { executionId });
  for (const event of events) {
    for (const machineEvent of machineEventsOf(event)) {
      const [next] = transition(executionMachine, snapshot, machineEvent);
      // An event the state does not take leaves the snapshot as it was (the same object).
      if (next === snapshot) {
        throw new CorruptLogError(
          executionId,
          `event ${event.seq} (${event.type}) is illegal in state ${statePath(snapshot)}`,
        );
      }
      snapshot = next;
    }
  }
  return snapshot;
}

/** The execution's state as users and the index know it: the machine's top-level state. */
export function stateOf(snapshot: ExecutionSnapshot): ExecutionState {
  const value = snapshot.value;
  if (typeof value === 'string') return value as ExecutionState;
  // Draining is paused already (WORKFLOW_PAUSED is recorded as it begins); only its calls go on.
  if ((value as { running?: string }).running === 'draining') return 'paused';
  return Object.keys(value)[0] as ExecutionState;
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
