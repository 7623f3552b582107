/**
 * The dispatcher's watch over the executors running its task commands, so a command whose executor
 * died is sent again instead of waiting forever.
 *
 * An executor answers a command it takes with its id (the `Flux-Executor` header). While a call is
 * pending, nothing more happens for `probeEveryMs`; after that, its executor is asked every
 * `probeEveryMs` which of the calls still pending with it it runs, one request per executor on
 * `<prefix>.control.executor.<id>`. So a task that ends within a quarter of the window (nearly all of
 * them) never costs a probe.
 *
 * A call is given up on, and handed to `lost` to be sent again, when:
 * - nothing at all was heard of it (no "taken", no progress) for `SILENT_FACTOR` × `timeoutMs` after
 *   it was sent: the command was lost on the way (a server restart), or its executor died before
 *   saying it took it;
 * - its executor's connection is gone (the server answers "no responders") for `timeoutMs`;
 * - its executor is connected but silent for `SILENT_FACTOR` × `timeoutMs`: a task body that blocks
 *   the event loop must not look like a crash too soon;
 * - its executor says twice in a row that it does not run it: it finished, and the result was lost
 *   (the dispatcher was away when it was published).
 */
import { clampInterval } from '../engine/timers.js';
import type { NatsConnection } from '@nats-io/nats-core';
import { decodeExecutorProbeReply, encodeExecutorProbe } from './codec.js';
import type { TaskCommand } from '../../proto/messages.js';
import type { ReplyTo } from '../../actors/task-executor.js';
import type { ResumePoint } from '../engine/task-resume.js';
import type { NatsNames } from './names.js';

/** The header of a "taken" answer that names the executor, to probe while it runs the command. */
export const EXECUTOR_HEADER = 'Flux-Executor';
/** How much longer than `timeoutMs` a connected executor that does not answer is waited for. */
export const SILENT_FACTOR = 3;
/** Answers in a row saying "not running" after which a call's result counts as lost. */
const LOST_AFTER = 2;

export function callKey(executionId: string, taskId: string): string {
  return `${executionId}\n${taskId}`;
}

/** A task call the dispatcher waits for. */
export interface PendingCall {
  readonly key: string;
  command: TaskCommand;
  readonly reply: ReplyTo;
  /** Which sending of the command counts: results of an earlier one are ignored. */
  generation: number;
  /** The executor that took the current sending, once it answered (unset for an executor too old to say). */
  executor: string | undefined;
  /** When the executor last showed it runs the call: it took it, reported progress, or answered a probe. */
  heardAt: number;
  /** When the current sending went out; 0 while it waits to be sent again (nobody served the task). */
  sentAt: number;
  /** When the first sending went out (the patience for "nobody serves this task" counts from there). */
  firstSentAt: number;
  /** The token of the reply subject its "taken" or "no responders" comes back on, until one does. */
  answerToken: string | undefined;
  /** Probe answers in a row that said the executor does not run the call. */
  missing: number;
  /** The last probe found no one listening: the executor's connection is gone. */
  unreachable: boolean;
  /** Where sending it again picks up, from the progress seen (a retry's attempt, a rollback); unset before any. */
  point: ResumePoint | undefined;
}

/** Whether a NATS request failed because no one subscribes to its subject (status 503). */
function isNoResponders(error: unknown): boolean {
  const cause = (error as { cause?: { name?: unknown } } | undefined)?.cause;
  return (error as Error | undefined)?.name === 'NoResponders' || cause?.name === 'NoResponders';
}

export class ExecutorWatch {
  readonly probeEveryMs: number;
  private readonly timer: NodeJS.Timeout;
  private readonly probing = new Set<string>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly names: NatsNames,
    private readonly pending: ReadonlyMap<string, PendingCall>,
    private readonly timeoutMs: number,
    private readonly lost: (call: PendingCall) => void,
  ) {
    this.probeEveryMs = Math.max(20, Math.floor(timeoutMs / 4));
    this.timer = setInterval(() => this.check(), clampInterval(this.probeEveryMs, 1));
    this.timer.unref(); // the watch never keeps a process alive
  }

  close(): void {
    clearInterval(this.timer);
  }

  /** Gives up on the calls whose executor is gone, and probes the executors of the others not heard of lately. */
  private check(): void {
    const now = Date.now();
    const due = new Map<string, PendingCall[]>();
    for (const call of this.pending.values()) {
      const executor = call.executor;
      if (executor === undefined) {
        // Unanswered (an executor answering without its id is waited for as long as it takes).
        const unanswered = call.answerToken !== undefined && call.sentAt > 0;
        if (unanswered && now - Math.max(call.sentAt, call.heardAt) > this.timeoutMs * SILENT_FACTOR) this.lost(call);
        continue;
      }
      if (now - call.heardAt < this.probeEveryMs) continue;
      if (now - call.heardAt > (call.unreachable ? this.timeoutMs : this.timeoutMs * SILENT_FACTOR)) {
        this.lost(call);
        continue;
      }
      const calls = due.get(executor);
      if (calls) calls.push(call);
      else due.set(executor, [call]);
    }
    for (const [executor, calls] of due) if (!this.probing.has(executor)) void this.probe(executor, calls);
  }

  private async probe(executor: string, calls: PendingCall[]): Promise<void> {
    this.probing.add(executor);
    const probe = encodeExecutorProbe({
      calls: calls.map(({ command }) => ({ executionId: command.executionId, taskId: command.taskId })),
    });
    try {
      const answer = decodeExecutorProbeReply(
        (await this.nc.request(this.names.executor(executor), probe, { timeout: this.probeEveryMs })).data,
      );
      if (answer.error) return; // it could not read the probe: as good as silence
      const notRunning = new Set(answer.notRunning.map((ref) => callKey(ref.executionId, ref.taskId)));
      const now = Date.now();
      for (const call of calls) {
        if (!this.stillWith(call, executor)) continue;
        call.unreachable = false;
        if (!notRunning.has(call.key)) {
          call.heardAt = now;
          call.missing = 0;
        } else if (++call.missing >= LOST_AFTER) this.lost(call);
      }
    } catch (error) {
      const gone = isNoResponders(error);
      for (const call of calls) if (this.stillWith(call, executor)) call.unreachable = gone;
    } finally {
      this.probing.delete(executor);
    }
  }

  /** The call is still pending and still with this executor (not settled or sent again meanwhile). */
  private stillWith(call: PendingCall, executor: string): boolean {
    return this.pending.get(call.key) === call && call.executor === executor;
  }
}
