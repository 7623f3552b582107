/**
 * Pictures of the state machines of `actors/`, of workflow Graphs, and of the path one execution
 * took, as Mermaid, Graphviz DOT, SVG or a standalone HTML page. The CLI (`flux visualize`) and the
 * HTTP server draw through this module; a web page that draws for itself can take
 * `executionPath` as JSON.
 *
 * @example
 * const mermaid = await machinePicture('execution', 'mermaid');
 * const page = await executionPicture({ executionId: ctx.executionId, workflow: ctx.name, state: ctx.state, events: ctx.events }, 'html');
 */
import type { Graph } from '../runtime/api/graph.js';
import { executionPictureOf, type ExecutionToDraw } from './execution-picture.js';
import { graphDot, graphMermaid, visitedNodes } from './graph-pictures.js';
import { machineDot } from './machine-dot.js';
import { machineMermaid } from './machine-mermaid.js';
import { graphOfMachine } from './machines.js';
import { draw, type PictureFormat } from './picture.js';

export type { PictureFormat } from './picture.js';
export { PICTURE_FORMATS } from './picture.js';
export { MACHINE_NAMES } from './machines.js';
export { UnknownMachineError } from '../runtime/engine/errors.js';
export { executionPath } from './execution-path.js';
export type { ExecutionPath, PathStep, PathTransition } from './execution-path.js';
export type { TaskSummary, TaskOutcome, StepOutcome } from './task-summary.js';
export type { ExecutionToDraw } from './execution-picture.js';
export { machineGraph } from './machine-graph.js';
export type { MachineGraph, MachineState, MachineTransition } from './machine-graph.js';

/** A machine of `actors/` by name (see `MACHINE_NAMES`); another name rejects with `UNKNOWN_MACHINE`. */
export async function machinePicture(name: string, format: PictureFormat): Promise<string> {
  const graph = graphOfMachine(name);
  const title = `${name} machine`;
  return draw({ title, mermaid: () => machineMermaid(graph, title), dot: () => machineDot(graph, title) }, format);
}

/** A workflow Graph: its nodes, START and END, and its edges, a conditional one labelled `if <condition>`. */
export async function graphPicture(graph: Graph, format: PictureFormat): Promise<string> {
  return draw({ title: `graph ${graph.name}`, mermaid: () => graphMermaid(graph), dot: () => graphDot(graph) }, format);
}

/**
 * A workflow Graph with the nodes an execution ran filled and the edges between them drawn bold, in
 * DOT, SVG or HTML (Mermaid draws it unmarked). Undefined when the graph does not run the
 * execution's tasks.
 */
export async function graphPathPicture(
  graph: Graph,
  execution: Pick<ExecutionToDraw, 'state' | 'events'>,
  format: PictureFormat,
): Promise<string | undefined> {
  const visited = visitedNodes(graph, execution.events, execution.state === 'succeeded');
  if (!visited) return undefined;
  return draw(
    { title: `graph ${graph.name}`, mermaid: () => graphMermaid(graph), dot: () => graphDot(graph, visited) },
    format,
  );
}

/**
 * The execution machine with the path this execution took marked, and its task calls beside it.
 * A log the machine refuses rejects with `CORRUPT_LOG`.
 */
export async function executionPicture(execution: ExecutionToDraw, format: PictureFormat): Promise<string> {
  return draw(executionPictureOf(execution), format);
}
