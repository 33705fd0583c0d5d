import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/** Feeds whose every answer differs from the last while listing the same two stories. */
const UNCHANGED_STORIES = [
  {
    feedKind: 'a feed without validators that stamps every answer with the time it was made',
    id: 'stamped',
    answer: (answers: number) =>
      twoStoryFeed('stamped.example').replace('<item>', `<lastBuildDate>${new Date(Date.UTC(2026, 11, 1, 12, answers)).toUTCString()}</lastBuildDate><item>`),
  },
  {
    feedKind: 'a feed that gives its items new GUIDs at every answer, their links unchanged',
    id: 'rotating',
    answer: (answers: number) => twoStoryFeed('rotating.example').replaceAll('</guid>', `-${answers}</guid>`),
  },
];

describe.each(UNCHANGED_STORIES)('$feedKind', ({ id, answer }) => {
  const { publishers, workspace } = servedWorkspace();
  let stateAfterFirst: string;
  let later: RunReport[];
  let stateAfterLater: string;
  let monthLater: RunReport;
  const stateFile = () => join(workspace.folder, '.aggregate-state.json');

  beforeAll(async () => {
    let answers = 0;
    const feed = publishers.route(0, '/feed.xml', (request, response) => {
      answers++;
      rssRoute(answer(answers))(request, response);
    });
    workspace.writeSources([{ id, feed }]);
    await workspace.run();
    stateAfterFirst = readFileSync(stateFile(), 'utf8');
    later = [await workspace.run(new Date('2026-12-01T12:30:00Z')), await workspace.run(new Date('2026-12-01T13:00:00Z'))];
    stateAfterLater = readFileSync(stateFile(), 'utf8');
    monthLater = await workspace.run(new Date('2026-12-31T13:00:00Z'));
  });

  it('writes nothing new and leaves the state file as it was, so there is nothing to commit', () => {
    expect(later.map((report) => [report.sources[0]!.result, report.sources[0]!.newItems.length, report.sources[0]!.skipped.seenBefore])).toEqual([
      ['fetched', 0, 2],
      ['fetched', 0, 2],
    ]);
    expect(stateAfterLater).toBe(stateAfterFirst);
  });

  it('needs attention once it has listed no new story for 30 days, however often its answer changed', () => {
    expect(monthLater.attention).toEqual([{ id, name: `${id} wire`, reason: 'nothing-new', since: '2026-12-01T12:00:00Z', host: expect.stringMatching(/^127\.0\.0\.1:\d+$/) }]);
  });
});

describe('a feed whose new items its source’s filter leaves out', () => {
  const { publishers, workspace } = servedWorkspace();
  let answers = 0;
  const lastSuccess = () => (JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')) as { sources: Record<string, { lastSuccess?: string }> }).sources.filtered?.lastSuccess;

  beforeAll(async () => {
    const feed = publishers.route(0, '/feed.xml', (request, response) => {
      answers++;
      // From the second answer on, the feed also lists a sponsored item, which the source excludes.
      const sponsored = answers > 1 ? '<item><title>Sponsored: a cloud you will love</title><link>https://filtered.example/ad</link><guid>filtered.example-ad</guid></item>' : '';
      rssRoute(twoStoryFeed('filtered.example').replace('<item>', `${sponsored}<item>`))(request, response);
    });
    writeFileSync(join(workspace.folder, 'sources.yaml'), `- id: filtered\n  name: filtered wire\n  feed: ${feed}\n  exclude: [Sponsored]\n`);
  });

  it('is alive, not frozen: a new item it lists is a new version even when nothing is written', async () => {
    await workspace.run(new Date('2026-12-01T12:00:00Z'));
    expect(lastSuccess()).toBe('2026-12-01T12:00:00Z');
    const withSponsored = await workspace.run(new Date('2026-12-20T12:00:00Z'));
    expect(withSponsored.sources[0]!.skipped.excluded).toBe(1);
    expect(withSponsored.sources[0]!.newItems).toHaveLength(0);
    expect(lastSuccess()).toBe('2026-12-20T12:00:00Z');
    const monthAfterFirst = await workspace.run(new Date('2026-12-31T13:00:00Z'));
    expect(monthAfterFirst.attention).toEqual([]);
  });
});
