/**
 * Task commands and results over NATS.
 *
 * - The dispatcher (on the side of the execution actors) publishes each command on
 *   `<prefix>.tasks.<task name>`, with a reply subject of its own. An executor that serves the task
 *   publishes progress and the result, as protobuf `TaskResult`s, on the dispatcher's results
 *   subject; a task still running after `TAKEN_AFTER_MS` is also answered on the reply subject
 *   ("taken", naming the executor), so that the dispatcher can watch that executor. A quick task
 *   costs one message each way. Nobody serving the task: the server answers "no responders" on the
 *   reply subject, and the dispatcher tries again until `dispatchPatienceMs`, then fails the task with
 *   TASK_NOT_SERVED.
 * - The task server (on the side of the executors) runs the commands for the tasks it serves in a
 *   local `TaskExecutor`, in a queue group: each command goes to one executor.
 *
 * A cancelled call is announced on `<prefix>.control.cancel-task`; the executor running it aborts it.
 *
 * An executor that dies while running a command does not leave it hanging: the "taken" answer names
 * the executor, the dispatcher probes it while the call is pending (./executor-watch.ts), and sends the
 * command again to the queue group once it is gone; a command nobody said a word about (lost on the
 * way, or its executor died before answering) is sent again too. Results of the earlier sending are
 * ignored.
 *
 * The parts: ./task-dispatcher.ts (`NatsTaskDispatcher`, each call a `PendingCall` of
 * ./pending-call.ts, watched by ./executor-watch.ts), ./task-server.ts (`NatsTaskServer`), and what
 * both ends agree on, ./task-wire.ts (headers, timings, call keys).
 */
export { NatsTaskDispatcher, type DispatcherOptions } from './task-dispatcher.js';
export { NatsTaskServer, type TaskServerOptions } from './task-server.js';
export { callKey, EXECUTOR_HEADER, RESULTS_HEADER, TAKEN_AFTER_MS } from './task-wire.js';
export type { LargeValues } from './large-values.js';
