/**
 * The NATS entry points, loaded on their first call: importing flux-actors for an embedded runtime
 * loads no NATS module (nor protobuf), and a program that never calls these never pays for them.
 */
import type { Client } from '../nats/client.js';
import type { NatsOptions } from '../nats/nats-runtime.js';
import type { Worker, WorkerOptions } from '../nats/worker.js';

/**
 * Starts a worker: hosts execution actors for `workflows`, taking their start, resume and cancel
 * commands from the commands stream, and runs `tasks` for any execution.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { startWorker: start } = await import('../nats/worker.js');
  return start(options);
}

/** Connects a client: starts, resumes, cancels and reads executions on NATS without running any. */
export async function connectClient(options: NatsOptions): Promise<Client> {
  const { connectClient: connect } = await import('../nats/client.js');
  return connect(options);
}
