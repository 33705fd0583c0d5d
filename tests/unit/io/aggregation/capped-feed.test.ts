import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storedKey } from '../../../../src/lib/aggregation/identity.ts';
import { formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

const places = ['Harbour', 'Airport', 'Canal', 'Bridge', 'Tunnel'];

/** An archive feed of five stories, newest first, served with an ETag that answers 304 while it is unchanged. */
const feed = rssDocument({
  title: 'Archive wire',
  link: 'https://archive.example/',
  items: places.map((place, index) => ({
    title: `${place} works finish early`,
    link: `https://archive.example/${place.toLowerCase()}`,
    guid: `archive-${place}`,
    description: `<p>The ${place.toLowerCase()} works finished ${index + 2} weeks early, the operator said. Traffic returns to normal on Monday.</p>`,
    publishedAt: new Date(Date.UTC(2026, 10, 30 - index)),
  })),
});

describe('a feed with more new items than the cap', () => {
  const { publishers, workspace } = servedWorkspace();
  const reports: RunReport[] = [];
  const state = () => JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')).sources.archive;
  let stateAfterFirst: { etag?: string; seen: string[] };

  beforeAll(async () => {
    const url = publishers.route(0, '/feed.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed);
    });
    workspace.writeSources([{ id: 'archive', feed: url }]);
    reports.push(await workspace.run(new Date('2026-12-01T12:00:00Z'), 2));
    stateAfterFirst = state();
    reports.push(await workspace.run(new Date('2026-12-01T12:30:00Z'), 2));
    reports.push(await workspace.run(new Date('2026-12-01T13:00:00Z'), 2));
    reports.push(await workspace.run(new Date('2026-12-01T13:30:00Z'), 2));
  });

  it('writes the newest first, and says how many it held over', () => {
    expect(reports[0]!.sources[0]!.newItems.map((item) => item.title)).toEqual(['Harbour works finish early', 'Airport works finish early']);
    expect(reports[0]!.sources[0]!.skipped).toMatchObject({ heldOver: 3, seenBefore: 0 });
    expect(formatReportText(reports[0]!)).toContain('archive  fetched: 2 new items; 3 held over for later runs');
  });

  it('keeps the held-over items out of the state, and reads the feed whole again next time', () => {
    expect(stateAfterFirst.seen).toEqual(['guid:archive:archive-Airport', 'link:archive.example/airport', 'guid:archive:archive-Harbour', 'link:archive.example/harbour'].map(storedKey));
    expect(stateAfterFirst.etag).toBeUndefined();
  });

  it('writes the held-over items in later runs, none twice, and then takes the 304', () => {
    expect(reports.slice(1).map((report) => report.sources[0]!.newItems.map((item) => item.title))).toEqual([
      ['Canal works finish early', 'Bridge works finish early'],
      ['Tunnel works finish early'],
      [],
    ]);
    expect(reports.slice(1).map((report) => report.sources[0]!.skipped.heldOver)).toEqual([1, 0, 0]);
    expect(reports[3]!.sources[0]!.result).toBe('not-modified');
    expect(readdirSync(join(workspace.folder, 'articles', 'aggregated', 'archive'))).toHaveLength(5);
    expect(state().etag).toBe('"v1"');
  });
});

describe('a capped feed whose newest items are already on the site but not in the state (forgotten, or the state lost)', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;

  beforeAll(async () => {
    const url = publishers.route(0, '/feed.xml', rssRoute(feed));
    workspace.writeSources([{ id: 'archive', feed: url }]);
    await workspace.run(new Date('2026-12-01T12:00:00Z'), 2);
    rmSync(join(workspace.folder, '.aggregate-state.json'));
    report = await workspace.run(new Date('2026-12-01T12:30:00Z'), 2);
  });

  it('spends the cap on items it writes, not on the duplicates of articles it has', () => {
    expect(report.sources[0]!.newItems.map((item) => item.title)).toEqual(['Canal works finish early', 'Bridge works finish early']);
    expect(report.sources[0]!.skipped).toMatchObject({ duplicate: 2, heldOver: 1 });
    expect(readdirSync(join(workspace.folder, 'articles', 'aggregated', 'archive'))).toHaveLength(4);
  });
});
