/**
 * The schedules API (`runtime.schedules`, `client.schedules`): create, read, change, pause,
 * resume, trigger and delete schedules, and read their recent runs. Every change is a
 * compare-and-set on the stored record; the scheduler (./scheduler.ts) fires them.
 */
import { FluxError } from '../engine/errors.js';
import type { Clock } from '../engine/clock.js';
import type { ExecutionState } from '../engine/execution-state.js';
import { encodeValue } from '../engine/serialization.js';
import {
  checkScheduleId,
  fireExecutionId,
  jitterOf,
  nextFire,
  scheduleSpec,
  type CatchupPolicy,
  type OverlapPolicy,
  type ScheduleOptions,
  type ScheduleSpec,
} from '../engine/schedule-spec.js';
import { RECENT_RUNS, type ScheduleRecord, type ScheduleRun, type ScheduleStore } from '../engine/schedule-store.js';
import { checkName } from '../engine/names.js';

/** A schedule as the API shows it. */
export interface ScheduleInfo {
  id: string;
  workflow: string;
  cron?: string;
  /** The interval, in ms. */
  every?: number;
  /** The one fire of a schedule made with `at` (ISO 8601). */
  at?: string;
  timezone: string;
  overlap: OverlapPolicy;
  catchup: CatchupPolicy;
  jitter: number;
  paused: boolean;
  /** Declared on its workflow (`withOptions({ schedule })`). */
  declared: boolean;
  /** ISO 8601; undefined once it has no fire left. */
  nextFireAt?: string;
  input: unknown;
  /** Its latest fires, newest first. */
  recent: ScheduleRunInfo[];
}

export interface ScheduleRunInfo {
  /** The fire time (ISO 8601). */
  fireAt: string;
  executionId: string;
  /** The execution's state now; undefined for a fire that started nothing (`skipped`), or not yet. */
  state?: ExecutionState;
  skipped?: 'overlap' | 'missed';
  manual?: boolean;
}

/** What a schedule may be changed to: any option but the workflow. */
export type ScheduleChange<I = unknown> = Partial<Omit<ScheduleOptions<I>, 'paused'>>;

export interface Schedules {
  /** Makes a schedule (its id: `options.id`, default the workflow's name); an id that exists is SCHEDULE_CONFLICT. */
  create<I>(workflow: { name: string } | string, options: ScheduleOptions<I> & { id?: string }): Promise<ScheduleInfo>;
  get(id: string): Promise<ScheduleInfo>;
  list(): Promise<ScheduleInfo[]>;
  /** Changes its timing, input or policies; a new timing fires from now on. */
  update<I>(id: string, change: ScheduleChange<I>): Promise<ScheduleInfo>;
  pause(id: string): Promise<ScheduleInfo>;
  /** Resumes a paused schedule: fires missed meanwhile are not run, it fires from now on. */
  resume(id: string): Promise<ScheduleInfo>;
  /** Starts one run now, whatever the timing (and overlap); resolves with its execution id. */
  trigger(id: string): Promise<string>;
  delete(id: string): Promise<void>;
  /** Its latest fires, newest first, each with its execution's state now. */
  runs(id: string): Promise<ScheduleRunInfo[]>;
}

export interface ScheduleBookOptions {
  store: ScheduleStore;
  clock: Clock;
  /** The state of an execution, if it exists. */
  stateOf(executionId: string): Promise<ExecutionState | undefined>;
  /** Starts a manual run (`trigger`) of the schedule's workflow. */
  start(spec: ScheduleSpec, executionId: string): Promise<void>;
  /** Tells the scheduler a schedule changed (a no-op where none runs here). */
  changed(): void;
  /** Refuses a workflow that cannot be run here (embedded: not defined in this process). */
  checkWorkflow?(name: string): void;
}

export class ScheduleBook implements Schedules {
  constructor(private readonly options: ScheduleBookOptions) {}

