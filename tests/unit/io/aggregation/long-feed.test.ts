import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { MAX_SEEN_PER_SOURCE } from '../../../../src/lib/aggregation/state.ts';
import { generateCorpus } from '../../../../src/lib/bench/corpus.ts';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/** 601 distinct stories, newest first: the feed lists the older 600, then all of them. */
const stories = generateCorpus({ count: 601, seed: 4242, now: new Date('2026-11-30T12:00:00Z') })
  .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())
  .map((story) => ({
    title: story.title,
    link: `https://long.example/${story.slug}`,
    guid: `long-${story.slug}`,
    description: `<p>${story.description}</p>`,
    publishedAt: story.publishedAt,
  }));
const feedOf = (items: typeof stories) => rssDocument({ title: 'Long wire', link: 'https://long.example/', items });

describe('a feed listing more items than the state remembers per source (an archive dump)', () => {
  const { publishers, workspace } = servedWorkspace();
  const reports: RunReport[] = [];
  let listed = stories.slice(1);
  const seenKeys = () => JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')).sources.long.seen as string[];
  let turnedDown: string[] = [];

  beforeAll(async () => {
    const url = publishers.route(0, '/feed.xml', (request, response) => rssRoute(feedOf(listed))(request, response));
    workspace.writeSources([{ id: 'long', feed: url }]);
    // 400 a run: the newest 400 first, then the older 200.
    reports.push(await workspace.run(new Date('2026-12-01T12:00:00Z'), 400));
    // The editor turns down the newest draft and the oldest one written so far by deleting them.
    const firstWritten = reports[0]!.sources[0]!.newItems;
    turnedDown = [firstWritten[0]!.file, firstWritten.at(-1)!.file];
    for (const file of turnedDown) rmSync(join(workspace.folder, file));
    reports.push(await workspace.run(new Date('2026-12-01T12:30:00Z'), 400));
    listed = stories;
    reports.push(await workspace.run(new Date('2026-12-01T13:00:00Z'), 400));
  }, 120_000);

  it('writes the archive over two runs, then only the story the feed adds', () => {
    expect(reports.map((report) => [report.sources[0]!.newItems.length, report.sources[0]!.skipped.heldOver])).toEqual([
      [400, 200],
      [200, 0],
      [1, 0],
    ]);
    expect(reports[2]!.sources[0]!.newItems.map((item) => item.title)).toEqual([stories[0]!.title]);
  });

  it('does not bring back the drafts the editor deleted while the feed still lists them', () => {
    for (const file of turnedDown) expect(existsSync(join(workspace.folder, file))).toBe(false);
  });

  it('remembers every item the feed lists, beyond the cap on what the state remembers', () => {
    expect(MAX_SEEN_PER_SOURCE).toBeLessThan(601 * 2);
    expect(new Set(seenKeys()).size).toBe(601 * 2);
  });
});
