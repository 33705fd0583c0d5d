import { expect, it } from 'vitest';
import { formatDuration } from '../../../src/lib/text/format-duration.ts';

it('gives milliseconds under a tenth of a second, seconds with a tenth under ten seconds, whole seconds under a minute, then minutes and seconds', () => {
  expect([0, 42, 99.6, 100, 420, 4_290, 9_990, 10_000, 49_400, 59_999, 60_000, 145_700, 3_725_000].map(formatDuration)).toEqual(['0ms', '42ms', '100ms', '0.1s', '0.4s', '4.2s', '9.9s', '10s', '49s', '59s', '1m 0s', '2m 25s', '62m 5s']);
});
