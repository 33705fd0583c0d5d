/** The articles' last changes by page path, read from the content folder for the sitemap (src/lib/output/sitemap.ts). */
import { lastModifiedByPath } from '../lib/output/sitemap.ts';
import { loadArticles } from './article-files.ts';

export function loadLastModifiedByPath(contentDir: string, base: string): Map<string, Date> {
  // One file at a time: only the dates are kept.
  const parsed = function* () {
    for (const article of loadArticles(contentDir)) yield article.result;
  };
  return lastModifiedByPath(parsed(), base);
}
