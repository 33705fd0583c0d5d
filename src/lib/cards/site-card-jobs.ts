/** Every card of the site: one per recent published article and one per story, grouped as the site index groups them. */
import type { Listing } from '../content/article-listing.ts';
import { buildFacetIndex } from '../site/facets.ts';
import { articleCardJobs, headlineDirectionOf, type CardSite } from './article-card.ts';
import { newestWithCards } from './newest-with-cards.ts';
import type { CardJob } from './card-content.ts';
import { storyCardContent, storyCardFile } from './story-card.ts';

export interface CardSiteOptions extends CardSite {
  /** siteConfig.cardArticles: how many of the newest articles get a card. */
  cardArticles: number;
}

/** The cards of the listing's published articles (the newest `site.cardArticles`) and of its stories. */
export function siteCardJobs({ articles, stories }: Listing, site: CardSiteOptions): CardJob[] {
  // The kicker and byline are spelt as the site spells them, which depends on every published article's spelling.
  const tags = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.tags })), 'tag');
  const authors = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.authors })), 'author');
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const storyJobs = stories.map((story): CardJob => {
    const lead = bySlug.get(story.lead)!;
    const updatedAt = bySlug.get(story.articles.at(-1)!)!.data.publishedAt;
    return { file: storyCardFile(story.slug), content: storyCardContent({ headline: lead.data.title, headlineDirection: headlineDirectionOf(lead.data.lang), outlets: story.outlets, updatedAt }, site), source: lead.file };
  });
  const withCards = newestWithCards(articles, site.cardArticles);
  return [...articleCardJobs(articles.filter((article) => withCards.has(article.slug)), { tags, authors }, site), ...storyJobs];
}
