import { describe, expect, it } from 'vitest';
import { crossArticleProblems, type CheckedArticle } from '../../../src/lib/checks/cross-article.ts';

const now = new Date('2026-12-01T00:00:00Z');
const article = (file: string, slug: string, formerSlugs: string[] = []): CheckedArticle => ({
  file,
  slug,
  data: { tags: ['AI'], related: [], formerSlugs, draft: false, publishedAt: new Date('2026-11-01T00:00:00Z') },
});
const problemsOf = (...articles: CheckedArticle[]) =>
  crossArticleProblems(articles, now).filter((problem) => problem.field?.startsWith('formerSlugs')).map(({ file, field, message, hint }) => ({ file, field, message, hint }));

describe('former slugs', () => {
  it('are fine when no article has that address now and no other article claims it', () => {
    expect(problemsOf(article('a.md', 'chip-plant-opens'), article('b.md', 'fab-delay', ['fab-dealy', 'fab-delay-2026']))).toEqual([]);
  });

  it('may not be an address an article has now, its own or another’s', () => {
    expect(problemsOf(article('a.md', 'chip-plant-opens'), article('b.md', 'fab-delay', ['fab-delay', 'chip-plant-opens']))).toEqual([
      { file: 'b.md', field: 'formerSlugs.0', message: '"fab-delay" is this article\'s own slug', hint: 'remove it: only slugs the article no longer has belong here' },
      { file: 'b.md', field: 'formerSlugs.1', message: '"chip-plant-opens" is the slug of a.md, whose page is at that address', hint: 'remove it here, or give that article another slug' },
    ]);
  });

  it('send one old address to one article only', () => {
    expect(problemsOf(article('a.md', 'fab-delay', ['fab-news']), article('b.md', 'fab-opening', ['fab-news']))).toEqual([
      { file: 'b.md', field: 'formerSlugs.0', message: '"fab-news" is also a former slug of a.md', hint: 'an old address can send readers to one article only: keep it in one of them' },
    ]);
  });
});
