/** The content folder as the importer needs it: every article's slug, source URL and body, read by the one article parser. */
import { slugOfArticle, type ParseResult } from '../../content/article.ts';
import { articleSchema } from '../../content/schema.ts';
import type { ExistingArticle } from './plan-import.ts';

/** Files that fail to parse still reserve their slug, so an import never takes a name a broken file will want. */
export function toExistingArticles(articles: Iterable<{ file: string; result: ParseResult }>): ExistingArticle[] {
  return Array.from(articles, ({ file, result: parsed }): ExistingArticle => {
    if (!parsed.ok) return { file, slug: slugOfArticle(file, {}), body: '' };
    const { data, body } = parsed.article;
    const sourceField = data.source as { url?: unknown; name?: unknown; id?: unknown } | undefined;
    const result = articleSchema.safeParse(data);
    return {
      file,
      slug: slugOfArticle(file, data),
      sourceUrl: typeof sourceField?.url === 'string' ? sourceField.url : undefined,
      title: typeof data.title === 'string' ? data.title : undefined,
      source:
        typeof sourceField?.name === 'string'
          ? { name: sourceField.name, url: String(sourceField.url ?? ''), ...(typeof sourceField.id === 'string' ? { id: sourceField.id } : {}) }
          : undefined,
      body,
      data: result.success ? result.data : undefined,
    };
  });
}
