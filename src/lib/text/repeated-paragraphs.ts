/** Paragraphs within one article that say the same thing twice. */
import { NearDuplicateIndex, NEAR_DUPLICATE_THRESHOLD, type NearDuplicateOptions } from './near-duplicates.ts';
import { splitParagraphs, type Paragraph } from './paragraphs.ts';
import { jaccard, shingleHashes, shingleWords, SHINGLE_SIZE } from './shingles.ts';

export interface RepeatedParagraphs {
  first: Paragraph;
  second: Paragraph;
  similarity: number;
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
