/**
 * Taking over executions whose driver is gone, in a store that several processes share (SQLite):
 * `createRuntime({ store: { sqlite }, recover: true })` or `runtime.recover()`. Each one is taken by
 * a compare-and-set of its owner (of two runtimes that found it orphaned, one takes it), then
 * replayed: `WORKFLOW_RECOVERED` is committed before the body runs, completed steps return their
 * recorded outcomes, and only the steps that were in flight run again. A cancel left half done is
 * finished as it was asked for.
 */
import { ExecutionStateError } from '../engine/errors.js';
import { parentOf } from '../engine/children.js';
import type { EventStore, OrphanedExecution } from '../engine/event-store.js';
import type { ExecutionHandle } from './runtime.js';
import type { WorkflowDefinition } from '../engine/workflow-definition.js';

export interface RecoveryReport {
  /** Executions this runtime took over and now drives: each one's result as it pauses or ends. */
  recovered: ExecutionHandle[];
  /** Running executions whose driver is alive (in another runtime): left alone. */
  ownedElsewhere: string[];
  /**
   * Orphaned executions of workflows (or of workflow versions) this process does not define: left
   * for a process that does.
   */
  undefinedWorkflow: string[];
}

/** What a recovery pass needs of the runtime it runs in. */
export interface RecoveryHost {
  readonly store: EventStore;
  /** Whether a driver in this process holds the execution (or is about to). */
  holds(executionId: string): boolean;
  /** Drives a running or cancelling execution again from its log. */
  takeUp(definition: WorkflowDefinition, executionId: string): Promise<ExecutionHandle>;
  /** The code this process drives an execution of `workflow` recorded on `version` with, if any. */
  codeFor(workflow: string, version: string | undefined): WorkflowDefinition | undefined;
}

export async function recoverOrphans(host: RecoveryHost): Promise<RecoveryReport> {
  const report: RecoveryReport = { recovered: [], ownedElsewhere: [], undefinedWorkflow: [] };
  const leases = host.store.leases;
  if (!leases) return report; // memory (nothing outlives the process) or NATS (workers take over by themselves)
  const { orphaned, ownedElsewhere } = await leases.scan();
  report.ownedElsewhere = ownedElsewhere;
  for (const orphan of orphaned) {
    if (host.holds(orphan.executionId)) continue;
    // An execution pinned to a version not served here is never taken: a process that serves it will.
    const version = (await host.store.get(orphan.executionId))?.version;
    const definition = host.codeFor(orphan.workflow, version);
    if (!definition) {
      report.undefinedWorkflow.push(orphan.executionId);
      continue;
    }
    if (await parentTakesItUp(host.store, orphan)) continue;
    if (!(await leases.takeOver(orphan))) continue; // another runtime was quicker
    try {
      report.recovered.push(await host.takeUp(definition, orphan.executionId));
    } catch (error) {
      // Taken up in this process meanwhile (a parent reached it): its driver reports it.
      if (!(error instanceof ExecutionStateError)) throw error;
    }
  }
  return report;
}

/**
 * A child whose parent is still open is the parent's to take up (its call step attaches to it):
 * taken up on its own as well, it would have two drivers here, and the parent's step would fail
 * with the loser's conflict.
 */
async function parentTakesItUp(store: EventStore, orphan: OrphanedExecution): Promise<boolean> {
  const parent = parentOf(await store.load(orphan.executionId));
  if (!parent) return false;
  const state = (await store.get(parent.executionId))?.state;
  return state === 'running' || state === 'cancelling';
}
