/** A machine as a Mermaid `stateDiagram-v2`, optionally with an execution's path marked on it. */
import type { MachineGraph, MachineState } from './machine-graph.js';
import { countedLabel, stateMark, type PathOverlay, type StateMark } from './path-overlay.js';
import { mermaidId, mermaidText } from './text.js';

export interface MermaidExtras {
  overlay?: PathOverlay;
  /** A note beside one state (the tasks of an execution, beside `running`). */
  note?: { state: string; lines: readonly string[] };
}

// Classes rather than inline styles: `class a,b visited` keeps the marking in one readable line.
const CLASS_STYLES: Record<Exclude<StateMark, 'plain'>, string> = {
  visited: 'fill:#dbeafe,stroke:#2563eb,color:#1e3a8a',
  current: 'fill:#2563eb,stroke:#1e3a8a,stroke-width:3px,color:#ffffff',
  unvisited: 'fill:#f9fafb,stroke:#d1d5db,color:#9ca3af',
};

export function machineMermaid(graph: MachineGraph, title: string, extras: MermaidExtras = {}): string {
  const lines = ['---', `title: ${JSON.stringify(title)}`, '---', 'stateDiagram-v2'];
  for (const state of graph.states)
    if (mermaidId(state.id) !== state.id) lines.push(`  state "${mermaidText(state.id)}" as ${mermaidId(state.id)}`);
  if (graph.initial) lines.push(`  [*] --> ${mermaidId(graph.initial)}`);
  for (const t of graph.transitions)
    lines.push(`  ${mermaidId(t.source)} --> ${mermaidId(t.target)} : ${mermaidText(countedLabel(extras.overlay, t))}`);
  for (const state of graph.states) if (state.final) lines.push(`  ${mermaidId(state.id)} --> [*]`);
  if (extras.overlay) lines.push(...classLines(graph.states, extras.overlay));
  if (extras.note) lines.push(...noteLines(extras.note.state, extras.note.lines));
  return `${lines.join('\n')}\n`;
}

function classLines(states: readonly MachineState[], overlay: PathOverlay): string[] {
  const marks = Object.keys(CLASS_STYLES) as Exclude<StateMark, 'plain'>[];
  const classes = marks.flatMap((mark) => {
    const marked = states.filter((state) => stateMark(overlay, state.id) === mark).map((state) => mermaidId(state.id));
    return marked.length > 0 ? [`  class ${marked.join(',')} ${mark}`] : [];
  });
  return [...marks.map((mark) => `  classDef ${mark} ${CLASS_STYLES[mark]}`), ...classes];
}

function noteLines(state: string, text: readonly string[]): string[] {
  // A line reading `end note` would close the note early; mermaidText cannot know that, so guard here.
  const body = text.map((line) => mermaidText(line).replace(/^end note$/i, 'end-note'));
  return [`  note right of ${mermaidId(state)}`, ...body.map((line) => `    ${line}`), '  end note'];
}
