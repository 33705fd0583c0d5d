import { describe, expect, it } from 'vitest';
import { parsePhases, type PhaseTiming } from '../../../src/lib/bench/phases.ts';
import { formatTableDuration, formatSeconds, formatTable, median } from '../../../src/lib/bench/report.ts';
import { formatBytes } from '../../../src/lib/text/format-bytes.ts';

describe('benchmark numbers read at a glance', () => {
  it('formats seconds, short durations and missing values', () => {
    expect(formatSeconds(12_345)).toBe('12.3 s');
    expect(formatSeconds(450)).toBe('0.45 s');
    expect(formatTableDuration(450)).toBe('450 ms');
    expect(formatTableDuration(2_500)).toBe('2.5 s');
    expect(formatSeconds(undefined)).toBe('–');
  });

  it('formats memory in binary units, as the OS reports it', () => {
    expect(formatBytes(1_536 * 1024 * 1024)).toBe('1.50 GB');
    expect(formatBytes(820 * 1024 * 1024)).toBe('820 MB');
    expect(formatBytes(38.25 * 1024)).toBe('38.3 KB');
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('result tables', () => {
  it('are Markdown with aligned, escaped cells', () => {
    const table = formatTable(['build', 'wall'], [['newsdesk', '12.3 s'], ['a|b', '1.0 s']], ['left', 'right']);
    expect(table.split('\n')).toEqual([
      '| build    |   wall |',
      '| -------- | -----: |',
      '| newsdesk | 12.3 s |',
      '| a\\|b     |  1.0 s |',
    ]);
  });
});

describe('build phases from Astro’s timestamped log lines and the build’s own timings', () => {
  const line = (ms: number, text: string) => ({ ms, text });
  const log = [
    line(2_000, '12:00:01 [content] Syncing content'),
    line(5_000, '12:00:04 [content] Synced content'),
    line(5_500, '12:00:05 [build] Building static entrypoints...'),
    line(7_500, ' generating static routes '),
    line(12_000, '12:00:12 ✓ Completed in 4.50s.'),
    line(12_100, '12:00:12 [build] Complete!'),
  ];
  const timings: PhaseTiming[] = [
    { phase: 'check', ms: 1_100 },
    { phase: 'collection-load', ms: 400 },
    { phase: 'site-index', ms: 900 },
    { phase: 'search', ms: 9_731 },
    { phase: 'search-wait', ms: 1_600 },
  ];

  it('splits the build into check, sync, bundle, collection load, site index, render, and search with the wait for it after Astro', () => {
    expect(parsePhases(log, timings)).toEqual({ check: 1_100, sync: 3_000, bundle: 2_000, load: 400, index: 900, render: 3_200, search: 9_731, searchWait: 1_600, indexBuilds: 1 });
  });

  it('counts every site index build, so a per-page rebuild would show', () => {
    const twice: PhaseTiming[] = [...timings, { phase: 'collection-load', ms: 10 }, { phase: 'site-index', ms: 900 }];
    expect(parsePhases(log, twice).indexBuilds).toBe(2);
  });

  it('leaves out phases whose lines are missing', () => {
    expect(parsePhases([line(10, 'something else')], [])).toEqual({ indexBuilds: 0, check: undefined, sync: undefined, bundle: undefined, load: undefined, index: undefined, render: undefined, search: undefined, searchWait: undefined });
  });
});
