/** Texts as sets of w-word shingles (hashed), and the exact Jaccard index of two such sets. */
import { fnv1a, mix32 } from './hashing.ts';
import { stripMarkdown } from './markdown-to-text.ts';
import { tokenize } from './tokenizer.ts';

/** Words per shingle: five consecutive words. */
export const SHINGLE_SIZE = 5;

/** The words of a text as similarity sees them: Markdown syntax and case ignored, stop words kept. */
export function shingleWords(text: string): string[] {
  return tokenize(stripMarkdown(text), { stopWords: false, minLength: 1 });
}

/** The sorted, distinct 32-bit hashes of a word list's `size`-word shingles. */
export function shingleHashes(words: readonly string[], size = SHINGLE_SIZE): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = words.map((word) => fnv1a(word) >>> 0);
  const width = Math.min(size, wordHashes.length);
  const count = wordHashes.length - width + 1;
  const hashes = new Uint32Array(count);
  for (let start = 0; start < count; start++) {
    let h = 0x9e3779b9;
    for (let offset = 0; offset < width; offset++) h = Math.imul((h ^ wordHashes[start + offset]) >>> 0, 0x9e3779b1) ^ (h >>> 15);
    hashes[start] = mix32(h);
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
