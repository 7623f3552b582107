import { expect } from 'chai';
import { workflow, task, pause, Graph, GraphValidationError, type ExecutionContext } from 'flux-actors';
import { graphWorkflow, orderGraph } from '../../examples/graph.js';
import { STORE_KINDS, testRuntime } from '../fixtures/runtimes.js';

const noop = async (x: unknown) => x;

describe('Graph', () => {
  for (const kind of STORE_KINDS) {
    it(`takes the path its conditions choose, each node a durable step (${kind})`, async () => {
      const { runtime, dispose } = await testRuntime(kind);
      const ok = await graphWorkflow.run({ id: 'A-1', amount: 250 }, { runtime });
      expect(ok.output).to.equal('order A-1 approved');
      expect(ok.events.filter((e) => e.type === 'TASK_COMPLETED').map((e) => e.name)).to.deep.equal([
        'validateOrder',
        'approveOrder',
      ]);
      const bad = await graphWorkflow.run({ id: 'A-2', amount: -5 }, { runtime });
      expect(bad.output).to.equal('order A-2 rejected');
      await dispose();
    });

    it(`replays a graph without running its nodes again (${kind})`, async () => {
      const { runtime, dispose } = await testRuntime(kind);
      let runs = 0;
      const count = task(async function countedNode(x: number) {
        runs++;
        return x + 1;
      });
      const g = new Graph('replayed')
        .addNode('a', count)
        .addNode('b', count)
        .startWith('a')
        .addEdge('a', 'b')
        .endWith('b');
      const flow = workflow(async function graphReplay(ctx: ExecutionContext<number>) {
        const out = await g.run(ctx.input);
        await pause('after');
        return out;
      });
      const paused = await flow.run(1, { runtime });
      const done = await flow.resume(paused.executionId, null, { runtime });
      expect(done.output).to.equal(3);
      expect(runs).to.equal(2);
      await dispose();
    });
  }

  it('joins branches: a node gets the outputs of every open incoming edge', async () => {
    const g = new Graph('join')
      .addNode('a', async (x: number) => x + 1)
      .addNode('b', async (x: number) => x * 10)
      .addNode('sum', async (...xs: number[]) => xs.reduce((s, x) => s + x, 0))
      .startWith('a')
      .startWith('b')
      .addEdge('a', 'sum')
      .addEdge('b', 'sum')
      .endWith('sum');
    expect(await g.run(2)).to.equal(23);
  });

  it('hands back every branch that reaches END, and names a cut-off node rather than END', async () => {
    const fanIn = new Graph('fan_in')
      .addNode('a', async (x: number) => x + 1)
      .addNode('b', async (x: number) => x * 10)
      .startWith('a')
      .startWith('b')
      .endWith('a')
      .endWith('b');
    expect(await fanIn.run(1)).to.deep.equal([2, 10]);
    const cut = new Graph('cut').addNode('a', noop).addNode('x', noop).startWith('a').endWith('x');
    expect(() => cut.validate())
      .to.throw(GraphValidationError)
      .with.property('node', 'x');
  });

  it('refuses invalid graphs with GraphValidationError naming the node', () => {
    const attempt = (g: Graph) => {
      try {
        g.validate();
      } catch (error) {
        return error as GraphValidationError;
      }
      throw new Error('validated');
    };
    expect(attempt(new Graph('g1').addNode('a', noop).endWith('a'))).to.include({
      code: 'GRAPH_INVALID',
      node: 'START',
    });
    expect(attempt(new Graph('g2').addNode('a', noop).startWith('a'))).to.include({ node: 'END' });
    const lonely = new Graph('g3').addNode('a', noop).addNode('island', noop).startWith('a').endWith('a');
    expect(attempt(lonely)).to.include({ node: 'island' });
    expect(attempt(lonely).message).to.contain("node 'island' cannot be reached from START");
    const cyclic = new Graph('g4')
      .addNode('a', noop)
      .addNode('b', noop)
      .startWith('a')
      .addEdge('a', 'b')
      .addEdge('b', 'a')
      .endWith('b');
    expect(attempt(cyclic).message).to.contain('cycle');
    expect(() => new Graph('g5').addNode('a', noop).addNode('a', noop)).to.throw(
      GraphValidationError,
      'already present',
    );
    expect(() => new Graph('g6').addEdge('START', 'missing')).to.throw(
      GraphValidationError,
      "node 'missing' must be added",
    );
  });

  it('keeps its structure inspectable', () => {
    expect(orderGraph.nodes).to.deep.equal(['START', 'END', 'validate', 'approve', 'reject']);
    expect(orderGraph.edges.map((e) => `${e.from}->${e.to}${e.condition ? '?' : ''}`)).to.deep.equal([
      'START->validate',
      'validate->approve?',
      'validate->reject?',
      'approve->END',
      'reject->END',
    ]);
  });
});
