/** An article's lead picture as link previews, structured data and feed readers show it. */
import { getImage } from 'astro:assets';
import { FEED_LIMIT, type FeedImages } from './lib/output/feeds.ts';
import type { SocialImage } from './lib/output/seo.ts';
import type { Article } from './site.ts';

/**
 * One reasonably sized raster picture: a local one as a JPEG at most 1200 px wide, made for the purpose; a remote
 * one as it is. The image service makes no raster picture of an SVG, so such an article has none here. Made once per
 * article: its page and every feed listing it (its tags', its authors', its story's) ask for the same one. Keyed by
 * the article itself, so an article that `astro dev` reloads is asked of afresh.
 */
export function leadImageOf(article: Article): Promise<SocialImage | undefined> {
  let image = leadImages.get(article);
  if (image === undefined) leadImages.set(article, (image = renderedLeadImage(article)));
  return image;
}

const leadImages = new WeakMap<Article, Promise<SocialImage | undefined>>();

async function renderedLeadImage(article: Article): Promise<SocialImage | undefined> {
  const lead = article.data.image;
  if (!lead) return undefined;
  if (typeof lead.src === 'string') return { src: lead.src, alt: lead.alt };
  if (lead.src.format === 'svg') return undefined;
  const rendered = await getImage({ src: lead.src, width: Math.min(1200, lead.src.width), format: 'jpeg' });
  return { src: rendered.src, alt: lead.alt, width: Number(rendered.attributes.width), height: Number(rendered.attributes.height) };
}

/** The lead pictures of the articles a feed of `articles` lists (its first FEED_LIMIT), by slug. */
export async function feedImagesOf(articles: readonly Article[]): Promise<FeedImages> {
  const listed = articles.slice(0, FEED_LIMIT);
  const images = await Promise.all(listed.map(leadImageOf));
  return new Map(listed.flatMap((article, index) => (images[index] ? [[article.slug, images[index]] as const] : [])));
}
