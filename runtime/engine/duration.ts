import ms from 'ms';

/** Milliseconds as a number, or a string such as '250ms', '2s', '5m', '1h'. */
export type Duration = number | string;

export function toMilliseconds(duration: Duration): number {
  const value = typeof duration === 'number' ? duration : ms(duration as Parameters<typeof ms>[0]);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(
      `invalid duration ${JSON.stringify(duration)}: use milliseconds or a string like '250ms', '2s', '5m'`,
    );
  }
  return value;
}
