import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CORPUS_TAGS, corpusArticles, generateCorpus, planCorpus, summarizeCorpus } from '../../../src/lib/bench/corpus.ts';
import { createRandom, createZipf } from '../../../src/lib/bench/random.ts';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import { countWords } from '../../../src/lib/site/reading-time.ts';

const NOW = new Date('2026-06-01T00:00:00Z');
const corpus = generateCorpus({ count: 1500, seed: 3, now: NOW });
const summary = summarizeCorpus(corpus);

describe('the synthetic corpus is deterministic', () => {
  it('gives the same files for the same seed', () => {
    const again = generateCorpus({ count: 1500, seed: 3, now: NOW });
    expect(again.map((article) => [article.path, article.content])).toEqual(corpus.map((article) => [article.path, article.content]));
  });

  it('gives different files for another seed', () => {
    const other = generateCorpus({ count: 50, seed: 4, now: NOW });
    expect(other.map((article) => article.content)).not.toEqual(corpus.slice(0, 50).map((article) => article.content));
  });

  it('stays the corpus earlier benchmarks were measured on, so results remain comparable across versions', () => {
    const hash = createHash('sha256');
    for (const article of generateCorpus({ count: 300, seed: 7, now: NOW })) hash.update(`${article.path}\0${article.content}\0${article.status}${article.words}${article.related.join(',')}`);
    expect(hash.digest('hex')).toBe('d0932c6829faa8e5476ddbfd4140d79b4d742a2e8e82354001de0771ddb17529');
  });

  it('draws each body again from its plan alone, in any order, as a corpus written one file at a time does', () => {
    const plan = planCorpus({ count: 1500, seed: 3, now: NOW });
    const backwards = [...corpusArticles([...plan].reverse())].reverse();
    expect(backwards.map((article) => article.content)).toEqual(corpus.map((article) => article.content));
    expect(summarizeCorpus(plan)).toEqual(summary);
  });

  it('draws the same numbers from the same seed, and again from a saved state', () => {
    const replay = createRandom(7);
    replay.next();
    const saved = replay.state();
    const first = [replay.next(), replay.next()];
    replay.restore(saved);
    expect([replay.next(), replay.next()]).toEqual(first);

    const a = createRandom(42);
    const b = createRandom(42);
    const draws = Array.from({ length: 5 }, () => [a.next(), b.next()]);
    for (const [x, y] of draws) expect(x).toBe(y);
    expect(new Set(draws.map(([x]) => x)).size).toBe(5);
  });
});

describe('every generated article is valid content', () => {
  it('passes the content checker: schema, unique slugs, related links to published pieces', () => {
    const encoder = new TextEncoder();
    const sources = corpus.map((article) => ({ file: article.path, absolutePath: `/corpus/${article.path}`, bytes: encoder.encode(article.content) }));
    const { problems } = checkArticles(sources, { now: NOW, contentDir: '/corpus', projectRoot: '/project', inspectFile: () => ({ kind: 'missing' as const }), nearDuplicates: false });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('publishes before the build clock, schedules after it, and keeps a few drafts', () => {
    expect(summary.drafts).toBeGreaterThan(10);
    expect(summary.scheduled).toBeGreaterThan(5);
    expect(summary.published).toBe(corpus.length - summary.drafts - summary.scheduled);
    for (const article of corpus) {
      if (article.status === 'scheduled') expect(article.publishedAt.getTime()).toBeGreaterThan(NOW.getTime());
      else expect(article.publishedAt.getTime()).toBeLessThan(NOW.getTime());
      expect(article.content.includes('draft: true')).toBe(article.status === 'draft');
    }
  });

  it('curates a few related lists, pointing only at other published articles', () => {
    const status = new Map(corpus.map((article) => [article.slug, article.status]));
    const curated = corpus.filter((article) => article.related.length > 0);
    expect(curated.length).toBeGreaterThan(15);
    for (const article of curated) {
      for (const slug of article.related) {
        expect(slug).not.toBe(article.slug);
        expect(status.get(slug)).toBe('published');
      }
    }
  });
});

describe('the corpus looks like a news archive', () => {
  it('has bodies of 300 to 1,500 words averaging about 780', () => {
    const words = corpus.map((article) => countWords(article.body));
    expect(Math.min(...words)).toBeGreaterThanOrEqual(280);
    expect(Math.max(...words)).toBeLessThanOrEqual(1600);
    const mean = words.reduce((sum, count) => sum + count, 0) / words.length;
    expect(mean).toBeGreaterThan(730);
    expect(mean).toBeLessThan(830);
  });

  it('writes long reads on request, bodies about four times as long', () => {
    const long = generateCorpus({ count: 300, seed: 3, now: NOW, bodyScale: 4 });
    const words = long.map((article) => countWords(article.body));
    const mean = words.reduce((sum, count) => sum + count, 0) / words.length;
    expect(mean).toBeGreaterThan(2900);
    expect(mean).toBeLessThan(3350);
    expect(Math.min(...words)).toBeGreaterThanOrEqual(1100);
  });

  it('gives each article 2 to 5 distinct tags out of 60, with a long tail', () => {
    for (const article of corpus) {
      expect(article.tags.length).toBeGreaterThanOrEqual(2);
      expect(article.tags.length).toBeLessThanOrEqual(5);
      expect(new Set(article.tags).size).toBe(article.tags.length);
    }
    expect(CORPUS_TAGS).toHaveLength(60);
    expect(summary.tagCounts).toHaveLength(60);
    const [, most] = summary.tagCounts[0]!;
    const [, least] = summary.tagCounts.at(-1)!;
    const median = summary.tagCounts[30]![1];
    expect(most).toBeGreaterThan(8 * median);
    expect(median).toBeGreaterThan(least);
  });

  it('uses the Markdown features editors use', () => {
    const all = corpus.map((article) => article.body).join('\n');
    expect(all).toMatch(/^## \S/m);
    expect(all).toMatch(/^- \S/m);
    expect(all).toMatch(/^1\. \S/m);
    expect(all).toMatch(/^> \S/m);
    expect(all).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(all).toMatch(/\*[^*\s][^*]*\*/);
    expect(all).toMatch(/\*\*[^*]+\*\*/);
    expect(all).toMatch(/^\| --- \|/m);
    expect(all).toMatch(/^```\w+$/m);
  });

  it('has authors with a long tail and a few unsigned pieces', () => {
    expect(summary.authorCounts.length).toBeGreaterThan(30);
    expect(corpus.some((article) => article.authors.length === 0)).toBe(true);
    expect(corpus.some((article) => article.authors.length === 2)).toBe(true);
  });
});

describe('Zipf sampling', () => {
  it('makes the first rank about twice as common as the second when the exponent is 1', () => {
    const sample = createZipf(60, 1);
    const random = createRandom(9);
    const counts = new Array<number>(60).fill(0);
    for (let i = 0; i < 60_000; i++) counts[sample(random)]!++;
    expect(counts[0]! / counts[1]!).toBeGreaterThan(1.8);
    expect(counts[0]! / counts[1]!).toBeLessThan(2.2);
    expect(counts[59]!).toBeGreaterThan(0);
  });
});
