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
import type { NatsConnection } from '@nats-io/nats-core';
import type { Clock, Timer } from '../engine/clock.js';
import { decodeExecutorProbeReply, encodeExecutorProbe } from './codec.js';
import type { NatsNames } from './names.js';
import type { PendingCall } from './pending-call.js';
import { callKey } from './task-wire.js';

/** How much longer than `timeoutMs` a connected executor that does not answer is waited for. */
export const SILENT_FACTOR = 3;

export interface ExecutorWatchOptions {
  /** How long a call's executor may be gone before the call is given up on (see above). */
  timeoutMs: number;
  /** What the watch's checks and silences count on. */
  clock: Clock;
}

/** Whether a NATS request failed because no one subscribes to its subject (status 503). */
function isNoResponders(error: unknown): boolean {
  const cause = (error as { cause?: { name?: unknown } } | undefined)?.cause;
  return (error as Error | undefined)?.name === 'NoResponders' || cause?.name === 'NoResponders';
}

export class ExecutorWatch {
  readonly probeEveryMs: number;
  private readonly timeoutMs: number;
  private readonly clock: Clock;
  private timer: Timer;
  private closed = false;
  private readonly probing = new Set<string>();

  constructor(
    private readonly nc: NatsConnection,
    private readonly names: NatsNames,
    private readonly pending: ReadonlyMap<string, PendingCall>,
    options: ExecutorWatchOptions,
    private readonly lost: (call: PendingCall) => void,
  ) {
    this.timeoutMs = options.timeoutMs;
    this.clock = options.clock;
    this.probeEveryMs = Math.max(20, Math.floor(this.timeoutMs / 4));
    this.timer = this.nextCheck();
  }

  close(): void {
    this.closed = true;
    this.timer.clear();
  }

  /** Every `probeEveryMs`, on the clock; the watch never keeps a process alive. */
  private nextCheck(): Timer {
    return this.clock
      .setTimeout(() => {
        if (this.closed) return;
        this.timer = this.nextCheck();
        this.check();
      }, this.probeEveryMs)
      .unref();
  }

  /** Gives up on the calls whose executor is gone, and probes the executors of the others not heard of lately. */
  private check(): void {
    const now = this.clock.now();
    const due = new Map<string, PendingCall[]>();
    for (const call of this.pending.values()) {
      const sending = call.sending;
      if (sending.phase === 'sent') {
        // Nothing said of it: lost on the way, or its executor died before saying it took it.
        if (now - Math.max(sending.at, call.heardAt) > this.timeoutMs * SILENT_FACTOR) this.lost(call);
        continue;
      }
      // Not out (it waits to be sent again), or taken by an executor that did not say its id
      // (it cannot be probed: waited for as long as it takes).
      if (sending.phase !== 'taken') continue;
      const { executor } = sending;
      if (now - call.heardAt < this.probeEveryMs) continue;
      if (now - call.heardAt > (sending.unreachable ? this.timeoutMs : this.timeoutMs * SILENT_FACTOR)) {
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
      const now = this.clock.now();
      for (const call of calls)
        if (this.stillWith(call, executor) && call.probed(!notRunning.has(call.key), now)) this.lost(call);
    } catch (error) {
      const gone = isNoResponders(error);
      for (const call of calls) if (this.stillWith(call, executor)) call.probeFailed(gone);
    } finally {
      this.probing.delete(executor);
    }
  }

  /** The call is still pending and still with this executor (not settled or sent again meanwhile). */
  private stillWith(call: PendingCall, executor: string): boolean {
    const { sending } = call;
    return this.pending.get(call.key) === call && sending.phase === 'taken' && sending.executor === executor;
  }
}
