/** RSS 2.0 documents for the aggregation benchmark and tests: a publisher's feed made from plain values. */
import { generateCorpus } from './corpus.ts';

export interface FeedItem {
  title: string;
  link: string;
  guid?: string;
  /** HTML, escaped into the feed as text. */
  description?: string;
  /** HTML for content:encoded. */
  content?: string;
  publishedAt: Date;
  categories?: string[];
}

export interface FeedChannel {
  title: string;
  link: string;
  items: readonly FeedItem[];
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function rssDocument(channel: FeedChannel): string {
  const items = channel.items.map((item) =>
    [
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${escapeXml(item.link)}</link>`,
      item.guid ? `<guid isPermaLink="false">${escapeXml(item.guid)}</guid>` : '',
      item.description ? `<description>${escapeXml(item.description)}</description>` : '',
      item.content ? `<content:encoded>${escapeXml(item.content)}</content:encoded>` : '',
      `<pubDate>${item.publishedAt.toUTCString()}</pubDate>`,
      ...(item.categories ?? []).map((category) => `<category>${escapeXml(category)}</category>`),
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    `<channel><title>${escapeXml(channel.title)}</title><link>${escapeXml(channel.link)}</link><description>${escapeXml(channel.title)}</description>`,
    ...items,
    '</channel></rss>',
    '',
  ].join('\n');
}

/** A source's feed for the benchmark: `count` distinct technology stories with summaries, newest first. */
export function syntheticFeed(sourceIndex: number, count: number, origin: string, now: Date): string {
  const stories = generateCorpus({ count, seed: 10_000 + sourceIndex, now });
  return rssDocument({
    title: `Source ${sourceIndex}`,
    link: `${origin}/`,
    items: stories.map((story) => ({
      title: story.title,
      link: `${origin}/source-${sourceIndex}/${story.slug}`,
      guid: `source-${sourceIndex}-${story.slug}`,
      description: `<p>${story.description}</p><p>${story.body.split('\n\n').find((paragraph) => /^[A-Z]/.test(paragraph)) ?? ''}</p>`,
      publishedAt: story.publishedAt,
      categories: story.tags.slice(0, 2),
    })),
  });
}
