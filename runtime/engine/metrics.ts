/**
 * Metrics through OpenTelemetry's metrics API: a no-op until the application (or `flux server`,
 * `flux worker --metrics-port`) registers a MeterProvider. The API has no proxy meter, so the
 * instruments are made again whenever the registered provider changes: one identity check a use.
 */
import { metrics, type Counter, type Histogram, type MeterProvider } from '@opentelemetry/api';

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
  };
  bound = { provider, instruments: made };
  return made;
}
