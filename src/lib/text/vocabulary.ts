/** An interning dictionary from words to dense integer ids, and the word hash it is keyed by. */
import { FNV_OFFSET_BASIS, fnv1aStep } from './hashing.ts';
import { ENGLISH_STOP_WORDS } from './stop-words.ts';
import { grown } from './typed-arrays.ts';

export const APOSTROPHE = 0x27;
export const CURLY_APOSTROPHE = 0x2019;

/** FNV-1a of s[start, end), reading `’` as `'` (the vocabulary stores words that way). */
export function wordHash(s: string, start: number, end: number): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = start; i < end; i++) hash = fnv1aStep(hash, normalisedCharAt(s, i));
  return hash;
}

function normalisedCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c === CURLY_APOSTROPHE ? APOSTROPHE : c;
}

/**
 * An interning dictionary from words to dense integer ids (0, 1, 2, …), for
 * callers that count or compare words at scale: `tokenizeToIds` looks words
 * up straight from the text, without allocating a string per occurrence.
 * Each word's stop-word status is recorded once, when it is first seen.
 */
export class Vocabulary {
  /** The word of each id. */
  readonly words: string[] = [];
  private readonly stopWords: ReadonlySet<string> | false;
  private stop = new Uint8Array(1024);
  // Open addressing, four Int32 per slot: [hash, id + 1, pool offset, length] (id + 1 = 0: empty),
  // so a probe touches one cache line before comparing characters.
  private slots = new Int32Array(4096);
  // The words' UTF-16 code units back to back (word id's are pool[offset[id] .. offset[id + 1])):
  // comparing against this contiguous pool is much more cache-friendly than against heap strings.
  private pool = new Uint16Array(8192);
  private offset = new Int32Array(1025);

  constructor(options: { stopWords?: ReadonlySet<string> | false } = {}) {
    this.stopWords = options.stopWords === undefined ? ENGLISH_STOP_WORDS : options.stopWords;
  }

  /** Number of distinct words seen. */
  get size(): number {
    return this.words.length;
  }

  /** Whether the word with this id is a stop word. */
  isStopWord(id: number): boolean {
    return this.stop[id] === 1;
  }

  /** The id of `word` (taken as is: lower-case it first if needed), adding it if new. */
  intern(word: string): number {
    return this.internSpan(word, 0, word.length, wordHash(word, 0, word.length));
  }

  /** The id of `word`, or undefined if it was never interned. */
  get(word: string): number | undefined {
    const id = this.find(word, 0, word.length, wordHash(word, 0, word.length));
    return id < 0 ? undefined : id;
  }

  /** Id of s[start, end) (whose `wordHash` is `hash`), `’` read as `'`, adding it if new. @internal */
  internSpan(s: string, start: number, end: number, hash: number): number {
    const found = this.find(s, start, end, hash);
    return found >= 0 ? found : this.add(s, start, end, hash);
  }

  private find(s: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const pool = this.pool;
    const mask = (slots.length >> 2) - 1;
    const length = end - start;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const at = i << 2;
      const entry = slots[at + 1];
      if (entry === 0) return -1;
      if (slots[at] !== hash || slots[at + 3] !== length) continue;
      const from = slots[at + 2];
      let k = 0;
      while (k < length && pool[from + k] === normalisedCharAt(s, start + k)) k++;
      if (k === length) return entry - 1;
    }
  }

  private add(s: string, start: number, end: number, hash: number): number {
    let word = s.slice(start, end);
    if (word.includes('’')) word = word.replace(/’/g, "'");
    const id = this.words.length;
    this.words.push(word);
    if (id + 1 === this.offset.length) {
      this.offset = grown(this.offset, this.offset.length * 2);
      this.stop = grown(this.stop, this.stop.length * 2);
    }
    const from = this.offset[id];
    if (from + word.length > this.pool.length) this.pool = grown(this.pool, Math.max(this.pool.length * 2, from + word.length));
    for (let k = 0; k < word.length; k++) this.pool[from + k] = word.charCodeAt(k);
    this.offset[id + 1] = from + word.length;
    this.stop[id] = this.stopWords !== false && this.stopWords.has(word) ? 1 : 0;
    if ((id + 1) * 2 > this.slots.length >> 2) this.rehash(this.slots.length * 2);
    this.place(id, hash);
    return id;
  }

  private place(id: number, hash: number): void {
    const mask = (this.slots.length >> 2) - 1;
    let i = hash & mask;
    while (this.slots[(i << 2) + 1] !== 0) i = (i + 1) & mask;
    const at = i << 2;
    this.slots[at] = hash;
    this.slots[at + 1] = id + 1;
    this.slots[at + 2] = this.offset[id];
    this.slots[at + 3] = this.offset[id + 1] - this.offset[id];
  }

  private rehash(length: number): void {
    const old = this.slots;
    this.slots = new Int32Array(length);
    for (let i = 0; i < old.length; i += 4) {
      if (old[i + 1] !== 0) this.place(old[i + 1] - 1, old[i]);
    }
  }
}
