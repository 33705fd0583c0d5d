import { describe, expect, it } from 'vitest';
import { renderReport, type ReportInput } from '../../../src/lib/bench/bench-report.ts';
import type { BuildResult, Measured } from '../../../src/lib/bench/results.ts';

const measured = (wallMs: number, status = 0): Measured => ({
  wallMs, peakRss: 800 * 2 ** 20, peakTogether: 2 ** 30, peakByRole: { astro: 800 * 2 ** 20 }, lines: [], status,
});
const phases = { check: 1_100, sync: 3_000, bundle: 2_000, load: 400, index: 900, render: 3_200, search: 9_000, searchWait: 1_500, indexBuilds: 1 };
const results: BuildResult[] = [
  { kind: 'newsdesk', articles: 1000, measured: [measured(20_000), measured(22_000)], phases: [phases, phases], output: { pages: 1_500, distBytes: 27 * 2 ** 20, articlePagesWithScript: 0, largestArticle: { path: '/articles/a/index.html', html: 20_000, css: 7_000 } } },
  { kind: 'baseline', articles: 1000, measured: [measured(10_000), measured(11_000, 1)], phases: [{ indexBuilds: 0 }, { indexBuilds: 0 }] },
];
const input: ReportInput = {
  sizes: [1000], runs: 2, seed: 1, now: new Date('2026-06-01T00:00:00Z'), madeAt: new Date('2026-06-02T10:30:00Z'),
  machine: { cpuCount: 2, cpuModel: 'Test CPU', totalMemory: 8 * 2 ** 30, freeMemoryAtEnd: 4 * 2 ** 30, nodeVersion: 'v24.0.0', astroVersion: '7.0.0', pagefindVersion: '1.0.0', hugePages: 'madvise', loadAtStart: [1, 2, 3], loadAtEnd: [0.5, 1, 1.5],
    probeAtStart: { scriptMs: 181.6, newMemoryMs: 800, sameMemoryMs: 13.2, memoryBytes: 256 * 2 ** 20 },
    probeAtEnd: { scriptMs: 190.2, newMemoryMs: 409.6, sameMemoryMs: 12.4, memoryBytes: 256 * 2 ** 20 } },
  results,
  timings: [{ what: 'related ranking', articles: 1000, ms: 95, note: 'median of 3' }],
};

describe('the bench report', () => {
  const report = renderReport(input);
  const row = (start: string) => report.split('\n').find((line) => line.startsWith(start))!;

  it('says when, on what machine and under what load it was measured', () => {
    expect(report).toContain('## Results (2026-06-02 10:30 UTC)');
    expect(report).toContain('Machine: 2 CPUs (Test CPU)');
    expect(report).toContain('Pagefind 1.0.0, transparent huge pages madvise.');
    expect(renderReport({ ...input, machine: { ...input.machine, hugePages: undefined } })).toContain('Pagefind 1.0.0.');
    expect(report).toContain('at the start: 1.00 / 2.00 / 3.00; at the end: 0.50 / 1.00 / 1.50');
    expect(report).toContain('2 runs per size');
  });

  it("gives the machine's speed at the start and at the end, with new memory's cost a page", () => {
    expect(report).toContain(
      'Speed at the start → at the end: a fixed piece of JavaScript work in 182 → 190 ms; 256 MB of memory new to the process written in 800 → 410 ms (12.2 → 6.3 µs a 4 KB page), the same memory again in 13 → 12 ms.',
    );
  });

  it('gives each build its median wall time and phases, and counts failed runs', () => {
    expect(row('| newsdesk ').split('|').map((cell) => cell.trim())).toEqual([
      '', 'newsdesk', '1,000', '1,500', '21.0 s', '14.0 s', '800 MB', '1.00 GB', '27.0 MB', '1.1 s', '3.0 s', '2.0 s', '400 ms', '900 ms', '3.2 s', '9.0 s', '1.5 s', '0', '',
    ]);
    expect(row('| baseline ').split('|').map((cell) => cell.trim()).slice(-2)).toEqual(['1', '']);
  });

  it('compares Newsdesk with the baseline run by run, and lists component timings', () => {
    const ratios = row('|    1,000 ').split('|').map((cell) => cell.trim());
    expect(ratios.slice(2, 7)).toEqual(['21.0 s', '10.5 s', '2.00×', '2.00×–2.00× (median 2.00×)', '1.86×']);
    expect(report).toContain('| related ranking |');
  });
});

describe('the bench report of a run without builds', () => {
  const devOnly = renderReport({
    ...input,
    results: [],
    timings: [],
    scale: { corpora: [], peers: [], sharded: [], dev: [{ articles: 2000, readyMs: 6_700, articleMs: 12_200, measured: measured(12_400) }] },
  });

  it('shows only what was measured, with the seed and clock it was measured on', () => {
    expect(devOnly).not.toContain('| build ');
    expect(devOnly).not.toContain('Cold builds');
    expect(devOnly).toContain('Corpus seed 1; build clock 2026-06-01T00:00:00.000Z.');
    expect(devOnly).toContain('### Dev server');
  });

  it('says whether the builds found their social cards in a warm cache or drew them all', () => {
    expect(renderReport(input)).toContain('Social cards all drawn');
    expect(renderReport({ ...input, warmCards: true })).toContain('Social cards found in a warm card cache');
  });
});
