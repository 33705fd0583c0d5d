import { describe, expect, it } from 'vitest';
import type { BuildResult, Measured, PeerResult } from '../../../src/lib/bench/results.ts';
import { cpuCourseTable, cpuTable, devTable, growthTable, memoryTable, peerTable, renderScaleSections, shardTable } from '../../../src/lib/bench/scale-report.ts';
import { checkTargets } from '../../../src/lib/bench/targets.ts';

const MB = 2 ** 20;
const GB = 2 ** 30;
const measured = (wallMs: number, peakTogether: number, peakByRole: Record<string, number> = {}, status = 0): Measured => ({
  wallMs, peakRss: Math.max(0, ...Object.values(peakByRole)), peakTogether, peakByRole, lines: [], status,
});
const cold = (articles: number, wallMs: number, peak: number, roles: Record<string, number> = {}): BuildResult => ({ kind: 'newsdesk', articles, measured: [measured(wallMs, peak, roles)], phases: [{ indexBuilds: 1 }] });
/** The cells of the table row whose first cell is `first`. */
const cells = (table: string, first: string) => table.split('\n').map((line) => line.split('|').map((cell) => cell.trim()).slice(1, -1)).find((row) => row[0] === first)!;

describe('the scale targets', () => {
  it('checks each target whose sizes were built, and only those', () => {
    expect(checkTargets([cold(10_000, 40_000, 3 * GB)], [])).toEqual([]);
    const checks = checkTargets(
      [
        cold(4000, 13_000, GB),
        { kind: 'baseline', articles: 4000, measured: [measured(10_000, GB)], phases: [{ indexBuilds: 0 }] },
        cold(40_000, 150_000, 4 * GB),
        cold(100_000, 400_000, 5 * GB),
      ],
      [],
    );
    expect(checks.map((check) => [check.target, check.measured, check.met])).toEqual([
      ['4,000 articles within 1.3× the minimal Astro baseline', '1.30×', true],
      ['100,000 articles in at most 360.0 s cold', '400.0 s', false],
      ['100,000 articles with all processes together under 6.00 GB', '5.00 GB', true],
      ['memory growth from 40,000 to 100,000 articles under 20 MB per 1,000', '17.1 MB per 1,000', true],
    ]);
  });

  it('puts Newsdesk against Hugo + Pagefind at 20,000 articles: their times add up, their peak is the larger one', () => {
    const peer: PeerResult = { articles: 20_000, hugo: measured(8_000, 2 * GB), pagefind: measured(29_000, 6 * GB) };
    const checks = checkTargets([cold(20_000, 36_000, 3.2 * GB)], [peer]);
    expect(checks.map((check) => [check.measured, check.met])).toEqual([
      ['36.0 s against 37.0 s (0.97×)', true],
      ['3.20 GB against 6.00 GB (0.53×)', false],
    ]);
  });

  it('counts a failed build as not measured', () => {
    const failed: BuildResult = { kind: 'newsdesk', articles: 100_000, measured: [measured(55_000, 5 * GB, {}, 1)], phases: [{ indexBuilds: 0 }] };
    expect(checkTargets([failed], [])).toEqual([]);
  });
});

