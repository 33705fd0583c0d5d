import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/** One story, `shared`, that both outlets carry: the first's copy is refused (its HTML nests too deep), the second's is fine. */
describe('a story the first outlet’s copy of is refused', () => {
  const shared = 'https://wire.example/port-strike';
  const { publishers, workspace } = servedWorkspace(2);
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

  beforeAll(async () => {
    const nested = `${'<div>'.repeat(150)}Dockers return to work on Monday.${'</div>'.repeat(150)}`;
    const first = publishers.route(0, '/feed.xml', outlet('first.example', nested));
    const second = publishers.route(1, '/feed.xml', outlet('second.example', '<p>Dockers return to work on Monday, the union said, after a nine-day strike over pay.</p>', 'second-1'));
    workspace.writeSources([
      { id: 'first', feed: first },
      { id: 'second', feed: second },
    ]);
    runs = [];
    for (const minutes of [0, 30, 60]) runs.push(await workspace.run(new Date(Date.UTC(2026, 11, 1, 12, minutes))));
  });

  const of = (report: RunReport, id: string) => report.sources.find((source) => source.id === id)!;

  it('refuses the first copy, and takes the second outlet’s at the next run, though neither feed changed', () => {
    expect(of(runs[0]!, 'first').skipped.rejected).toBe(1);
    expect(of(runs[0]!, 'second').newItems).toEqual([]);
    expect(of(runs[0]!, 'second').skipped.duplicate).toBe(1);
    expect(of(runs[1]!, 'second').newItems.map((item) => item.title)).toEqual(['Port strike ends after nine days (second.example)']);
    expect(readdirSync(join(workspace.folder, 'articles', 'aggregated', 'second'))).toHaveLength(1);
  });

  it('does not offer the refused copy again, though it has no GUID to be known by, and then asks only for changes', () => {
    expect(runs.map((report) => of(report, 'first').skipped.rejected)).toEqual([1, 0, 0]);
    expect(runs.slice(1).map((report) => [of(report, 'first').result, of(report, 'second').result])).toEqual([
      ['not-modified', 'fetched'],
      ['not-modified', 'not-modified'],
    ]);
  });
});
