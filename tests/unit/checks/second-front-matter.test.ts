import { describe, expect, it } from 'vitest';
import { secondFrontMatter } from '../../../src/lib/checks/second-front-matter.ts';
import { ARTICLE_TOP_LEVEL_FIELDS } from '../../../src/lib/content/schema.ts';

const find = (body: string) => secondFrontMatter(body, ARTICLE_TOP_LEVEL_FIELDS);

describe('a second block of front matter opening the body', () => {
  it('is found with the article fields it sets, nested and list lines included, at its opening line', () => {
    expect(find('\n---\nauthors:\n  - Mariko Tanaka\nsource:\n  name: Nikkei # the wire\n---\n\nThe plant opened.\n')).toEqual({ line: 2, fields: ['authors', 'source'] });
    expect(find('---\r\ntags: [AI]\r\n---\r\nText.')).toEqual({ line: 1, fields: ['tags'] });
  });

  it('is not a rule followed by prose, by a heading of words, by keys no article has, or by a block never closed', () => {
    expect(find('---\nUpdate: the company has since responded.\n---\n')).toBeUndefined();
    expect(find('---\nThe company said on Monday that it would appeal.\n---\n')).toBeUndefined();
    expect(find('---\nlayout: post\npermalink: /x/\n---\n')).toBeUndefined();
    expect(find('---\nauthors: [Mariko Tanaka]\n\nThe plant opened.\n')).toBeUndefined();
    expect(find('The plant opened.\n\n---\ntags: [AI]\n---\n')).toBeUndefined();
  });
});
