/**
 * A task call the NATS dispatcher waits for: its command, which sending of it counts, and what was
 * last heard of that sending. Every change goes through a method here, called by the dispatcher
 * (./task-dispatcher.ts: sent, answered, progress) or its watch (./executor-watch.ts: probes).
 */
import type { ReplyTo } from '../../actors/task-executor.js';
import { payloadJson, type TaskCommand, type TaskProgress } from '../../proto/messages.js';
import type { EventType, StoredEvent } from '../engine/events.js';
import { advanceResumePoint, type ResumePoint } from '../engine/task-resume.js';

/** Probe answers in a row saying "not running" after which a call's result counts as lost. */
const LOST_AFTER = 2;

/** What became of the current sending of a call's command. */
export type Sending =
  /** Not out: the first sending waits for the end of the turn; after "no responders", the next try. */
  | { readonly phase: 'unsent' }
  /** Out at `at`, nothing said of it yet: "taken", "no responders" or a refusal comes back on `token`. */
  | { readonly phase: 'sent'; readonly at: number; readonly token: string }
  /** Taken by an executor that does not say its id (of another make): it cannot be probed, and is waited for. */
  | { readonly phase: 'anonymous' }
  /**
   * Taken by `executor`, which is probed while the call is pending. `missing`: probe answers in a
   * row that said it does not run the call; `unreachable`: the last probe found no one listening.
   */
  | { readonly phase: 'taken'; readonly executor: string; readonly missing: number; readonly unreachable: boolean };

const UNSENT: Sending = { phase: 'unsent' };

export class PendingCall {
  private current: TaskCommand;
  private sendings = 0;
  private state: Sending = UNSENT;
  private firstSent = 0;
  private heard = 0;
  private resumeAt: ResumePoint | undefined;

  constructor(
    readonly key: string,
    command: TaskCommand,
    readonly reply: ReplyTo,
  ) {
    this.current = command;
  }

  /** The command as it goes now (a sending again may pick up at a later attempt). */
  get command(): TaskCommand {
    return this.current;
  }

  /** Which sending of the command counts: results of an earlier one are ignored. */
  get generation(): number {
    return this.sendings;
  }

  get sending(): Sending {
    return this.state;
  }

  /** When this generation first went out: the patience for "nobody serves this task" counts from there. */
  get firstSentAt(): number {
    return this.firstSent;
  }

  /** When the executor last showed it runs the call: it took it, reported progress, or answered a probe. */
  get heardAt(): number {
    return this.heard;
  }

  /** Where sending it again picks up, from the progress seen (a retry's attempt, a rollback); unset before any. */
  get point(): ResumePoint | undefined {
    return this.resumeAt;
  }

  /** The command went out at `now`; what is said of it comes back on `token`. */
  sent(token: string, now: number, firstSentAt: number): void {
    this.state = { phase: 'sent', at: now, token };
    this.firstSent = firstSentAt;
  }

  /** Nobody serves the task: not out until it is sent again. */
  notServed(): void {
    this.state = UNSENT;
  }

  /** An executor took the command: `executor` is its id, unless it did not say. */
  taken(executor: string | undefined, now: number): void {
    this.state =
      executor === undefined ? { phase: 'anonymous' } : { phase: 'taken', executor, missing: 0, unreachable: false };
    this.heard = now;
  }

  /** Progress of the task: its executor is alive, and a sending again resumes after this step. */
  progressed(progress: TaskProgress, now: number): void {
    this.heard = now;
    const { taskId, taskName, attempt, resume } = this.current;
    const step: StoredEvent = {
      seq: 0,
      type: progress.type as EventType,
      sourceId: taskId,
      name: taskName,
      valueJson: payloadJson(progress.value),
      time: now,
    };
    this.resumeAt = advanceResumePoint(this.resumeAt ?? { attempt, resume }, step);
  }

  /** Its executor answered a probe, saying whether it runs the call. True when the result counts as lost. */
  probed(running: boolean, now: number): boolean {
    if (this.state.phase !== 'taken') return false;
    if (running) {
      this.state = { ...this.state, missing: 0, unreachable: false };
      this.heard = now;
      return false;
    }
    this.state = { ...this.state, missing: this.state.missing + 1, unreachable: false };
    return this.state.missing >= LOST_AFTER;
  }

  /** A probe of its executor failed: nobody listens (`gone`: its connection is gone), or no answer in time. */
  probeFailed(gone: boolean): void {
    if (this.state.phase === 'taken') this.state = { ...this.state, unreachable: gone };
  }

  /**
   * The next sending: results of this one are ignored from now on; it picks up at the attempt the
   * progress reached (same attempt, so the same idempotency key).
   */
  again(): void {
    const point = this.resumeAt;
    if (point)
      this.current = { ...this.current, attempt: point.attempt, ...(point.resume && { resume: point.resume }) };
    this.sendings++;
    this.state = UNSENT;
  }
}
