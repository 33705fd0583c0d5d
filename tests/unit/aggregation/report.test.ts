import { describe, expect, it } from 'vitest';
import { emptySkipCounts, formatReportMarkdown, formatReportText, summarizeRun, type SourceReport } from '../../../src/lib/aggregation/report.ts';

const source = (fields: Partial<SourceReport> & Pick<SourceReport, 'id' | 'result'>): SourceReport => ({ name: fields.id, newItems: [], skipped: emptySkipCounts(), notes: [], ...fields });

const report = summarizeRun(
  [
    source({ id: 'chipwire', result: 'fetched', newItems: [{ file: 'content/articles/aggregated/chipwire/a.md', title: 'A', draft: true }], skipped: { seenBefore: 9, duplicate: 1, excluded: 2, similar: 0, rejected: 0, heldOver: 0 } }),
    source({ id: 'pixel', result: 'not-modified' }),
    source({ id: 'down', name: 'Down | Out', result: 'failed', error: 'https://down.example/feed answered 500', until: '2026-12-01T12:30:00Z', consecutiveFailures: 2 }),
    source({ id: 'busy', result: 'backing-off', until: '2026-12-01T14:00:00Z', error: 'answered 429', consecutiveFailures: 1 }),
  ],
  false,
);

describe('the run report', () => {
  it('says per source what happened, then the totals', () => {
    expect(formatReportText(report).split('\n')).toEqual([
      '  chipwire  fetched: 1 new item; skipped 1 duplicate, 2 excluded; 9 seen before',
      '  pixel     not modified',
      '  down      failed: https://down.example/feed answered 500; not fetched again before 2026-12-01 12:30 UTC',
      '  busy      backing off until 2026-12-01 14:00 UTC (1 failure in a row; last: answered 429)',
      '',
      'Written:',
      '  content/articles/aggregated/chipwire/a.md  “A” (draft)',
      '',
      '4 sources: 1 fetched, 1 not modified, 1 failed, 1 backing off; 1 new item written; skipped 1 duplicate, 2 excluded.',
    ]);
  });

  it('says apart from the skips how many new items each source held over for later runs', () => {
    const capped = summarizeRun(
      [
        source({ id: 'archive', result: 'fetched', newItems: [{ file: 'a.md', title: 'A', draft: true }], skipped: { ...emptySkipCounts(), duplicate: 1, heldOver: 2950 } }),
        source({ id: 'chipwire', result: 'fetched', skipped: { ...emptySkipCounts(), seenBefore: 3 } }),
      ],
      false,
    );
    const lines = formatReportText(capped).split('\n');
    expect(lines.slice(0, 2)).toEqual(['  archive   fetched: 1 new item; skipped 1 duplicate; 2950 held over for later runs', '  chipwire  fetched: 0 new items; 3 seen before']);
    expect(lines.at(-1)).toBe('2 sources: 2 fetched, 0 not modified, 0 failed, 0 backing off; 1 new item written; skipped 1 duplicate; 2950 held over for later runs.');
    expect(capped.totals.skipped.heldOver).toBe(2950);
    expect(formatReportMarkdown(capped)).toContain('| archive (`archive`) | fetched | 1 | fetched: 1 new item; skipped 1 duplicate; 2950 held over for later runs |');
  });

  it('makes a Markdown table whose cells cannot break out of their row', () => {
    const markdown = formatReportMarkdown(report);
    expect(markdown).toContain('| source | result | new items | details |');
    expect(markdown).toContain('| Down \\| Out (`down`) | failed | 0 |');
    expect(markdown.split('\n').filter((line) => line.startsWith('| ')).every((line) => line.replace(/\\\|/g, '').split('|').length === 6)).toBe(true);
  });
});
