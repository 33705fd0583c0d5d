import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

/** A podcast's feed, as many are written: episodes with a title, show notes and the audio, but no <link>. */
const podcast = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbour Hour</title><link>https://harbour-hour.example/</link>
<item><title>Episode 12: the electric cranes</title><guid isPermaLink="false">hh-12</guid><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;We ride the first electric crane at the container port and ask what it costs to run.&lt;/p&gt;</description>
<enclosure url="https://cdn.harbour-hour.example/hh-12.mp3" length="31457280" type="audio/mpeg"/></item>
<item><title>Episode 11: night freight</title><guid>https://harbour-hour.example/episodes/11</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;A night on the northern freight line, where traffic has doubled in a year.&lt;/p&gt;</description></item>
<item><title>Listener questions</title><guid isPermaLink="false">hh-10</guid><pubDate>Mon, 16 Nov 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Your questions about ports and ferries, answered by the hosts in the studio.&lt;/p&gt;</description></item>
</channel></rss>`;

describe('a podcast whose episodes have no link, only their audio or a permalink GUID', () => {
  const { publishers, workspace } = servedWorkspace();
  let report: RunReport;

  beforeAll(async () => {
    workspace.writeSources([{ id: 'harbour', feed: publishers.route(0, '/podcast.xml', rssRoute(podcast)) }]);
    report = await workspace.run();
  });

  const articles = () => readdirSync(join(workspace.folder, 'articles', 'aggregated', 'harbour')).map((file) => readFileSync(join(workspace.folder, 'articles', 'aggregated', 'harbour', file), 'utf8'));

  it('takes each episode with its audio, or its permalink, as the link to the original', () => {
    expect(report.sources[0]!.newItems.map((item) => item.title)).toEqual(['Episode 12: the electric cranes', 'Episode 11: night freight']);
    const written = articles();
    expect(written.find((text) => text.includes('Episode 12'))).toContain('\n  url: "https://cdn.harbour-hour.example/hh-12.mp3"\n');
    expect(written.find((text) => text.includes('Episode 11'))).toContain('\n  url: "https://harbour-hour.example/episodes/11"\n');
  });

  it('still refuses an episode with no http(s) address at all, saying why', () => {
    expect(report.sources[0]!.skipped.rejected).toBe(1);
    expect(formatReportText(report)).toContain('“Listener questions” rejected: it has no http(s) link to the original story: no link, permalink GUID or audio or video enclosure');
  });
});
