/** The article and story pages’ last changes and the pages whose canonical URL is elsewhere, read from the content folder for the sitemap (src/lib/output/sitemap.ts). */
import { articlePages, type ArticlePages, type StoryPagesOptions } from '../lib/output/sitemap.ts';
import { loadArticles } from './article-files.ts';

export function loadArticlePages(contentDir: string, base: string, stories: StoryPagesOptions): ArticlePages {
  // One file at a time: only the dates, paths and what story grouping reads are kept.
  const parsed = function* () {
    for (const article of loadArticles(contentDir)) yield article.result;
  };
  return articlePages(parsed(), base, stories);
}
