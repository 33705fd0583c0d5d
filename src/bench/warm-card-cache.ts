/**
 * A warm social card cache for a corpus, as a deploy that keeps its cache between runs has: one real card drawn,
 * every other card a hard link to it, so the card step still plans, looks up and places every card but draws none.
 */
import { copyFileSync, linkSync, mkdirSync } from 'node:fs';
import { cardCacheFile, writeCachedCard } from '../io/cards/card-cache.ts';
import { loadFontCatalogue } from '../io/cards/font-catalogue.ts';
import { createCardRenderer } from '../io/cards/render-card.ts';
import { listingOf } from '../io/article-listing.ts';
import { displayPath } from '../io/display-path.ts';
import { readSourcesFile } from '../io/read-sources.ts';
import { cardKey } from '../lib/cards/card-content.ts';
import { siteCardJobs } from '../lib/cards/site-card-jobs.ts';
import { createDateFormatter } from '../lib/site/dates.ts';
import { siteConfig } from '../site.config.ts';
import { settings } from '../settings.ts';

/**
 * Links per copy of the card: well under the file system's limit on links to one file (65,000 on ext4), leaving
 * room for the links each build then makes from its output into the cache.
 */
const LINKS_PER_COPY = 5000;

/** Fills `cache` with a card for every article and story of `content`; returns how many cards it holds. */
export async function warmCardCache(content: string, cache: string, now: Date): Promise<number> {
  mkdirSync(cache, { recursive: true });
  const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
  const site = { siteName: siteConfig.name, formatDate: dates.date, cardArticles: siteConfig.cardArticles };
  // The registry the build reads, so that each card credits its outlet as the build's does.
  const registry = readSourcesFile(settings.sourcesFile, displayPath(settings.sourcesFile)).sources;
  const jobs = siteCardJobs(listingOf(undefined, content, now, siteConfig.storyWindowHours), registry, site);
  if (jobs.length === 0) return 0;
  const [first, ...others] = [...new Set(jobs.map((job) => cardKey(job.content)))];
  writeCachedCard(cache, first!, (await createCardRenderer(loadFontCatalogue()).render(jobs[0]!.content)).png);
  let original = cardCacheFile(cache, first!);
  others.forEach((key, index) => {
    const file = cardCacheFile(cache, key);
    if ((index + 1) % LINKS_PER_COPY === 0) {
      copyFileSync(original, file);
      original = file;
    } else linkSync(original, file);
  });
  return others.length + 1;
}
