import { expect } from 'chai';
import { executionMachine } from '../../actors/execution-machine.js';
import { rebuildSnapshot, statePath } from '../../actors/lifecycle.js';
import { taskExecutorMachine } from '../../actors/task-executor-machine.js';
import {
  executionPath,
  executionPicture,
  graphPicture,
  machinePicture,
  MACHINE_NAMES,
  type PictureFormat,
} from '../../pictures/index.js';
import { EVENT_TYPES, type EventType, type ExecutionEvent, type StoredEvent } from '../../runtime/engine/events.js';
import { Graph, pause, task, workflow, type ExecutionContext, type Runtime } from '../../runtime/index.js';
import { testRuntime } from '../fixtures/runtimes.js';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error as Error & { code?: string },
  );

describe('pictures of the machines', () => {
  it('draws every state and transition of the execution machine, in Mermaid and DOT', async () => {
    const mermaid = await machinePicture('execution', 'mermaid');
    const dot = await machinePicture('execution', 'dot');
    for (const state of Object.keys(executionMachine.root.states)) {
      expect(mermaid).to.match(new RegExp(`\\b${state}\\b`));
      expect(dot).to.contain(`"${state}"`);
    }
    expect(mermaid).to.contain('stateDiagram-v2');
    for (const line of [
      '[*] --> created',
      'created --> running : START',
      'running_working --> running_draining : PAUSE',
      'running_draining --> paused : DRAINED',
      'paused --> running : RESUME',
      'cancelling_deciding --> cancelling_rollingBack : always [rollbackAsked]',
      'cancelling_deciding --> cancelling_stopping : always [else]',
      'cancelling_rollingBack --> cancelled : rollbacks done',
      'running --> running : RECOVER',
      'cancelling --> cancelled : CANCELLED',
      'succeeded --> [*]',
    ]) {
      expect(mermaid).to.contain(line);
    }
    expect(mermaid).not.to.contain('created --> [*]');
    expect(dot).to.contain('"running.working" -> "running.draining" [label="PAUSE"]');
    expect(dot).to.contain('"running.draining" -> "paused" [label="DRAINED"]');
    expect(dot).to.contain('"succeeded" [peripheries=2]');
  });

  it('draws the task machine with its guards, its eventless, delayed and invoke transitions', async () => {
    const mermaid = await machinePicture('task-executor', 'mermaid');
    const dot = await machinePicture('task-executor', 'dot');
    for (const state of Object.keys(taskExecutorMachine.root.states)) {
      expect(mermaid).to.match(new RegExp(`\\b${state}\\b`));
      expect(dot).to.contain(`"${state}"`);
    }
    for (const line of [
      'deciding --> backoff : always [canRetry]',
      'deciding --> rollingBack : always [hasRollback]',
      'deciding --> failed : always [else]',
      'starting --> retrying : always [resumesAtRetry]',
      'backoff --> retrying : after backoff',
      'retrying --> deciding : attempt error',
      'fallingBack --> fellBack : fallback done',
      'fellBack --> [*]',
    ]) {
      expect(mermaid).to.contain(line);
    }
    expect(dot).to.contain('"afterRollback" -> "fallingBack" [label="always [hasFallback]"]');
  });

  it('refuses an unknown machine with a typed error naming the known ones', async () => {
    const error = await rejection(machinePicture('nope', 'mermaid'));
    expect(error.code).to.equal('UNKNOWN_MACHINE');
    for (const name of MACHINE_NAMES) expect(error.message).to.contain(name);
    expect(MACHINE_NAMES).to.deep.equal(['execution', 'task-executor']);
  });

  it('refuses an unknown format from an untyped caller', async () => {
    const error = await rejection(machinePicture('execution', 'png' as PictureFormat));
    expect(error.code).to.equal('UNKNOWN_FORMAT');
  });

  it('draws SVG with Graphviz and a standalone HTML page around it', async () => {
    const svg = await machinePicture('execution', 'svg');
    expect(svg.trimStart()).to.match(/^<(\?xml|svg)/);
    expect(svg).to.contain('<svg').and.to.contain('>paused<');
    const html = await machinePicture('task-executor', 'html');
    expect(html).to.match(/^<!doctype html>/);
    expect(html)
      .to.contain('<title>task-executor machine</title>')
      .and.to.contain('<svg')
      .and.to.contain('>fallingBack<');
    // Inline SVG cannot carry an XML declaration, and the page loads nothing from elsewhere.
    expect(html).not.to.contain('<?xml');
    expect(html).not.to.match(/<script|<link|\ssrc=/);
  });
});

