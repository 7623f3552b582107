/**
 * The web page at `/`: plain HTML, CSS and a script of our own, served from ./page/ (no CDN, no
 * framework, nothing to bundle). Pictures are drawn on the server (SVG), the page only shows them.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/assets/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/assets/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
};

const directory = fileURLToPath(new URL('./page/', import.meta.url));
const cache = new Map<string, Buffer>();

/** Answers a request for the page or one of its assets; false for any other path. */
export function servePage(pathname: string, res: ServerResponse): boolean {
  if (pathname === '/favicon.ico') return void res.writeHead(204).end(), true; // none: say so without a 404 in the console
  const asset = ASSETS[pathname];
  if (!asset) return false;
  let body = cache.get(asset.file);
  if (!body) {
    const path = `${directory}${asset.file}`;
    if (!existsSync(path)) return false;
    cache.set(asset.file, (body = readFileSync(path)));
  }
  res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-cache' });
  res.end(body);
  return true;
}
