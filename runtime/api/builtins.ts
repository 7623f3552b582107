/**
 * Deterministic built-ins. Each is a durable step, so on replay it returns what it returned the
 * first time, with the same type. Outside a workflow they simply run (except `pause`).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { toMilliseconds, type Duration } from '../engine/duration.js';
import { FluxError } from '../engine/errors.js';
import { currentSession, currentTask } from '../engine/scope.js';
import { taskCaller } from './task.js';
import { definitionSite, registerTask } from '../engine/registry.js';
import type { TaskDefinition } from '../engine/task-definition.js';
import { systemClock, wait, type Clock } from '../engine/clock.js';
import { recordedWake, type PauseOutcome, type PauseWakeOptions } from '../engine/waits.js';

function builtIn<A extends unknown[], R>(name: string, fn: (...args: A) => R) {
  const definition: TaskDefinition = { name, fn, options: {}, policy: undefined, site: definitionSite(builtIn) };
  registerTask(definition);
  return taskCaller<A, Awaited<R>>(definition);
}

/** The clock of the runtime running the current task (`createRuntime({ clock })`); outside one, the system's. */
const clockHere = (): Clock => currentTask()?.clock ?? systemClock;

const nowTask = builtIn('now', () => clockHere().now());
const uuid4Task = builtIn('uuid4', () => randomUUID());
const randintTask = builtIn('randint', (a: number, b: number) => randomInt(a, b + 1));
const indexTask = builtIn('choice', (length: number) => randomInt(length));
const randrangeTask = builtIn('randrange', (start: number, stop: number, step: number) => {
  const count = Math.ceil((stop - start) / step);
  if (count <= 0) throw new RangeError(`randrange(${start}, ${stop}, ${step}) is an empty range`);
  return start + step * randomInt(count);
});

/**
 * Pauses the execution until it is resumed; returns the value it is resumed with. `output` is shown
 * to whoever resumes it (the paused execution's `output`). The execution goes `paused` and holds
 * no worker while it waits.
 *
 * Given a wake condition (exactly one of `after`, `until`, `onComplete`, `timeout`), the pause also
 * wakes by itself, from a durable timer of the runtime's store (embedded and on NATS alike), and
 * returns a `PauseOutcome`: `{ resumed: true, value }` when resumed first, else
 * `{ resumed: false, woke, at }`. `pause('approval', request, { timeout: '2d' })` is an approval
 * with a deadline.
 */
export function pause<T = unknown>(name: string, output?: unknown): Promise<T>;
export function pause<T = unknown>(name: string, output: unknown, wake: PauseWakeOptions): Promise<PauseOutcome<T>>;
export function pause(name: string, output?: unknown, wake?: PauseWakeOptions): Promise<unknown> {
  const session = currentSession();
  if (!session)
    return Promise.reject(
      new FluxError('NOT_IN_WORKFLOW', `pause('${name}') can only be called inside a workflow body`),
    );
  try {
    return session.pause(name, output, wake === undefined ? undefined : recordedWake(name, wake));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The current time on the runtime's clock, recorded: a replay sees the same `Date`. */
export async function now(): Promise<Date> {
  return new Date(await nowTask());
}

/** A random UUID (v4), recorded. */
export function uuid4(): Promise<string> {
  return uuid4Task();
}

/** A random integer N with a <= N <= b, recorded. */
export async function randint(a: number, b: number): Promise<number> {
  assertIntegers('randint', a, b);
  if (a > b) throw new RangeError(`randint(${a}, ${b}): a must not exceed b`);
  return randintTask(a, b);
}

/** Like Python's `random.randrange`: `randrange(stop)` or `randrange(start, stop, step?)`, recorded. */
export async function randrange(start: number, stop?: number, step = 1): Promise<number> {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  assertIntegers('randrange', from, to, step);
  if (step === 0) throw new RangeError('randrange: step must not be zero');
  return randrangeTask(from, to, step);
}

/** One of `items`, chosen at random and recorded (the index is recorded, the item is yours). */
export async function choice<T>(items: readonly T[]): Promise<T> {
  if (items.length === 0) throw new RangeError('choice: cannot choose from an empty list');
  return items[await indexTask(items.length)]!;
}

/**
 * Waits durably: a resumed or replayed execution waits only for what remains. In a task body it
 * waits (not durably) on the runtime's clock; anywhere else, on the system's.
 */
export async function sleep(duration: Duration): Promise<void> {
  const milliseconds = toMilliseconds(duration);
  const session = currentSession();
  if (!session) return wait(clockHere(), milliseconds);
  return session.sleep(milliseconds);
}

/**
 * A patch in a workflow's code (Temporal's model): `if (patched('fraud-check')) { ...new code }`.
 * True in an execution that reaches this point on new code (the log records a marker), false while
 * replaying a log recorded before the patch, so one body serves executions that started on the old
 * code and on the new. Once no execution recorded before the patch is left, replace it with
 * `deprecatePatch(id)` (the new code always runs; logs that have the marker still match), then drop
 * that too. A log that has a marker the code no longer reaches fails its replay with
 * `NonDeterminismError`, naming the patch. Outside a workflow, true.
 */
export function patched(patchId: string): boolean {
  return currentSession()?.patched(checkPatchId(patchId), false) ?? true;
}

/** The cleanup step of `patched(id)`: the new code always runs; a marker a log has is still matched. */
export function deprecatePatch(patchId: string): void {
  currentSession()?.patched(checkPatchId(patchId), true);
}

function checkPatchId(patchId: string): string {
  if (typeof patchId !== 'string' || patchId.length === 0 || patchId.length > 128)
    throw new FluxError(
      'INVALID_NAME',
      `a patch id must be a string of 1 to 128 characters, not ${JSON.stringify(patchId)}`,
    );
  return patchId;
}

function assertIntegers(fn: string, ...values: number[]): void {
  for (const v of values) if (!Number.isSafeInteger(v)) throw new RangeError(`${fn}: ${v} is not an integer`);
}
