import { describe, expect, it } from 'vitest';
import { draftsSummary, draftsTable, listDrafts, previewHint, type DraftRow } from '../../../src/lib/authoring/drafts.ts';
import { createDateFormatter } from '../../../src/lib/site/dates.ts';
import { parseSources } from '../../../src/lib/aggregation/registry.ts';
import type { ParseResult } from '../../../src/lib/content/article.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const { sources } = parseSources('- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n  publish: auto\n', 'sources.yaml');
const parsed = (file: string, data: Record<string, unknown>): ParseResult => ({ ok: true, article: { file, data, frontMatter: '', body: 'Body.', bodyLine: 8, frontMatterLine: 1, lines: new Map() } });
const valid = (title: string, publishedAt: string, extra: Record<string, unknown> = {}) => ({ title, description: 'Dek.', publishedAt, tags: ['AI'], draft: true, ...extra });

describe('listDrafts', () => {
  it('says why: a source id missing from the registry, or a draft from an auto source that someone held back', () => {
    const rows = listDrafts(
      [
        parsed('a.md', valid('Held back', '2026-11-20', { source: { id: 'chipwire', name: 'Chipwire', url: 'https://chipwire.example.com/a' } })),
        parsed('b.md', valid('Orphan', '2026-11-21', { source: { id: 'gone', name: 'Gone Weekly', url: 'https://gone.example.com/b' } })),
      ],
      sources,
      NOW,
    );
    expect(rows.map((row) => [row.file, row.source, row.reasons])).toEqual([
      ['b.md', 'Gone Weekly', ['its source "gone" is not in the registry']],
      ['a.md', 'Chipwire', ['marked draft: true']],
    ]);
  });

  it('lists undated drafts last, by file, and leaves published articles out', () => {
    const rows = listDrafts(
      [parsed('z.md', { title: 'No date', draft: true }), parsed('y.md', { title: 'Also none', draft: true }), parsed('p.md', valid('Out', '2026-11-01', { draft: false })), parsed('d.md', valid('Dated', '2026-11-02'))],
      sources,
      NOW,
    );
    expect(rows.map((row) => row.file)).toEqual(['d.md', 'y.md', 'z.md']);
    expect(rows[1]!.reasons).toEqual(['marked draft: true', 'has errors: run npm run check:content']);
  });

  it('lists a file that cannot be read, which is no more on the site than a draft, with what is wrong', () => {
    const unreadable: ParseResult = { ok: false, problem: { file: 'broken.md', line: 7, severity: 'error', message: 'not valid YAML (tab characters must not be used in indentation)', hint: 'indent with spaces' } };
    const rows = listDrafts([parsed('d.md', valid('Dated', '2026-11-02')), unreadable], sources, NOW);
    expect(rows.map((row) => [row.file, row.title, row.unreadable, row.reasons])).toEqual([
      ['d.md', 'Dated', undefined, ['marked draft: true']],
      ['broken.md', '(cannot be read)', true, ['cannot be read (line 7): not valid YAML (tab characters must not be used in indentation); run npm run check:content']],
    ]);
  });

  it('lists a piece that is not a draft but still to come, so a mistyped year does not hide it, and leaves out what is due', () => {
    const rows = listDrafts(
      [
        parsed('next-year.md', valid('Wrong year', '2027-11-30T10:00:00+09:00', { draft: false })),
        parsed('undrafted.md', { ...valid('No draft line', '2026-12-01T20:00:00-05:00'), draft: undefined }),
        parsed('due.md', valid('Due now', '2026-12-01T12:00:00Z', { draft: false })),
        parsed('d.md', valid('Dated', '2026-11-02')),
      ],
      sources,
      NOW,
    );
    expect(rows.map((row) => [row.file, row.draft, row.reasons])).toEqual([
      ['next-year.md', false, ['scheduled for 2027-11-30T01:00:00Z: on the site from the first build after then']],
      ['undrafted.md', false, ['scheduled for 2026-12-02T01:00:00Z: on the site from the first build after then']],
      ['d.md', true, ['marked draft: true']],
    ]);
  });

  it('gives a scheduled piece its date as an editor writes it: the day alone when written alone, else to the second', () => {
    const rows = listDrafts(
      [parsed('day.md', valid('Day', '2026-12-24')), parsed('hour.md', valid('Hour', '2026-12-24T08:00:00Z')), parsed('evening.md', valid('Evening', '2026-12-23T19:00:00-05:00'))],
      sources,
      NOW,
    );
    expect(rows.map((row) => [row.file, row.reasons])).toEqual([
      ['hour.md', ['marked draft: true', 'scheduled for 2026-12-24T08:00:00Z']],
      ['day.md', ['marked draft: true', 'scheduled for 2026-12-24']],
      ['evening.md', ['marked draft: true', 'scheduled for 2026-12-24T00:00:00Z']],
    ]);
    // Its day in New York is the one it was written on, where a day written alone would be the 24th.
    expect(draftsTable(rows, createDateFormatter('en-US', 'America/New_York')).split('\n').filter((line) => /^\d/.test(line))).toEqual([
      '2026-12-24  (own)  hour.md',
      '2026-12-24  (own)  day.md',
      '2026-12-23  (own)  evening.md',
    ]);
  });
});

