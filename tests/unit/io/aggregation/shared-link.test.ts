import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { runGrowingFeed, servedWorkspace, type GrowingFeedRuns } from '../../../helpers/aggregation-workspace.ts';

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
  const served = servedWorkspace();
  let runs: GrowingFeedRuns;

  beforeAll(async () => {
    runs = await runGrowingFeed(served, 'county', feed, [2, 3]);
  });

  it('writes each of its items, told apart by their GUIDs, each to its own file, and the one listed twice once', () => {
    expect(runs.first.sources[0]!.newItems.map((item) => item.title).sort()).toEqual(headlines.slice(0, 2).sort());
    expect(runs.first.sources[0]!.skipped).toMatchObject({ duplicate: 1 });
    expect(new Set(runs.first.sources[0]!.newItems.map((item) => item.file)).size).toBe(2);
  });

  it('writes an item added later, rather than taking it for the article an earlier one became', () => {
    expect(runs.second.sources[0]!.newItems.map((item) => item.title)).toEqual([headlines[2]]);
    expect(runs.second.sources[0]!.skipped).toMatchObject({ seenBefore: 3, duplicate: 0 });
    expect(readdirSync(join(served.workspace.folder, 'articles', 'aggregated', 'county'))).toHaveLength(3);
  });
});
