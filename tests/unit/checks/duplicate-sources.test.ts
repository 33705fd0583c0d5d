import { describe, expect, it } from 'vitest';
import type { CheckedArticle } from '../../../src/lib/checks/cross-article.ts';
import { duplicateSourceProblems } from '../../../src/lib/checks/duplicate-sources.ts';

const article = (file: string, url?: string): CheckedArticle => ({
  file,
  slug: file.replace(/\.md$/, ''),
  data: { tags: ['AI'], related: [], draft: true, publishedAt: new Date('2026-05-01T00:00:00Z'), ...(url ? { source: { url } } : {}) },
});

describe('duplicateSourceProblems', () => {
  it('warns on every article citing a story another one cites, however the link is dressed', () => {
    const problems = duplicateSourceProblems([
      article('a.md', 'https://wire.example/2026/05/story?utm_source=feed'),
      article('b.md', 'http://WIRE.example/2026/05/story/#comments'),
      article('c.md', 'https://wire.example/2026/05/other'),
    ]);
    expect(problems.map((problem) => [problem.file, problem.field, problem.severity])).toEqual([
      ['a.md', 'source.url', 'warning'],
      ['b.md', 'source.url', 'warning'],
    ]);
    expect(problems[0]!.message).toContain('b.md');
  });

  it('lets many articles cite a publisher\'s home page', () => {
    expect(duplicateSourceProblems([article('a.md', 'https://www.tortoisemedia.com/'), article('b.md', 'https://www.tortoisemedia.com')])).toEqual([]);
  });
});
