import { beforeAll, describe, expect, it } from 'vitest';
import { formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

describe('a feed with a bare & in a headline', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;

  beforeAll(async () => {
    const feed = twoStoryFeed('telecom.example').replace('Harbour cranes go electric', 'AT&T wires the harbour');
    workspace.writeSources([{ id: 'telecom', feed: publishers.route(0, '/feed.xml', rssRoute(feed)) }]);
    report = await workspace.run();
  });

  it('is read, its items written, with a note naming the line for the publisher to fix', () => {
    expect(report.sources[0]).toMatchObject({ result: 'fetched' });
    expect(report.sources[0]!.newItems.map((item) => item.title)).toContain('AT&T wires the harbour (telecom.example)');
    expect(formatReportText(report)).toMatch(/\n {2}telecom: malformed XML at line \d+: a bare “&” or “<” \(as in AT&T\), read as the character itself; the publisher should write &amp; or &lt;\n/);
  });
});
