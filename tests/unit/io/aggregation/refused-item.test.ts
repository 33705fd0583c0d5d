import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/** One story, `shared`, that three outlets carry: the first's copy is refused (its HTML nests too deep), the others' are fine. */
describe('a story the first outlet’s copy of is refused', () => {
  const shared = 'https://wire.example/port-strike';
  const { publishers, workspace } = servedWorkspace(3);
  let runs: RunReport[];
  const outlet = (site: string, description: string, guid?: string) =>
    rssRoute(
      rssDocument({
        title: site,
        link: `https://${site}/`,
        items: [{ title: `Port strike ends after nine days (${site})`, link: shared, guid, description, publishedAt: new Date('2026-11-30T08:00:00Z'), categories: ['Transport'] }],
      }),
      { etag: `"${site}"` },
    );
  const fine = '<p>Dockers return to work on Monday, the union said, after a nine-day strike over pay.</p>';

  beforeAll(async () => {
    const nested = `${'<div>'.repeat(150)}Dockers return to work on Monday.${'</div>'.repeat(150)}`;
    workspace.writeSources([
      { id: 'first', feed: publishers.route(0, '/feed.xml', outlet('first.example', nested)) },
      { id: 'second', feed: publishers.route(1, '/feed.xml', outlet('second.example', fine, 'second-1')) },
      { id: 'third', feed: publishers.route(2, '/feed.xml', outlet('third.example', fine.replace('union', 'port authority'), 'third-1')) },
    ]);
    runs = [];
    for (const minutes of [0, 30, 60]) runs.push(await workspace.run(new Date(Date.UTC(2026, 11, 1, 12, minutes))));
  });

  const of = (report: RunReport, id: string) => report.sources.find((source) => source.id === id)!;
  const written = (id: string) => (existsSync(join(workspace.folder, 'articles', 'aggregated', id)) ? readdirSync(join(workspace.folder, 'articles', 'aggregated', id)) : []);

  it('refuses the first copy, and takes the next outlet’s in the same run, once', () => {
    expect(of(runs[0]!, 'first').skipped.rejected).toBe(1);
    expect(of(runs[0]!, 'second').newItems.map((item) => item.title)).toEqual(['Port strike ends after nine days (second.example)']);
    expect(of(runs[0]!, 'second').skipped.duplicate).toBe(0);
    expect(of(runs[0]!, 'third')).toMatchObject({ newItems: [], skipped: { duplicate: 1 } });
    expect(runs[0]!.totals.newItems).toBe(1);
    expect([written('second').length, written('third').length]).toEqual([1, 0]);
  });

  it('does not offer any copy again, though the refused one has no GUID to be known by, and then asks only for changes', () => {
    expect(runs.map((report) => of(report, 'first').skipped.rejected)).toEqual([1, 0, 0]);
    expect(runs.slice(1).map((report) => report.sources.map((source) => source.result))).toEqual([
      ['not-modified', 'not-modified', 'not-modified'],
      ['not-modified', 'not-modified', 'not-modified'],
    ]);
    expect([written('second').length, written('third').length]).toEqual([1, 0]);
  });
});
