/** Two articles citing the same original story: usually one feed item imported twice. A warning, since a follow-up may cite it again. */
import { urlKey } from '../authoring/import/urls.ts';
import type { CheckedArticle } from './cross-article.ts';
import type { Problem } from './problems.ts';

/** One warning per article whose `source.url` another article also has (compared as the importer compares links). */
export function duplicateSourceProblems(articles: readonly CheckedArticle[]): Problem[] {
  const byKey = new Map<string, CheckedArticle[]>();
  for (const article of articles) {
    const key = urlKey(article.data.source?.url);
    // A publisher's home page is cited by many articles; only links to one story count.
    if (!key || !key.includes('/')) continue;
    const same = byKey.get(key);
    if (same) same.push(article);
    else byKey.set(key, [article]);
  }
  const problems: Problem[] = [];
  for (const same of byKey.values()) {
    if (same.length < 2) continue;
    for (const article of same) {
      problems.push({
        file: article.file,
        field: 'source.url',
        severity: 'warning',
        message: `the same original story is the source of ${same.filter((other) => other !== article).map((other) => other.file).join(' and ')}`,
        hint: 'keep one article per story (an import run twice writes it twice), or ignore this for a deliberate follow-up',
      });
    }
  }
  return problems;
}
