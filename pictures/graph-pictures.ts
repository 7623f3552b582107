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

export function graphDot(graph: Graph): string {
  const lines = [
    `digraph ${dotString(graph.name)} {`,
    `  label=${dotString(`graph ${graph.name}`)}; labelloc=t; fontname="Helvetica"; rankdir=TB;`,
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    ...graph.nodes.map(
      (node) => `  ${dotString(node)}${isTerminal(node) ? ' [shape=oval, style=filled, fillcolor="#e5e7eb"]' : ''};`,
    ),
  ];
  for (const edge of graph.edges) {
    const label = conditionLabel(edge);
    lines.push(
      `  ${dotString(edge.from)} -> ${dotString(edge.to)}${label ? ` [label=${dotString(label)}, style=dashed]` : ''};`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
