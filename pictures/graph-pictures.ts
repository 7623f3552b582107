/**
 * A workflow `Graph` (`runtime/api/graph.ts`) as a Mermaid flowchart or a Graphviz digraph: its nodes,
 * START and END as terminals, and its edges, a conditional one labelled with its condition.
 */
import type { Graph, GraphEdge } from '../runtime/api/graph.js';
import { dotString, mermaidText } from './text.js';

/** `if isLarge` for a named condition; `if` for an inline one, whose name is empty. */
export function conditionLabel(edge: GraphEdge): string | undefined {
  if (!edge.condition) return undefined;
  return edge.condition.name ? `if ${edge.condition.name}` : 'if';
}

const isTerminal = (node: string) => node === 'START' || node === 'END';

export function graphMermaid(graph: Graph): string {
  // Node names are free text, so each gets a generated id and keeps its name as the label.
  const ids = new Map(graph.nodes.map((node, index) => [node, `n${index}`]));
  const lines = ['---', `title: ${JSON.stringify(`graph ${graph.name}`)}`, '---', 'flowchart TD'];
  for (const [node, id] of ids)
    lines.push(isTerminal(node) ? `  ${id}(["${mermaidText(node)}"])` : `  ${id}["${mermaidText(node)}"]`);
  for (const edge of graph.edges) {
    const label = conditionLabel(edge);
    // A conditional edge is dotted: it may stay closed, and then what only it leads to is skipped.
    const arrow = label ? `-.->|"${mermaidText(label)}"|` : '-->';
    lines.push(`  ${ids.get(edge.from)} ${arrow} ${ids.get(edge.to)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * @param visited nodes an execution ran (filled), for the picture of the path it took through the graph.
 */
export function graphDot(graph: Graph, visited?: ReadonlySet<string>): string {
  const lines = [
    `digraph ${dotString(graph.name)} {`,
    `  label=${dotString(`graph ${graph.name}`)}; labelloc=t; fontname="Helvetica"; rankdir=TB;`,
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    ...graph.nodes.map((node) => `  ${dotString(node)}${nodeStyle(node, visited)};`),
  ];
  for (const edge of graph.edges) {
    const label = conditionLabel(edge);
    const taken = visited?.has(edge.from) && visited.has(edge.to);
    const attributes = [
      ...(label ? [`label=${dotString(label)}`, 'style=dashed'] : []),
      ...(taken ? ['color="#2563eb"', 'penwidth=2'] : []),
    ];
    lines.push(
      `  ${dotString(edge.from)} -> ${dotString(edge.to)}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function nodeStyle(node: string, visited: ReadonlySet<string> | undefined): string {
  if (visited?.has(node))
    return ` [${isTerminal(node) ? 'shape=oval, ' : ''}style="rounded,filled", fillcolor="#bfdbfe", color="#2563eb"]`;
  return isTerminal(node) ? ' [shape=oval, style=filled, fillcolor="#e5e7eb"]' : '';
}

/**
 * The nodes an execution ran, from the task names its log completed: START always, END once it
 * succeeded. Undefined when the graph does not run the execution's tasks (it is not its graph).
 */
export function visitedNodes(
  graph: Graph,
  events: readonly { type: string; name: string }[],
  succeeded: boolean,
): Set<string> | undefined {
  const byTask = new Map<string, string>();
  for (const node of graph.nodes) {
    const taskName = graph.taskOf(node);
    if (taskName) byTask.set(taskName, node);
  }
  const started = events.filter((e) => e.type === 'TASK_STARTED').map((e) => e.name);
  if (started.length === 0 || !started.some((name) => byTask.has(name))) return undefined;
  const visited = new Set<string>(['START']);
  for (const event of events)
    if (event.type === 'TASK_COMPLETED' && byTask.has(event.name)) visited.add(byTask.get(event.name)!);
  if (succeeded) visited.add('END');
  return visited;
}
