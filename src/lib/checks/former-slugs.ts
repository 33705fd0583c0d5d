/** An article's former slugs: each becomes a page at that old address sending readers on to the article. */
import type { CheckedArticle } from './cross-article.ts';
import type { Problem } from './problems.ts';

/**
 * A former slug must be an address no article has now (its own page would be there) and that no other article
 * claims (one old address can send readers to one article).
 */
export function formerSlugProblems(articles: readonly CheckedArticle[], filesBySlug: ReadonlyMap<string, readonly CheckedArticle[]>): Problem[] {
  const problems: Problem[] = [];
  const claimedBy = new Map<string, CheckedArticle>();
  for (const article of articles) {
    (article.data.formerSlugs ?? []).forEach((slug, index) => {
      if (slug === undefined) return;
      const field = `formerSlugs.${index}`;
      const current = filesBySlug.get(slug)?.[0];
      const earlier = claimedBy.get(slug);
      if (current === article) {
        problems.push({ file: article.file, field, severity: 'error', message: `"${slug}" is this article's own slug`, hint: 'remove it: only slugs the article no longer has belong here' });
      } else if (current) {
        problems.push({ file: article.file, field, severity: 'error', message: `"${slug}" is the slug of ${current.file}, whose page is at that address`, hint: 'remove it here, or give that article another slug' });
      } else if (earlier && earlier !== article) {
        problems.push({ file: article.file, field, severity: 'error', message: `"${slug}" is also a former slug of ${earlier.file}`, hint: 'an old address can send readers to one article only: keep it in one of them' });
      } else {
        claimedBy.set(slug, article);
      }
    });
  }
  return problems;
}
