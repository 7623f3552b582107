/**
 * An execution drawn on its machine: the states it visited and the transitions it took (with how
 * often), its current state set apart, and its task calls beside the machine.
 */
import type { ExecutionEvent } from '../runtime/engine/events.js';
import { executionPath, type ExecutionPath } from './execution-path.js';
import { machineDot } from './machine-dot.js';
import type { MachineGraph } from './machine-graph.js';
import { machineMermaid } from './machine-mermaid.js';
import { graphOfMachine } from './machines.js';
import { takenKey, type PathOverlay } from './path-overlay.js';
import type { Picture } from './picture.js';
import { tasksCluster, tasksNote } from './task-aside.js';

export interface ExecutionToDraw {
  executionId: string;
  workflow: string;
  /** The state the caller reports; the title shows it, the marking follows the log. */
  state: string;
  events: readonly ExecutionEvent[];
}

export function executionPictureOf(execution: ExecutionToDraw): Picture {
  const graph = graphOfMachine('execution');
  const path = executionPath(execution);
  const overlay = overlayOf(path);
  const title = `${execution.workflow} ${execution.executionId} (${execution.state})`;
  return {
    title,
    mermaid: () =>
      machineMermaid(graph, title, { overlay, note: { state: noteAnchor(graph), lines: tasksNote(path.tasks) } }),
    dot: () => machineDot(graph, title, { overlay, statements: tasksCluster(path.tasks) }),
  };
}

function overlayOf(path: ExecutionPath): PathOverlay {
  return {
    visited: new Set(path.visited),
    current: path.current,
    taken: new Map(path.transitions.map((t) => [takenKey(t.from, t.to, t.event), t.count])),
  };
}

// Tasks run while the execution is running, so their note sits beside that state.
function noteAnchor(graph: MachineGraph): string {
  return graph.states.some((state) => state.id === 'running') ? 'running' : (graph.initial ?? graph.states[0]!.id);
}
