/** A machine as a Graphviz digraph, optionally with an execution's path marked on it. */
import type { MachineGraph, MachineState, MachineTransition } from './machine-graph.js';
import { countedLabel, stateMark, timesTaken, type PathOverlay, type StateMark } from './path-overlay.js';
import { dotString } from './text.js';

export interface DotExtras {
  overlay?: PathOverlay;
  /** Statements added inside the digraph (the tasks cluster of an execution picture). */
  statements?: readonly string[];
}

// Mermaid's name for the initial pseudo-state; no state of the machines drawn here is called that.
const INITIAL = dotString('[*]');

// `class` lands on the node's <g> in SVG (`class="node current"`): a page can find the current state.
const STATE_STYLES: Record<StateMark, string> = {
  plain: '',
  visited: 'class="visited", style="rounded,filled", fillcolor="#dbeafe", color="#2563eb", fontcolor="#1e3a8a"',
  current:
    'class="current", style="rounded,filled,bold", fillcolor="#2563eb", color="#1e3a8a", fontcolor="#ffffff", penwidth=2',
  unvisited: 'class="unvisited", color="#d1d5db", fontcolor="#9ca3af"',
};

const TAKEN = 'color="#2563eb", fontcolor="#1e3a8a", penwidth=2.5, style=bold';
const NOT_TAKEN = 'color="#9ca3af", fontcolor="#9ca3af"';

export function machineDot(graph: MachineGraph, title: string, extras: DotExtras = {}): string {
  const lines = [
    `digraph ${dotString(graph.name)} {`,
    `  label=${dotString(title)}; labelloc=t; fontname="Helvetica"; rankdir=LR;`,
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
    ...graph.states.map((state) => `  ${stateStatement(state, extras.overlay)}`),
  ];
  if (graph.initial) {
    lines.push(`  ${INITIAL} [shape=point, width=0.15, label=""];`);
    lines.push(`  ${INITIAL} -> ${dotString(graph.initial)}${extras.overlay ? ` [${TAKEN}]` : ''};`);
  }
  lines.push(...graph.transitions.map((t) => `  ${transitionStatement(t, extras.overlay)}`));
  lines.push(...(extras.statements ?? []).map((statement) => `  ${statement}`), '}');
  return `${lines.join('\n')}\n`;
}

// A final state gets a double border, as in the UML and SCXML pictures readers know.
function stateStatement(state: MachineState, overlay: PathOverlay | undefined): string {
  const attributes = [state.final ? 'peripheries=2' : '', STATE_STYLES[stateMark(overlay, state.id)]].filter(Boolean);
  return `${dotString(state.id)}${attributes.length > 0 ? ` [${attributes.join(', ')}]` : ''};`;
}

function transitionStatement(t: MachineTransition, overlay: PathOverlay | undefined): string {
  const attributes = [`label=${dotString(countedLabel(overlay, t))}`];
  if (overlay) attributes.push(timesTaken(overlay, t) > 0 ? TAKEN : NOT_TAKEN);
  return `${dotString(t.source)} -> ${dotString(t.target)} [${attributes.join(', ')}];`;
}
