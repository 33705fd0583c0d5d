import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAttentionAnnotations, formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { closedPort, rssRoute, type Route } from '../../../helpers/feed-publishers.ts';

describe('sources failing for a day, each for its own reason', () => {
  const { publishers, workspace } = servedWorkspace(4);
  let urls: Record<'down' | 'moved' | 'page' | 'refused' | 'typo', string>;
  let afterADay: RunReport;
  /** The feeds that worked until the outlet changed something, as most failing feeds did. */
  let changed = false;
  const feedUntilChanged = (site: string, broken: Route): Route => (request, response) => (changed ? broken(request, response) : rssRoute(twoStoryFeed(site))(request, response));

  beforeAll(async () => {
    // Each on a host of its own: a 503 keeps its host's other feeds unasked in the run.
    urls = {
      down: publishers.route(0, '/feed.xml', (_request, response) => response.writeHead(503).end()),
      moved: publishers.route(1, '/feed.xml', feedUntilChanged('moved.example', (_request, response) => response.writeHead(404).end())),
      page: publishers.route(2, '/feed.xml', feedUntilChanged('page.example', (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Please accept our cookies</title></head><body><p>Accept</p></body></html>'))),
      refused: `http://127.0.0.1:${await closedPort()}/feed.xml`,
      // An address mistyped in the registry: it has never given a feed.
      typo: publishers.route(3, '/fede.xml', (_request, response) => response.writeHead(404).end()),
    };
    workspace.writeSources(Object.entries(urls).map(([id, feed]) => ({ id, feed })));
    await workspace.run(new Date('2026-12-01T11:00:00Z'));
    changed = true;
    await workspace.run(new Date('2026-12-01T12:00:00Z'));
    await workspace.run(new Date('2026-12-01T12:30:00Z'));
    afterADay = await workspace.run(new Date('2026-12-02T12:30:00Z'));
  });

  const needsAttention = () => formatReportText(afterADay).split('Needs attention:\n')[1]!.split('\n\n')[0]!.split('\n');
  const attentionLine = (id: string) => needsAttention().find((line) => line.startsWith(`  ${id} `))!;

  it('keeps each failure’s cause in the state file beside its message', () => {
    const state = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')) as { sources: Record<string, { lastError: { message: string; cause?: string } }> };
    expect(Object.fromEntries(Object.entries(state.sources).map(([id, source]) => [id, source.lastError.cause]))).toEqual({ down: 'server-error', moved: 'not-found', page: 'not-a-feed', refused: 'refused', typo: 'not-found' });
  });

  it('tells the operator to wait for a server that errs, and to find the new address of a feed that is not found', () => {
    expect(attentionLine('down')).toBe(`  down     failing since 2026-12-01 11:00 UTC (4 failures in a row): ${urls.down} answered 503 Service Unavailable; its server has been answering with an error for a day: if the outlet's site is down too, wait for it; if the site works, tell the publisher their feed is broken`);
    expect(attentionLine('moved')).toBe(`  moved    failing since 2026-12-01 12:00 UTC (3 failures in a row): ${urls.moved} answered 404 Not Found; the feed is no longer at this address: find its new address on the outlet's site (or correct a mistyped one) and update its feed: line`);
  });

  it('says a refused connection and a web page served for the feed each call for something else again', () => {
    expect(attentionLine('refused')).toMatch(/the connection was refused \(is the address right, and the server up\?\); nothing has taken connections at that address for a day: check the port in its feed: line, and whether the outlet's site is up$/);
    expect(attentionLine('page')).toMatch(/this is an HTML web page, not a feed; look for its RSS or Atom link \(served as text\/html\); the address serves a page, not the feed \(a consent, login or robot-check page, or a redesigned site\): open it in a browser, find the feed's link and update its feed: line$/);
    const advice = needsAttention().map((line) => line.slice(line.lastIndexOf('; ')));
    expect(new Set(advice).size).toBe(5);
  });

  it('suspects a typo in an address that has never given a feed, where one that did has moved', () => {
    expect(attentionLine('typo')).toBe(`  typo     failing since 2026-12-01 11:00 UTC (4 failures in a row): ${urls.typo} answered 404 Not Found; this address has never given a feed: check its feed: line for a typo, or find the feed's address on the outlet's site`);
  });

  it('gives the same advice in the warning annotations', () => {
    const annotations = formatAttentionAnnotations(afterADay);
    expect(annotations.find((line) => line.includes('(moved)::'))).toMatch(/answered 404 Not Found; the feed is no longer at this address: .*update its feed: line$/);
    expect(annotations.find((line) => line.includes('(down)::'))).toMatch(/answered 503 Service Unavailable; its server has been answering with an error for a day: .*their feed is broken$/);
  });
});

describe('a source backing off after failing twice, long before a day', () => {
  const { publishers, workspace } = servedWorkspace();
  let address: string;
  let resting: RunReport;
  let broken = false;

  beforeAll(async () => {
    address = publishers.route(0, '/feed.xml', (request, response) => (broken ? response.writeHead(500).end() : rssRoute(twoStoryFeed('wobbly.example'))(request, response)));
    workspace.writeSources([{ id: 'wobbly', feed: address }]);
    await workspace.run(new Date('2026-12-01T10:00:00Z'));
    broken = true;
    await workspace.run(new Date('2026-12-01T11:00:00Z'));
    await workspace.run(new Date('2026-12-01T11:30:00Z'));
    resting = await workspace.run(new Date('2026-12-01T11:45:00Z'));
  });

  it('says, beside its last error, what to do in the words of a source failing for a day, since when it has failed rather than for a day', () => {
    expect(resting.sources[0]).toMatchObject({ result: 'backing-off', cause: 'server-error', failingSince: '2026-12-01T11:00:00Z' });
    expect(formatReportText(resting).split('\n')[0]).toBe(
      `  wobbly  backing off until 2026-12-01 12:00 UTC (2 failures in a row; last: ${address} answered 500 Internal Server Error; its server has been answering with an error since 2026-12-01 11:00 UTC: if the outlet's site is down too, wait for it; if the site works, tell the publisher their feed is broken)`,
    );
  });
});