  async create<I>(
    workflow: { name: string } | string,
    options: ScheduleOptions<I> & { id?: string },
  ): Promise<ScheduleInfo> {
    const name = checkName(typeof workflow === 'string' ? workflow : workflow.name, 'workflow name');
    this.options.checkWorkflow?.(name);
    const id = checkScheduleId(options.id ?? name);
    const record = this.fresh(id, name, options, false);
    const stored = await this.options.store.put(record);
    if (!stored) throw new FluxError('SCHEDULE_CONFLICT', `a schedule '${id}' exists already`);
    this.options.changed();
    return this.info(stored);
  }

  /**
   * A schedule declared on a workflow (`withOptions({ schedule })`), as the runtime or worker that
   * serves it makes sure of it: made once, changed when the declaration changes (its timing kept
   * when only the input or a policy changed), never made twice.
   */
  async declare(workflow: string, options: ScheduleOptions): Promise<void> {
    const id = checkScheduleId(`${workflow}_auto`);
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.options.store.get(id);
      const wanted = this.fresh(id, workflow, options, true);
      if (existing && sameDeclaration(existing.spec, wanted.spec)) return;
      const record: ScheduleRecord = existing
        ? sameTiming(existing.spec, wanted.spec)
          ? { ...existing, spec: { ...wanted.spec, anchor: existing.spec.anchor }, declared: true }
          : { ...wanted, recent: existing.recent, pending: existing.pending, createdAt: existing.createdAt }
        : wanted;
      if (existing) record.revision = existing.revision;
      if (await this.options.store.put(record)) {
        this.options.changed();
        return;
      }
    }
  }

  async get(id: string): Promise<ScheduleInfo> {
    return this.info(await this.load(id));
  }

  async list(): Promise<ScheduleInfo[]> {
    return Promise.all((await this.options.store.list()).map((record) => this.info(record)));
  }

  update<I>(id: string, change: ScheduleChange<I>): Promise<ScheduleInfo> {
    return this.change(id, (record) => {
      const timing = change.cron !== undefined || change.every !== undefined || change.at !== undefined;
      const options: ScheduleOptions = {
        ...optionsOf(record.spec),
        ...(timing && { cron: undefined, every: undefined, at: undefined, startAt: undefined }),
        ...change,
      };
      if ('input' in change) options.input = change.input;
      const inputJson = 'input' in change ? this.inputJson(id, change.input) : record.spec.inputJson;
      const spec = scheduleSpec(id, record.spec.workflow, options, inputJson, this.options.clock.now());
      if (!timing && spec.every !== undefined) spec.anchor = record.spec.anchor;
      const updated = { ...record, spec };
      return timing || spec.jitter !== record.spec.jitter ? this.rearmed(updated) : updated;
    });
  }

  pause(id: string): Promise<ScheduleInfo> {
    return this.change(id, (record) => ({ ...record, paused: true }));
  }

  resume(id: string): Promise<ScheduleInfo> {
    return this.change(id, (record) => (record.paused ? this.rearmed({ ...record, paused: false }) : record));
  }

  async trigger(id: string): Promise<string> {
    const now = this.options.clock.now();
    const executionId = fireExecutionId(id, now);
    const record = await this.load(id);
    await this.options.start(record.spec, executionId);
    await this.change(id, (current) => ({
      ...current,
      recent: [...current.recent, { fireAt: now, executionId, manual: true } satisfies ScheduleRun].slice(-RECENT_RUNS),
    })).catch(() => undefined); // the run is what was asked for; its place in the history is a nicety
    return executionId;
  }

  async delete(id: string): Promise<void> {
    if (!(await this.options.store.delete(checkScheduleId(id))))
      throw new FluxError('SCHEDULE_NOT_FOUND', `no schedule '${id}'`);
    this.options.changed();
  }

  async runs(id: string): Promise<ScheduleRunInfo[]> {
    return (await this.get(id)).recent;
  }

  private async load(id: string): Promise<ScheduleRecord> {
    const record = await this.options.store.get(checkScheduleId(id));
    if (!record) throw new FluxError('SCHEDULE_NOT_FOUND', `no schedule '${id}'`);
    return record;
  }

  private async change(id: string, edit: (record: ScheduleRecord) => ScheduleRecord): Promise<ScheduleInfo> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const record = await this.load(id);
      const stored = await this.options.store.put({ ...edit(record), updatedAt: this.options.clock.now() });
      if (stored) {
        this.options.changed();
        return this.info(stored);
      }
    }
    throw new FluxError('SCHEDULE_CONFLICT', `schedule '${id}' kept changing while it was being changed; try again`);
  }

  /** Its next fire from now on: what was missed while it was paused, or under an old timing, is not run. */
  private rearmed(record: ScheduleRecord): ScheduleRecord {
    const nextFireAt = nextFire(record.spec, this.options.clock.now());
    const dueAt =
      nextFireAt === undefined ? undefined : nextFireAt + jitterOf(record.id, nextFireAt, record.spec.jitter);
    return { ...record, nextFireAt, dueAt };
  }

  private fresh(id: string, workflow: string, options: ScheduleOptions, declared: boolean): ScheduleRecord {
    const now = this.options.clock.now();
    const spec = scheduleSpec(id, workflow, options, this.inputJson(id, options.input), now);
    return this.rearmed({
      id,
      spec,
      paused: options.paused === true,
      nextFireAt: undefined,
      dueAt: undefined,
      declared,
      recent: [],
      pending: [],
      createdAt: now,
      updatedAt: now,
      revision: 0,
    });
  }

  private inputJson(id: string, input: unknown): string | undefined {
    return encodeValue(input, `the input of schedule '${id}'`);
  }

  private async info(record: ScheduleRecord): Promise<ScheduleInfo> {
    const { spec } = record;
    const recent = await Promise.all(
      [...record.recent].reverse().map(async (run): Promise<ScheduleRunInfo> => {
        const state = run.skipped ? undefined : await this.options.stateOf(run.executionId).catch(() => undefined);
        return {
          fireAt: new Date(run.fireAt).toISOString(),
          executionId: run.executionId,
          ...(state && { state }),
          ...(run.skipped && { skipped: run.skipped }),
          ...(run.manual && { manual: true }),
        };
      }),
    );
    return {
      id: record.id,
      workflow: spec.workflow,
      ...(spec.cron !== undefined && { cron: spec.cron }),
      ...(spec.every !== undefined && { every: spec.every }),
      ...(spec.at !== undefined && { at: new Date(spec.at).toISOString() }),
      timezone: spec.timezone,
      overlap: spec.overlap,
      catchup: spec.catchup,
      jitter: spec.jitter,
      paused: record.paused,
      declared: record.declared,
      ...(record.nextFireAt !== undefined && { nextFireAt: new Date(record.nextFireAt).toISOString() }),
      input: spec.inputJson === undefined ? undefined : JSON.parse(spec.inputJson),
      recent,
    };
  }
}

