import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute, type Route } from '../../../helpers/feed-publishers.ts';

describe('a host that takes requests and never answers, with four feeds in the registry', () => {
  const { publishers, workspace } = servedWorkspace(2);
  let report: RunReport;
  let seconds: number;
  const hung = ['politics', 'sport', 'culture', 'science'];

  beforeAll(async () => {
    workspace.writeSources([
      ...hung.map((section) => ({ id: section, feed: publishers.route(0, `/${section}.xml`, () => {}) })),
      { id: 'elsewhere', feed: publishers.route(1, '/feed.xml', rssRoute(twoStoryFeed('elsewhere.example'))) },
    ]);
    const started = performance.now();
    report = await workspace.run(undefined, undefined, { timeoutMs: 1000 });
    seconds = (performance.now() - started) / 1000;
  });

  it('waits out one timeout, not one per feed, says why the others were not asked, and still reads the other host’s feed', () => {
    expect(seconds).toBeLessThan(3.5);
    const [first, ...others] = report.sources.slice(0, hung.length);
    expect(first).toMatchObject({ result: 'failed', error: expect.stringMatching(/\/politics\.xml did not answer within 1 s \(timed out\)$/) });
    for (const source of others) {
      expect(source).toMatchObject({ result: 'not-asked', notAskedBecause: expect.stringMatching(/^127\.0\.0\.1:\d+ did not answer http:\/\/127\.0\.0\.1:\d+\/politics\.xml in this run \(timed out\)$/) });
      expect(source).not.toHaveProperty('error');
    }
    expect(publishers.requests.filter((request) => request.host === publishers.hosts[0])).toHaveLength(1);
    expect(report.sources.at(-1)).toMatchObject({ id: 'elsewhere', result: 'fetched', newItems: [expect.anything(), expect.anything()] });
  });

  it('counts the timeout against the feed that timed out only: the feeds not asked keep their record, and are not made to back off', () => {
    const { sources } = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8'));
    expect(sources.politics).toMatchObject({ consecutiveFailures: 1 });
    for (const section of hung.slice(1)) expect(sources[section]).toEqual({ consecutiveFailures: 0, notAskedSince: '2026-12-01T12:00:00Z', notAskedFor: `http://${publishers.hosts[0]}/${section}.xml`, notAskedRuns: 1, seen: [] });
  });
});

describe('every host letting requests time out, as from a runner whose network drops them, for an hour', () => {
  const { publishers, workspace } = servedWorkspace(2);
  const reports: RunReport[] = [];

  beforeAll(async () => {
    const hang = () => {};
    workspace.writeSources([
      { id: 'front', feed: publishers.route(0, '/front.xml', hang) },
      { id: 'sport', feed: publishers.route(0, '/sport.xml', hang) },
      { id: 'elsewhere', feed: publishers.route(1, '/feed.xml', hang) },
    ]);
    for (const time of ['12:00', '12:30', '13:00']) reports.push(await workspace.run(new Date(`2026-12-01T${time}:00Z`), undefined, { timeoutMs: 200 }));
  });

  it('fails the run at the hour, the feed first left unasked behind its host’s first counting as failing since the first run', () => {
    // Asked first at the second run, as the feed failing on its own goes last; at the third both are failing, and the registry's order decides.
    expect(reports.map((report) => report.sources.find((source) => source.id === 'sport')!)).toEqual([
      expect.objectContaining({ result: 'not-asked' }),
      expect.objectContaining({ result: 'failed', error: expect.stringMatching(/\/sport\.xml did not answer within 0\.2 s/) }),
      expect.objectContaining({ result: 'not-asked' }),
    ]);
    expect(reports.map((report) => report.allFailingSince)).toEqual([undefined, undefined, '2026-12-01T12:00:00Z']);
  });
});

