/** Server-Sent Events: an execution's events as they are logged. */
import type { ServerResponse } from 'node:http';
import { HttpError } from './errors.js';

/** `send(event, data)`: an event named `event` (unnamed, a plain "message", when undefined). */
export function openEventStream(res: ServerResponse): {
  send(event: string | undefined, data: unknown): void;
  close(): void;
} {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write(': flux\n\n');
  // A comment every 15 s keeps proxies from closing a quiet stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  keepAlive.unref();
  res.on('close', () => clearInterval(keepAlive)); // the client went, or the stream ended
  return {
    send(event, data) {
      // What one turn sends (a whole log read at once) leaves in one write, not one per event.
      if (!res.writableCorked) {
        res.cork();
        process.nextTick(() => res.uncork());
      }
      res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      clearInterval(keepAlive);
      res.end();
    },
  };
}

/**
 * At most `max` streams open at once on one server: each holds a connection and a watch of the
 * backend, and a client that opens them by the thousand must not take the server down with it.
 */
export function streamLimit(max: number): { reserve(res: ServerResponse): void; readonly open: number } {
  let open = 0;
  return {
    /** Takes a place until the response closes; beyond the limit, 503 TOO_MANY_STREAMS. */
    reserve(res) {
      if (open >= max)
        throw new HttpError(
          'TOO_MANY_STREAMS',
          `this server already streams to ${max} clients, its limit: close a stream or try again later (flux server --max-streams)`,
        );
      open++;
      res.once('close', () => open--);
    },
    get open() {
      return open;
    },
  };
}
