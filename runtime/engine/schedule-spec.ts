/**
 * What a schedule is, and when it fires: pure functions of its spec and an instant, so every
 * process that reads a schedule computes the same fire times (and the same execution ids).
 * Cron expressions, time zones and DST are croner's (a `0 2 30 * * *` on the night the clocks
 * spring forward fires once, at 03:00; on the night they fall back, once, at the first 01:30).
 */
import { Cron } from 'croner';
import { toMilliseconds, type Duration } from './duration.js';
import { FluxError } from './errors.js';
import { checkName } from './names.js';

/** What to do with a fire that comes due while the schedule's previous run is still going. */
export type OverlapPolicy = 'skip' | 'allow' | 'bufferOne';
/** What to do with fires missed while nothing ran (no process, no worker). */
export type CatchupPolicy = 'none' | 'latest' | 'all';

/** A schedule as users write it: exactly one of `cron`, `every`, `at`. */
export interface ScheduleOptions<I = unknown> {
  /** A cron expression (5 fields, or 6 with seconds first), in `timezone`. */
  cron?: string;
  /** A fixed interval ('6h', or ms), counted from `startAt` (default: when the schedule is created). */
  every?: Duration;
  /** Once, at this instant (ISO 8601, epoch ms, or a Date). */
  at?: string | number | Date;
  /** The input of every execution it starts. */
  input?: I;
  /** An IANA time zone for `cron` (default 'UTC'). */
  timezone?: string;
  /** Default 'skip': a fire while the previous run is still going is skipped. */
  overlap?: OverlapPolicy;
  /** Default 'latest': of the fires missed while nothing ran, only the latest runs. */
  catchup?: CatchupPolicy;
  /** Each fire is delayed by up to this much (the same delay in every process), to spread load. */
  jitter?: Duration;
  /** Created paused: it fires once resumed. */
  paused?: boolean;
  /** For `every`: the first fire is this instant plus one interval... or this instant, if in the future. */
  startAt?: string | number | Date;
}

/** A schedule's spec as stored: checked, with instants as epoch ms and durations as ms. */
export interface ScheduleSpec {
  workflow: string;
  cron?: string;
  every?: number;
  at?: number;
  /** The input's JSON. */
  inputJson?: string | undefined;
  timezone: string;
  overlap: OverlapPolicy;
  catchup: CatchupPolicy;
  jitter: number;
  /** For `every`: fires fall at anchor + k × every. */
  anchor?: number;
}

/** A fire missed by more than this is late: `catchup: 'none'` skips it. */
export const LATE_AFTER_MS = 60_000;
/** The most fires one catch-up starts (`catchup: 'all'`). */
export const MAX_CATCHUP = 100;

const OVERLAPS: readonly OverlapPolicy[] = ['skip', 'allow', 'bufferOne'];
const CATCHUPS: readonly CatchupPolicy[] = ['none', 'latest', 'all'];

/** Checks what a user wrote and reduces it to a spec; `now` anchors an `every` without `startAt`. */
export function scheduleSpec(
  id: string,
  workflow: string,
  options: ScheduleOptions,
  inputJson: string | undefined,
  now: number,
): ScheduleSpec {
  const bad = (message: string) => new FluxError('INVALID_SCHEDULE', `schedule '${id}': ${message}`);
  const kinds = (['cron', 'every', 'at'] as const).filter((key) => options[key] !== undefined);
  if (kinds.length !== 1)
    throw bad(`give exactly one of cron, every, at (it was given ${kinds.length ? kinds.join(', ') : 'none'})`);
  const timezone = options.timezone ?? 'UTC';
  if (!validTimeZone(timezone)) throw bad(`'${timezone}' is not an IANA time zone (e.g. 'America/New_York')`);
  const overlap = options.overlap ?? 'skip';
  if (!OVERLAPS.includes(overlap)) throw bad(`overlap must be one of ${OVERLAPS.join(', ')}`);
  const catchup = options.catchup ?? 'latest';
  if (!CATCHUPS.includes(catchup)) throw bad(`catchup must be one of ${CATCHUPS.join(', ')}`);
  const spec: ScheduleSpec = {
    workflow,
    timezone,
    overlap,
    catchup,
    jitter: options.jitter === undefined ? 0 : duration('jitter', options.jitter, bad),
    ...(inputJson !== undefined && { inputJson }),
  };
  if (options.cron !== undefined) {
    try {
      new Cron(options.cron, { timezone, paused: true });
    } catch (error) {
      throw bad(`cron '${options.cron}' is not valid: ${(error as Error).message}`);
    }
    spec.cron = options.cron;
  } else if (options.every !== undefined) {
    const every = duration('every', options.every, bad);
    if (every < 1000) throw bad('every must be at least one second');
    spec.every = every;
    spec.anchor = options.startAt === undefined ? now : instant(options.startAt, bad);
  } else {
    spec.at = instant(options.at!, bad);
  }
  return spec;
}