describe('the scale sections of the report', () => {
  it('shows each process’s own peak beside all of them at once, with a column only for the processes that ran', () => {
    const table = memoryTable({ results: [cold(10_000, 41_000, 3.8 * GB, { astro: 2.3 * GB, pagefind: 1.1 * GB, other: MB })], corpora: [], peers: [], sharded: [], dev: [] });
    expect(table.split('\n')[0]).toMatch(/\| run +\| articles \| +wall \| all processes at once \| +astro \| pagefind \| output \|/);
    expect(cells(table, 'newsdesk')).toEqual(['newsdesk', '10,000', '41.0 s', '3.80 GB', '2.30 GB', '1.10 GB', '–']);
    expect(table).not.toContain('at that moment');
  });

  it('shows what each process held at the moment all of them together held the most', () => {
    const run: Measured = { ...measured(41_000, 3.5 * GB, { astro: 2.3 * GB, pagefind: 1.1 * GB }), atPeak: { astro: 2.2 * GB, pagefind: 1.0 * GB } };
    const table = memoryTable({ results: [{ kind: 'newsdesk', articles: 10_000, measured: [run], phases: [{ indexBuilds: 1 }] }], corpora: [], peers: [], sharded: [], dev: [] });
    expect(cells(table, '… at that moment')).toEqual(['… at that moment', '', '', '', '2.20 GB', '1.00 GB', '']);
  });

  it('adds up the CPU time of each kind of process and says how many cores the build kept busy', () => {
    const run: Measured = { ...measured(100_000, 4 * GB), cpuByRole: { astro: 95_000, pagefind: 60_000, indexer: 25_000, other: 1000 } };
    const table = cpuTable({ results: [{ kind: 'newsdesk', articles: 20_000, measured: [run], phases: [{ indexBuilds: 1 }] }], corpora: [], peers: [], sharded: [], dev: [] })!;
    expect(table.split('\n')[0]).toMatch(/\| run +\| articles \| +wall \| CPU, all processes \| cores busy \| +astro \| indexer \| pagefind \|/);
    expect(cells(table, 'newsdesk')).toEqual(['newsdesk', '20,000', '100.0 s', '181.0 s', '1.81', '95.0 s', '25.0 s', '60.0 s']);
    expect(cpuTable({ results: [cold(20_000, 1, GB)], corpora: [], peers: [], sharded: [], dev: [] })).toBeUndefined();
  });

  it('shows the cores each kind of process kept busy over each tenth of the cold build', () => {
    const cpuTimeline = Array.from({ length: 20 }, (_, slice): Record<string, number> => (slice < 10 ? { astro: 5000, cards: 5000 } : { pagefind: 2500 }));
    const run: Measured = { ...measured(100_000, 4 * GB), cpuTimeline };
    const table = cpuCourseTable([{ kind: 'newsdesk', articles: 40_000, measured: [run], phases: [{ indexBuilds: 1 }] }])!;
    const rows = table.split('\n').slice(2).map((line) => line.split('|').map((cell) => cell.trim()).slice(1, -1));
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual(['40,000', '0.00 s', '10.0 s', '2.00', '1.00', '–', '1.00']);
    expect(rows[9]).toEqual(['40,000', '90.0 s', '100.0 s', '0.50', '–', '0.50', '–']);
    expect(cpuCourseTable([cold(40_000, 1, GB)])).toBeUndefined();
  });

  it('gives MB per 1,000 articles between consecutive sizes of the cold build, and flags growth over the goal', () => {
    const table = growthTable([cold(100_000, 1, 5 * GB), cold(10_000, 1, 2 * GB), cold(40_000, 1, 4.5 * GB)])!;
    expect(cells(table, '10,000')).toEqual(['10,000', '40,000', '2.00 GB → 4.50 GB', '85.3 (over)']);
    expect(cells(table, '40,000')).toEqual(['40,000', '100,000', '4.50 GB → 5.00 GB', '8.5']);
    expect(growthTable([cold(4000, 1, GB)])).toBeUndefined();
  });

  it('compares with the peer size by size, and marks a failed peer step', () => {
    const table = peerTable([cold(20_000, 30_000, 3 * GB)], [{ articles: 20_000, hugo: measured(10_000, 2 * GB), pagefind: measured(20_000, 4 * GB), pagesIndexed: 19_400 }])!;
    expect(cells(table, '20,000')).toEqual(['20,000', '30.0 s', '3.00 GB', '10.0 s', '2.00 GB', '20.0 s', '4.00 GB', '30.0 s', '4.00 GB', '1.00×', '0.75×', '19,400']);
    const failed = peerTable([], [{ articles: 2000, hugo: measured(1000, GB, {}, 255) }])!;
    expect(cells(failed, '2,000')[3]).toBe('1.0 s (failed)');
  });

  it('reports a sharded build’s parts, merge and why it could not be measured', () => {
    const parts = [measured(100_000, 3 * GB), measured(120_000, 3.5 * GB)];
    const table = shardTable([{ articles: 200_000, parts, merge: measured(30_000, GB), output: { pages: 250_000, distBytes: 9 * GB, articlePagesWithScript: 0 } }])!;
    expect(cells(table, '200,000')).toEqual(['200,000', '2', '120.0 s', '220.0 s', '30.0 s', '3.50 GB', '1.00 GB', '250,000', '9.00 GB', 'ok']);
    const rejected = shardTable([{ articles: 2000, parts: [measured(2000, GB, {}, 1)], error: 'the build failed or rejected `--shard 1/2` (exit 1): unknown option' }])!;
    expect(rejected).toContain('| the build failed or rejected `--shard 1/2` (exit 1): unknown option |');
  });

  it('times the dev server until ready and until the article answers, or says what went wrong', () => {
    const table = devTable([
      { articles: 40_000, readyMs: 50_000, articleMs: 95_000, measured: measured(96_000, 2.5 * GB, { astro: 2.4 * GB }) },
      { articles: 2000, readyMs: 4000, measured: measured(5000, GB), error: 'astro dev exited before serving it' },
    ])!;
    expect(cells(table, '40,000')).toEqual(['40,000', '50.0 s', '95.0 s', '2.50 GB', '2.40 GB', 'ok']);
    expect(cells(table, '2,000')).toEqual(['2,000', '4.0 s', '–', '1.00 GB', '–', 'astro dev exited before serving it']);
  });

  it('leaves out sections with nothing in them and says when the peer is missing', () => {
    const sections = renderScaleSections({ results: [cold(2000, 9000, GB)], corpora: [{ articles: 2000, published: 1931, planMs: 600, writeMs: 600 }], peers: [], sharded: [], dev: [], peerMissing: 'No `hugo` on PATH' }).join('\n');
    expect(sections).toContain('### Memory of each process');
    expect(sections).toContain('### Corpus generation');
    expect(sections).toContain('No `hugo` on PATH');
    expect(sections).not.toContain('### Sharded builds');
    expect(sections).not.toContain('### Dev server');
    expect(sections).not.toContain('### Against Hugo');
  });
});
