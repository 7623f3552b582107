/**
 * A machine's states and transitions as plain data, read from the machine itself with
 * `@xstate/graph`: a picture drawn from a hand-kept copy would drift from the machine it shows.
 */
import { toDirectedGraph, type DirectedGraphNode } from '@xstate/graph';
import type { AnyStateMachine, AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { eventLabel, guardLabel } from './transition-labels.js';

export interface MachineState {
  /** The state's path from the root, joined with dots (`running`, or `parent.child` when nested). */
  id: string;
  final: boolean;
}

export interface MachineTransition {
  source: string;
  target: string;
  /** What triggers it as a reader names it: `PAUSE`, `always`, `after backoff`, `attempt done`. */
  event: string;
  /** The guard's name; `else` for an unguarded transition tried after guarded ones. */
  guard: string | undefined;
  /** `event [guard]`, or the event alone. */
  label: string;
}

export interface MachineGraph {
  name: string;
  initial: string | undefined;
  states: MachineState[];
  transitions: MachineTransition[];
}

export function machineGraph(machine: AnyStateMachine): MachineGraph {
  const nodes = descendants(toDirectedGraph(machine));
  return {
    name: machine.id,
    initial: machine.root.initial?.target[0] ? stateId(machine.root.initial.target[0]) : undefined,
    states: nodes.map((node) => ({
      id: stateId(node.stateNode),
      final: node.stateNode.type === 'final' || isEnd(node.stateNode.meta),
    })),
    transitions: nodes.flatMap(transitionsOf),
  };
}

function descendants(node: DirectedGraphNode): DirectedGraphNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}

function stateId(node: AnyStateNode): string {
  return node.path.join('.');
}

interface Edge {
  transition: AnyTransitionDefinition;
  target: AnyStateNode;
}

/**
 * A state's transitions in the order XState tries them. `toDirectedGraph` leaves out eventless
 * (`always`) transitions, which the task machine decides with, so they are added from the node.
 */
function transitionsOf(node: DirectedGraphNode): MachineTransition[] {
  const always = (node.stateNode.always ?? []).flatMap((transition): Edge[] =>
    (transition.target ?? [node.stateNode]).map((target) => ({ transition, target })),
  );
  const edges: Edge[] = [...node.edges, ...always];
  return edges.map(({ transition, target }, index) => {
    const event = eventLabel(transition);
    const guard = guardLabel(transition.guard) ?? (triedAfterGuarded(edges, index) ? 'else' : undefined);
    return {
      source: stateId(node.stateNode),
      target: stateId(target),
      event,
      guard,
      label: guard ? `${event} [${guard}]` : event,
    };
  });
}

// An unguarded transition listed after guarded ones for the same event is taken only when they all
// refuse: saying `else` keeps the picture from suggesting it competes with them.
function triedAfterGuarded(edges: readonly Edge[], index: number): boolean {
  const { transition } = edges[index]!;
  return edges
    .slice(0, index)
    .some((edge) => edge.transition.eventType === transition.eventType && edge.transition.guard !== undefined);
}

/** A state its machine marks as an end (`meta: { end: true }`) though it may begin again. */
function isEnd(meta: unknown): boolean {
  return typeof meta === 'object' && meta !== null && (meta as { end?: unknown }).end === true;
}
