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
//
// Chinese, Japanese and Korean letters are the exception: Chinese and Japanese
// put no spaces between words, so a run of them is split into words by
// Intl.Segmenter, and such a run never joins the Latin letters or digits next
// to it ("中国向けH20の出荷" has "h20" in it).
const NON_ASCII_LETTER = /^\p{L}$/u;
const NON_ASCII_WORD_CHAR = /^[\p{L}\p{M}\p{N}’]$/u;
/**
 * The characters of Chinese, Japanese and Korean text, for a character class: by Script, with the kana marks and the
 * CJK punctuation block (Script_Extensions would also take in combining marks that Latin text uses, such as U+0323
 * of Vietnamese "ạ" written decomposed).
 */
export const CJK_CHARACTERS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\u3000-\\u303f\\u3099\\u309a\\u30fc\\uff70\\uff9e\\uff9f';
/**
 * Whether `text` may contain `CJK_CHARACTERS`: a test by Unicode block, several times cheaper than the exact class, for
 * code that takes a slower path only for such text (a false positive, such as an emoji, only costs that path).
 */
export function mayContainCjk(text: string): boolean {
  return MAY_BE_CJK.test(text);
}
const MAY_BE_CJK = /[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\udbff\uf900-\ufaff\uff00-\uffef]/;
const CJK_WORD_CHAR = new RegExp(`^(?=[\\p{L}\\p{M}\\p{N}])[${CJK_CHARACTERS}]$`, 'u');
/** What a non-ASCII code point can be in a word. */
const NOT_WORD = 0;
const LETTER = 1;
const WORD_CHAR = 2;
const CJK = 3;
const kinds = new Map<number, number>();

function kindOf(codePoint: number): number {
  let kind = kinds.get(codePoint);
  if (kind === undefined) {
    const char = String.fromCodePoint(codePoint);
    kind = CJK_WORD_CHAR.test(char) ? CJK : NON_ASCII_LETTER.test(char) ? LETTER : NON_ASCII_WORD_CHAR.test(char) ? WORD_CHAR : NOT_WORD;
    // Room for the few thousand Han characters of Chinese or Japanese text besides every other script's letters.
    if (kinds.size < 16384) kinds.set(codePoint, kind);
  }
  return kind;
}

const HYPHEN = 0x2d;

/**
 * Result slots of `scanWord`: [start, end, resume-at, hash of s[start, end), 1 if it is a run of CJK letters to
 * split into words (and no hash) else 0]. Module-level so that scanning allocates nothing per word; safe because
 * scanning is synchronous and never re-entered.
 */
const span = new Int32Array(5);

/**
 * Find the next word, or run of CJK letters, in the lower-cased string `s` at
 * or after `from`. On success `span` holds the word's [start, end) — trailing
 * `'`/`’`/`-` and a possessive `'s` already trimmed —, where scanning resumes,
 * and the word's `wordHash` (computed on the fly, so interning needs no second
 * pass).
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
      const kind = kindOf(cp);
      if (kind === CJK) return scanCjkRun(s, i);
      if (kind !== LETTER) {
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
        const kind = kindOf(cp);
        if (kind === NOT_WORD || kind === CJK) break;
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
    span[4] = 0;
    return true;
  }
  return false;
}

/** `scanWord` for the run of CJK letters starting at `start`. */
function scanCjkRun(s: string, start: number): true {
  let i = start;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 0x80) break;
    const cp = s.codePointAt(i)!;
    if (kindOf(cp) !== CJK) break;
    i += cp > 0xffff ? 2 : 1;
  }
  span[0] = start;
  span[1] = i;
  span[2] = i;
  span[4] = 1;
  return true;
}

const KANA = /[\p{sc=Hiragana}\p{sc=Katakana}]/u;
const HANGUL = /\p{sc=Hangul}/u;
const segmenters = new Map<string, Intl.Segmenter>();

/** A word segmenter for the language a run of CJK letters is most likely in: kana are only Japanese, Hangul only Korean. */
function segmenterFor(run: string): Intl.Segmenter {
  const locale = KANA.test(run) ? 'ja' : HANGUL.test(run) ? 'ko' : 'zh';
  let segmenter = segmenters.get(locale);
  if (segmenter === undefined) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  return segmenter;
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
  for (let at = 0; wordsLeft > 0 && scanWord(lower, at); at = span[2]) {
    if (span[4] === 0) {
      wordsLeft--;
      if (span[1] - span[0] >= minLength) visit(lower, span[0], span[1], span[3]);
      continue;
    }
    const start = span[0];
    const run = lower.slice(start, span[1]);
    for (const { segment, index, isWordLike } of segmenterFor(run).segment(run)) {
      if (!isWordLike) continue;
      if (wordsLeft === 0) break;
      wordsLeft--;
      const from = start + index;
      const to = from + segment.length;
      if (to - from >= minLength) visit(lower, from, to, wordHash(lower, from, to));
    }
  }
}

/**
 * Split `text` into lower-cased word tokens, in order. A word starts with a
 * letter (any script) and continues with letters, marks, digits, `'`, `’` or
 * `-`; a run of Chinese, Japanese or Korean letters is split into words by
 * `Intl.Segmenter` (so the default `minLength` drops one-character words such
 * as the particles の, を, 的, as it drops English ones). Curly apostrophes are
 * normalised to `'`, a possessive `'s` is dropped ("Google's" → "google"),
 * trailing hyphens/apostrophes are trimmed, and stop words and tokens shorter
 * than `minLength` are removed. Bare numbers are not words.
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
