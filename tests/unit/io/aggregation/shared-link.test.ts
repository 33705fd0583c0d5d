import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { aggregationWorkspace, type AggregationWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { Publishers } from '../../../helpers/feed-publishers.ts';

const headlines = ['Polls close across the county', 'Turnout highest in twenty years', 'First results due after midnight'];

/** A live blog: every update links to the one page, and has its own GUID and headline; the oldest is listed twice. */
const feed = (count: number) =>
  rssDocument({
    title: 'County live',
    link: 'https://county.example/',
    items: [...headlines.slice(0, count).map((title, index) => ({ title, index })), { title: headlines[0]!, index: 0 }].reverse().map(({ title, index }) => ({
      title,
      link: 'https://county.example/live',
      guid: `live-update-${index}`,
      description: `<p>${title}, the returning officer said at ${20 + index}:00. Counting continues overnight at the civic hall.</p>`,
      publishedAt: new Date(Date.UTC(2026, 10, 30, 20 + index)),
    })),
  });

describe('a feed whose items all link to one page', () => {
  const publishers = new Publishers();
  let workspace: AggregationWorkspace;
  let count = 2;
  let first: RunReport;
  let second: RunReport;

  beforeAll(async () => {
    await publishers.start(1);
    workspace = aggregationWorkspace();
    const url = publishers.route(0, '/live.xml', (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(count)));
    workspace.writeSources([{ id: 'county', feed: url }]);
    first = await workspace.run();
    count = 3;
    second = await workspace.run(new Date('2026-12-01T12:30:00Z'));
  });

  afterAll(async () => {
    await publishers.close();
    rmSync(workspace.folder, { recursive: true, force: true });
  });

  it('writes each of its items, told apart by their GUIDs, each to its own file, and the one listed twice once', () => {
    expect(first.sources[0]!.newItems.map((item) => item.title).sort()).toEqual(headlines.slice(0, 2).sort());
    expect(first.sources[0]!.skipped).toMatchObject({ duplicate: 1 });
    expect(new Set(first.sources[0]!.newItems.map((item) => item.file)).size).toBe(2);
  });

  it('writes an item added later, rather than taking it for the article an earlier one became', () => {
    expect(second.sources[0]!.newItems.map((item) => item.title)).toEqual([headlines[2]]);
    expect(second.sources[0]!.skipped).toMatchObject({ seenBefore: 3, duplicate: 0 });
    expect(readdirSync(join(workspace.folder, 'articles', 'aggregated', 'county'))).toHaveLength(3);
  });
});
