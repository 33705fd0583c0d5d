import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../../src/lib/content/schema.ts';

const valid = { title: 'Chip plant opens', description: 'A short dek.', publishedAt: '2026-11-01', tags: ['AI'] };
const issues = (extra: Record<string, unknown>) => {
  const result = articleSchema.safeParse({ ...valid, ...extra });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('maximum lengths in the article schema', () => {
  it('counts slugs in bytes, as the file system does', () => {
    expect(issues({ slug: 'a'.repeat(500) })).toEqual(['slug: is 500 bytes long; shorten it to at most 200 bytes (a URL segment; non-Latin letters take 2-4 bytes each)']);
    expect(issues({ slug: '日本'.repeat(45) })).toEqual([expect.stringMatching(/^slug: is 270 bytes long/)]);
    expect(issues({ slug: '日本'.repeat(33) })).toEqual([]);
    expect(issues({ related: ['x'.repeat(201)] })).toEqual([expect.stringMatching(/^related\.0: is 201 bytes long/)]);
  });

  it('limits titles and deks in characters, quoting none of a huge value back', () => {
    const [title] = issues({ title: 'x'.repeat(20_000_000) });
    expect(title).toBe('title: is 20000000 characters long; shorten it to at most 300');
    expect(issues({ title: '見出し'.repeat(100) })).toEqual([]);
    expect(issues({ description: 'd'.repeat(1_001) })).toEqual(['description: is 1001 characters long; shorten it to at most 1000']);
  });

  it('limits tags and author names as written and as the URL segment of their page', () => {
    expect(issues({ tags: ['AI', 't'.repeat(101)] })).toEqual(['tags.1: is 101 characters long; shorten it to at most 100']);
    expect(issues({ tags: ['C++'.repeat(30)] })).toEqual([expect.stringMatching(/^tags\.0: makes a \d+-byte URL segment/)]);
    expect(issues({ authors: ['A'.repeat(101)] })).toEqual(['authors.0: is 101 characters long; shorten it to at most 100']);
  });
});
