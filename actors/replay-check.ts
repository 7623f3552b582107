/**
 * Replays one recorded execution against a workflow's code without running anything and without
 * writing anything: the body gets its recorded outcomes as a real replay hands them over, and the
 * check ends at the first thing that is not in the log. A call the log does not have while recorded
 * calls are still unmatched, or a body that ends before reaching them, is a divergence
 * (`NonDeterminismError`, with what was expected, what was called, and where); reaching new ground
 * (a new call past the log's end, the pause or sleep the execution waits on, its end) means the code
 * still fits the log.
 */
import { TestClock } from '../runtime/engine/test-clock.js';
import { ExecutionLog } from '../runtime/engine/execution-log.js';
import type { EventStore, LogWriter } from '../runtime/engine/event-store.js';
import type { StoredEvent } from '../runtime/engine/events.js';
import { MemorySecrets } from '../runtime/engine/secrets.js';
import { TaskDefinitions } from '../runtime/engine/registry.js';
import type { ErrorInfo } from '../proto/messages.js';
import type { WorkflowDefinition } from '../runtime/engine/workflow-definition.js';
import type { ChildRunner } from '../runtime/engine/children.js';
import type { ExecutionMachineEvent } from './execution-machine.js';
import type { TaskSender } from './task-executor.js';
import { WorkflowRun } from './workflow-run.js';

/** How a replay of a recorded execution against some code went. */
export type ReplayOutcome =
  /** The code fits the log: `reached` says how far the check went. */
  | { ok: true; reached: 'end' | 'new-call' | 'wait' | 'failure' }
  /** It does not: the divergence, as the replay would fail the execution with it. */
  | { ok: false; error: ErrorInfo };

const never = new Promise<never>(() => {});

/** A store that keeps nothing: the check writes no event, no index entry. */
function dryStore(): EventStore {
  const writer: LogWriter = { append() {}, index() {}, commit: async () => {}, failure: undefined };
  return {
    kind: 'replay-check',
    cache: { read: async () => undefined, write: async () => {} },
    secrets: new MemorySecrets(),
    writer: () => writer,
    load: async () => [],
    get: async () => undefined,
    list: async () => [],
    close: async () => {},
  };
}

export function checkReplay(
  definition: WorkflowDefinition,
  executionId: string,
  recorded: readonly StoredEvent[],
): Promise<ReplayOutcome> {
  return new Promise<ReplayOutcome>((resolve) => {
    let run: WorkflowRun | undefined;
    let working = true;
    const finish = (outcome: ReplayOutcome) => {
      if (!working) return;
      working = false;
      run?.stop();
      resolve(outcome);
    };
    // Time stands still: a sleep past the log's end is new ground (a park), not a wait.
    const clock = new TestClock(recorded.at(-1)?.time ?? 0);
    const log = new ExecutionLog(dryStore(), executionId, definition.name, recorded.slice(), clock);
    const executor: TaskSender = {
      send() {
        finish({ ok: true, reached: 'new-call' });
        return { cancel() {} };
      },
    };
    const children: ChildRunner = {
      attach() {
        finish({ ok: true, reached: 'new-call' });
        return { result: never, cancel() {}, detach() {} };
      },
    };
    const send = (event: ExecutionMachineEvent) => {
      if (event.type === 'FAIL') {
        if (event.error.code === 'NON_DETERMINISM') finish({ ok: false, error: event.error });
        else finish({ ok: true, reached: 'failure' }); // it fails as recorded, or on new ground: the code fits
      } else if (event.type === 'SUCCEED') finish({ ok: true, reached: 'end' });
      else if (event.type === 'PAUSE' || event.type === 'PARK') finish({ ok: true, reached: 'wait' });
    };
    run = new WorkflowRun({
      definition: definition as WorkflowDefinition<unknown, unknown>,
      log,
      executor,
      children,
      called: new TaskDefinitions(),
      working: () => working,
      draining: () => false,
      send,
      abort: (error) => finish({ ok: false, error: { name: error.name, message: error.message } }),
      recordLate: () => {},
      cancelOptions: () => ({}),
      // Any sleep parks: the check stops at the first wait that is not already over in the log.
      parkAfterMs: 0,
      waitsChanged: () => {},
      traceparent: () => undefined, // a check runs nothing: no span
    });
    run.start(send);
  });
}