describe('where editors see a draft first', () => {
  it('names the page npm run dev shows an article at, under the base path', () => {
    expect(previewHint('/', 'chip-plant-opens')).toBe('Preview it with npm run dev at /articles/chip-plant-opens/.');
    expect(previewHint('/desk/', 'chip-plant-opens')).toBe('Preview it with npm run dev at /desk/articles/chip-plant-opens/.');
  });

  it('writes a non-Latin slug in its own letters, not percent-encoded', () => {
    expect(previewHint('/', '東京の新しいデータセンター')).toBe('Preview it with npm run dev at /articles/東京の新しいデータセンター/.');
  });

  it('says once, under the list, how many of each, how to publish one and where to see one', () => {
    const draft = { draft: true };
    const scheduled = { draft: false };
    expect(draftsSummary([draft, draft], '/desk')).toBe('2 drafts. To publish a draft, delete its "draft: true" line. Preview one with npm run dev at /desk/articles/<slug>/.');
    expect(draftsSummary([draft], '/')).toBe('1 draft. To publish a draft, delete its "draft: true" line. Preview one with npm run dev at /articles/<slug>/.');
    expect(draftsSummary([scheduled], '/')).toBe('1 scheduled. To publish a scheduled piece sooner, set its publishedAt to now. Preview one with npm run dev at /articles/<slug>/.');
    expect(draftsSummary([draft, scheduled, scheduled], '/')).toBe(
      '1 draft and 2 scheduled. To publish a draft, delete its "draft: true" line. To publish a scheduled piece sooner, set its publishedAt to now. Preview one with npm run dev at /articles/<slug>/.',
    );
    expect(draftsSummary([], '/')).toBe('No drafts, and nothing scheduled.');
  });

  it('counts a file that cannot be read as a file to fix, not as a draft whose draft line it may not have', () => {
    const draft = { draft: true };
    const scheduled = { draft: false };
    const unreadable = { draft: true, unreadable: true } as const;
    expect(draftsSummary([unreadable], '/')).toBe('1 file to fix. To fix a file that cannot be read, run npm run check:content, which names its line and what to do.');
    expect(draftsSummary([draft, unreadable, unreadable], '/')).toBe(
      '1 draft and 2 files to fix. To publish a draft, delete its "draft: true" line. To fix a file that cannot be read, run npm run check:content, which names its line and what to do. Preview one with npm run dev at /articles/<slug>/.',
    );
    expect(draftsSummary([draft, draft, scheduled, unreadable], '/')).toMatch(/^2 drafts, 1 scheduled and 1 file to fix\. /);
  });
});

describe("npm run drafts' table", () => {
  const row = (publishedAt: string | undefined, extra: Partial<DraftRow> = {}): DraftRow => ({
    file: 'articles/late.md',
    title: 'Late edition',
    publishedAt: publishedAt === undefined ? undefined : { at: new Date(publishedAt), dayAlone: false },
    draft: true,
    reasons: ['marked draft: true'],
    ...extra,
  });

  it('dates each piece by the day in the site’s zone, as its page will show it, not by the day in UTC', () => {
    // 00:30 on the 24th in Tokyo is still the 23rd in UTC.
    const scheduled = row('2026-12-24T00:30:00+09:00');
    expect(draftsTable([scheduled], createDateFormatter('en-US', 'Asia/Tokyo'))).toBe('2026-12-24  (own)  articles/late.md\n            Late edition\n            why: marked draft: true');
    expect(draftsTable([scheduled], createDateFormatter('en-US', 'UTC')).split('\n')[0]).toBe('2026-12-23  (own)  articles/late.md');
    expect(draftsTable([row('2026-12-24T23:30:00-05:00')], createDateFormatter('en-US', 'America/New_York')).split('\n')[0]).toBe('2026-12-24  (own)  articles/late.md');
  });

  it('prints a headline, outlet or file name holding escape sequences, line breaks or a CI runner command as inert text, three lines a piece', () => {
    const hostile = row('2026-12-24T08:00:00Z', { title: 'Fab\u001b[2J delayed\n::error::forged', source: 'Chip ##[warning]Wire', file: 'articles/a\rb.md' });
    const table = draftsTable([hostile], createDateFormatter('en-US', 'UTC'));
    expect(table).toBe('2026-12-24  Chip ##\\u005bwarning]Wire  articles/a\\u000db.md\n            Fab\\u001b[2J delayed\\u000a::error::forged\n            why: marked draft: true');
  });

  it('gives an undated piece a blank of the same width', () => {
    expect(draftsTable([row(undefined, { source: 'Chipwire' })], createDateFormatter('en-US', 'UTC')).split('\n')[0]).toBe('no date     Chipwire  articles/late.md');
  });
});
