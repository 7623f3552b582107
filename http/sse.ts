/** Server-Sent Events: an execution's events as they are logged. */
import type { ServerResponse } from 'node:http';

/** `send(event, data)`: an event named `event` (unnamed, a plain "message", when undefined). */
export function openEventStream(res: ServerResponse): { send(event: string | undefined, data: unknown): void; close(): void } {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write(': flux\n\n');
  // A comment every 15 s keeps proxies from closing a quiet stream.
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  keepAlive.unref();
  res.on('close', () => clearInterval(keepAlive)); // the client went, or the stream ended
  return {
    send(event, data) {
      res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      clearInterval(keepAlive);
      res.end();
    },
  };
}
