/**
 * `npm run lint` (and so `npm test`) runs this: the folders are the layers, and each may import only
 * from the layers below it. It reads every import of the source (static, `import type`, and dynamic
 * `import()`), resolves it to a file, and fails on any import the table below does not allow, naming
 * the file, the line and the rule.
 *
 * From the bottom up (docs/ARCHITECTURE.md draws it):
 * - proto: the wire contract (flux.proto, its generated code, the strict message types). Ours: nothing.
 * - engine: the pure engine (events, values, errors, replay, delivery, scope, secrets, the ports
 *   stores implement). No backend, no transport.
 * - actors: the XState machines and the actors that run executions and tasks.
 * - host: `ActorRuntime`, which drives executions over any store and task sender; recovery.
 * - stores: the embedded stores (memory, SQLite).
 * - nats: everything on NATS: its store, task transport, leases, worker and client.
 * - api: what users call (`workflow`, `task`, built-ins, `createRuntime`); it loads a backend only
 *   when one is chosen (a dynamic import), so importing flux-actors loads no SQLite and no NATS.
 * - entry: runtime/index.ts, the package's public API.
 * - pictures, control: drawing machines; what the CLI and the HTTP API ask of a backend.
 * - faces: the CLI and the HTTP API, on the public API, control and pictures only.
 *
 * `types` lists layers whose types (only) a layer may name; `loads`, layers it may import dynamically.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

interface Layer {
  name: string;
  /** Folders (ending in '/') or files, from the repository's root. */
  paths: string[];
  may: string[];
  types?: string[];
  loads?: string[];
  /** Packages it may not import (statically, values): backends it must load only when chosen. */
  forbiddenPackages?: RegExp;
}

const BACKEND_PACKAGES = /^(@nats-io\/|better-sqlite3$|protobufjs)/;

const LAYERS: Layer[] = [
  { name: 'proto', paths: ['proto/'], may: [] },
  { name: 'engine', paths: ['runtime/engine/'], may: ['proto'], forbiddenPackages: BACKEND_PACKAGES },
  { name: 'actors', paths: ['actors/'], may: ['engine', 'proto'], forbiddenPackages: BACKEND_PACKAGES },
  { name: 'host', paths: ['runtime/host/'], may: ['actors', 'engine', 'proto'], forbiddenPackages: BACKEND_PACKAGES },
  { name: 'stores', paths: ['runtime/stores/'], may: ['engine'], forbiddenPackages: /^@nats-io\// },
  { name: 'nats', paths: ['runtime/nats/'], may: ['host', 'actors', 'engine', 'proto'] },
  {
    name: 'api',
    paths: ['runtime/api/'],
    may: ['host', 'engine'],
    types: ['actors', 'proto', 'stores', 'nats'],
    loads: ['stores', 'nats'],
    forbiddenPackages: BACKEND_PACKAGES,
  },
  {
    name: 'entry',
    paths: ['runtime/index.ts'],
    may: ['api', 'host', 'engine'],
    types: ['proto', 'stores', 'nats'],
    forbiddenPackages: BACKEND_PACKAGES,
  },
  { name: 'pictures', paths: ['pictures/'], may: ['entry', 'actors', 'engine'], types: ['api'] },
  {
    name: 'control',
    paths: ['control/'],
    may: ['entry', 'api', 'host', 'engine'],
    types: ['nats', 'stores'],
    loads: ['control'],
  },
  { name: 'faces', paths: ['cli/', 'http/'], may: ['entry', 'control', 'pictures'] },
  { name: 'examples', paths: ['examples/'], may: ['entry'] },
];

const ROOT = join(import.meta.dirname, '..');
const SKIPPED = ['proto/generated/', 'http/page/'];
/** `import x from 'y'`, `import type { x } from 'y'`, `export { x } from 'y'`, `import 'y'`: kind and specifier. */
const STATIC = /^(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;
const DYNAMIC = /\bimport\(\s*'([^']+)'\s*\)/g;

interface Import {
  file: string;
  line: number;
  specifier: string;
  kind: 'value' | 'type' | 'dynamic';
}

function layerOf(file: string): Layer | undefined {
  return LAYERS.find((layer) =>
    layer.paths.some((path) => (path.endsWith('/') ? file.startsWith(path) : file === path)),
  );
}

function sourceFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const path = `${dir}${name}`;
    if (SKIPPED.some((skip) => `${path}/`.startsWith(skip))) return [];
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(`${path}/`);
    return /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const found: Import[] = [];
  for (const match of text.matchAll(STATIC)) {
    found.push({ file, line: lineOf(match.index), specifier: match[3]!, kind: match[2] ? 'type' : 'value' });
  }
  for (const match of text.matchAll(DYNAMIC)) {
    found.push({ file, line: lineOf(match.index), specifier: match[1]!, kind: 'dynamic' });
  }
  return found;
}

/** The repository path a relative specifier names (its .ts source for a .js name); the entry for 'flux-actors'. */
function target(from: string, specifier: string): string | undefined {
  if (specifier === 'flux-actors') return 'runtime/index.ts';
  if (!specifier.startsWith('.')) return undefined;
  const path = relative(ROOT, normalize(join(ROOT, dirname(from), specifier)));
  return path.replace(/\.js$/, '.ts');
}

function violation(imported: Import, from: Layer): string | undefined {
  const path = target(imported.file, imported.specifier);
  if (path === undefined) {
    const forbidden = imported.kind === 'value' && from.forbiddenPackages?.test(imported.specifier);
    return forbidden
      ? `${from.name} may not load ${imported.specifier} (a backend: load it only when chosen)`
      : undefined;
  }
  const to = layerOf(path);
  if (!to || to === from) return undefined;
  const allowed =
    from.may.includes(to.name) ||
    (imported.kind === 'type' && from.types?.includes(to.name)) ||
    (imported.kind === 'dynamic' && from.loads?.includes(to.name));
  if (allowed) return undefined;
  const how = { value: 'import', type: 'import types of', dynamic: 'load' }[imported.kind];
  return `${from.name} may not ${how} ${to.name} (${path}); ${from.name} may import ${from.may.join(', ') || 'nothing of ours'}`;
}

function main(): number {
  const dirs = [...new Set(LAYERS.flatMap((layer) => layer.paths.map((path) => (path.endsWith('/') ? path : ''))))];
  const files = [
    ...dirs.filter(Boolean).flatMap(sourceFiles),
    ...LAYERS.flatMap((l) => l.paths.filter((p) => !p.endsWith('/'))),
  ];
  const problems: string[] = [];
  for (const file of files) {
    const layer = layerOf(file)!;
    for (const imported of importsOf(file)) {
      const why = violation(imported, layer);
      if (why) problems.push(`${file}:${imported.line}: '${imported.specifier}': ${why}`);
    }
  }
  for (const problem of problems) console.error(problem);
  console.log(`layers: ${files.length} files checked, ${problems.length} forbidden import(s)`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
