/**
 * Near-duplicate texts: articles (or paragraphs of one article) whose wording is almost the same.
 *
 * Each text becomes a set of w-word shingles (5 consecutive words by default). Similarity is the Jaccard
 * index of two shingle sets: |A ∩ B| / |A ∪ B|. Comparing every pair is quadratic, so candidates come from
 * MinHash signatures (one-permutation hashing, 128 bins, densified by rotation) split into 32 bands of 4 rows
 * (locality-sensitive hashing): two texts become candidates when any band matches exactly. The chance of that
 * is 1 − (1 − J⁴)³², ≈ 1.0 at J = 0.8, 0.99 at J = 0.6 and 0.87 at J = 0.5, while unrelated texts (J ≈ 0)
 * almost never meet. Every candidate pair is then confirmed with its exact Jaccard index, so reported
 * similarities are exact and nothing below the threshold is reported.
 */
import { BANDS, bandKeys, minHashSignature } from './minhash.ts';
import { jaccard, shingleHashes, shingleWords, SHINGLE_SIZE } from './shingles.ts';

/** Jaccard ≥ 0.8 on 5-word shingles: the same text with light edits (a changed sentence, a new dateline). */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;

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
    bandKeys(minHashSignature(shingles)).forEach((key, band) => {
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
    bandKeys(minHashSignature(shingles)).forEach((key, band) => {
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
