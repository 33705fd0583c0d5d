/** Cross-article checks: what no single file's schema can see (duplicate slugs, dangling related links, tag spellings). */
import { buildFacetIndex, facetKey, normalizeName } from './facets.ts';
import { unpublishedReason } from './publish.ts';

export interface Problem {
  /** Path of the article file, as the editor knows it (relative to the project). */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** Front-matter field, dotted for nested ones (source.url, related.1). */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface CheckedArticle {
  file: string;
  slug: string;
  data: { tags: readonly string[]; related: readonly string[]; draft: boolean; publishedAt: Date };
}

export function crossArticleProblems(articles: readonly CheckedArticle[], now: Date): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, CheckedArticle>();
  for (const article of articles) {
    const first = bySlug.get(article.slug);
    if (first) {
      problems.push({
        file: article.file,
        field: 'slug',
        severity: 'error',
        message: `slug "${article.slug}" is already used by ${first.file}; rename one file or set a different slug`,
      });
    } else {
      bySlug.set(article.slug, article);
    }
  }

  for (const article of articles) {
    article.data.related.forEach((slug, index) => {
      const target = bySlug.get(slug);
      const field = `related.${index}`;
      if (!target) {
        problems.push({ file: article.file, field, severity: 'error', message: `no article has the slug "${slug}"; check the spelling or remove it` });
        return;
      }
      if (target === article) {
        problems.push({ file: article.file, field, severity: 'error', message: `"${slug}" is this article itself; remove it` });
        return;
      }
      const reason = unpublishedReason(target.data, now);
      if (reason === 'draft') {
        problems.push({ file: article.file, field, severity: 'error', message: `"${slug}" (${target.file}) is a draft and would never be shown; publish it or remove it here` });
      } else if (reason === 'scheduled') {
        problems.push({ file: article.file, field, severity: 'warning', message: `"${slug}" (${target.file}) is scheduled for ${target.data.publishedAt.toISOString()}; it is left out until then` });
      }
    });
  }

  const tagIndex = buildFacetIndex(articles.map((article) => ({ slug: article.file, names: article.data.tags })), 'tag');
  for (const article of articles) {
    article.data.tags.forEach((name, index) => {
      const tag = tagIndex.byKey.get(facetKey(name));
      if (!tag || tag.spellings.length < 2 || normalizeName(name) === tag.name) return;
      problems.push({
        file: article.file,
        field: `tags.${index}`,
        severity: 'warning',
        message: `tag "${name}" is shown as "${tag.name}" (its most common spelling); write it that way to match`,
      });
    });
  }
  return problems;
}
