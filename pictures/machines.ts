/** The machines of `actors/` that can be drawn, by the names the CLI and the HTTP server use. */
import type { AnyStateMachine } from 'xstate';
import { executionMachine } from '../actors/execution-machine.js';
import { taskExecutorMachine } from '../actors/task-executor-machine.js';
import { UnknownMachineError } from '../runtime/engine/errors.js';
import { machineGraph, type MachineGraph } from './machine-graph.js';

const MACHINES: Readonly<Record<string, AnyStateMachine>> = {
  execution: executionMachine,
  'task-executor': taskExecutorMachine,
};

export const MACHINE_NAMES: readonly string[] = Object.keys(MACHINES);

// A machine does not change while the process runs, so it is walked once.
const graphs = new Map<string, MachineGraph>();

export function graphOfMachine(name: string): MachineGraph {
  const machine = Object.hasOwn(MACHINES, name) ? MACHINES[name] : undefined;
  if (!machine) throw new UnknownMachineError(name, MACHINE_NAMES);
  let graph = graphs.get(name);
  if (!graph) {
    graph = machineGraph(machine);
    graphs.set(name, graph);
  }
  return graph;
}
