import { DefinitionError, InvalidNameError } from './errors.js';

// Names and ids travel in NATS subjects, KV keys, file names and log entries: keep them to
// characters that are safe in all of them, and short enough for the server's control line.
const NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const ID = /^[A-Za-z0-9_-]+$/;
/** The longest workflow or task name. */
export const MAX_NAME_LENGTH = 128;
/** The longest execution id (a child's id is its parent's, a '-' and the call's id). */
export const MAX_ID_LENGTH = 512;
const ID_RULE = `use 1 to ${MAX_ID_LENGTH} letters, digits, '_' or '-'`;
const NAME_RULE = `use 1 to ${MAX_NAME_LENGTH} letters, digits, '_' and '-', starting with a letter or '_'`;

/**
 * The one check of an execution id, at every door (createRuntime's runs, the NATS client and worker,
 * the HTTP API, the CLI): an id outside the alphabet would address other subjects or keys, and a
 * very long one would make the server close the connection that carried it.
 *
 * @example
 * checkExecutionId('order-42');   // 'order-42'
 * checkExecutionId('a:b');        // throws InvalidNameError (INVALID_NAME)
 */
export function checkExecutionId(value: unknown, what = 'execution id'): string {
  if (typeof value !== 'string' || value.length > MAX_ID_LENGTH || !ID.test(value))
    throw new InvalidNameError(what, String(value), ID_RULE);
  return value;
}

/** The one check of a workflow or task name that arrives from outside (a command, a request). */
export function checkName(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length > MAX_NAME_LENGTH || !NAME.test(value))
    throw new InvalidNameError(what, String(value), NAME_RULE);
  return value;
}

export const BUILT_IN_NAMES: ReadonlySet<string> = new Set([
  'pause',
  'now',
  'uuid4',
  'randint',
  'randrange',
  'choice',
  'sleep',
  'patched',
]);

/** The durable name of a workflow or task: the explicit option, else the function's own name. */
export function resolveName(kind: 'task' | 'workflow', fn: { name: string }, explicit: string | undefined): string {
  const name = explicit ?? fn.name;
  if (!name) {
    throw new DefinitionError(
      `a ${kind} needs a name: pass a named function (${kind}(async function fetchUser() {...})) or set ${kind}.withOptions({ name: '...' })`,
    );
  }
  if (!NAME.test(name) || name.length > MAX_NAME_LENGTH)
    throw new DefinitionError(`${kind} name '${name}' is invalid: ${NAME_RULE}`);
  if (kind === 'task' && BUILT_IN_NAMES.has(name))
    throw new DefinitionError(`task name '${name}' is reserved for the built-in ${name}()`);
  return name;
}

/** Refuses options this version does not implement (or misspelt ones) instead of ignoring them. */
export function checkOptions(kind: 'task' | 'workflow', options: object, known: readonly string[]): void {
  const unknown = Object.keys(options).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new DefinitionError(
      `${kind} option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `'${k}'`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not supported by this version of flux-actors; supported: ${known.join(', ')}`,
    );
  }
}
