import { describe, expect, it } from 'vitest';
import { secondFrontMatter } from '../../../src/lib/checks/second-front-matter.ts';
import { ARTICLE_TOP_LEVEL_FIELDS } from '../../../src/lib/content/schema.ts';

const find = (body: string) => secondFrontMatter(body, ARTICLE_TOP_LEVEL_FIELDS);

describe('a second block of front matter opening the body', () => {
  it('is found with the article fields it sets, nested and list lines included, at its opening line', () => {
    expect(find('\n---\nauthors:\n  - Mariko Tanaka\nsource:\n  name: Nikkei # the wire\n---\n\nThe plant opened.\n')).toEqual({ line: 2, fields: ['authors', 'source'] });
    expect(find('---\r\ntags: [AI]\r\n---\r\nText.')).toEqual({ line: 1, fields: ['tags'] });
  });

  it('is the fields a --- typed between them closed the front matter above, down to its real end', () => {
    expect(find('publishedAt: 2026-11-01\ntags:\n  - AI\n---\n\nThe plant opened.\n')).toEqual({ line: 1, fields: ['publishedAt', 'tags'], closedEarly: true });
    expect(find('\nsource:\n  name: Nikkei\n---\nText.')).toEqual({ line: 2, fields: ['source'], closedEarly: true });
  });

  it('is not prose that starts like a field, or fields with no --- below them', () => {
    expect(find('Update: the company has since responded.\n---\n')).toBeUndefined();
    expect(find('tags: the company uses many.\nIt said so on Monday.\n---\n')).toBeUndefined();
    expect(find('tags: [AI]\n\nThe plant opened.\n')).toBeUndefined();
  });

  it('is not a rule followed by prose, by a heading of words, by keys no article has, or by a block never closed', () => {
    expect(find('---\nUpdate: the company has since responded.\n---\n')).toBeUndefined();
    expect(find('---\nThe company said on Monday that it would appeal.\n---\n')).toBeUndefined();
    expect(find('---\nlayout: post\npermalink: /x/\n---\n')).toBeUndefined();
    expect(find('---\nauthors: [Mariko Tanaka]\n\nThe plant opened.\n')).toBeUndefined();
    expect(find('The plant opened.\n\n---\ntags: [AI]\n---\n')).toBeUndefined();
  });
});
