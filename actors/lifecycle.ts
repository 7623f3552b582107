/**
 * Rebuilds an execution's state by feeding its recorded lifecycle events through the execution
 * machine's pure transition function: nothing is started, no action runs.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { CorruptLogError } from '../runtime/engine/errors.js';
import type { EventType, StoredEvent } from '../runtime/engine/events.js';
import type { ExecutionState } from '../runtime/engine/execution-state.js';
import { executionMachine, type ExecutionMachineEvent } from './execution-machine.js';

/** Which machine event each lifecycle event of the log records (other events are per task: none). */
export const MACHINE_EVENT: Readonly<Partial<Record<EventType, ExecutionMachineEvent['type']>>> = {
  WORKFLOW_STARTED: 'START',
  WORKFLOW_PAUSED: 'PAUSE',
  WORKFLOW_RESUMED: 'RESUME',
  WORKFLOW_COMPLETED: 'SUCCEED',
  WORKFLOW_FAILED: 'FAIL',
  WORKFLOW_CANCELLING: 'CANCEL',
  WORKFLOW_CANCELLED: 'CANCELLED',
  WORKFLOW_RECOVERED: 'RECOVER',
};

export type ExecutionSnapshot = SnapshotFrom<typeof executionMachine>;

/** The machine snapshot an execution's log leads to. Throws if the log holds an illegal sequence. */
export function rebuildSnapshot(executionId: string, events: readonly StoredEvent[]): ExecutionSnapshot {
  let [snapshot] = initialTransition(executionMachine, { executionId });
  for (const event of events) {
    const type = MACHINE_EVENT[event.type];
    if (!type) continue;
    const machineEvent = { type } as ExecutionMachineEvent;
    if (!snapshot.can(machineEvent)) {
      throw new CorruptLogError(
        executionId,
        `event ${event.seq} (${event.type}) is illegal in state ${String(snapshot.value)}`,
      );
    }
    [snapshot] = transition(executionMachine, snapshot, machineEvent);
  }
  return snapshot;
}

export function stateOf(snapshot: ExecutionSnapshot): ExecutionState {
  return snapshot.value as ExecutionState;
}

/** Whether the machine accepts `type` in this state: how the runtime refuses illegal operations. */
export function accepts(snapshot: ExecutionSnapshot, type: ExecutionMachineEvent['type']): boolean {
  return snapshot.can({ type } as ExecutionMachineEvent);
}
