import { describe, expect, it } from 'vitest';
import { queryStems } from '../../../src/lib/search/query-stems.ts';

describe('queryStems', () => {
  it("gives the site language's Snowball stems that are not a prefix of their word, each once, in order of first use", () => {
    expect(queryStems('Industry and privacy: the industry’s supply, security and chips', 'en')).toEqual(['industri', 'privaci', 'suppli']);
    expect(queryStems('INDUSTRY', 'en-US')).toEqual(['industri']);
  });

  it('stems with the stemmer of the language Pagefind searches in, whatever the region', () => {
    expect(queryStems('Industrie läuft, Häuser und Straße', 'de-AT')).toEqual(['lauft', 'haus', 'strass']);
    expect(queryStems('nationalité des chevaux', 'fr-CA')).toEqual(['cheval']);
  });

  it('gives none for a language Pagefind does not stem, and none for words in other scripts', () => {
    expect(queryStems('industry privacy', 'ja')).toEqual([]);
    expect(queryStems('半導体の輸出 規制', 'en')).toEqual([]);
  });
});
