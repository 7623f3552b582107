/**
 * `Graph`: nodes (tasks or async functions) joined by edges that may carry a condition on the
 * upstream node's output. `run(input)` walks it in dependency order inside a workflow body; every
 * node that is a task is a durable step, so a graph replays like any other code over task calls.
 */
import { GraphValidationError } from '../engine/errors.js';

// Node actions and conditions take whatever their upstream produced.
// biome-ignore lint/suspicious/noExplicitAny: any typed action must be accepted (`unknown[]` would refuse typed parameters)
export type NodeAction = (...inputs: any[]) => unknown;
// biome-ignore lint/suspicious/noExplicitAny: any typed condition must be accepted (`unknown` would refuse a typed parameter)
export type EdgeCondition = (output: any) => boolean | Promise<boolean>;

export interface GraphEdge {
  from: string;
  to: string;
  condition: EdgeCondition | undefined;
}

const passThrough: NodeAction = (input: unknown) => input;
/** END hands back what reached it: one branch's output, or every branch's when several did. */
const collect: NodeAction = (...inputs: unknown[]) => (inputs.length === 1 ? inputs[0] : inputs);

export class Graph {
  static readonly START = 'START';
  static readonly END = 'END';
  private readonly actions = new Map<string, NodeAction>([
    [Graph.START, passThrough],
    [Graph.END, collect],
  ]);
  private readonly edgeList: GraphEdge[] = [];

  constructor(readonly name: string) {}

  addNode(name: string, action: NodeAction): this {
    if (this.actions.has(name)) throw new GraphValidationError(this.name, name, `node '${name}' is already present`);
    this.actions.set(name, action);
    return this;
  }

  addEdge(from: string, to: string, condition?: EdgeCondition): this {
    for (const node of [from, to])
      if (!this.actions.has(node))
        throw new GraphValidationError(this.name, node, `node '${node}' must be added before an edge uses it`);
    if (to === Graph.START) throw new GraphValidationError(this.name, to, 'no edge may lead into START');
    if (from === Graph.END) throw new GraphValidationError(this.name, from, 'no edge may leave END');
    this.edgeList.push({ from, to, condition });
    return this;
  }

  startWith(node: string): this {
    return this.addEdge(Graph.START, node);
  }

  endWith(node: string): this {
    return this.addEdge(node, Graph.END);
  }

  /** The structure, for pictures and inspection: node names and edges, in the order they were added. */
  get nodes(): string[] {
    return [...this.actions.keys()];
  }

  get edges(): readonly GraphEdge[] {
    return this.edgeList;
  }

  /** The task a node runs, by its durable name, when its action is a task (`task(fn)`). */
  taskOf(node: string): string | undefined {
    const taskName = (this.actions.get(node) as { taskName?: unknown } | undefined)?.taskName;
    return typeof taskName === 'string' ? taskName : undefined;
  }

  /** Refuses a graph with no start, no end, a node START cannot reach, or a cycle, naming the node. */
  validate(): this {
    if (!this.edgeList.some((e) => e.from === Graph.START))
      throw new GraphValidationError(this.name, Graph.START, 'nothing starts it: add startWith(node)');
    if (!this.edgeList.some((e) => e.to === Graph.END))
      throw new GraphValidationError(this.name, Graph.END, 'nothing ends it: add endWith(node)');
    const reached = new Set<string>();
    const visit = (node: string) => {
      if (reached.has(node)) return;
      reached.add(node);
      for (const edge of this.edgeList) if (edge.from === node) visit(edge.to);
    };
    visit(Graph.START);
    // END is named last: when a node is cut off, END is often unreachable only because of it.
    const unreachable =
      this.nodes.filter((n) => n !== Graph.END).find((node) => !reached.has(node)) ??
      (reached.has(Graph.END) ? undefined : Graph.END);
    if (unreachable)
      throw new GraphValidationError(this.name, unreachable, `node '${unreachable}' cannot be reached from START`);
    this.order(); // throws on a cycle
    return this;
  }

  /**
   * Runs the graph: each node once all its upstream nodes are settled, if at least one incoming
   * edge is open (its upstream ran and its condition holds), with the outputs of those upstreams.
   * A node none of whose edges opens is skipped, and so is what only it leads to. Returns what
   * reaches END.
   */
  async run(input?: unknown): Promise<unknown> {
    this.validate();
    const outputs = new Map<string, unknown>([[Graph.START, input]]);
    for (const node of this.order().slice(1)) {
      const inputs: unknown[] = [];
      for (const edge of this.edgeList) {
        if (edge.to !== node || !outputs.has(edge.from)) continue;
        const output = outputs.get(edge.from);
        if (!edge.condition || (await edge.condition(output))) inputs.push(output);
      }
      if (inputs.length > 0) outputs.set(node, await this.actions.get(node)!(...inputs));
    }
    return outputs.get(Graph.END);
  }

  /** Nodes in dependency order (START first); a cycle is refused naming a node on it. */
  private order(): string[] {
    const state = new Map<string, 'visiting' | 'done'>();
    const sorted: string[] = [];
    const visit = (node: string) => {
      if (state.get(node) === 'done') return;
      if (state.get(node) === 'visiting')
        throw new GraphValidationError(this.name, node, `it has a cycle through node '${node}'`);
      state.set(node, 'visiting');
      for (const edge of this.edgeList) if (edge.from === node) visit(edge.to);
      state.set(node, 'done');
      sorted.push(node);
    };
    for (const node of this.nodes) visit(node);
    return sorted.reverse();
  }
}
