/**
 * `parallel` and `pipeline`: Flux's composition primitives. Both are plain code over task calls, so
 * they are replay-safe by construction: the delivery schedule (runtime/engine/delivery.ts) hands outcomes back in
 * recorded order, and a capped `parallel` starts its next function when a slot frees, which happens
 * at the same point on replay as it did the first time.
 */

export interface ParallelOptions {
  /** At most this many of the function items run at once; each starts when a slot frees. */
  maxConcurrent?: number;
  /** With false, an item that fails becomes null and the rest go on. Default true. */
  raiseOnError?: boolean;
}

/** An item of `parallel([...])`: a promise (already running) or a function that starts one. */
export type ParallelItem<T> = PromiseLike<T> | (() => PromiseLike<T> | T);

/**
 * Awaits task calls concurrently; results in input order.
 *
 * @example
 * const [user, orders] = await parallel(fetchUser(id), fetchOrders(id));
 * const pages = await parallel(urls.map((u) => () => fetchPage(u)), { maxConcurrent: 4 });
 */
export function parallel<T>(
  items: readonly ParallelItem<T>[],
  options: ParallelOptions & { raiseOnError: false },
): Promise<(T | null)[]>;
export function parallel<T>(items: readonly ParallelItem<T>[], options?: ParallelOptions): Promise<T[]>;
export function parallel<T extends readonly unknown[]>(
  ...calls: T
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>;
export function parallel(...args: unknown[]): Promise<unknown[]> {
  const [first, second] = args;
  if (Array.isArray(first) && args.length <= 2 && (second === undefined || isOptions(second))) {
    return runItems(first as ParallelItem<unknown>[], (second ?? {}) as ParallelOptions);
  }
  return Promise.all(args);
}

function isOptions(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as PromiseLike<unknown>).then !== 'function'
  );
}

function runItems<T>(
  items: readonly ParallelItem<T>[],
  { maxConcurrent = Infinity, raiseOnError = true }: ParallelOptions,
): Promise<(T | null)[]> {
  if (!(maxConcurrent === Infinity || (Number.isInteger(maxConcurrent) && maxConcurrent >= 1))) {
    return Promise.reject(
      new RangeError(`parallel: maxConcurrent must be a whole number of at least 1, not ${String(maxConcurrent)}`),
    );
  }
  const results = new Array<T | null>(items.length);
  if (items.length === 0) return Promise.resolve(results);
  return new Promise((resolve, reject) => {
    let settled = 0;
    let running = 0;
    let failed = false;
    const queue: number[] = [];
    const settle = (index: number, outcome: PromiseLike<T> | T, isFunction: boolean) => {
      Promise.resolve(outcome).then(
        (value) => done(index, value, isFunction),
        (error: unknown) => {
          if (!raiseOnError) return done(index, null, isFunction);
          failed = true; // nothing more starts once the block has failed
          reject(error);
        },
      );
    };
    const done = (index: number, value: T | null, isFunction: boolean) => {
      results[index] = value;
      if (isFunction) running--;
      if (++settled === items.length) resolve(results);
      else launch();
    };
    // Functions wait for a slot and start in input order.
    const launch = () => {
      while (!failed && running < maxConcurrent && queue.length > 0) {
        const index = queue.shift()!;
        running++;
        let outcome: PromiseLike<T> | T;
        try {
          outcome = (items[index] as () => PromiseLike<T> | T)();
        } catch (error) {
          outcome = Promise.reject(error);
        }
        settle(index, outcome, true);
      }
    };
    // Promises are running already: handled at once, so none can reject unobserved.
    items.forEach((item, index) => {
      if (typeof item === 'function') queue.push(index);
      else settle(index, item, false);
    });
    launch();
  });
}

/** A task (or any one-argument async function) for `pipeline`. */
// biome-ignore lint/suspicious/noExplicitAny: any one-argument function must be accepted (`unknown` would refuse a typed parameter)
export type Stage = (input: any) => unknown;

/**
 * Runs tasks one after another, each one's output the next one's input.
 *
 * @example
 * const report = await pipeline(parse, validate, summarise, { input: rawText });
 */
export function pipeline<A, B>(s1: (a: A) => B, options: { input: A }): Promise<Awaited<B>>;
export function pipeline<A, B, C>(
  s1: (a: A) => B,
  s2: (b: Awaited<B>) => C,
  options: { input: A },
): Promise<Awaited<C>>;
export function pipeline<A, B, C, D>(
  s1: (a: A) => B,
  s2: (b: Awaited<B>) => C,
  s3: (c: Awaited<C>) => D,
  options: { input: A },
): Promise<Awaited<D>>;
export function pipeline<A, B, C, D, E>(
  s1: (a: A) => B,
  s2: (b: Awaited<B>) => C,
  s3: (c: Awaited<C>) => D,
  s4: (d: Awaited<D>) => E,
  options: { input: A },
): Promise<Awaited<E>>;
export function pipeline<A, B, C, D, E, F>(
  s1: (a: A) => B,
  s2: (b: Awaited<B>) => C,
  s3: (c: Awaited<C>) => D,
  s4: (d: Awaited<D>) => E,
  s5: (e: Awaited<E>) => F,
  options: { input: A },
): Promise<Awaited<F>>;
/** Six stages or more: typed by stage no more (fewer stages are checked by the overloads above). */
export function pipeline(
  ...args: [Stage, Stage, Stage, Stage, Stage, Stage, ...Stage[], { input: unknown }]
): Promise<unknown>;
export async function pipeline(...args: [...Stage[], { input: unknown }]): Promise<unknown> {
  const options = args[args.length - 1] as { input: unknown };
  if (typeof options !== 'object' || options === null || !('input' in options)) {
    throw new TypeError("pipeline: the last argument must be { input }, the first stage's input");
  }
  let value = options.input;
  for (const stage of args.slice(0, -1) as Stage[]) value = await stage(value);
  return value;
}
