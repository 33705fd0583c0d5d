/** Every card of the site: one per recent published article and one per story, grouped as the site index groups them. */
import type { Source } from '../aggregation/registry.ts';
import type { Listing } from '../content/article-listing.ts';
import { buildFacetIndex } from '../site/facets.ts';
import { buildSourceIndex } from '../site/sources.ts';
import { siteStories } from '../stories/site-stories.ts';
import { articleCardJobs, headlineDirectionOf, type CardSite } from './article-card.ts';
import { newestWithCards } from './newest-with-cards.ts';
import type { CardJob } from './card-content.ts';
import { storyCardContent, storyCardFile } from './story-card.ts';

export interface CardSiteOptions extends CardSite {
  /** siteConfig.cardArticles: how many of the newest articles get a card. */
  cardArticles: number;
}

/**
 * The cards of the listing's published articles (the newest `site.cardArticles`) and of its stories. Outlets are
 * named as the pages name them: by the `registry` source each article is listed under, else by its front matter.
 */
export function siteCardJobs({ articles, stories }: Listing, registry: readonly Source[], site: CardSiteOptions): CardJob[] {
  // The kicker and byline are spelt as the site spells them, which depends on every published article's spelling.
  const tags = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.tags })), 'tag');
  const authors = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.authors })), 'author');
  const { sourceOf } = buildSourceIndex(registry, articles);
  const credited = articles.map((article) => ({ ...article, sourcePage: sourceOf.get(article.slug) }));
  const storyJobs = siteStories(stories, new Map(credited.map((article) => [article.slug, article]))).map(
    ({ slug, lead, outlets, updatedAt }): CardJob => ({
      file: storyCardFile(slug),
      content: storyCardContent({ headline: lead.data.title, headlineDirection: headlineDirectionOf(lead.data.lang), outlets, updatedAt }, site),
      source: lead.file,
    }),
  );
  const withCards = newestWithCards(articles, site.cardArticles);
  return [...articleCardJobs(credited.filter((article) => withCards.has(article.slug)), { tags, authors }, site), ...storyJobs];
}
