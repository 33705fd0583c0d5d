import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../src/lib/content/article.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';
import { articleDate } from '../../../src/lib/content/written-dates.ts';

/** An article file's dates as the site reads them: through the one parser, then the schema. */
function datesOf(frontMatter: string) {
  const read = parseArticle('a.md', `---\ntitle: T\ndescription: D\ntags: [AI]\n${frontMatter}\n---\nBody.\n`);
  if (!read.ok) throw new Error(read.problem.message);
  const data = articleSchema.parse(read.article.data);
  return { published: articleDate(data, 'publishedAt'), updated: articleDate(data, 'updatedAt') };
}

describe('dates as the editor wrote them', () => {
  it('knows a day written alone, bare or quoted', () => {
    expect(datesOf('publishedAt: 2026-12-01').published).toEqual({ at: new Date('2026-12-01T00:00:00Z'), dayAlone: true });
    expect(datesOf('publishedAt: "2026-12-01"').published).toEqual({ at: new Date('2026-12-01T00:00:00Z'), dayAlone: true });
  });

  it('keeps a time that falls at midnight in UTC a time, the instant unchanged', () => {
    expect(datesOf('publishedAt: 2026-12-01T19:00:00-05:00').published).toEqual({ at: new Date('2026-12-02T00:00:00Z'), dayAlone: false });
    expect(datesOf('publishedAt: 2026-12-02T00:00:00Z').published).toEqual({ at: new Date('2026-12-02T00:00:00Z'), dayAlone: false });
    expect(datesOf('publishedAt: "2026-12-02 00:00"').published).toEqual({ at: new Date('2026-12-02T00:00:00Z'), dayAlone: false });
  });

  it('tells each date field apart, in flow-style front matter too', () => {
    const { published, updated } = datesOf('publishedAt: 2026-12-01\nupdatedAt: 2026-12-02T00:00:00Z');
    expect([published.dayAlone, updated?.dayAlone]).toEqual([true, false]);
    const flow = parseArticle('a.md', '---\n{title: T, description: D, tags: [AI], publishedAt: 2026-12-02T00:00:00Z, updatedAt: 2026-12-03}\n---\n');
    if (!flow.ok) throw new Error(flow.problem.message);
    expect(articleSchema.parse(flow.article.data).dayAlone).toEqual({ updatedAt: true });
  });

  it('leaves a time of day at any other instant as it was', () => {
    expect(datesOf('publishedAt: 2026-12-01T09:30:00Z').published).toEqual({ at: new Date('2026-12-01T09:30:00Z'), dayAlone: false });
  });
});
