import { describe, expect, it } from 'vitest';
import { stemmerFor } from '../../../src/lib/search/stemmer.ts';

describe('stemmerFor', () => {
  it("stems with the Snowball algorithm of the tag's language, whatever its region", () => {
    expect(stemmerFor('en-GB')!('securities')).toBe('secur');
    expect(stemmerFor('de-AT')!('Häuser'.toLowerCase())).toBe('haus');
    expect(stemmerFor('fr')!('chevaux')).toBe('cheval');
  });

  it('gives none for a language Pagefind does not stem', () => {
    expect(stemmerFor('ja')).toBeUndefined();
    expect(stemmerFor('zh-Hant')).toBeUndefined();
  });
});
