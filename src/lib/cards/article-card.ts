/** An article's social card: its headline, section tag, byline or source, and date. */
import { textDirection } from '../content/language.ts';
import { facetName, type FacetIndex } from '../site/facets.ts';
import type { ArticleSource } from '../stories/outlet.ts';
import { listOfNames, outletName } from '../stories/story-listing.ts';
import type { CardContent, CardJob } from './card-content.ts';
import { articleDate, type ArticleDate, type DatedData } from '../content/written-dates.ts';

export interface CardArticle {
  slug: string;
  /** Project-relative source path, for messages. */
  file: string;
  data: {
    title: string;
    publishedAt: Date;
    dayAlone?: DatedData['dayAlone'];
    authors: readonly string[];
    tags: readonly string[];
    source?: ArticleSource;
    /** The article's language (BCP 47), when it gives one. */
    lang?: string;
  };
  /** The registry source it is listed under (src/lib/site/sources.ts), whose name its page credits. */
  sourcePage?: { name: string };
}

export interface CardSite {
  siteName: string;
  /** The date as pages show it. */
  formatDate(date: ArticleDate): string;
}

/** The site's tag and author indexes. */
export interface CardFacets {
  tags: FacetIndex;
  authors: FacetIndex;
}

/**
 * The direction a card states for a headline in `lang`: right to left for a language that runs so; none otherwise,
 * where the headline's first letter decides, as for a headline whose language is not given.
 */
export function headlineDirectionOf(lang: string | undefined): 'rtl' | undefined {
  return lang !== undefined && textDirection(lang) === 'rtl' ? 'rtl' : undefined;
}

/**
 * `facets` give the kicker and byline their site-wide spellings (the indexes' display names), and the credit names
 * the outlet, as the article page shows them.
 */
export function articleCardContent(article: CardArticle, facets: CardFacets, site: CardSite): CardContent {
  const { data } = article;
  const kicker = data.tags[0] === undefined ? undefined : facetName(facets.tags, data.tags[0]);
  const authors = data.authors.map((author) => facetName(facets.authors, author));
  const credit = authors.length > 0 ? `By ${listOfNames(authors)}` : data.source ? `via ${outletName(article, site.siteName)}` : undefined;
  const headlineDirection = headlineDirectionOf(data.lang);
  return { headline: data.title, ...(headlineDirection && { headlineDirection }), kicker, credit, date: site.formatDate(articleDate(data, 'publishedAt')), siteName: site.siteName };
}

/** The card file of an article, as paths.card(slug) links it. */
function articleCardFile(slug: string): string {
  return `${slug}.png`;
}

export function articleCardJobs(articles: readonly CardArticle[], facets: CardFacets, site: CardSite): CardJob[] {
  return articles.map((article) => ({ file: articleCardFile(article.slug), content: articleCardContent(article, facets, site), source: article.file }));
}
