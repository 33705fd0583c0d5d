import { parse as parseHtml } from 'node-html-parser';
import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  escapeXml,
  facetFeedScope,
  FEED_LIMIT,
  feedContext,
  jsonFeed,
  rssFeed,
  siteFeedScope,
  type FeedArticle,
  type FeedImages,
} from '../../../src/lib/output/feeds.ts';
import { createPaths } from '../../../src/lib/site/paths.ts';
import { lastModified } from '../../../src/lib/content/last-modified.ts';

const config = { name: 'Newsdesk', description: 'Technology coverage.', lang: 'en', logo: 'logo.png', favicon: 'favicon.svg' };
const paths = createPaths('/desk/');
const context = feedContext('https://news.example.org', paths, config);

function article(slug: string, overrides: Partial<FeedArticle['data']> = {}, extra: Partial<FeedArticle> = {}): FeedArticle {
  return {
    slug,
    data: { title: `Title of ${slug}`, description: `Dek of ${slug}.`, publishedAt: new Date('2026-11-01T09:00:00Z'), ...overrides },
    tags: [{ name: 'AI', slug: 'ai' }],
    authors: [{ name: 'Mariko Tanaka', slug: 'mariko-tanaka' }],
    ...extra,
  };
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'category', 'dc:creator', 'media:content'].includes(name) });
async function renderRss(articles: FeedArticle[], scope = siteFeedScope(paths, config, 'rss'), images: FeedImages = new Map()) {
  const xml = await getRssString(rssFeed(articles, context, scope, images));
  expect(XMLValidator.validate(xml)).toBe(true);
  return { xml, rss: parser.parse(xml).rss };
}

