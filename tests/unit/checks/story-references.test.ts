import { describe, expect, it } from 'vitest';
import { crossArticleProblems, type CheckedArticle } from '../../../src/lib/checks/cross-article.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';

const now = new Date('2026-06-01T12:00:00Z');
const article = (slug: string, data: Partial<CheckedArticle['data']> = {}): CheckedArticle => ({
  file: `content/articles/${slug}.md`,
  slug,
  data: { tags: ['AI'], related: [], draft: false, publishedAt: new Date('2026-05-30T08:00:00Z'), ...data },
});
const storyProblems = (articles: CheckedArticle[]) => crossArticleProblems(articles, now).filter((problem) => problem.field === 'story');

describe('story references', () => {
  it('accepts a published article, and story: false', () => {
    expect(storyProblems([article('lead'), article('joins', { story: 'lead' }), article('alone', { story: false })])).toEqual([]);
  });

  it('an unknown slug is an error naming it', () => {
    expect(storyProblems([article('lead'), article('joins', { story: 'laed' })])).toEqual([
      expect.objectContaining({ file: 'content/articles/joins.md', severity: 'error', message: 'no article has the slug "laed"' }),
    ]);
  });

  it.each([
    ['the article itself', [article('joins', { story: 'joins' })], 'is this article itself'],
    ['a draft', [article('lead', { draft: true }), article('joins', { story: 'lead' })], 'is a draft'],
    ['an article kept out of stories', [article('lead', { story: false }), article('joins', { story: 'lead' })], 'is kept out of every story'],
    ['an article that itself joins another', [article('first'), article('lead', { story: 'first' }), article('joins', { story: 'lead' })], 'itself joins the story of "first"'],
  ])('naming %s is an error', (_, articles, message) => {
    const problems = storyProblems(articles).filter((problem) => problem.file === 'content/articles/joins.md');
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining(message) })]);
  });

  it('naming a scheduled article is a warning: the article joins once that one is published', () => {
    expect(storyProblems([article('lead', { publishedAt: new Date('2026-06-02T00:00:00Z'), dayAlone: { publishedAt: true } }), article('joins', { story: 'lead' })])).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/is scheduled for 2026-06-02$/) }),
    ]);
    // Written with its time, which falls at midnight in UTC: the time is named too.
    expect(storyProblems([article('lead', { publishedAt: new Date('2026-06-02T00:00:00Z') }), article('joins', { story: 'lead' })])).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/is scheduled for 2026-06-02T00:00:00Z$/) }),
    ]);
  });
});

describe('the story field in the schema', () => {
  const base = { title: 'T', description: 'D', publishedAt: '2026-05-01', tags: ['AI'] };
  it('takes a slug or false', () => {
    expect(articleSchema.parse({ ...base, story: 'japan-chip-rules' }).story).toBe('japan-chip-rules');
    expect(articleSchema.parse({ ...base, story: false }).story).toBe(false);
    expect(articleSchema.parse(base).story).toBeUndefined();
  });

  it.each([true, 'Not A Slug', 3])('rejects %j with what to write instead', (value) => {
    const result = articleSchema.safeParse({ ...base, story: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['story']);
    expect(result.error!.issues[0]!.message).toContain('or story: false');
  });
});
