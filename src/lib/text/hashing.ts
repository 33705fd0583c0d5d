/** The small non-cryptographic hashes the text modules use for words and sets of words. */

/** 32-bit FNV-1a offset basis, as a signed int (what Math.imul works in). */
export const FNV_OFFSET_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: the hash so far with one more 16-bit code unit. Callers that hash as they scan use it directly. */
export function fnv1aStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, FNV_PRIME);
}

/** 32-bit FNV-1a (as a signed int) over the UTF-16 code units of text. */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) hash = fnv1aStep(hash, text.charCodeAt(i));
  return hash;
}

/** murmur3's finaliser: spreads every input bit over the whole word; returns an unsigned 32-bit int. */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
