/** The content folder as the importer needs it: every article's slug, source URL and body, read the way the checker reads them. */
import { parseArticle, type ArticleSource } from '../../content/content-files.ts';
import { articleSchema, SLUG_PATTERN } from '../../content/schema.ts';
import { articleSlug } from '../../content/slug.ts';
import type { ExistingArticle } from './plan-import.ts';

/** Files that fail to parse still reserve their slug, so an import never takes a name a broken file will want. */
export function toExistingArticles(sources: readonly ArticleSource[]): ExistingArticle[] {
  return sources.map((source): ExistingArticle => {
    const parsed = parseArticle(source);
    if (!parsed.ok) return { file: source.file, slug: articleSlug(source.file), body: '' };
    const { data, body } = parsed.article;
    const slugField = typeof data.slug === 'string' && SLUG_PATTERN.test(data.slug.trim()) ? data.slug.trim() : undefined;
    const sourceField = data.source as { url?: unknown; name?: unknown; id?: unknown } | undefined;
    const result = articleSchema.safeParse(data);
    return {
      file: source.file,
      slug: articleSlug(source.file, slugField),
      sourceUrl: typeof sourceField?.url === 'string' ? sourceField.url : undefined,
      source:
        typeof sourceField?.name === 'string'
          ? { name: sourceField.name, url: String(sourceField.url ?? ''), ...(typeof sourceField.id === 'string' ? { id: sourceField.id } : {}) }
          : undefined,
      body,
      data: result.success ? result.data : undefined,
    };
  });
}
