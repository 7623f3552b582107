/** A request's JSON body, read up to a limit: over it is 413, not a process holding 1 GB. */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

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
  return new HttpError('PAYLOAD_TOO_LARGE', `the request body (${size} bytes or more) is over this server's limit of ${limit} bytes`);
}
