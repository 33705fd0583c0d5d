import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

const at = (time: string) => new Date(`2026-12-01T${time}:00Z`);

/** A served workspace whose runs, one at each time given (`true` beside it: with --refresh), are recorded: the report, how many requests the feed had by then, and the state written. */
function recordedRuns() {
  const { publishers, workspace } = servedWorkspace();
  const reports: Record<string, RunReport> = {};
  const requests: Record<string, number> = {};
  const states: Record<string, string> = {};
  const runAt = async (feed: string, times: readonly (string | readonly [string, boolean])[]) => {
    for (const entry of times) {
      const [time, refresh] = typeof entry === 'string' ? [entry, false] : entry;
      reports[time] = await workspace.run(at(time), 50, { refresh });
      requests[time] = publishers.requestsTo(feed).length;
      states[time] = readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8');
    }
  };
  return { publishers, workspace, reports, requests, states, runAt };
}

describe('a feed whose server says its answer stays fresh for an hour', () => {
  const { publishers, workspace, reports, requests, states, runAt } = recordedRuns();
  let feed: string;

  beforeAll(async () => {
    feed = publishers.route(0, '/feed.xml', rssRoute(twoStoryFeed('fresh.example'), { etag: '"v1"', 'cache-control': 'max-age=3600' }));
    workspace.writeSources([{ id: 'fresh', feed }]);
    await runAt(feed, ['12:00', '12:30', ['12:40', true], '13:45']);
  });

  it('is not asked again while that hour lasts, and the report says until when, as neither a failure nor a change', () => {
    expect(requests['12:00']).toBe(1);
    expect(requests['12:30']).toBe(1);
    expect(reports['12:30']!.sources[0]).toMatchObject({ result: 'fresh', until: '2026-12-01T13:00:00Z', newItems: [] });
    expect(reports['12:30']!.totals).toMatchObject({ fresh: 1, failed: 0, fetched: 0 });
    expect(reports['12:30']!.attention).toEqual([]);
    const text = formatReportText(reports['12:30']!);
    expect(text).toContain('fresh  not asked: fresh until 2026-12-01 13:00 UTC, as its server said');
    expect(text).toContain('1 source: 0 fetched, 0 not modified, 0 failed, 0 backing off, 1 still fresh; 0 new items written.');
    expect(states['12:30']).toBe(states['12:00']);
  });

  it('is asked with --refresh, conditionally; the same feed again renews the freshness from that answer', () => {
    expect(requests['12:40']).toBe(2);
    expect(publishers.requestsTo(feed)[1]!.headers['if-none-match']).toBe('"v1"');
    expect(reports['12:40']!.sources[0]!.result).toBe('not-modified');
    expect(JSON.parse(states['12:40']!).sources.fresh.freshUntil).toBe('2026-12-01T13:40:00Z');
    expect(requests['13:45']).toBe(3);
  });
});

describe('a feed whose 304 says it stays fresh for another hour', () => {
  const { publishers, workspace, reports, requests, runAt } = recordedRuns();
  let feed: string;

  beforeAll(async () => {
    const body = twoStoryFeed('renewed.example');
    const headers = { etag: '"v1"', 'cache-control': 'max-age=3600' };
    feed = publishers.route(0, '/feed.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304, headers).end();
      else rssRoute(body, headers)(request, response);
    });
    workspace.writeSources([{ id: 'renewed', feed }]);
    await runAt(feed, ['12:00', '13:00', '13:30', '14:00']);
  });

  it('is not asked again within that hour, as a cache would not ask (RFC 9111 §4.3.4)', () => {
    expect(reports['13:00']!.sources[0]!.result).toBe('not-modified');
    expect(requests['13:00']).toBe(2);
    expect(reports['13:30']!.sources[0]).toMatchObject({ result: 'fresh', until: '2026-12-01T14:00:00Z' });
    expect(requests['13:30']).toBe(2);
    expect(requests['14:00']).toBe(3);
  });
});