describe('pictures of workflow graphs', () => {
  const isLarge = (order: { total: number }) => order.total > 100;
  const graph = new Graph('orders')
    .addNode('validate', (order: unknown) => order)
    .addNode('review', (order: unknown) => order)
    .addNode('ship', (order: unknown) => order)
    .startWith('validate')
    .addEdge('validate', 'review', isLarge)
    .addEdge('validate', 'ship', (order: { total: number }) => order.total <= 100)
    .addEdge('review', 'ship')
    .endWith('ship');

  it('draws the nodes, START and END, and labels a conditional edge by its condition', async () => {
    const mermaid = await graphPicture(graph, 'mermaid');
    const dot = await graphPicture(graph, 'dot');
    expect(mermaid).to.contain('flowchart TD');
    for (const node of graph.nodes) {
      expect(mermaid).to.contain(`"${node}"`);
      expect(dot).to.contain(`"${node}"`);
    }
    expect(mermaid).to.contain('-.->|"if isLarge"|');
    expect(mermaid).to.contain('-.->|"if"|');
    expect(dot).to.contain('"validate" -> "review" [label="if isLarge", style=dashed]');
    expect(dot).to.contain('"review" -> "ship";');
  });

  it('keeps names that would break the syntax from ending a statement or a label', async () => {
    const odd = new Graph('odd "graph"')
      .addNode('say "hi"; end', () => 1)
      .addNode('a\\b', () => 2)
      .startWith('say "hi"; end')
      .addEdge('say "hi"; end', 'a\\b')
      .endWith('a\\b');
    const mermaid = await graphPicture(odd, 'mermaid');
    expect(mermaid).to.contain(`["say 'hi' end"]`);
    expect(await graphPicture(odd, 'svg')).to.contain('say &quot;hi&quot;; end');
  });
});

// Built by running real workflows on a memory runtime, so the pictures see the log the runtime writes.
let failuresLeft = 0;
const flakyCharge = task.withOptions({ retryMaxAttempts: 2, retryDelay: 1 })(async function picturesFlakyCharge(
  amount: number,
) {
  if (failuresLeft-- > 0) throw new Error('card service unavailable');
  return `receipt-${amount}`;
});
const approval = workflow(async function picturesApproval(ctx: ExecutionContext<number>) {
  const receipt = await flakyCharge(ctx.input);
  const approver = await pause<string>('approve', receipt);
  return `${receipt} approved by ${approver}`;
});