describe('a host that answers, then sends its feeds a byte now and then, with four feeds in the registry', () => {
  const { publishers, workspace } = servedWorkspace(2);
  let report: RunReport;
  const dripping = ['politics', 'sport', 'culture', 'science'];

  beforeAll(async () => {
    const feed = Buffer.from(twoStoryFeed('drip.example'));
    // The headers at once, then the feed one byte every tenth of a second: it would take minutes to arrive.
    const drip: Route = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      let sent = 0;
      const timer = setInterval(() => response.write(feed.subarray(sent, ++sent)), 100);
      response.on('close', () => clearInterval(timer));
    };
    workspace.writeSources([
      ...dripping.map((section) => ({ id: section, feed: publishers.route(0, `/${section}.xml`, drip) })),
      { id: 'elsewhere', feed: publishers.route(1, '/feed.xml', rssRoute(twoStoryFeed('elsewhere.example'))) },
    ]);
    report = await workspace.run(undefined, undefined, { timeoutMs: 1000 });
  });

  it('waits for the first feed only, says why the others were not asked, and still reads the other host’s feed', () => {
    const [first, ...others] = report.sources.slice(0, dripping.length);
    expect(first).toMatchObject({ result: 'failed', error: expect.stringMatching(/\/politics\.xml answered, but did not send the whole feed within 1 s \(timed out\)$/) });
    for (const source of others) {
      expect(source).toMatchObject({ result: 'not-asked', notAskedBecause: expect.stringMatching(/^127\.0\.0\.1:\d+ did not send the whole of http:\/\/127\.0\.0\.1:\d+\/politics\.xml in this run \(timed out\)$/) });
    }
    expect(publishers.requests.filter((request) => request.host === publishers.hosts[0])).toHaveLength(1);
    expect(report.sources.at(-1)).toMatchObject({ id: 'elsewhere', result: 'fetched', newItems: [expect.anything(), expect.anything()] });
  });

  it('counts the timeout against the feed that timed out only: the feeds not asked keep their record', () => {
    const { sources } = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8'));
    expect(sources.politics).toMatchObject({ consecutiveFailures: 1 });
    for (const section of dripping.slice(1)) expect(sources[section]).toEqual({ consecutiveFailures: 0, notAskedSince: '2026-12-01T12:00:00Z', notAskedFor: `http://${publishers.hosts[0]}/${section}.xml`, notAskedRuns: 1, seen: [] });
  });
});

describe('a host whose three feeds redirect to another host, which never answers', () => {
  const { publishers, workspace } = servedWorkspace(2);
  let report: RunReport;
  const sections = ['politics', 'sport', 'culture'];

  beforeAll(async () => {
    workspace.writeSources(
      sections.map((section) => {
        const target = publishers.route(1, `/${section}.xml`, () => {});
        return { id: section, feed: publishers.route(0, `/${section}.xml`, (_request, response) => response.writeHead(302, { location: target }).end()) };
      }),
    );
    report = await workspace.run(undefined, undefined, { timeoutMs: 500 });
  });

  it('waits out one timeout, not one per feed: the feeds sent on to the silent host are not asked either, and it says where they would have gone', () => {
    expect(publishers.requests.map((request) => request.path)).toEqual(['/politics.xml', '/politics.xml']);
    const [origin, target] = publishers.hosts;
    expect(report.sources.map((source) => [source.id, source.result, source.notAskedBecause])).toEqual([
      ['politics', 'failed', undefined],
      ...sections.slice(1).map((section) => [section, 'not-asked', `${origin} sent http://${origin}/politics.xml on to ${target}, which did not answer http://${target}/politics.xml in this run (timed out)`]),
    ]);
  });
});

describe('a host that hangs on the first of its feeds at two runs in a row', () => {
  const { publishers, workspace } = servedWorkspace();
  const reports: RunReport[] = [];
  const sections = ['politics', 'sport', 'culture'];

  beforeAll(async () => {
    workspace.writeSources(sections.map((section, index) => ({ id: section, feed: publishers.route(0, `/${section}.xml`, index ? rssRoute(twoStoryFeed(`${section}.example`)) : () => {}) })));
    for (const time of ['12:00', '12:30']) reports.push(await workspace.run(new Date(`2026-12-01T${time}:00Z`), undefined, { timeoutMs: 500 }));
  });

  it('asks the feed failing last at the next run, so the feeds it kept unasked are read before it is tried again', () => {
    expect(reports[0]!.sources.map((source) => source.result)).toEqual(['failed', 'not-asked', 'not-asked']);
    expect(publishers.requests.map((request) => request.path)).toEqual(['/politics.xml', '/sport.xml', '/culture.xml', '/politics.xml']);
    expect(reports[1]!.sources.map((source) => [source.id, source.result, source.newItems.length])).toEqual([
      ['politics', 'failed', 0],
      ['sport', 'fetched', 2],
      ['culture', 'fetched', 2],
    ]);
  });
});
