/**
 * Metrics through OpenTelemetry's metrics API: a no-op until the application (or `flux server`,
 * `flux worker --metrics-port`) registers a MeterProvider. The API has no proxy meter, so the
 * instruments are made again whenever the registered provider changes: one identity check a use.
 */
import { metrics, type Counter, type Histogram, type MeterProvider, type ObservableResult } from '@opentelemetry/api';

export interface Instruments {
  /** Executions started (a new run of an id counts again), by workflow. */
  readonly started: Counter;
  /** Executions that reached an end, by workflow and state. */
  readonly finished: Counter;
  /** Task attempts (a fallback or a rollback counts as its own part), by task, part and outcome. */
  readonly attempts: Counter;
  /** How long each attempt ran, in milliseconds of the runtime's clock, by task. */
  readonly attemptDuration: Histogram;
  /** Retries decided, by task. */
  readonly retries: Counter;
  /** Executions a worker took over from one that stopped, by workflow. */
  readonly takenOver: Counter;
  /** How long a body took to replay its recorded log (a resume, a recovery), until its first live call, by workflow. */
  readonly replayDuration: Histogram;
}

let bound: { provider: MeterProvider; instruments: Instruments } | undefined;

/** The instruments of the MeterProvider registered now. */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (bound?.provider === provider) return bound.instruments;
  const meter = provider.getMeter('flux-actors');
  const made: Instruments = {
    started: meter.createCounter('flux.executions.started', { description: 'executions started' }),
    finished: meter.createCounter('flux.executions.finished', { description: 'executions that ended, by state' }),
    attempts: meter.createCounter('flux.task.attempts', { description: 'task attempts, by outcome' }),
    attemptDuration: meter.createHistogram('flux.task.duration', {
      description: 'how long a task attempt ran',
      unit: 'ms',
    }),
    retries: meter.createCounter('flux.task.retries', { description: 'task retries decided' }),
    takenOver: meter.createCounter('flux.leases.taken_over', {
      description: 'executions taken over from a worker that stopped',
    }),
    replayDuration: meter.createHistogram('flux.replay.duration', {
      description: 'how long a body replayed its recorded log before going on',
      unit: 'ms',
    }),
  };
  bound = { provider, instruments: made };
  return made;
}

/** What the gauges read, where they have something to read: each is asked at every collection. */
export interface GaugeSources {
  /** Executions parked on a durable timer (paused with a wake time, or waiting). */
  parkedTimers?(): Promise<number>;
  /** Commands stored and not yet carried out, by workflow (NATS: its consumer's pending messages). */
  pendingCommands?(): Promise<Map<string, number>>;
}

/**
 * Registers the gauges on the MeterProvider registered now (register one before starting the
 * runtime or worker); returns what takes them off again (on close).
 */
export function observeGauges(sources: GaugeSources): () => void {
  const meter = metrics.getMeterProvider().getMeter('flux-actors');
  const parked = meter.createObservableGauge('flux.timers.parked', {
    description: 'executions parked on a durable timer',
  });
  const pending = meter.createObservableGauge('flux.commands.pending', {
    description: 'commands stored and not yet taken, by workflow',
  });
  const readParked = async (result: ObservableResult) => {
    if (sources.parkedTimers) result.observe(await sources.parkedTimers().catch(() => 0));
  };
  const readPending = async (result: ObservableResult) => {
    const counts = await sources.pendingCommands?.().catch(() => undefined);
    for (const [workflow, count] of counts ?? []) result.observe(count, { workflow });
  };
  parked.addCallback(readParked);
  pending.addCallback(readPending);
  return () => {
    parked.removeCallback(readParked);
    pending.removeCallback(readPending);
  };
}
