/**
 * Reads an execution's log when told to, for a client waiting for it to settle, and copes with the
 * two ways a read can come too early:
 *
 * - it fails because the server is away (a restart, a leader election): read again shortly;
 * - it does not show yet what a notification announced: the events subject's subscribers get a
 *   batch as it is published, before the stream has stored it (an R3 stream, before its peers
 *   agree). The caller says `behind`, and it reads again shortly.
 *
 * Both stop after `patienceMs` in a row: a failure is then reported; a batch that never became
 * readable (a refused append) is forgotten. Guarded by test/e2e/nats-faults.test.ts.
 */

import { systemClock, type Clock, type Timer } from '../engine/clock.js';

/** What a read showed: the wait is over, the log is behind a notification, or nothing yet. */
export type ReadVerdict = 'done' | 'behind' | 'wait';

const RETRY_MS = 100;

export class LogPoller<T> {
  stopped = false;
  /** When the current run of failed or lagging reads began. */
  private since: number | undefined;
  private timer: Timer | undefined;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly judge: (value: T) => ReadVerdict,
    private readonly onFailure: (error: Error) => void,
    private readonly patienceMs = 30_000,
    /** Patience with a server is real time: the default. */
    private readonly clock: Clock = systemClock,
  ) {}

  poll(): void {
    if (this.stopped) return;
    this.read().then(
      (value) => {
        if (this.stopped) return;
        if (this.judge(value) === 'behind') this.again();
        else this.since = undefined;
      },
      (error: Error) => {
        if (!this.stopped) this.again(error);
      },
    );
  }

  stop(): void {
    this.stopped = true;
    this.timer?.clear();
  }

  private again(error?: Error): void {
    const now = this.clock.now();
    this.since ??= now;
    if (now - this.since > this.patienceMs) {
      this.since = undefined;
      if (error) this.onFailure(error);
      return;
    }
    this.timer?.clear();
    this.timer = this.clock.setTimeout(() => this.poll(), RETRY_MS);
  }
}
