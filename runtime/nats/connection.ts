/** What the NATS runtime, workers and clients do with the connections they open themselves. */
import type { NatsConnection } from '@nats-io/nats-core';
import { systemClock, type Clock, type Timer } from '../engine/clock.js';

/** How long a close waits for a drain before it closes outright. */
const DRAIN_PATIENCE_MS = 5000;

/**
 * Drains a connection (what is buffered is sent, subscriptions end cleanly), or closes it outright
 * if the drain cannot finish within `patienceMs`: a drain flushes to the server, and while no
 * server is reachable it would wait forever, keeping the process alive (test/e2e/nats-faults.test.ts).
 */
export async function drainOrClose(
  nc: NatsConnection,
  patienceMs = DRAIN_PATIENCE_MS,
  clock: Clock = systemClock,
): Promise<void> {
  if (nc.isClosed()) return;
  let timer: Timer | undefined;
  const drained = nc.drain().then(
    () => true,
    () => true,
  );
  const gaveUp = new Promise<false>((resolve) => (timer = clock.setTimeout(() => resolve(false), patienceMs)));
  const done = await Promise.race([drained, gaveUp]);
  timer?.clear();
  if (!done && !nc.isClosed()) await nc.close().catch(() => undefined);
}
