/**
 * Near-duplicate text: articles (or paragraphs of one article) whose wording is almost the same.
 *
 * Each text becomes a set of w-word shingles (5 consecutive words by default). Similarity is the Jaccard
 * index of two shingle sets: |A ∩ B| / |A ∪ B|. Comparing every pair is quadratic, so candidates come from
 * MinHash signatures (one-permutation hashing, 128 bins, densified by rotation) split into 32 bands of 4 rows
 * (locality-sensitive hashing): two texts become candidates when any band matches exactly. The chance of that
 * is 1 − (1 − J⁴)³², ≈ 1.0 at J = 0.8, 0.99 at J = 0.6 and 0.87 at J = 0.5, while unrelated texts (J ≈ 0)
 * almost never meet. Every candidate pair is then confirmed with its exact Jaccard index, so reported
 * similarities are exact and nothing below the threshold is reported.
 */
import type { Problem } from '../checks/problems.ts';
import { stripMarkdown, tokenize } from './text-terms.ts';

/** Jaccard ≥ 0.8 on 5-word shingles: the same text with light edits (a changed sentence, a new dateline). */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
export const SHINGLE_SIZE = 5;

const BANDS = 32;
const ROWS = 4;
const BINS = BANDS * ROWS;
const BIN_BITS = 7; // log2(BINS)
const VALUE_BITS = 32 - BIN_BITS;
const VALUE_MASK = (1 << VALUE_BITS) - 1;

export interface NearDuplicateOptions {
  /** Minimum Jaccard similarity to report, 0–1. Default 0.8. */
  threshold?: number;
  /** Words per shingle. Default 5. */
  shingleSize?: number;
  /** Texts with fewer words are ignored: too short to call duplicates. Default 2 × shingleSize. */
  minWords?: number;
}

export interface NearDuplicatePair {
  /** Ids as given, `a` before `b` in input order. */
  a: string;
  b: string;
  /** Exact Jaccard similarity of the two shingle sets, 0–1. */
  similarity: number;
}

export interface NearDuplicateMatch {
  id: string;
  similarity: number;
}

/** murmur3's finaliser: spreads every input bit over the whole word. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The words of a text as similarity sees them: Markdown syntax and case ignored, stop words kept. */
export function shingleWords(text: string): string[] {
  return tokenize(stripMarkdown(text), { stopWords: false, minLength: 1 });
}

/** The sorted, distinct 32-bit hashes of a word list's `size`-word shingles. */
export function shingleHashes(words: readonly string[], size = SHINGLE_SIZE): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = words.map(hashWord);
  const width = Math.min(size, wordHashes.length);
  const count = wordHashes.length - width + 1;
  const hashes = new Uint32Array(count);
  for (let start = 0; start < count; start++) {
    let h = 0x9e3779b9;
    for (let offset = 0; offset < width; offset++) h = Math.imul((h ^ wordHashes[start + offset]) >>> 0, 0x9e3779b1) ^ (h >>> 15);
    hashes[start] = mix(h);
  }
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i];
  return hashes.slice(0, distinct);
}

/** Exact Jaccard index of two sorted, distinct hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

/**
 * One-permutation MinHash: the top bits of each (already well-mixed) shingle hash pick a bin, each bin keeps
 * its smallest remaining bits. Empty bins borrow from the next filled bin to the right, offset by the distance,
 * so two sets agree on a bin with probability equal to their Jaccard index even when bins are sparse.
 */
function signature(shingles: Uint32Array): Uint32Array {
  const bins = new Uint32Array(BINS).fill(0xffffffff);
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i];
    const bin = h >>> VALUE_BITS;
    const value = h & VALUE_MASK;
    if (value < bins[bin]) bins[bin] = value;
  }
  const dense = new Uint32Array(BINS);
  for (let bin = 0; bin < BINS; bin++) {
    let distance = 0;
    let source = bin;
    while (bins[source] === 0xffffffff && distance < BINS) {
      distance++;
      source = (bin + distance) % BINS;
    }
    dense[bin] = (bins[source] + distance * (VALUE_MASK + 1)) >>> 0;
  }
  return dense;
}

/** One hash per band; equal keys make a candidate pair (a rare false match costs one exact comparison). */
function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = Math.imul(band + 1, 0x9e3779b1);
    for (let row = 0; row < ROWS; row++) h = mix(h ^ sig[band * ROWS + row]);
    keys.push(h);
  }
  return keys;
}

interface IndexedText {
  id: string;
  shingles: Uint32Array;
}

/**
 * A growing set of texts that can be asked "what is this nearly the same as?". The importer fills it with the
 * site's articles and queries each incoming item; `pairs()` lists every near-duplicate pair inside it.
 */
