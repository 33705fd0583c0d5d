import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { aggregationWorkspace, twoStoryFeed, type AggregationWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { Publishers, rssRoute } from '../../../helpers/feed-publishers.ts';

describe('a feed: line spelled otherwise than its URL reads (accented path, host case)', () => {
  const publishers = new Publishers();
  let workspace: AggregationWorkspace;
  let report: RunReport;

  beforeAll(async () => {
    await publishers.start(1);
    workspace = aggregationWorkspace();
    const served = publishers.route(0, '/actualit%C3%A9s.xml', rssRoute(twoStoryFeed('presse.example')));
    workspace.writeSources([{ id: 'presse', feed: served.replace('http://', 'HTTP://').replace('%C3%A9', 'é') }]);
    report = await workspace.run();
  });

  afterAll(async () => {
    await publishers.close();
    rmSync(workspace.folder, { recursive: true, force: true });
  });

  it('is read, and not reported as a feed that moved', () => {
    expect(report.sources[0]).toMatchObject({ result: 'fetched', notes: [] });
    expect(report.sources[0]!.newItems).toHaveLength(2);
  });
});
