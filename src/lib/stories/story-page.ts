/**
 * What a story's page says in the site's own words, and the plain text it gives search engines and link previews,
 * where the lead article's words are set apart from the site's as its `<title>` sets them (src/lib/site/page-title.ts).
 */
import { isolatedWords, type OwnWords } from '../site/page-title.ts';
import { listOfNames } from './story-listing.ts';

/**
 * "3 articles from 3 outlets (Meridian Wire, Breach Bulletin and Newsdesk) report this story."; a story an editor
 * made of one outlet's articles names it alone: "2 articles from Newsdesk report this story."
 */
export function storySummary(articleCount: number, outletNames: readonly string[]): string {
  const from = outletNames.length === 1 ? outletNames[0] : `${outletNames.length} outlets (${listOfNames(outletNames)})`;
  return `${articleCount} articles from ${from} report this story.`;
}

/** "3 articles from 3 outlets", "2 articles from 1 outlet": the size of a story, where its outlets are named nearby. */
export function storySize(articleCount: number, outletCount: number): string {
  return `${articleCount} articles from ${outletCount} ${outletCount === 1 ? 'outlet' : 'outlets'}`;
}

/**
 * The page's description (meta description, link previews): the lead's dek, then the summary. A dek in a language
 * running the other way from the site's is isolated, so that the summary after it keeps its own order.
 */
export function storyDescription(dek: string, dekWords: OwnWords | undefined, summary: string): string {
  return `${isolatedWords(dek, dekWords)} ${summary}`;
}
