import { describe, expect, it } from 'vitest';
import { findNearDuplicates, NearDuplicateIndex } from '../../../src/lib/text/near-duplicates.ts';
import { jaccard, shingleHashes, shingleWords } from '../../../src/lib/text/shingles.ts';
import { edit, randomText } from '../../helpers/random-text.ts';

describe('findNearDuplicates across articles', () => {
  const original = randomText(10, 600);
  const docs = [
    { id: 'original', text: original },
    { id: 'light-rewrite', text: edit(original, 60) },
    { id: 'medium-rewrite', text: edit(original, 20) },
    { id: 'heavy-rewrite', text: edit(original, 6) },
    { id: 'unrelated', text: randomText(11, 600) },
    { id: 'too-short', text: 'Coming soon.' },
    { id: 'too-short-copy', text: 'Coming soon.' },
  ];

  it('reports light rewrites with their exact similarity, not heavy ones or unrelated text', () => {
    const pairs = findNearDuplicates(docs);
    expect(pairs).toHaveLength(1);
    expect(pairs[0].a).toBe('original');
    expect(pairs[0].b).toBe('light-rewrite');
    const exact = jaccard(shingleHashes(shingleWords(docs[0].text)), shingleHashes(shingleWords(docs[1].text)));
    expect(pairs[0].similarity).toBe(exact);
    expect(exact).toBeGreaterThanOrEqual(0.8);
  });

  it('honours the threshold', () => {
    const medium = jaccard(shingleHashes(shingleWords(docs[0].text)), shingleHashes(shingleWords(docs[2].text)));
    expect(medium).toBeLessThan(0.8);
    const pairs = findNearDuplicates(docs, { threshold: medium - 0.01 });
    expect(pairs.map((pair) => `${pair.a}/${pair.b}`)).toContain('original/medium-rewrite');
    expect(findNearDuplicates(docs, { threshold: 0.999 })).toEqual([]);
  });

  it('ignores texts too short to judge', () => {
    expect(findNearDuplicates(docs).some((pair) => pair.a.startsWith('too-short'))).toBe(false);
  });

  it('finds every planted pair in a larger corpus (LSH recall at the threshold)', () => {
    const corpus: Array<{ id: string; text: string }> = [];
    for (let i = 0; i < 300; i++) corpus.push({ id: `doc-${i}`, text: randomText(1000 + i, 300) });
    // 30 rewrites with similarity between ~0.8 and ~0.95.
    for (let i = 0; i < 30; i++) corpus.push({ id: `copy-${i}`, text: edit(corpus[i * 7].text, 40 + i * 3, `c${i}x`) });
    const pairs = findNearDuplicates(corpus);
    const expected = Array.from({ length: 30 }, (_, i) => ({ i, similarity: jaccard(shingleHashes(shingleWords(corpus[i * 7].text)), shingleHashes(shingleWords(corpus[300 + i].text))) }))
      .filter(({ similarity }) => similarity >= 0.8)
      .map(({ i }) => `doc-${i * 7}/copy-${i}`)
      .sort();
    expect(expected.length).toBeGreaterThan(20);
    expect(pairs.map((pair) => `${pair.a}/${pair.b}`).sort()).toEqual(expected);
  });
});

describe('NearDuplicateIndex.query, as the importer uses it', () => {
  it('returns the indexed texts an incoming one nearly repeats, most similar first', () => {
    const index = new NearDuplicateIndex();
    const text = randomText(20, 400);
    index.add('exact', text);
    index.add('rewrite', edit(text, 50));
    index.add('other', randomText(21, 400));
    const matches = index.query(text);
    expect(matches.map((match) => match.id)).toEqual(['exact', 'rewrite']);
    expect(matches[0].similarity).toBe(1);
    expect(index.query(randomText(22, 400))).toEqual([]);
  });
});
