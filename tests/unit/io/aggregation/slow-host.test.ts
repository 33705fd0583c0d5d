import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../../src/lib/aggregation/report.ts';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute, type Route } from '../../../helpers/feed-publishers.ts';

describe('a host that answers each of its six feeds just under the timeout, at two runs in a row', () => {
  const { publishers, workspace } = servedWorkspace(2);
  const reports: RunReport[] = [];
  const sections = ['politics', 'sport', 'culture', 'science', 'travel', 'weather'];
  // Each feed whole, but only after three quarters of the 2 s timeout: four such feeds take the host's three timeouts,
  // with half a second to spare on each and a second and a half before the fourth, however busy the machine.
  const slow = (section: string): Route => (request, response) => {
    const timer = setTimeout(() => rssRoute(twoStoryFeed(`${section}.example`))(request, response), 1500);
    response.on('close', () => clearTimeout(timer));
  };

  beforeAll(async () => {
    workspace.writeSources([
      ...sections.map((section) => ({ id: section, feed: publishers.route(0, `/${section}.xml`, slow(section)) })),
      { id: 'elsewhere', feed: publishers.route(1, '/feed.xml', rssRoute(twoStoryFeed('elsewhere.example'))) },
    ]);
    for (const time of ['12:00', '12:30']) reports.push(await workspace.run(new Date(`2026-12-01T${time}:00Z`), undefined, { timeoutMs: 2000 }));
  });

  const pathsAsked = () => publishers.requests.filter((request) => request.host === publishers.hosts[0]).map((request) => request.path);

  it('reads the host’s feeds until it has had three timeouts’ worth, says why the rest were not asked, and still reads the other host’s feed', () => {
    expect(pathsAsked().slice(0, 4)).toEqual(['/politics.xml', '/sport.xml', '/culture.xml', '/science.xml']);
    const [first] = reports;
    expect(first!.sources.map((source) => [source.id, source.result, source.newItems.length])).toEqual([
      ...sections.slice(0, 4).map((section) => [section, 'fetched', 2]),
      ['travel', 'not-asked', 0],
      ['weather', 'not-asked', 0],
      ['elsewhere', 'fetched', 2],
    ]);
    for (const source of first!.sources.slice(4, 6)) {
      expect(source.notAskedBecause).toMatch(/^127\.0\.0\.1:\d+ had its 6 s in this run \(3 timeouts' worth\) reading its other feeds$/);
    }
  });

  it('asks the feeds left unasked first at the next run, and leaves unasked those it read longest ago, so each is read in turn', () => {
    expect(pathsAsked().slice(4)).toEqual(['/travel.xml', '/weather.xml', '/politics.xml', '/sport.xml']);
    expect(reports[1]!.sources.filter((source) => source.result === 'not-asked').map((source) => source.id)).toEqual(['culture', 'science']);
    expect(reports[1]!.sources.filter((source) => source.newItems.length).map((source) => source.id)).toEqual(['travel', 'weather']);
  });

  it('counts no failure against the feeds not asked: they only note since when they have been left unasked', () => {
    const { sources } = JSON.parse(readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8'));
    for (const section of ['culture', 'science']) expect(sources[section]).toMatchObject({ consecutiveFailures: 0, notAskedSince: '2026-12-01T12:30:00Z' });
    for (const section of ['politics', 'sport', 'travel', 'weather']) {
      expect(sources[section]).toMatchObject({ consecutiveFailures: 0 });
      expect(sources[section]).not.toHaveProperty('notAskedSince');
    }
  });
});