/** The options a spec came from (for a change of some of them). */
function optionsOf(spec: ScheduleSpec): ScheduleOptions {
  return {
    ...(spec.cron !== undefined && { cron: spec.cron }),
    ...(spec.every !== undefined && { every: spec.every, startAt: spec.anchor }),
    ...(spec.at !== undefined && { at: spec.at }),
    timezone: spec.timezone,
    overlap: spec.overlap,
    catchup: spec.catchup,
    jitter: spec.jitter,
  };
}

function sameTiming(a: ScheduleSpec, b: ScheduleSpec): boolean {
  return a.cron === b.cron && a.every === b.every && a.at === b.at && a.timezone === b.timezone;
}

function sameDeclaration(a: ScheduleSpec, b: ScheduleSpec): boolean {
  return (
    sameTiming(a, b) &&
    a.inputJson === b.inputJson &&
    a.overlap === b.overlap &&
    a.catchup === b.catchup &&
    a.jitter === b.jitter
  );
}

/** `schedules` of a runtime whose store keeps none: every call says so. */
export function unavailableSchedules(kind: string): Schedules {
  const refuse = async (): Promise<never> => {
    throw new FluxError(
      'SCHEDULES_UNAVAILABLE',
      `the ${kind} store keeps no schedules: use the embedded store or a NATS worker`,
    );
  };
  return {
    create: refuse,
    get: refuse,
    list: refuse,
    update: refuse,
    pause: refuse,
    resume: refuse,
    trigger: refuse,
    delete: refuse,
    runs: refuse,
  };
}
