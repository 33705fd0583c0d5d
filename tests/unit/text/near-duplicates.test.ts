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

  it('sees a copy of Japanese text, written without spaces between words', () => {
    const report = [
      '米半導体大手のNvidiaは15日、中国向けに設計したAI半導体「H20」の出荷を再開すると発表した。',
      '米商務省から輸出許可が得られる見通しになったという。米政府は4月に同製品の対中輸出を事実上禁じていた。',
      '同社は中国の顧客から多くの注文を受けており、供給体制を整えて早期の納入を目指す。',
      '中国事業の売上高は全体の1割強を占めており、市場では業績の回復につながるとの見方が広がった。',
      '一方、米議会の一部からは先端技術の流出を懸念する声も上がっている。',
    ].join('');
    const copy = report.replace('見方が広がった', '見方が出ている');
    const other = [
      '半導体製造装置大手の東京エレクトロンが発表した7〜9月期決算は、中国向け売上高が前年同期比で減少した。',
      '中国の顧客による設備投資が一巡したことが響き、純利益も前年同期を下回った。',
      '同社は通期の業績予想を据え置き、生成AI向けの需要が下期に回復するとの見通しを示した。',
      '台湾や韓国向けの販売は堅調に推移しており、先端品の比率が高まっている。',
    ].join('');
    const pairs = findNearDuplicates([
      { id: 'report', text: report },
      { id: 'copy', text: copy },
      { id: 'other', text: other },
    ]);
    expect(pairs.map((pair) => `${pair.a}/${pair.b}`)).toEqual(['report/copy']);
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
