/** What an execution adds to the picture of its machine: where it went, and how often. */
import type { MachineTransition } from './machine-graph.js';

export interface PathOverlay {
  visited: ReadonlySet<string>;
  current: string;
  /** How often each transition was taken, keyed by `takenKey`. */
  taken: ReadonlyMap<string, number>;
}

export function takenKey(source: string, target: string, event: string): string {
  return `${source} -> ${target} : ${event}`;
}

export function timesTaken(overlay: PathOverlay | undefined, transition: MachineTransition): number {
  return overlay?.taken.get(takenKey(transition.source, transition.target, transition.event)) ?? 0;
}

/** `PAUSE ×2` for a transition taken twice; an untaken one keeps its plain label. */
export function countedLabel(overlay: PathOverlay | undefined, transition: MachineTransition): string {
  const count = timesTaken(overlay, transition);
  return count > 0 ? `${transition.label} ×${count}` : transition.label;
}

export type StateMark = 'current' | 'visited' | 'unvisited' | 'plain';

export function stateMark(overlay: PathOverlay | undefined, state: string): StateMark {
  if (!overlay) return 'plain';
  if (state === overlay.current) return 'current';
  return overlay.visited.has(state) ? 'visited' : 'unvisited';
}
