import { beforeAll, describe, expect, it } from 'vitest';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { runGrowingFeed, servedWorkspace, type GrowingFeedRuns } from '../../../helpers/aggregation-workspace.ts';

const headlines = ['Harbour cranes go electric', 'Rail freight doubles on the northern line', 'Ferry operator orders hydrogen boats'];

/** A publisher whose template puts its home page in every item's <guid>. */
const feed = (count: number) =>
  rssDocument({
    title: 'Port wire',
    link: 'https://port.example/',
    items: headlines.slice(0, count).map((title, index) => ({
      title,
      link: `https://port.example/story-${index}`,
      guid: 'https://port.example/',
      description: `<p>${title}, the operator said on Monday. Work starts in the spring and ends within two years.</p>`,
      publishedAt: new Date(Date.UTC(2026, 10, 28 + index)),
    })),
  }).replaceAll('isPermaLink="false"', '');

describe('a feed that gives every item the same GUID', () => {
  const served = servedWorkspace();
  let runs: GrowingFeedRuns;

  beforeAll(async () => {
    runs = await runGrowingFeed(served, 'port', feed, [2, 3]);
  });

  it('writes each of its stories, told apart by their links', () => {
    expect(runs.first.sources[0]!.newItems.map((item) => item.title)).toEqual(headlines.slice(0, 2));
  });

  it('writes a story added later, rather than taking it for one seen before', () => {
    expect(runs.second.sources[0]!.newItems.map((item) => item.title)).toEqual([headlines[2]]);
    expect(runs.second.sources[0]!.skipped).toMatchObject({ seenBefore: 2, duplicate: 0 });
  });
});
