/** The cards of a content folder's published articles, read from the article files themselves (no Astro needed). */
import { relative } from 'node:path';
import { articleCardJobs, type CardArticle, type CardSite } from '../../lib/cards/article-card.ts';
import type { CardJob } from '../../lib/cards/card-content.ts';
import { listArticleFiles, readArticleSource } from '../../lib/content/content-files.ts';
import { searchableArticle } from '../../lib/search/search-documents.ts';
import { buildFacetIndex } from '../../lib/site/facets.ts';

/** A file the checker rejects gives no card: the build stops on it anyway. */
export function loadArticleCardJobs(contentDir: string, now: Date, site: CardSite): CardJob[] {
  const articles: CardArticle[] = [];
  for (const path of listArticleFiles(contentDir)) {
    const article = searchableArticle(readArticleSource(path, relative(contentDir, path)), now);
    if (article) articles.push({ slug: article.slug, file: relative(process.cwd(), path), data: article.data });
  }
  // The kicker is the first tag as the site spells it, which depends on every published article's spelling.
  const tags = buildFacetIndex(articles.map((article) => ({ slug: article.slug, names: article.data.tags })), 'tag');
  return articleCardJobs(articles, tags, site);
}
