import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

describe('a feed: line spelled otherwise than its URL reads (accented path, host case)', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;

  beforeAll(async () => {
    const served = publishers.route(0, '/actualit%C3%A9s.xml', rssRoute(twoStoryFeed('presse.example')));
    workspace.writeSources([{ id: 'presse', feed: served.replace('http://', 'HTTP://').replace('%C3%A9', 'é') }]);
    report = await workspace.run();
  });

  it('is read, and not reported as a feed that moved', () => {
    expect(report.sources[0]).toMatchObject({ result: 'fetched', notes: [] });
    expect(report.sources[0]!.newItems).toHaveLength(2);
  });
});
