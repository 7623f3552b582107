import { expect } from 'chai';
import { withProgress } from '../../cli/progress.js';

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

// Not named `after`, which is mocha's hook (Biome's noDuplicateTestHooks takes each call for one).
const resolveAfter = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('the CLI progress line', () => {
  it('spins with the time waited on a terminal, and clears its line when the wait ends', async () => {
    let result: string | undefined;
    const written = await capturingStderr(true, async () => {
      result = await withProgress('waiting for x', resolveAfter(250, 'done'));
    });
    expect(result).to.equal('done');
    expect(written)
      .to.contain('waiting for x')
      .and.match(/\d\.\ds/);
    expect(written.endsWith('\r\x1b[2K')).to.equal(true);
  });

  it('writes nothing when stderr is not a terminal (a pipe, a script)', async () => {
    const written = await capturingStderr(
      false,
      async () => void (await withProgress('waiting', resolveAfter(150, 1))),
    );
    expect(written).to.equal('');
  });

  it('passes a failure through, line cleared', async () => {
    let caught: unknown;
    const written = await capturingStderr(true, async () => {
      await withProgress(
        'failing',
        resolveAfter(100, 0).then(() => Promise.reject(new Error('no'))),
      ).catch((error: unknown) => (caught = error));
    });
    expect((caught as Error).message).to.equal('no');
    expect(written.endsWith('\r\x1b[2K')).to.equal(true);
  });
});
