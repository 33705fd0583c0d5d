/**
 * Words out of text: lower-cased, Unicode-aware word tokens (`tokenize`), or
 * their ids in a `Vocabulary` without a string per occurrence
 * (`tokenizeToIds`, for corpus-scale work). English stop words are dropped by
 * default. Meant for statistics over prose.
 */
import { FNV_OFFSET_BASIS, fnv1aStep } from './hashing.ts';
import { ENGLISH_STOP_WORDS } from './stop-words.ts';
import { APOSTROPHE, CURLY_APOSTROPHE, wordHash, type Vocabulary } from './vocabulary.ts';

export interface TokenizeOptions {
  /**
   * Words to drop (compared after lower-casing). Default: `ENGLISH_STOP_WORDS`;
   * `false` keeps everything. (`tokenizeToIds` uses its vocabulary's list.)
   */
  stopWords?: ReadonlySet<string> | false;
  /** Minimum token length in UTF-16 code units. Default 2. */
  minLength?: number;
  /**
   * Stop after this many words have been read, stop words and too-short
   * words included ("the first N words of the text"). Default: unlimited.
   */
  maxWords?: number;
}

// A word starts with a letter and continues with letters, combining marks,
// digits, apostrophes or hyphens ("quantum-safe", "don't", "covid-19",
// "café") — i.e. /\p{L}[\p{L}\p{M}\p{N}'’-]*/u. ASCII is classified by char
// code; other code points with Unicode property escapes (cached), which keeps
// the common case fast and allocation-free.
const NON_ASCII_LETTER = /^\p{L}$/u;
const NON_ASCII_WORD_CHAR = /^[\p{L}\p{M}\p{N}’]$/u;
const letterCache = new Map<number, boolean>();
const wordCharCache = new Map<number, boolean>();

function classify(codePoint: number, pattern: RegExp, cache: Map<number, boolean>): boolean {
  let known = cache.get(codePoint);
  if (known === undefined) {
    known = pattern.test(String.fromCodePoint(codePoint));
    if (cache.size < 4096) cache.set(codePoint, known);
  }
  return known;
}

const HYPHEN = 0x2d;

/**
 * Result slots of `scanWord`: [start, end, resume-at, hash of s[start, end)]. Module-level so that
 * scanning allocates nothing per word; safe because scanning is synchronous and never re-entered.
 */
const span = new Int32Array(4);

/**
 * Find the next word in the lower-cased string `s` at or after `from`. On
 * success `span` holds the word's [start, end) — trailing `'`/`’`/`-` and a
 * possessive `'s` already trimmed —, where scanning resumes, and the word's
 * `wordHash` (computed on the fly, so interning needs no second pass).
 */
function scanWord(s: string, from: number): boolean {
  const length = s.length;
  let i = from;
  while (i < length) {
    let c = s.charCodeAt(i);
    if (c < 0x61 || c > 0x7a) {
      if (c < 0x80) {
        i++;
        continue;
      }
      const cp = s.codePointAt(i)!;
      if (!classify(cp, NON_ASCII_LETTER, letterCache)) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    const start = i;
    let hash = fnv1aStep(FNV_OFFSET_BASIS, c);
    if (c >= 0xd800 && c <= 0xdbff) {
      hash = fnv1aStep(hash, s.charCodeAt(i + 1));
      i += 2;
    } else {
      i++;
    }
    while (i < length) {
      c = s.charCodeAt(i);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === APOSTROPHE || c === HYPHEN) {
        hash = fnv1aStep(hash, c);
        i++;
      } else if (c >= 0x80) {
        const cp = s.codePointAt(i)!;
        if (!classify(cp, NON_ASCII_WORD_CHAR, wordCharCache)) break;
        if (cp > 0xffff) {
          hash = fnv1aStep(fnv1aStep(hash, c), s.charCodeAt(i + 1));
          i += 2;
        } else {
          hash = fnv1aStep(hash, c === CURLY_APOSTROPHE ? APOSTROPHE : c);
          i++;
        }
      } else {
        break;
      }
    }
    let end = i;
    for (c = s.charCodeAt(end - 1); c === APOSTROPHE || c === CURLY_APOSTROPHE || c === HYPHEN; ) {
      c = s.charCodeAt(--end - 1);
    }
    if (end - start > 2 && s.charCodeAt(end - 1) === 0x73 /* s */) {
      const q = s.charCodeAt(end - 2);
      if (q === APOSTROPHE || q === CURLY_APOSTROPHE) end -= 2;
    }
    span[0] = start;
    span[1] = end;
    span[2] = i;
    span[3] = end === i ? hash : wordHash(s, start, end);
    return true;
  }
  return false;
}

/**
 * Calls `visit` with each word of `text` lower-cased (the string `lower`, the word's [start, end) in it and its
 * `wordHash`), honouring `minLength` and `maxWords`: the one loop behind `tokenize` and `tokenizeToIds`.
 */
function forEachWord(
  text: string,
  options: TokenizeOptions,
  visit: (lower: string, start: number, end: number, hash: number) => void,
): void {
  const minLength = options.minLength ?? 2;
  let wordsLeft = options.maxWords ?? Infinity;
  const lower = text.toLowerCase();
  for (let at = 0; wordsLeft > 0 && scanWord(lower, at); at = span[2], wordsLeft--) {
    if (span[1] - span[0] >= minLength) visit(lower, span[0], span[1], span[3]);
  }
}

/**
 * Split `text` into lower-cased word tokens, in order. A word starts with a
 * letter (any script) and continues with letters, marks, digits, `'`, `’` or
 * `-`. Curly apostrophes are normalised to `'`, a possessive `'s` is dropped
 * ("Google's" → "google"), trailing hyphens/apostrophes are trimmed, and stop
 * words and tokens shorter than `minLength` are removed. Bare numbers are not
 * words.
 */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const stopWords = options.stopWords === undefined ? ENGLISH_STOP_WORDS : options.stopWords;
  const tokens: string[] = [];
  forEachWord(text, options, (lower, start, end) => {
    let token = lower.slice(start, end);
    if (token.includes('’')) token = token.replace(/’/g, "'");
    if (!stopWords || !stopWords.has(token)) tokens.push(token);
  });
  return tokens;
}

/**
 * Like `tokenize`, but returns word ids from `vocabulary` (interning new
 * words) and drops the vocabulary's stop words. Same word rules, `minLength`
 * and `maxWords` as `tokenize`; `options.stopWords` is ignored.
 */
export function tokenizeToIds(text: string, vocabulary: Vocabulary, options: TokenizeOptions = {}): number[] {
  const ids: number[] = [];
  forEachWord(text, options, (lower, start, end, hash) => {
    const id = vocabulary.internSpan(lower, start, end, hash);
    if (!vocabulary.isStopWord(id)) ids.push(id);
  });
  return ids;
}
