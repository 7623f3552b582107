/**
 * A request's JSON body: declared as JSON, and read up to a limit (over it is 413, not a process
 * holding 1 GB).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

/**
 * Refuses a request that sends a body, or changes something, without `Content-Type: application/json`
 * (415 UNSUPPORTED_MEDIA_TYPE). A browser sends a request of another type (a `text/plain` form, a
 * `no-cors` fetch) from any page without asking the server first; one declared as JSON it sends
 * from another origin only after a CORS preflight, which this server never approves.
 */
export function requireJson(req: IncomingMessage): void {
  const type = req.headers['content-type'];
  const [media, ...parameters] = (type ?? '').split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (media === 'application/json' && (charset === undefined || charset === 'utf-8')) return;
  throw new HttpError(
    'UNSUPPORTED_MEDIA_TYPE',
    `${req.method} ${req.url?.split('?')[0]} takes a JSON body: send the header Content-Type: application/json${type ? ` (not '${type.slice(0, 100)}')` : ''}, also with an empty body`,
  );
}

/** Whether a request carries a body (a length above 0, or chunks). */
export function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
}

export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw tooLarge(declared, limitBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) {
      req.resume(); // let the rest drain so the answer can be read
      throw tooLarge(size, limitBytes);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError('BAD_JSON', `the request body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(size: number, limit: number): HttpError {
  return new HttpError(
    'PAYLOAD_TOO_LARGE',
    `the request body (${size} bytes or more) is over this server's limit of ${limit} bytes`,
  );
}
