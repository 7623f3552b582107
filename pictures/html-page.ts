/** A standalone page around an SVG picture: no script, stylesheet or font from elsewhere. */
import { htmlText } from './text.js';

export function htmlPage(title: string, svg: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${htmlText(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111827}h1{font-size:1.25rem}svg{max-width:100%;height:auto}</style>',
    '</head>',
    '<body>',
    `<h1>${htmlText(title)}</h1>`,
    inlineSvg(svg),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// Graphviz writes a standalone document: its XML declaration and doctype are not allowed inside HTML.
function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  return start >= 0 ? svg.slice(start) : svg;
}
