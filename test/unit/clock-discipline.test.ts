import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Where time may be read or waited on directly: the clocks themselves. */
const CLOCKS = new Set(['runtime/engine/clock.ts', 'runtime/engine/timers.ts', 'runtime/engine/test-clock.ts']);
/** Reading the time or arming a timer without a Clock. (`setImmediate` and `queueMicrotask` schedule turns, not time.) */
const RAW_TIME =
  /\bDate\.now\(|\bnew Date\(\)|(?<![.\w])(?:setTimeout|setInterval|clearTimeout|clearInterval)\(|\bperformance\.now\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('time goes through a Clock', () => {
  it('runtime/ and actors/ read the time and arm timers only through the Clock they are given', () => {
    const offences: string[] = [];
    for (const file of [...sourceFiles('runtime'), ...sourceFiles('actors')]) {
      if (CLOCKS.has(file)) continue;
      readFileSync(join(ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const code = line.replace(/\/\/.*$/, '');
          if (RAW_TIME.test(code) && !/^\s*\*/.test(code)) offences.push(`${file}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(offences, 'use the Clock the component is given (runtime/engine/clock.ts)').to.deep.equal([]);
  });

  it('finds what it looks for', () => {
    for (const raw of ['Date.now()', 'new Date()', 'setTimeout(f, 1)', 'setInterval(f, 1)', 'clearTimeout(t)'])
      expect(RAW_TIME.test(raw), raw).to.equal(true);
    for (const fine of ['clock.now()', 'clock.setTimeout(f, 1)', 'new Date(event.time)', 'timer.clear()'])
      expect(RAW_TIME.test(fine), fine).to.equal(false);
  });
});