export class NearDuplicateIndex {
  readonly threshold: number;
  readonly shingleSize: number;
  readonly minWords: number;
  #texts: IndexedText[] = [];
  #buckets: Array<Map<number, number[]>> = Array.from({ length: BANDS }, () => new Map());

  constructor(options: NearDuplicateOptions = {}) {
    this.threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
    this.shingleSize = options.shingleSize ?? SHINGLE_SIZE;
    this.minWords = options.minWords ?? this.shingleSize * 2;
  }

  get size(): number {
    return this.#texts.length;
  }

  #shingles(text: string): Uint32Array | undefined {
    const words = shingleWords(text);
    return words.length < this.minWords ? undefined : shingleHashes(words, this.shingleSize);
  }

  /** Adds a text; returns false (and skips it) when it is too short to compare. */
  add(id: string, text: string): boolean {
    const shingles = this.#shingles(text);
    if (!shingles) return false;
    const position = this.#texts.length;
    this.#texts.push({ id, shingles });
    bandKeys(signature(shingles)).forEach((key, band) => {
      const bucket = this.#buckets[band].get(key);
      if (bucket) bucket.push(position);
      else this.#buckets[band].set(key, [position]);
    });
    return true;
  }

  /** Indexed texts at least `threshold`-similar to `text`, most similar first. */
  query(text: string): NearDuplicateMatch[] {
    const shingles = this.#shingles(text);
    if (!shingles) return [];
    const candidates = new Set<number>();
    bandKeys(signature(shingles)).forEach((key, band) => {
      for (const position of this.#buckets[band].get(key) ?? []) candidates.add(position);
    });
    const matches: NearDuplicateMatch[] = [];
    for (const position of candidates) {
      const similarity = jaccard(shingles, this.#texts[position].shingles);
      if (similarity >= this.threshold) matches.push({ id: this.#texts[position].id, similarity });
    }
    return matches.sort((x, y) => y.similarity - x.similarity || x.id.localeCompare(y.id));
  }

  /** Every pair of indexed texts at least `threshold`-similar, most similar first. */
  pairs(): NearDuplicatePair[] {
    const count = this.#texts.length;
    const seen = new Set<number>();
    const pairs: NearDuplicatePair[] = [];
    for (const buckets of this.#buckets) {
      for (const bucket of buckets.values()) {
        if (bucket.length < 2) continue;
        for (let x = 0; x < bucket.length; x++) {
          for (let y = x + 1; y < bucket.length; y++) {
            const key = bucket[x] * count + bucket[y];
            if (seen.has(key)) continue;
            seen.add(key);
            const first = this.#texts[bucket[x]];
            const second = this.#texts[bucket[y]];
            const similarity = jaccard(first.shingles, second.shingles);
            if (similarity >= this.threshold) pairs.push({ a: first.id, b: second.id, similarity });
          }
        }
      }
    }
    return pairs.sort((x, y) => y.similarity - x.similarity || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
  }
}

/** Pairs of near-identical texts among `docs` (Markdown or plain text); sub-quadratic in the number of docs. */
export function findNearDuplicates(docs: ReadonlyArray<{ id: string; text: string }>, options: NearDuplicateOptions = {}): NearDuplicatePair[] {
  const index = new NearDuplicateIndex(options);
  for (const doc of docs) index.add(doc.id, doc.text);
  return index.pairs();
}

export interface Paragraph {
  /** 0-based position among the body's paragraphs. */
  index: number;
  /** 1-based line where the paragraph starts (counting from `firstLine`). */
  line: number;
  text: string;
}

export interface RepeatedParagraphs {
  first: Paragraph;
  second: Paragraph;
  similarity: number;
}

/** Prose paragraphs of a Markdown body: blank-line separated blocks, fenced code left out. */
export function splitParagraphs(markdown: string, firstLine = 1): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lines: string[] = [];
  let start = 0;
  let fence = '';
  const flush = () => {
    if (lines.length) paragraphs.push({ index: paragraphs.length, line: start, text: lines.join('\n') });
    lines = [];
  };
  markdown.split(/\r?\n/).forEach((line, offset) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = '';
      return;
    }
    if (marker) {
      flush();
      fence = marker;
      return;
    }
    if (!line.trim()) {
      flush();
      return;
    }
    if (!lines.length) start = firstLine + offset;
    lines.push(line);
  });
  flush();
  return paragraphs;
}

/** Up to this many paragraphs, comparing every pair exactly (at most 1,225 comparisons) is cheaper than an index. */
const ALL_PAIRS_LIMIT = 50;

/**
 * Paragraphs within one article that say the same thing twice (a rewrite that repeats itself).
 * Defaults: threshold 0.8, 5-word shingles, paragraphs under 20 words ignored.
 */
export function findRepeatedParagraphs(markdown: string, options: NearDuplicateOptions & { firstLine?: number } = {}): RepeatedParagraphs[] {
  const threshold = options.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  const shingleSize = options.shingleSize ?? SHINGLE_SIZE;
  const minWords = options.minWords ?? 20;
  // Exact copies are matched by their words alone, so an article pasted many times over stays linear.
  const firstByWords = new Map<string, Paragraph>();
  const repeats: RepeatedParagraphs[] = [];
  const candidates = splitParagraphs(markdown, options.firstLine).flatMap((paragraph) => {
    const words = shingleWords(paragraph.text);
    if (words.length < minWords) return [];
    const key = words.join(' ');
    const original = firstByWords.get(key);
    if (original) {
      repeats.push({ first: original, second: paragraph, similarity: 1 });
      return [];
    }
    firstByWords.set(key, paragraph);
    return [{ paragraph, shingles: shingleHashes(words, shingleSize) }];
  });
  if (candidates.length <= ALL_PAIRS_LIMIT) {
    for (let x = 0; x < candidates.length; x++) {
      for (let y = x + 1; y < candidates.length; y++) {
        // Jaccard never exceeds the smaller set's share of the larger, so unequal paragraphs are skipped exactly.
        const [sizeX, sizeY] = [candidates[x].shingles.length, candidates[y].shingles.length];
        if (Math.min(sizeX, sizeY) < threshold * Math.max(sizeX, sizeY)) continue;
        const similarity = jaccard(candidates[x].shingles, candidates[y].shingles);
        if (similarity >= threshold) repeats.push({ first: candidates[x].paragraph, second: candidates[y].paragraph, similarity });
      }
    }
  } else {
    const index = new NearDuplicateIndex({ threshold, shingleSize, minWords });
    const byId = new Map(candidates.map(({ paragraph }) => [String(paragraph.index), paragraph]));
    for (const { paragraph } of candidates) index.add(String(paragraph.index), paragraph.text);
    for (const pair of index.pairs()) {
      const [first, second] = [byId.get(pair.a)!, byId.get(pair.b)!].sort((a, b) => a.index - b.index);
      repeats.push({ first: first!, second: second!, similarity: pair.similarity });
    }
  }
  // Each repeating paragraph once, against the earliest paragraph it repeats.
  const earliest = new Map<number, RepeatedParagraphs>();
  for (const repeat of repeats) {
    const known = earliest.get(repeat.second.index);
    if (!known || repeat.first.index < known.first.index) earliest.set(repeat.second.index, repeat);
  }
  return [...earliest.values()].sort((a, b) => a.second.index - b.second.index);
}

export interface CheckedBody {
  /** The article's path, as problems name it. */
  file: string;
  /** The Markdown body. */
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

/** Where the text starts: the body's first line is usually the blank one after the front matter. */
function firstTextLine(article: CheckedBody | undefined): number | undefined {
  if (!article) return undefined;
  return article.bodyLine + (/^(?:[ \t]*\r?\n)*/.exec(article.body)?.[0].split('\n').length ?? 1) - 1;
}

const percent = (similarity: number) => `${Math.floor(similarity * 100)}%`;

/**
 * The content checker's near-duplicate report, as warnings: each pair of near-identical articles (on both files,
 * so checking either one shows it) and each paragraph that repeats an earlier one in the same article.
 */
/** An article pasted twice over would otherwise bury every other message. */
const REPEATS_LISTED_PER_ARTICLE = 5;

export function nearDuplicateProblems(articles: readonly CheckedBody[], options: NearDuplicateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const byFile = new Map(articles.map((article) => [article.file, article]));
  for (const pair of findNearDuplicates(articles.map((article) => ({ id: article.file, text: article.body })), options)) {
    for (const [file, other] of [[pair.a, pair.b], [pair.b, pair.a]]) {
      problems.push({
        file,
        line: firstTextLine(byFile.get(file)),
        severity: 'warning',
        message: `the text is a near-duplicate of ${other} (${percent(pair.similarity)} of their five-word phrases are shared)`,
        hint: 'keep one of them, or rewrite one so it adds something the other does not',
      });
    }
  }
  for (const article of articles) {
    const repeats = findRepeatedParagraphs(article.body, { ...options, firstLine: article.bodyLine });
    for (const repeat of repeats.slice(0, REPEATS_LISTED_PER_ARTICLE)) {
      problems.push({
        file: article.file,
        line: repeat.second.line,
        severity: 'warning',
        message: `this paragraph repeats the one on line ${repeat.first.line} (${percent(repeat.similarity)} similar)${
          repeat === repeats[REPEATS_LISTED_PER_ARTICLE - 1] && repeats.length > REPEATS_LISTED_PER_ARTICLE
            ? `; ${repeats.length - REPEATS_LISTED_PER_ARTICLE} more repeated paragraphs follow`
            : ''
        }`,
        hint: 'cut one of them or merge what is new into the other',
      });
    }
  }
  return problems;
}