describe.each([
  {
    freshFor: 'its max-age',
    // An hour by Cache-Control, kept as the server sent it.
    freshness: (): Record<string, string> => ({ 'cache-control': 'max-age=3600' }),
    kept: { cacheControl: 'max-age=3600' },
  },
  {
    freshFor: 'its Expires alone',
    // An hour from the moment of each answer, by the server's clock, as `expires 1h` in nginx: the lifetime is kept,
    // not the instant, which would change the state at every answer.
    freshness: (): Record<string, string> => {
      const date = new Date();
      return { date: date.toUTCString(), expires: new Date(date.getTime() + 3600_000).toUTCString() };
    },
    kept: { expiresLifetime: 3600 },
  },
])('a feed whose 304s are bare, after a full answer fresh for an hour by $freshFor', ({ freshness, kept }) => {
  const { publishers, workspace, reports, requests, states, runAt } = recordedRuns();
  let feed: string;

  beforeAll(async () => {
    const body = twoStoryFeed('bare.example');
    feed = publishers.route(0, '/feed.xml', (request, response) => {
      // Only the ETag, as many servers send with a 304.
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304, { etag: '"v1"' }).end();
      else rssRoute(body, { etag: '"v1"', ...freshness() })(request, response);
    });
    workspace.writeSources([{ id: 'bare', feed }]);
    await runAt(feed, ['12:00', '13:00', '13:30', '14:00', '14:30']);
  });

  it('stays fresh for another hour from each 304, by the freshness of the answer it confirms (RFC 9111 §4.3.4)', () => {
    expect(reports['13:00']!.sources[0]!.result).toBe('not-modified');
    expect(requests['13:00']).toBe(2);
    expect(reports['13:30']!.sources[0]).toMatchObject({ result: 'fresh', until: '2026-12-01T14:00:00Z' });
    expect(requests['13:30']).toBe(2);
  });

  it('is asked once the hour is over, with its validators, and the state changes only in freshUntil', () => {
    expect(requests['14:00']).toBe(3);
    expect(publishers.requestsTo(feed)[2]!.headers['if-none-match']).toBe('"v1"');
    expect(reports['14:00']!.sources[0]!.result).toBe('not-modified');
    expect(requests['14:30']).toBe(3);
    expect(states['14:00']).toBe(states['13:00']!.replace('"freshUntil": "2026-12-01T14:00:00Z"', '"freshUntil": "2026-12-01T15:00:00Z"'));
    expect(JSON.parse(states['14:00']!).sources.bare).toMatchObject({ etag: '"v1"', ...kept, freshUntil: '2026-12-01T15:00:00Z' });
  });
});

describe('a fresh feed read all the same', () => {
  const { publishers, workspace } = servedWorkspace();

  it('six hours later, when its server says it stays fresh for a year', async () => {
    const feed = publishers.route(0, '/year.xml', rssRoute(twoStoryFeed('year.example'), { 'cache-control': 'public, max-age=31536000, immutable' }));
    workspace.writeSources([{ id: 'year', feed }]);
    await workspace.run(at('12:00'));
    expect((await workspace.run(at('17:45'))).sources[0]).toMatchObject({ result: 'fresh', until: '2026-12-01T18:00:00Z' });
    expect(publishers.requestsTo(feed)).toHaveLength(1);
    await workspace.run(at('18:00'));
    expect(publishers.requestsTo(feed)).toHaveLength(2);
  });

  it('at the next run when items were held over, so that they are not left waiting for the hour', async () => {
    const items = ['Tram line opens', 'Bridge repairs finish early', 'Ferry timetable changes'].map((title, index) => ({
      title,
      link: `https://held.example/${index}`,
      guid: `held-${index}`,
      description: `<p>${title}, the council said on Monday after a vote that took most of the evening.</p>`,
      publishedAt: new Date(Date.UTC(2026, 10, 30, 8 + index)),
    }));
    const feed = publishers.route(0, '/held.xml', rssRoute(rssDocument({ title: 'Held', link: 'https://held.example/', items }), { 'cache-control': 'max-age=3600' }));
    workspace.writeSources([{ id: 'held', feed }]);
    expect((await workspace.run(at('12:00'), 2)).sources[0]!.skipped.heldOver).toBe(1);
    const next = await workspace.run(at('12:30'), 2);
    expect(publishers.requestsTo(feed)).toHaveLength(2);
    expect(next.sources[0]!.newItems.map((item) => item.title)).toEqual(['Tram line opens']);
    expect((await workspace.run(at('12:45'), 2)).sources[0]!.result).toBe('fresh');
  });
});

describe('a feed that has moved for good, whose new address says it stays fresh for an hour', () => {
  const { publishers, workspace } = servedWorkspace();
  let served: string;
  let fresh: RunReport;

  beforeAll(async () => {
    served = publishers.route(0, '/new.xml', rssRoute(twoStoryFeed('moved.example'), { 'cache-control': 'max-age=3600' }));
    const old = publishers.route(0, '/old.xml', (_request, response) => response.writeHead(301, { location: '/new.xml' }).end());
    workspace.writeSources([{ id: 'moved', feed: old }]);
    await workspace.run(at('12:00'));
    fresh = await workspace.run(at('12:30'));
  });

  it('is still reported as moved at a run that does not ask it, so the operator hears of it at every run', () => {
    expect(publishers.requestsTo(served)).toHaveLength(1);
    expect(fresh.sources[0]).toMatchObject({ result: 'fresh' });
    expect(formatReportText(fresh)).toContain(`\nNeeds attention:\n  moved  the feed has moved for good to ${served} (a permanent redirect); update its feed: line in the registry\n`);
  });
});
