import { describe, expect, it } from 'vitest';
import { joinedNames, listWithNamesParted } from '../../../src/lib/checks/joined-names.ts';

describe('joinedNames', () => {
  it('parts a tag at its commas and semicolons', () => {
    expect(joinedNames('AI, Cloud', 'tag')).toEqual(['AI', 'Cloud']);
    expect(joinedNames('AI,Cloud ; Policy', 'tag')).toEqual(['AI', 'Cloud', 'Policy']);
  });

  it('leaves a tag with no comma, or one with nothing on one side of it', () => {
    for (const tag of ['Machine learning', 'R&D', 'AI,', ', AI', 'Washington, D.C.', 'Acme, Inc.']) expect(joinedNames(tag, 'tag'), tag).toBeUndefined();
  });

  it('does not part a name at the semicolon of a character reference pasted from HTML (warned of as HTML instead)', () => {
    for (const tag of ['R&amp;D', 'AT&#38;T', 'Caf&eacute; Tech']) expect(joinedNames(tag, 'tag'), tag).toBeUndefined();
    expect(joinedNames('Jane Doe &amp; John Roe', 'byline')).toBeUndefined();
    expect(joinedNames('R&amp;D; Policy', 'tag')).toEqual(['R&amp;D', 'Policy']);
  });

  it('parts a byline of two or more full names at commas, "and" and "&"', () => {
    expect(joinedNames('Jane Doe and John Roe', 'byline')).toEqual(['Jane Doe', 'John Roe']);
    expect(joinedNames('Jane Doe, John Roe', 'byline')).toEqual(['Jane Doe', 'John Roe']);
    expect(joinedNames('Jane Doe & John Roe', 'byline')).toEqual(['Jane Doe', 'John Roe']);
    expect(joinedNames('Jane Doe, Ann Lee, and John Roe', 'byline')).toEqual(['Jane Doe', 'Ann Lee', 'John Roe']);
    expect(joinedNames('Jane Doe AND John Roe', 'byline')).toEqual(['Jane Doe', 'John Roe']);
    expect(joinedNames('Theo Walcott and Newsome Park', 'byline')).toEqual(['Theo Walcott', 'Newsome Park']);
  });

  it('leaves one name with a comma or "and" in it: surname first, a suffix, an outlet, a firm, a role', () => {
    for (const name of ['Doe, Jane', 'Jane Doe, Jr.', 'Jane Doe, Reuters', 'Ben & Jerry', 'Newsdesk Staff', 'Alexander Grand', 'Jane Doe, Senior Editor', 'Jane Doe, Staff Writer', 'Jane Doe and Contributing Writers', 'Jane Doe, Associated Press', 'Jane Doe, The Verge', 'Alice Smith, 3rd Battalion', 'Jane Doe, Tokyo Broadcasting Radio']) {
      expect(joinedNames(name, 'byline'), name).toBeUndefined();
    }
  });
});

describe('listWithNamesParted', () => {
  it('writes the whole list again, every joined entry parted and the others as they were', () => {
    expect(listWithNamesParted('tags', ['AI, Cloud', 'Policy'], 'tag')).toBe('tags: ["AI", "Cloud", "Policy"]');
    expect(listWithNamesParted('authors', ['Mariko Tanaka', 'Jane Doe and John Roe'], 'byline')).toBe('authors: ["Mariko Tanaka", "Jane Doe", "John Roe"]');
    expect(listWithNamesParted('tags', ['Say "hi", world'], 'tag')).toBe('tags: ["Say \\"hi\\"", "world"]');
  });
});