describe('pictures of executions', () => {
  let runtime: Runtime;
  let dispose: () => Promise<void>;
  before(async () => ({ runtime, dispose } = await testRuntime('memory')));
  after(() => dispose());

  async function pausedThenResumed(failures: number) {
    failuresLeft = failures;
    const paused = await approval.run(40, { runtime });
    const done = await approval.resume(paused.executionId, 'ada', { runtime });
    return { executionId: done.executionId, workflow: done.name, state: done.state, events: done.events };
  }

  it('marks the states visited, the transitions taken with their counts, and the current state', async () => {
    const execution = await pausedThenResumed(0);
    const path = executionPath(execution);
    expect(path.visited).to.deep.equal([
      'created',
      'running',
      'running.working',
      'running.draining',
      'paused',
      'succeeded',
    ]);
    expect(path.current).to.equal('succeeded');
    expect(path.transitions.find((t) => t.from === 'running.working' && t.to === 'running.draining')).to.deep.include({
      event: 'PAUSE',
      count: 1,
    });
    expect(path.transitions.find((t) => t.from === 'running.draining' && t.to === 'paused')?.event).to.equal('DRAINED');
    expect(path.transitions.find((t) => t.from === 'paused' && t.to === 'running')?.count).to.equal(1);
    expect(path.steps.map((step) => step.event)).to.deep.equal(['START', 'PAUSE', 'DRAINED', 'RESUME', 'SUCCEED']);
    expect(path.tasks.map((t) => [t.name, t.outcome])).to.deep.equal([
      ['picturesFlakyCharge', 'completed'],
      ['pause', 'resumed'],
    ]);
    expect(JSON.parse(JSON.stringify(path))).to.deep.equal(path);

    const mermaid = await executionPicture(execution, 'mermaid');
    expect(mermaid).to.contain('class created,running,running_working,running_draining,paused visited');
    expect(mermaid).to.contain('class succeeded current');
    expect(mermaid).to.contain('running_working --> running_draining : PAUSE ×1');
    expect(mermaid).to.contain('running_draining --> paused : DRAINED ×1');
    expect(mermaid).to.contain('running --> failed : FAIL\n');
    expect(mermaid).to.contain('note right of running');
    expect(mermaid).to.contain('1. picturesFlakyCharge completed');

    const dot = await executionPicture(execution, 'dot');
    expect(dot).to.match(
      /"succeeded" \[peripheries=2, class="current", style="rounded,filled,bold", fillcolor="#2563eb"/,
    );
    expect(dot).to.match(/"paused" \[class="visited", style="rounded,filled", fillcolor="#dbeafe"/);
    const svg = await executionPicture(execution, 'svg');
    expect(svg).to.match(/<g id="node\d+" class="node current">\s*<title>succeeded<\/title>/);
    expect(dot).to.match(/"running.working" -> "running.draining" \[label="PAUSE ×1", [^\]]*penwidth=2\.5/);
    expect(dot).to.match(/"running" -> "failed" \[label="FAIL", color="#9ca3af"/);
    expect(dot).to.contain('subgraph cluster_tasks');
  });

  it('shows how often a task was retried', async () => {
    const execution = await pausedThenResumed(1);
    const [charge] = executionPath(execution).tasks;
    expect(charge).to.deep.equal({
      id: charge!.id,
      name: 'picturesFlakyCharge',
      nested: false,
      outcome: 'completed',
      retries: 1,
    });
    expect(await executionPicture(execution, 'mermaid')).to.contain('1. picturesFlakyCharge completed (1 retry)');
    expect(await executionPicture(execution, 'dot')).to.contain(
      '<TD ALIGN="LEFT">picturesFlakyCharge</TD><TD BGCOLOR="#dcfce7">completed</TD><TD>1</TD>',
    );
    const svg = await executionPicture(execution, 'svg');
    expect(svg).to.contain('picturesFlakyCharge').and.to.contain('>succeeded<');
  });

  it('summarises rollback, fallback and a child call from their events', () => {
    const events = log(
      ['WORKFLOW_STARTED', 'wf'],
      ['TASK_STARTED', 'pay_1'],
      ['TASK_RETRY_STARTED', 'pay_1'],
      ['TASK_RETRY_FAILED', 'pay_1'],
      ['TASK_ROLLBACK_STARTED', 'pay_1'],
      ['TASK_ROLLBACK_FAILED', 'pay_1'],
      ['TASK_FALLBACK_STARTED', 'pay_1'],
      ['TASK_FALLBACK_COMPLETED', 'pay_1'],
      ['TASK_COMPLETED', 'pay_1'],
      ['TASK_STARTED', 'pay_1/audit_1'],
      ['TASK_FAILED', 'pay_1/audit_1'],
      ['TASK_STARTED', 'sub_1'],
      ['CHILD_WORKFLOW_STARTED', 'sub_1', { executionId: 'x-sub_1' }],
      ['WORKFLOW_CANCELLING', 'wf'],
      ['TASK_CANCELLED', 'sub_1'],
      ['WORKFLOW_CANCELLED', 'wf'],
    );
    const path = executionPath({ executionId: 'x', events });
    expect(path.current).to.equal('cancelled');
    expect(path.tasks).to.deep.equal([
      {
        id: 'pay_1',
        name: 'pay_1',
        nested: false,
        outcome: 'completed',
        retries: 1,
        rollback: 'failed',
        fallback: 'completed',
      },
      { id: 'pay_1/audit_1', name: 'pay_1/audit_1', nested: true, outcome: 'failed', retries: 0 },
      { id: 'sub_1', name: 'sub_1', nested: false, outcome: 'cancelled', retries: 0, childExecutionId: 'x-sub_1' },
    ]);
  });

  it('counts a transition taken several times, and refuses a log the machine refuses', async () => {
    const events = log(
      ['WORKFLOW_STARTED', 'wf'],
      ['WORKFLOW_PAUSED', 'wf'],
      ['WORKFLOW_RESUMED', 'wf'],
      ['WORKFLOW_PAUSED', 'wf'],
      ['WORKFLOW_RESUMED', 'wf'],
      ['WORKFLOW_RECOVERED', 'wf'],
    );
    const path = executionPath({ executionId: 'x', events });
    expect(path.current).to.equal('running.working');
    expect(path.transitions).to.deep.equal([
      { from: 'created', to: 'running', event: 'START', count: 1 },
      { from: 'running.working', to: 'running.draining', event: 'PAUSE', count: 2 },
      { from: 'running.draining', to: 'paused', event: 'DRAINED', count: 2 },
      { from: 'paused', to: 'running', event: 'RESUME', count: 2 },
      { from: 'running', to: 'running', event: 'RECOVER', count: 1 },
    ]);
    expect(await executionPicture({ executionId: 'x', workflow: 'wf', state: 'running', events }, 'mermaid'))
      .to.contain('class running_working current')
      .and.to.contain('no task calls');
    const error = await rejection(
      executionPicture(
        {
          executionId: 'x',
          workflow: 'wf',
          state: 'x',
          events: log(['WORKFLOW_STARTED', 'wf'], ['WORKFLOW_COMPLETED', 'wf'], ['WORKFLOW_RESUMED', 'wf']),
        },
        'dot',
      ),
    );
    expect(error.code).to.equal('CORRUPT_LOG');
  });

  it('agrees with lifecycle.ts on which events move the machine, from every state a log reaches', () => {
    const leads: EventType[][] = [
      [],
      ['WORKFLOW_STARTED'],
      ['WORKFLOW_STARTED', 'WORKFLOW_PAUSED'],
      ['WORKFLOW_STARTED', 'WORKFLOW_CANCELLING'],
      ['WORKFLOW_STARTED', 'WORKFLOW_COMPLETED'],
    ];
    for (const lead of leads) {
      for (const type of EVENT_TYPES) {
        const types = [...lead, type];
        const stored: StoredEvent[] = types.map((t, i) => ({
          seq: i + 1,
          type: t,
          sourceId: 'x',
          name: 'wf',
          valueJson: undefined,
          time: 0,
        }));
        const expected = outcome(() => statePath(rebuildSnapshot('x', stored)));
        const actual = outcome(
          () =>
            executionPath({ executionId: 'x', events: log(...types.map((t): [EventType, string] => [t, 'x'])) })
              .current,
        );
        expect(actual, types.join(' ')).to.equal(expected);
      }
    }
  });
});

function log(...entries: [EventType, string, unknown?][]): ExecutionEvent[] {
  return entries.map(([type, sourceId, value], i) => ({
    id: `x:${i + 1}`,
    type,
    sourceId,
    name: sourceId,
    value,
    time: new Date(0).toISOString(),
  }));
}

function outcome(run: () => string): string {
  try {
    return run();
  } catch (error) {
    return `throws ${(error as { code?: string }).code}`;
  }
}
