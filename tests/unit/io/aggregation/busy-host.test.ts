import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute, type Route } from '../../../helpers/feed-publishers.ts';

describe.each([
  [429, 'too many requests'],
  [503, 'unavailable'],
])('a host that answers the first of its three feeds %i, then serves them all', (status, meaning) => {
  const { publishers, workspace } = servedWorkspace(2);
  const reports: RunReport[] = [];
  const states: Array<Record<string, { consecutiveFailures: number }>> = [];
  const sections = ['politics', 'sport', 'culture'];

  beforeAll(async () => {
    let resting = true;
    const route = (section: string): Route => (request, response) => {
      if (resting) {
        resting = false;
        return response.writeHead(status, { 'retry-after': '120' }).end();
      }
      rssRoute(twoStoryFeed(`${section}.example`))(request, response);
    };
    workspace.writeSources([
      ...sections.map((section) => ({ id: section, feed: publishers.route(0, `/${section}.xml`, route(section)) })),
      { id: 'elsewhere', feed: publishers.route(1, '/feed.xml', rssRoute(twoStoryFeed('elsewhere.example'))) },
    ]);
    for (const time of ['12:00', '12:30']) {
      reports.push(await workspace.run(new Date(`2026-12-01T${time}:00Z`)));
      states.push(JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8')).sources);
    }
  });

  const pathsAsked = () => publishers.requests.filter((request) => request.host === publishers.hosts[0]).map((request) => request.path);

  it('asks it for no other feed in that run, saying why, and still reads the other host’s feed', () => {
    expect(pathsAsked().slice(0, 1)).toEqual(['/politics.xml']);
    expect(reports[0]!.sources.map((source) => [source.id, source.result])).toEqual([
      ['politics', 'failed'],
      ['sport', 'not-asked'],
      ['culture', 'not-asked'],
      ['elsewhere', 'fetched'],
    ]);
    expect(reports[0]!.sources[1]!.notAskedBecause).toBe(`${publishers.hosts[0]} answered http://${publishers.hosts[0]}/politics.xml with ${status} (${meaning}) in this run`);
  });

  it('counts the refusal against the feed refused only, and asks the others first at the next run', () => {
    expect(Object.entries(states[0]!).map(([id, state]) => [id, state.consecutiveFailures])).toEqual([
      ['culture', 0],
      ['elsewhere', 0],
      ['politics', 1],
      ['sport', 0],
    ]);
    expect(pathsAsked()).toEqual(['/politics.xml', '/sport.xml', '/culture.xml', '/politics.xml']);
    expect(reports[1]!.sources.map((source) => [source.id, source.result])).toEqual([
      ['politics', 'fetched'],
      ['sport', 'fetched'],
      ['culture', 'fetched'],
      ['elsewhere', 'not-modified'],
    ]);
    expect(Object.values(states[1]!).map((state) => state.consecutiveFailures)).toEqual([0, 0, 0, 0]);
  });
});
