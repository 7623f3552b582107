import { expect } from 'chai';
import { TestClock } from 'flux-actors';
import { withProgress } from '../../cli/progress.js';
import { signal } from '../fixtures/wait-for.js';

/** Runs `use` with stderr said to be (or not be) a terminal, capturing what is written to it. */
async function capturingStderr(isTTY: boolean, use: () => Promise<void>): Promise<string> {
  const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
  const wasTTY = stderr.isTTY;
  const write = stderr.write;
  let written = '';
  stderr.isTTY = isTTY;
  stderr.write = ((chunk: string) => {
    written += chunk;
    return true;
  }) as typeof stderr.write;
  try {
    await use();
  } finally {
    stderr.write = write;
    stderr.isTTY = wasTTY;
  }
  return written;
}

/** A wait that ends, with `value`, once 250 ms have passed on `clock` (the spinner draws every 80). */
async function waitOn<T>(clock: TestClock, value: Promise<T>, use: (work: Promise<T>) => Promise<unknown>) {
  const work = signal<T>();
  const waiting = use(work.promise);
  await clock.advance(250);
  work.resolve(await value);
  await waiting;
}

describe('the CLI progress line', () => {
  it('spins with the time waited on a terminal, and clears its line when the wait ends', async () => {
    const clock = new TestClock(0);
    let result: string | undefined;
    const written = await capturingStderr(true, () =>
      waitOn(clock, Promise.resolve('done'), async (work) => {
        result = await withProgress('waiting for x', work, undefined, clock);
      }),
    );
    expect(result).to.equal('done');
    // A frame at 80, 160 and 240 ms, each with the time waited.
    expect(written.match(/waiting for x \d\.\ds/g)).to.deep.equal([
      'waiting for x 0.1s',
      'waiting for x 0.2s',
      'waiting for x 0.2s',
    ]);
    expect(written.endsWith('\r\x1b[2K')).to.equal(true);
    expect(clock.pending, 'the spinner stopped').to.equal(0);
  });

  it('writes nothing when stderr is not a terminal (a pipe, a script)', async () => {
    const clock = new TestClock(0);
    const written = await capturingStderr(false, () =>
      waitOn(clock, Promise.resolve(1), (work) => withProgress('waiting', work, undefined, clock)),
    );
    expect(written).to.equal('');
  });

  it('passes a failure through, line cleared', async () => {
    const clock = new TestClock(0);
    let caught: unknown;
    const written = await capturingStderr(true, () =>
      waitOn(clock, Promise.resolve(0), (work) =>
        withProgress(
          'failing',
          work.then(() => Promise.reject(new Error('no'))),
          undefined,
          clock,
        ).catch((error: unknown) => (caught = error)),
      ),
    );
    expect((caught as Error).message).to.equal('no');
    expect(written.endsWith('\r\x1b[2K')).to.equal(true);
  });
});