function duration(what: string, value: Duration, bad: (message: string) => Error): number {
  try {
    return toMilliseconds(value);
  } catch {
    throw bad(`${what} ${JSON.stringify(value)} is not a duration (use ms, or '30s', '6h', '1d')`);
  }
}

function instant(value: string | number | Date, bad: (message: string) => Error): number {
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(time)) throw bad(`${JSON.stringify(value)} is not an instant`);
  return time;
}

function validTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The first fire strictly after `after`, if there is one. */
export function nextFire(spec: ScheduleSpec, after: number): number | undefined {
  if (spec.at !== undefined) return spec.at > after ? spec.at : undefined;
  if (spec.every !== undefined) {
    const anchor = spec.anchor ?? 0;
    if (after < anchor) return anchor;
    return anchor + (Math.floor((after - anchor) / spec.every) + 1) * spec.every;
  }
  const next = new Cron(spec.cron!, { timezone: spec.timezone, paused: true }).nextRun(new Date(after));
  return next ? next.getTime() : undefined;
}

/**
 * The latest fires in [from, until], at most `limit`, earliest first: after a long gap (a store
 * closed for a month) only the ones a catch-up may run are worked out, not every one missed.
 */
export function firesBetween(spec: ScheduleSpec, from: number, until: number, limit: number): number[] {
  if (until < from || limit <= 0) return [];
  if (spec.at !== undefined) return spec.at >= from && spec.at <= until ? [spec.at] : [];
  if (spec.every !== undefined) {
    const anchor = spec.anchor ?? 0;
    if (until < anchor) return [];
    const last = Math.floor((until - anchor) / spec.every);
    const first = Math.max(Math.ceil((Math.max(from, anchor) - anchor) / spec.every), last - limit + 1);
    const fires: number[] = [];
    for (let k = first; k <= last; k++) fires.push(anchor + k * spec.every);
    return fires;
  }
  const cron = new Cron(spec.cron!, { timezone: spec.timezone, paused: true });
  return cron
    .previousRuns(limit, new Date(until + 1))
    .map((date) => date.getTime())
    .filter((fire) => fire >= from && fire <= until)
    .reverse();
}

/** The delay a fire waits (up to `jitter`), the same in every process: a hash of the schedule and the fire. */
export function jitterOf(id: string, fire: number, jitter: number): number {
  if (jitter <= 0) return 0;
  let hash = 2166136261;
  for (const c of `${id}@${fire}`) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619);
  return (hash >>> 0) % (jitter + 1);
}

/** The execution a fire starts: `<schedule>-<fire time>`, so a fire delivered twice starts one execution. */
export function fireExecutionId(scheduleId: string, fire: number): string {
  const stamp = new Date(fire)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.000Z$/, 'Z')
    .replace('.', '');
  return `${scheduleId}-${stamp}`;
}

/** A schedule's id: a name (letters, digits, '_', '-'). */
export function checkScheduleId(id: unknown): string {
  return checkName(id, 'schedule id');
}
