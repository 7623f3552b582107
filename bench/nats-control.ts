/** The control subject between the benchmark process and its executor process (core NATS request/reply, JSON). */
export const CONTROL_SUBJECT = 'flux-bench.executor';

export interface ControlRequest {
  op: 'serve' | 'stop' | 'stepRuns' | 'exit';
  prefix?: string;
  /** Also host the W7 workflow (take its start commands), not only serve the step tasks. */
  hostWorkflows?: boolean;
}
