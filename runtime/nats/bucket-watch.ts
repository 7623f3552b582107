/**
 * Keeps watching a KV bucket (every key): each entry, the current ones first, goes to `onEntry`. A
 * watch that ends (the server went away, a restart) is started again a second later (real time).
 */
import type { KV, KvWatchEntry } from '@nats-io/kv';
import { systemClock, type Timer } from '../engine/clock.js';
import type { Logger } from '../engine/logger.js';

export interface BucketWatch {
  stop(): void;
}

/** Resolves once the first watch is set up; rejects if it could not be. */
export async function watchBucket(
  kv: KV,
  what: string,
  onEntry: (entry: KvWatchEntry) => void,
  logger: Logger,
): Promise<BucketWatch> {
  let stopped = false;
  let current: { stop(): void } | undefined;
  let retry: Timer | undefined;
  const retryLater = () => {
    if (stopped) return;
    retry = systemClock.setTimeout(() => void begin().catch(retryLater), 1000).unref();
  };
  const begin = async () => {
    const watch = await kv.watch({ key: '>' });
    current = watch;
    void (async () => {
      try {
        for await (const entry of watch) onEntry(entry);
      } catch (error) {
        logger.warn(`the watch of ${what} stopped: ${(error as Error).message}`);
      }
      retryLater();
    })();
  };
  await begin();
  return {
    stop() {
      stopped = true;
      retry?.clear();
      current?.stop();
    },
  };
}
