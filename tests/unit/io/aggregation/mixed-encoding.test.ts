import { beforeAll, describe, expect, it } from 'vitest';
import { formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';

describe('a UTF-8 feed with a headline pasted in as Windows-1252 bytes', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;
  let feedUrl: string;

  beforeAll(async () => {
    // “Café” in Windows-1252: curly quotes 0x93 and 0x94, é 0xE9; the rest of the feed is UTF-8, as its server says.
    const [before, after] = twoStoryFeed('bistro.example').split('Harbour cranes go electric (bistro.example)</title>');
    const body = Buffer.concat([Buffer.from(before!), Buffer.from([0x93, ...Buffer.from('Caf'), 0xe9, 0x94]), Buffer.from(' opens on the quay</title>'), Buffer.from(after!)]);
    feedUrl = publishers.route(0, '/feed.xml', (_request, response) => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body));
    workspace.writeSources([{ id: 'bistro', feed: feedUrl }]);
    report = await workspace.run();
  });

  it('writes the headline as the publisher meant it, without U+FFFD', () => {
    expect(report.sources[0]!.newItems.map((item) => item.title)).toContain('“Café” opens on the quay');
    expect(report.sources[0]!.newItems.map((item) => item.title).join('')).not.toContain('\uFFFD');
  });

  it('tells the operator which source and feed, and how it was read', () => {
    expect(formatReportText(report)).toContain(`\n  bistro: ${feedUrl}: its bytes are not valid in the encoding it declares (UTF-8): 3 bytes are not UTF-8 and were read as WINDOWS-1252; the publisher should serve the whole feed in UTF-8\n`);
  });
});
