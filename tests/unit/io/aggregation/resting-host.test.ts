import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed, type ServedWorkspace } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute, type Route } from '../../../helpers/feed-publishers.ts';

interface SavedState {
  sources: Record<string, { consecutiveFailures: number }>;
  hosts?: Record<string, { until: string; status: number; answered: string; at: string }>;
}

const sections = ['politics', 'sport', 'culture'];

/**
 * Three feeds on the first host, which answers `status` with `retryAfter` while `down()` says so and serves them
 * after; one feed on the second host. Runs the aggregator at each of `times` on 2026-12-01 (or the instant given).
 */
async function runOutage({ publishers, workspace }: ServedWorkspace, status: number, retryAfter: string, down: (run: number) => boolean, times: readonly string[]) {
  const reports: RunReport[] = [];
  const states: SavedState[] = [];
  const asked: string[][] = [];
  const route = (section: string): Route => (request, response) => {
    if (down(reports.length)) return response.writeHead(status, { 'retry-after': retryAfter }).end();
    rssRoute(twoStoryFeed(`${section}.example`))(request, response);
  };
  workspace.writeSources([
    ...sections.map((section) => ({ id: section, feed: publishers.route(0, `/${section}.xml`, route(section)) })),
    { id: 'elsewhere', feed: publishers.route(1, '/feed.xml', rssRoute(twoStoryFeed('elsewhere.example'))) },
  ]);
  for (const time of times) {
    const before = publishers.requests.length;
    reports.push(await workspace.run(new Date(time.includes('T') ? time : `2026-12-01T${time}:00Z`)));
    states.push(JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')));
    asked.push(publishers.requests.slice(before).filter((request) => request.host === publishers.hosts[0]).map((request) => request.path));
  }
  return { reports, states, asked };
}

const failures = (state: SavedState) => Object.entries(state.sources).map(([id, source]) => [id, source.consecutiveFailures]);

describe.each([429, 503])('a host that answers %i with Retry-After: 3600 for more than an hour', (status) => {
  const served = servedWorkspace(2);
  let outage: Awaited<ReturnType<typeof runOutage>>;
  const host = () => served.publishers.hosts[0]!;

  beforeAll(async () => {
    outage = await runOutage(served, status, '3600', (run) => run < 3, ['12:00', '12:30', '12:59', '13:00']);
  });

  it('is remembered in the state with the instant it named', () => {
    expect(outage.states[0]!.hosts).toEqual({ [host()]: { until: '2026-12-01T13:00:00Z', status, answered: `http://${host()}/politics.xml`, at: '2026-12-01T12:00:00Z' } });
  });

  it('is not asked for any of its feeds before that instant, and counts no failure for them', () => {
    expect(outage.asked.slice(0, 3)).toEqual([['/politics.xml'], [], []]);
    for (const report of outage.reports.slice(1, 3)) {
      expect(report.sources.map((source) => [source.id, source.result])).toEqual([
        ['politics', 'backing-off'],
        ['sport', 'not-asked'],
        ['culture', 'not-asked'],
        ['elsewhere', 'not-modified'],
      ]);
      expect(report.sources[1]!.notAskedBecause).toBe(`${host()} answered http://${host()}/politics.xml with ${status} at 2026-12-01T12:00:00Z and asked not to be asked again before 2026-12-01T13:00:00Z (Retry-After)`);
    }
    expect(failures(outage.states[2]!)).toEqual([
      ['culture', 0],
      ['elsewhere', 0],
      ['politics', 1],
      ['sport', 0],
    ]);
  });

  it('is asked again from that instant, and forgotten once its feeds are read', () => {
    expect(outage.asked[3]).toEqual(['/sport.xml', '/culture.xml', '/politics.xml']);
    expect(outage.reports[3]!.sources.map((source) => source.result)).toEqual(['fetched', 'fetched', 'fetched', 'not-modified']);
    expect(outage.states[3]!.hosts).toBeUndefined();
  });
});

describe('a host whose Retry-After names an instant weeks away', () => {
  const served = servedWorkspace(2);
  let outage: Awaited<ReturnType<typeof runOutage>>;

  beforeAll(async () => {
    outage = await runOutage(served, 503, 'Fri, 01 Jan 2027 00:00:00 GMT', (run) => run < 1, ['12:00', '2026-12-02T11:59:00Z', '2026-12-02T12:00:00Z']);
  });

  it('rests a day at most: its other feeds are asked again a day later', () => {
    expect(outage.states[0]!.hosts?.[served.publishers.hosts[0]!]?.until).toBe('2026-12-02T12:00:00Z');
    expect(outage.asked).toEqual([['/politics.xml'], [], ['/sport.xml', '/culture.xml']]);
    expect(outage.reports[2]!.sources.map((source) => [source.id, source.result])).toEqual([
      ['politics', 'backing-off'],
      ['sport', 'fetched'],
      ['culture', 'fetched'],
      ['elsewhere', 'not-modified'],
    ]);
  });
});
