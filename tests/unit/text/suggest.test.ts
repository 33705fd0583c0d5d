import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../../src/lib/text/suggest.ts';

const FIELDS = ['title', 'description', 'publishedAt', 'updatedAt', 'authors', 'tags', 'source', 'image', 'related', 'draft', 'slug'];

describe('closestWord: did you mean?', () => {
  it('catches swapped letters, missing letters and stray case or underscores', () => {
    expect(closestWord('tgas', FIELDS)).toBe('tags');
    expect(closestWord('titel', FIELDS)).toBe('title');
    expect(closestWord('autors', FIELDS)).toBe('authors');
    expect(closestWord('published_at', FIELDS)).toBe('publishedAt');
    expect(closestWord('Description', FIELDS)).toBe('description');
  });

  it('does not guess when nothing is close', () => {
    expect(closestWord('category', FIELDS)).toBeUndefined();
    expect(closestWord('x', FIELDS)).toBeUndefined();
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('tgas', 'tags')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
