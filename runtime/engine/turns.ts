/**
 * Turns of the event loop shared by every execution in the process.
 *
 * An execution's late outcomes are each delivered on a turn of their own (./delivery.ts). With one
 * `setImmediate` per execution, Node drains microtasks after each, so whatever the executions then
 * publish leaves in a socket write of its own. Here the turns taken in the same phase of the loop
 * run in one callback: each execution still gets at most one turn per callback (a turn asked for
 * during one goes to the next), and what they send goes out together (../nats/outbox.ts).
 */
let queued: (() => void)[] = [];

function runQueued(): void {
  const now = queued;
  queued = [];
  for (const run of now) run();
}

/** Runs `run` on the next turn of the event loop, together with every other run asked for meanwhile. */
export function nextTurn(run: () => void): void {
  if (queued.length === 0) setImmediate(runQueued);
  queued.push(run);
}
