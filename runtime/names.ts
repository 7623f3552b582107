import { DefinitionError } from './errors.js';

// Names travel in NATS subjects and log entries: keep them to characters that are safe in both.
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export const BUILT_IN_NAMES: ReadonlySet<string> = new Set(['pause', 'now', 'uuid4', 'randint', 'randrange', 'choice', 'sleep']);

/** The durable name of a workflow or task: the explicit option, else the function's own name. */
export function resolveName(kind: 'task' | 'workflow', fn: { name: string }, explicit: string | undefined): string {
  const name = explicit ?? fn.name;
  if (!name) {
    throw new DefinitionError(
      `a ${kind} needs a name: pass a named function (${kind}(async function fetchUser() {...})) or set ${kind}.withOptions({ name: '...' })`,
    );
  }
  if (!NAME.test(name)) throw new DefinitionError(`${kind} name '${name}' is invalid: use letters, digits, '_' and '-', starting with a letter or '_'`);
  if (kind === 'task' && BUILT_IN_NAMES.has(name)) throw new DefinitionError(`task name '${name}' is reserved for the built-in ${name}()`);
  return name;
}

/** Refuses options this version does not implement (or misspelt ones) instead of ignoring them. */
export function checkOptions(kind: 'task' | 'workflow', options: object, known: readonly string[]): void {
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new DefinitionError(`${kind} option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not supported by this version of flux-actors; supported: ${known.join(', ')}`);
  }
}
