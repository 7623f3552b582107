/**
 * A live line on a long wait: a spinner with the execution's state and the time waited, on a
 * terminal only (stderr a TTY); scripts and pipes see nothing.
 */
import type { Backend } from '../control/backend.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export async function withProgress<T>(
  label: string,
  work: Promise<T>,
  watch?: { backend: Backend; executionId: () => string | undefined },
): Promise<T> {
  if (!process.stderr.isTTY) return work;
  const started = Date.now();
  let frame = 0;
  let state = '';
  const draw = () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${label}${state ? ` (${state})` : ''} ${seconds}s`,
    );
  };
  const spinner = setInterval(draw, 80);
  const poller =
    watch &&
    setInterval(() => {
      const id = watch.executionId();
      if (id)
        void watch.backend.inspect(id).then(
          (ctx) => (state = ctx.state),
          () => undefined,
        );
    }, 500);
  try {
    return await work;
  } finally {
    clearInterval(spinner);
    if (poller) clearInterval(poller);
    process.stderr.write('\r\x1b[2K');
  }
}
