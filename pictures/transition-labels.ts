/**
 * How a transition is named in a picture. XState gives eventless, delayed and invoke transitions
 * internal event names (`''`, `xstate.after.backoff.taskExecutor.backoff`,
 * `xstate.done.actor.0.taskExecutor.retrying`); a reader of the machine wrote `always`,
 * `after: { backoff }` and `invoke: { src: 'attempt', onDone }`, so that is what the label says.
 */
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';

/** The event part of a label: `PAUSE`, `always`, `after backoff`, `attempt done`, `attempt error`. */
export function eventLabel(transition: AnyTransitionDefinition): string {
  const type = String(transition.eventType);
  if (type === '') return 'always';
  if (type === '*') return 'any event';
  if (type.startsWith('xstate.after.')) return `after ${delayLabel((transition as { delay?: unknown }).delay)}`;
  const invoked = /^xstate\.(done|error)\.actor\.(.+)$/.exec(type);
  if (invoked) return `${invokedName(transition.source, invoked[2]!)} ${invoked[1]}`;
  if (type.startsWith('xstate.done.state.')) return 'done';
  return type;
}

/**
 * The guard's name, for `EVENT [guard]`. A guard written inline has no name worth showing (XState
 * calls every inline guard `guard`), so it is only marked as guarded.
 */
export function guardLabel(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && typeof (guard as { type?: unknown }).type === 'string')
    return (guard as { type: string }).type;
  if (typeof guard === 'function' && guard.name !== '' && guard.name !== 'guard') return guard.name;
  return 'inline guard';
}

// A named delay (`backoff`) is computed at run time, so its name is the most a picture can say.
function delayLabel(delay: unknown): string {
  return typeof delay === 'number' ? `${delay}ms` : String(delay);
}

// `xstate.done.actor.<invoke id>`: the invoke's `src` says what ran, its generated id does not.
function invokedName(source: AnyStateNode, invokeId: string): string {
  const invoke = source.invoke.find((definition) => definition.id === invokeId);
  return typeof invoke?.src === 'string' ? invoke.src : (invoke?.id ?? invokeId);
}
