import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { servedWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { rssRoute } from '../../../helpers/feed-publishers.ts';

const googleNews = readFileSync(new URL('../../../fixtures/feeds/publishers/google-news.xml', import.meta.url), 'utf8');

describe('a Google News feed followed in the registry', () => {
  const { publishers, workspace } = servedWorkspace(3);
  const files = (sourceId: string) => {
    const folder = join(workspace.folder, 'articles', 'aggregated', sourceId);
    return readdirSync(folder).sort().map((name) => readFileSync(join(folder, name), 'utf8'));
  };

  beforeAll(async () => {
    const googleUrl = publishers.route(0, '/rss/search', rssRoute(googleNews));
    const portUrl = publishers.route(1, '/feed.xml', rssRoute(twoStoryFeed('port.example')));
    // Some feeds cite themselves in every item's <source>.
    const selfCiting = twoStoryFeed('quay.example').replaceAll('</item>', '<source url="https://www.quay.example/feed.xml">Quay Wire (all stories)</source></item>');
    const quayUrl = publishers.route(2, '/feed.xml', rssRoute(selfCiting));
    writeFileSync(join(workspace.folder, 'sources.yaml'), `- id: google-news\n  name: Google News\n  feed: ${googleUrl}\n- id: port\n  name: Port Wire\n  feed: ${portUrl}\n- id: quay\n  name: Quay Wire\n  feed: ${quayUrl}\n`);
    await workspace.run(new Date('2026-12-03T12:00:00Z'));
  });

  it('credits each item to the outlet it names, as npm run import does, not to Google News', () => {
    const written = files('google-news');
    expect(written).toHaveLength(2);
    const reuters = written.find((file) => file.includes('title: "Grid batteries cover Texas\'s evening peak for the first time"'))!;
    expect(reuters).toContain('\nsource:\n  name: "Reuters"\n  url: "https://news.google.com/rss/articles/CBMiqAFBVV95cUxNbE9QZ2tKd3p4?oc=5"\n  excerpt: true\n');
    const verge = written.find((file) => file.includes('title: "Why home batteries are getting cheaper"'))!;
    expect(verge).toContain('\nsource:\n  name: "The Verge"\n');
    for (const file of written) expect(file).not.toContain('Google News');
  });

  it('still credits an item that names no outlet to its registry source, by id', () => {
    for (const file of files('port')) expect(file).toMatch(/\nsource:\n {2}id: "port"\n {2}name: "Port Wire"\n/);
  });

  it("credits an item whose <source> is its own feed's site to its registry source, by id", () => {
    const written = files('quay');
    expect(written).toHaveLength(2);
    for (const file of written) expect(file).toMatch(/\nsource:\n {2}id: "quay"\n {2}name: "Quay Wire"\n/);
  });
});
