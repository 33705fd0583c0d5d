/** An article's social card: its headline, section tag, byline or source, and date. */
import { facetKey, type FacetIndex } from '../site/facets.ts';
import { listOfNames } from '../stories/story-listing.ts';
import type { CardContent, CardJob } from './card-content.ts';

export interface CardArticle {
  slug: string;
  /** Project-relative source path, for messages. */
  file: string;
  data: {
    title: string;
    publishedAt: Date;
    authors: readonly string[];
    tags: readonly string[];
    source?: { name: string };
  };
}

export interface CardSite {
  siteName: string;
  /** The date as pages show it. */
  formatDate(date: Date): string;
}

/** `tags` gives the kicker its site-wide spelling (the tag index's display name), as the article page shows it. */
export function articleCardContent(article: CardArticle, tags: FacetIndex, site: CardSite): CardContent {
  const { data } = article;
  const kicker = data.tags[0] === undefined ? undefined : (tags.byKey.get(facetKey(data.tags[0]))?.name ?? data.tags[0]);
  const credit = data.authors.length > 0 ? `By ${listOfNames(data.authors)}` : data.source ? `via ${data.source.name}` : undefined;
  return { headline: data.title, kicker, credit, date: site.formatDate(data.publishedAt), siteName: site.siteName };
}

/** The card file of an article, as paths.card(slug) links it. */
function articleCardFile(slug: string): string {
  return `${slug}.png`;
}

export function articleCardJobs(articles: readonly CardArticle[], tags: FacetIndex, site: CardSite): CardJob[] {
  return articles.map((article) => ({ file: articleCardFile(article.slug), content: articleCardContent(article, tags, site), source: article.file }));
}
