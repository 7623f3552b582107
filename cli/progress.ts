/**
 * A live line on a long wait: a spinner with the execution's state and the time waited, on a
 * terminal only (stderr a TTY); scripts and pipes see nothing.
 */
import type { Backend } from '../control/backend.js';
import { systemClock, type Clock } from '../runtime/index.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export async function withProgress<T>(
  label: string,
  work: Promise<T>,
  watch?: { backend: Backend; executionId: () => string | undefined },
  clock: Clock = systemClock,
): Promise<T> {
  if (!process.stderr.isTTY) return work;
  const started = clock.now();
  let frame = 0;
  let state = '';
  let done = false;
  const draw = () => {
    const seconds = ((clock.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${label}${state ? ` (${state})` : ''} ${seconds}s`,
    );
  };
  const look = () => {
    const id = watch?.executionId();
    if (id)
      void watch!.backend.inspect(id).then(
        (ctx) => (state = ctx.state),
        () => undefined,
      );
  };
  /** Calls `fn` every `ms` until the wait ends; returns what stops it. */
  const every = (ms: number, fn: () => void) => {
    let timer = clock.setTimeout(function tick() {
      if (done) return;
      fn();
      timer = clock.setTimeout(tick, ms);
    }, ms);
    return () => timer.clear();
  };
  const stops = [every(80, draw), ...(watch ? [every(500, look)] : [])];
  try {
    return await work;
  } finally {
    done = true;
    for (const stop of stops) stop();
    process.stderr.write('\r\x1b[2K');
  }
}
