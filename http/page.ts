/**
 * The web page at `/`: plain HTML, CSS and a script of our own, served from ./page/ (no CDN, no
 * framework, nothing to bundle). Pictures are drawn on the server (SVG), the page only shows them.
 * The page and its assets need no token (they hold no data); the page asks for the token when the
 * API says 401.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { HttpError, sendError } from './errors.js';

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/assets/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/assets/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

/**
 * Only this server's own script and stylesheet run, and the page talks only to this server: a value
 * that reached the page as markup despite the page's care (http/page/app.js) still runs nothing.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const directory = fileURLToPath(new URL('./page/', import.meta.url));
const cache = new Map<string, Buffer>();

/** Whether a path is the page's (served to anyone this server answers, without a token). */
export function isPagePath(pathname: string): boolean {
  return pathname === '/favicon.ico' || Object.hasOwn(ASSETS, pathname);
}

/** Answers a request for the page or one of its assets (404 for a file missing from the install). */
export function servePage(pathname: string, res: ServerResponse): void {
  if (pathname === '/favicon.ico') return void res.writeHead(204).end(); // none: say so without a 404 in the console
  const asset = ASSETS[pathname]!;
  let body = cache.get(asset.file);
  if (!body) {
    const path = `${directory}${asset.file}`;
    if (!existsSync(path)) {
      sendError(
        res,
        new HttpError(
          'NOT_FOUND',
          `${asset.file} of the web page is missing from this install (${directory}): reinstall flux-actors`,
        ),
      );
      return;
    }
    body = readFileSync(path);
    cache.set(asset.file, body);
  }
  res.writeHead(200, {
    'content-type': asset.type,
    'cache-control': 'no-cache',
    'content-security-policy': PAGE_POLICY,
  });
  res.end(body);
}
