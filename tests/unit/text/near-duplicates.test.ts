import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import {
  findNearDuplicates,
  findRepeatedParagraphs,
  jaccard,
  NearDuplicateIndex,
  nearDuplicateProblems,
  shingleHashes,
  shingleWords,
  splitParagraphs,
} from '../../../src/lib/text/near-duplicates.ts';
import { formatProblem } from '../../../src/lib/checks/problems.ts';

/** Deterministic prose-like text: words drawn from a skewed vocabulary, as in real writing. */
function randomText(seed: number, words: number): string {
  let state = seed >>> 0;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: words }, () => `w${Math.floor(5000 * next() ** 3).toString(36)}`).join(' ');
}

/** Replaces every `every`-th word, a light rewrite. */
function edit(text: string, every: number, marker = 'edited'): string {
  return text
    .split(' ')
    .map((word, index) => (index % every === 0 ? `${marker}${index}` : word))
    .join(' ');
}

describe('shingles and Jaccard', () => {
  it('ignores case, punctuation and Markdown syntax', () => {
    const a = shingleHashes(shingleWords('The **quick** brown fox, it jumps over the [lazy](https://x.example) dog.'));
    const b = shingleHashes(shingleWords('the quick brown fox it jumps over the lazy dog'));
    expect(jaccard(a, b)).toBe(1);
  });

  it('is 1 for the same text, 0 for texts without a 5-word run in common', () => {
    const text = randomText(1, 200);
    expect(jaccard(shingleHashes(shingleWords(text)), shingleHashes(shingleWords(text)))).toBe(1);
    expect(jaccard(shingleHashes(shingleWords(text)), shingleHashes(shingleWords(randomText(2, 200))))).toBe(0);
  });
});

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

describe('paragraphs within one article', () => {
  const paragraph = randomText(30, 60);
  const body = [
    '## A heading that is short',
    paragraph,
    randomText(31, 60),
    '```',
    paragraph,
    '```',
    `${edit(paragraph, 30)}`,
    'A short closing line.',
  ].join('\n\n');

  it('splits prose paragraphs with their lines, leaving code out', () => {
    const paragraphs = splitParagraphs(body, 10);
    expect(paragraphs.map((p) => p.line)).toEqual([10, 12, 14, 22, 24]);
    expect(paragraphs.some((p) => p.text.includes('```'))).toBe(false);
  });

  it('reports a paragraph that repeats an earlier one, with both lines', () => {
    const repeats = findRepeatedParagraphs(body, { firstLine: 10 });
    expect(repeats).toHaveLength(1);
    expect(repeats[0].first.line).toBe(12);
    expect(repeats[0].second.line).toBe(22);
    expect(repeats[0].similarity).toBeGreaterThanOrEqual(0.8);
  });

  it('ignores short paragraphs such as headings', () => {
    expect(findRepeatedParagraphs('Short line.\n\nShort line.')).toEqual([]);
  });
});

describe('the content checker’s near-duplicate warnings', () => {
  const article = (title: string, body: string) =>
    new TextEncoder().encode(`---\ntitle: "${title}"\ndescription: "Dek."\npublishedAt: 2026-05-01\ntags: ["AI"]\n---\n\n${body}\n`);
  const story = randomText(40, 300);
  const paragraph = randomText(41, 50);

  it('warns on both articles of a near-identical pair and on a repeated paragraph, never as errors', () => {
    const sources = [
      { file: 'content/articles/a.md', absolutePath: '/site/a.md', bytes: article('A', story) },
      { file: 'content/articles/b.md', absolutePath: '/site/b.md', bytes: article('B', edit(story, 70)) },
      { file: 'content/articles/c.md', absolutePath: '/site/c.md', bytes: article('C', `${paragraph}\n\n${randomText(42, 50)}\n\n${paragraph}`) },
    ];
    const { problems } = checkArticles(sources, { now: new Date('2026-06-01T00:00:00Z'), fileExists: () => true, readFile: () => new Uint8Array() });
    expect(problems.map((problem) => formatProblem(problem))).toEqual([
      expect.stringMatching(/^content\/articles\/a\.md:8: warning: the text is a near-duplicate of content\/articles\/b\.md \(\d\d% of their five-word phrases are shared\); keep one of them/),
      expect.stringMatching(/^content\/articles\/b\.md:8: warning: the text is a near-duplicate of content\/articles\/a\.md/),
      'content/articles/c.md:12: warning: this paragraph repeats the one on line 8 (100% similar); cut one of them or merge what is new into the other',
    ]);
  });

  it('lists at most five repeated paragraphs of one article and counts the rest, so a pasted-twice article cannot bury other messages', () => {
    const paragraph = randomText(60, 50);
    const body = Array.from({ length: 400 }, () => paragraph).join('\n\n');
    const warnings = nearDuplicateProblems([{ file: 'long.md', body, bodyLine: 7 }]);
    expect(warnings).toHaveLength(5);
    expect(warnings[4]!.message).toMatch(/; 394 more repeated paragraphs follow$/);
  });

  it('finds nothing in articles that merely share a topic', () => {
    expect(nearDuplicateProblems([
      { file: 'a.md', body: randomText(50, 300), bodyLine: 7 },
      { file: 'b.md', body: randomText(51, 300), bodyLine: 7 },
    ])).toEqual([]);
  });
});

describe('long articles', () => {
  it('finds a repeated paragraph among more than fifty through the index', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => randomText(100 + i, 60));
    paragraphs.push(edit(paragraphs[5], 100));
    const repeats = findRepeatedParagraphs(paragraphs.join('\n\n'));
    expect(repeats.map((repeat) => [repeat.first.index, repeat.second.index])).toEqual([[5, 60]]);
    expect(repeats[0].second.line).toBe(121);
  });
});