describe('the RSS feed', () => {
  it('names the language of an item written in another one than the feed (Dublin Core), and of no other item', async () => {
    const { rss } = await renderRss([article('arabic', { lang: 'ar' }), article('british', { lang: 'en-GB' }), article('plain')]);
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss.channel.item.map((item: Record<string, unknown>) => item['dc:language'])).toEqual(['ar', undefined, undefined]);
    expect(rss.channel.item[0]['dc:creator']).toEqual(['Mariko Tanaka']);
  });

  it('describes the channel with absolute URLs under the base path', async () => {
    const { rss } = await renderRss([article('one')]);
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('Newsdesk');
    expect(rss.channel.link).toBe('https://news.example.org/desk/');
    expect(rss.channel.language).toBe('en');
    expect(rss.channel['atom:link']['@_href']).toBe('https://news.example.org/desk/rss.xml');
    expect(rss.channel['atom:link']['@_rel']).toBe('self');
    expect(rss.channel.image.url).toBe('https://news.example.org/desk/logo.png');
  });

  it('gives each item its headline, permalink guid, date, dek, tags and bylines', async () => {
    const { rss } = await renderRss([
      article('one', {}, { tags: [{ name: 'AI', slug: 'ai' }, { name: 'Policy', slug: 'policy' }], authors: [{ name: 'A', slug: 'a' }, { name: 'B', slug: 'b' }] }),
    ]);
    const [item] = rss.channel.item;
    expect(item.title).toBe('Title of one');
    expect(item.link).toBe('https://news.example.org/desk/articles/one/');
    expect(item.guid['#text']).toBe(item.link);
    expect(item.guid['@_isPermaLink']).toBe('true');
    expect(new Date(item.pubDate).toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(item.description).toBe('Dek of one.');
    expect(item.category).toEqual(['AI', 'Policy']);
    expect(item['dc:creator']).toEqual(['A', 'B']);
    // RSS 2.0's <author> is an e-mail address; bylines are not.
    expect(item.author).toBeUndefined();
  });

  it('credits an unsigned aggregated item to its outlet, and an unsigned piece of our own to no one', async () => {
    const { rss } = await renderRss([article('wire', { source: { name: 'Example Wire', url: 'https://wire.example.com/story' } }, { authors: [] }), article('own', {}, { authors: [] })]);
    expect(rss.channel.item.map((item: Record<string, unknown>) => item['dc:creator'])).toEqual([['Example Wire'], undefined]);
  });

  it('names a followed outlet as its page does, by the registry’s name rather than the one the item was imported with', async () => {
    const source = { name: 'example wire (old name)', url: 'https://wire.example.com/story' };
    const { rss } = await renderRss([article('wire', { source }, { authors: [], sourcePage: { id: 'wire', name: 'Example Wire' } })]);
    expect(rss.channel.item[0]['dc:creator']).toEqual(['Example Wire']);
    const json = jsonFeed([article('wire', { source }, { authors: [], sourcePage: { id: 'wire', name: 'Example Wire' } })], context, siteFeedScope(paths, config, 'json'));
    expect(json.items[0]!.authors).toEqual([{ name: 'Example Wire', url: 'https://wire.example.com/story' }]);
  });

  it("gives feed readers an item's lead picture as Media RSS, absolute, with its size and alt text, hostile text escaped", async () => {
    const images: FeedImages = new Map([
      ['local', { src: '/desk/_astro/lead.Ab12.jpg', alt: 'Racks & "cables" </media:description>', width: 1200, height: 675 }],
      ['remote', { src: 'https://images.example.com/lead.jpg?w=1&h=2', alt: 'Documents' }],
    ]);
    const { rss } = await renderRss([article('local'), article('remote'), article('none')], undefined, images);
    expect(rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const [local, remote, none] = rss.channel.item.map((item: Record<string, unknown>) => item['media:content']);
    expect(local).toEqual([
      { '@_url': 'https://news.example.org/desk/_astro/lead.Ab12.jpg', '@_medium': 'image', '@_width': '1200', '@_height': '675', 'media:description': { '#text': 'Racks & "cables" </media:description>', '@_type': 'plain' } },
    ]);
    expect(remote).toEqual([{ '@_url': 'https://images.example.com/lead.jpg?w=1&h=2', '@_medium': 'image', 'media:description': { '#text': 'Documents', '@_type': 'plain' } }]);
    expect(none).toBeUndefined();
  });

  it('keeps the articles in the order given and stops at the feed limit', async () => {
    const many = Array.from({ length: FEED_LIMIT + 5 }, (_, index) => article(`a${index}`));
    const { rss } = await renderRss(many);
    expect(rss.channel.item).toHaveLength(FEED_LIMIT);
    expect(rss.channel.item[0].link).toBe('https://news.example.org/desk/articles/a0/');
    expect(rss.channel.item.at(-1).link).toBe(`https://news.example.org/desk/articles/a${FEED_LIMIT - 1}/`);
  });

  it('dates the channel by its newest change, so an unchanged site rebuilds the same feed', async () => {
    const { rss } = await renderRss([
      article('old', { publishedAt: new Date('2026-10-01T00:00:00Z'), updatedAt: new Date('2026-11-20T12:00:00Z') }),
      article('new', { publishedAt: new Date('2026-11-10T00:00:00Z') }),
    ]);
    expect(new Date(rss.channel.lastBuildDate).toISOString()).toBe('2026-11-20T12:00:00.000Z');
  });

  it('escapes markup in headlines, deks, tags and names instead of letting it through', async () => {
    const hostile = '</title><script>alert(1)</script> & "quotes"';
    const { xml, rss } = await renderRss([
      article('hostile', { title: hostile, description: `<b>${hostile}</b>` }, { tags: [{ name: 'R&D <x>', slug: 'r-d' }], authors: [{ name: 'Smith & <Sons>', slug: 's' }] }),
    ]);
    expect(xml).not.toContain('<script>');
    const [item] = rss.channel.item;
    expect(item.title).toBe(hostile);
    // Readers render <description> as HTML: what they show must be the dek's own characters, markup and all.
    const shown = parseHtml(item.description);
    expect(shown.querySelectorAll('b, script')).toHaveLength(0);
    expect(shown.textContent).toBe(`<b>${hostile}</b>`);
    expect(item.category).toEqual(['R&D <x>']);
    expect(item['dc:creator']).toEqual(['Smith & <Sons>']);
  });

  it("keeps a dek's quotes as they are, for readers that show the description as plain text", async () => {
    const { rss } = await renderRss([article('quotes', { description: `Monday's "outage" & <b>` })]);
    expect(rss.channel.item[0].description).toBe(`Monday's "outage" &amp; &lt;b&gt;`);
  });

  it.each([
    ['tag', { name: 'AI & ML', slug: 'ai-ml' }, 'The latest Newsdesk articles tagged AI & ML.', 'tags/ai-ml/'],
    ['author', { name: 'Smith & <Sons>', slug: 'smith-sons' }, 'The latest Newsdesk articles by Smith & <Sons>.', 'authors/smith-sons/'],
    ['source', { name: 'Chipwire', slug: 'chipwire' }, 'The latest Newsdesk coverage from Chipwire.', 'sources/chipwire/'],
  ] as const)('scopes the %s feed to its listing page and its own URL', async (kind, facet, description, page) => {
    const { rss } = await renderRss([article('one')], facetFeedScope(paths, config, kind, facet));
    expect(rss.channel.title).toBe(`Newsdesk: ${facet.name}`);
    expect(rss.channel.description).toBe(description);
    expect(rss.channel.link).toBe(`https://news.example.org/desk/${page}`);
    expect(rss.channel['atom:link']['@_href']).toBe(`https://news.example.org/desk/${page}rss.xml`);
  });

  it('is an empty but valid channel when nothing is published', async () => {
    const { rss } = await renderRss([]);
    expect(rss.channel.item ?? []).toEqual([]);
    expect(rss.channel.lastBuildDate).toBeUndefined();
  });
});

describe('the JSON Feed', () => {
  const feed = jsonFeed(
    [
      article('updated', { updatedAt: new Date('2026-11-05T10:00:00Z'), source: { name: 'Example Times', url: 'https://example.com/story' } }),
      article('anonymous', {}, { authors: [] }),
      article('wire', { source: { name: 'Example Wire', url: 'https://wire.example.com/story' } }, { authors: [] }),
    ],
    context,
    siteFeedScope(paths, config, 'json'),
  );

  it('has the JSON Feed 1.1 top-level fields with absolute URLs', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Newsdesk');
    expect(feed.home_page_url).toBe('https://news.example.org/desk/');
    expect(feed.feed_url).toBe('https://news.example.org/desk/feed.json');
    expect(feed.icon).toBe('https://news.example.org/desk/logo.png');
    expect(feed.favicon).toBe('https://news.example.org/desk/favicon.svg');
    expect(feed.language).toBe('en');
  });

  it('gives every item an id, a URL, a title, text and an RFC 3339 date', () => {
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.url).toMatch(/^https:\/\/news\.example\.org\/desk\/articles\/[a-z]+\/$/);
      expect(item.title).toBeTruthy();
      // The spec requires content_html or content_text on every item.
      expect(item.content_text).toBeTruthy();
      expect(new Date(item.date_published).toISOString()).toBe(item.date_published);
    }
  });

  it('links the original story, dates the update and credits authors with their pages', () => {
    const [updated, anonymous] = feed.items;
    expect(updated!.external_url).toBe('https://example.com/story');
    expect(updated!.date_modified).toBe('2026-11-05T10:00:00.000Z');
    expect(updated!.authors).toEqual([{ name: 'Mariko Tanaka', url: 'https://news.example.org/desk/authors/mariko-tanaka/' }]);
    expect(updated!.tags).toEqual(['AI']);
    expect(anonymous!.authors).toBeUndefined();
    expect(anonymous!.date_modified).toBeUndefined();
  });

  it('credits an unsigned aggregated piece to its outlet, not to the site the feed would name for it', () => {
    const wire = feed.items.find((item) => item.url.endsWith('/wire/'))!;
    expect(wire.authors).toEqual([{ name: 'Example Wire', url: 'https://wire.example.com/story' }]);
  });

  it('names the language of an item written in another one than the feed, and of no other item', () => {
    const items = jsonFeed([article('arabic', { lang: 'ar' }), article('british', { lang: 'en-GB' }), article('plain')], context, siteFeedScope(paths, config, 'json')).items;
    expect(items.map((item) => item.language)).toEqual(['ar', undefined, undefined]);
  });

  it("gives an item its lead picture's absolute URL, and an item without one none", () => {
    const images: FeedImages = new Map([
      ['local', { src: '/desk/_astro/lead.Ab12.jpg', alt: 'Racks', width: 1200, height: 675 }],
      ['remote', { src: 'https://images.example.com/lead.jpg', alt: 'Documents' }],
    ]);
    const items = jsonFeed([article('local'), article('remote'), article('none')], context, siteFeedScope(paths, config, 'json'), images).items;
    expect(items.map((item) => item.image)).toEqual(['https://news.example.org/desk/_astro/lead.Ab12.jpg', 'https://images.example.com/lead.jpg', undefined]);
  });

  it('survives JSON round trips unchanged, hostile text included', () => {
    const hostile = jsonFeed([article('x', { title: '</script>\u2028"&' })], context, siteFeedScope(paths, config, 'json'));
    expect(JSON.parse(JSON.stringify(hostile))).toEqual(hostile);
    expect(hostile.items[0]!.title).toBe('</script>\u2028"&');
  });
});

describe('helpers', () => {
  it('an article was last modified when updated, else when published', () => {
    expect(lastModified(article('a').data).toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(lastModified(article('a', { updatedAt: new Date('2026-11-02T00:00:00Z') }).data).toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });

  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
