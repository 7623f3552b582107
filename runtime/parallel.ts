/**
 * `parallel` and `pipeline`: Flux's composition primitives. Both are plain code over task calls, so
 * they are replay-safe by construction: the delivery schedule (delivery.ts) hands outcomes back in
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
export function parallel<T>(items: readonly ParallelItem<T>[], options: ParallelOptions & { raiseOnError: false }): Promise<(T | null)[]>;
export function parallel<T>(items: readonly ParallelItem<T>[], options?: ParallelOptions): Promise<T[]>;
export function parallel<T extends readonly unknown[]>(...calls: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>;
export function parallel(...args: unknown[]): Promise<unknown[]> {
  const [first, second] = args;
  if (Array.isArray(first) && args.length <= 2 && (second === undefined || isOptions(second))) {
    return runItems(first as ParallelItem<unknown>[], (second ?? {}) as ParallelOptions);
  }
  return Promise.all(args);
}

function isOptions(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as PromiseLike<unknown>).then !== 'function';
}

function runItems<T>(items: readonly ParallelItem<T>[], { maxConcurrent = Infinity, raiseOnError = true }: ParallelOptions): Promise<(T | null)[]> {
  if (!(maxConcurrent >= 1)) return Promise.reject(new RangeError(`parallel: maxConcurrent must be at least 1, not ${String(maxConcurrent)}`));
  const results = new Array<T | null>(items.length);
  if (items.length === 0) return Promise.resolve(results);
  return new Promise((resolve, reject) => {
    let settled = 0;
    let running = 0;
    let next = 0;
    const settle = (index: number, outcome: PromiseLike<T> | T) => {
      Promise.resolve(outcome).then(
        (value) => done(index, value),
        (error: unknown) => (raiseOnError ? reject(error) : done(index, null)),
      );
    };
    const done = (index: number, value: T | null) => {
      results[index] = value;
      if (typeof items[index] === 'function') running--;
      if (++settled === items.length) resolve(results);
      else launch();
    };
    // Promises are running already; only functions wait for a slot, started in input order.
    const launch = () => {
      while (next < items.length) {
        const index = next;
        const item = items[index]!;
        if (typeof item === 'function') {
          if (running >= maxConcurrent) return;
          running++;
          next++;
          let outcome: PromiseLike<T> | T;
          try {
            outcome = item();
          } catch (error) {
            outcome = Promise.reject(error);
          }
          settle(index, outcome);
        } else {
          next++;
          settle(index, item);
        }
      }
    };
    launch();
  });
}

/** A task (or any one-argument async function) for `pipeline`. */
export type Stage = (input: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Runs tasks one after another, each one's output the next one's input.
 *
 * @example
 * const report = await pipeline(parse, validate, summarise, { input: rawText });
 */
export async function pipeline(...args: [...Stage[], { input: unknown }]): Promise<unknown> {
  const options = args[args.length - 1] as { input: unknown };
  if (typeof options !== 'object' || options === null || !('input' in options)) {
    throw new TypeError('pipeline: the last argument must be { input }, the first stage\'s input');
  }
  let value = options.input;
  for (const stage of args.slice(0, -1) as Stage[]) value = await stage(value);
  return value;
}
