/** The article pages' last changes and excerpts, read from the content folder for the sitemap (src/lib/output/sitemap.ts). */
import { articlePages, type ArticlePages } from '../lib/output/sitemap.ts';
import { loadArticles } from './article-files.ts';

export function loadArticlePages(contentDir: string, base: string): ArticlePages {
  // One file at a time: only the dates and paths are kept.
  const parsed = function* () {
    for (const article of loadArticles(contentDir)) yield article.result;
  };
  return articlePages(parsed(), base);
}
