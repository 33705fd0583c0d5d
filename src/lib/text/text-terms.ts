/**
 * Small, dependency-free text helpers shared by the ranking modules
 * (related articles today, near-duplicate detection later).
 *
 * - `stripMarkdown` removes Markdown/MDX syntax that would otherwise leak
 *   noise terms (link URLs, code, HTML tags, entities) while keeping the
 *   prose, link texts and image alt texts.
 * - `tokenize` lower-cases and splits text into Unicode-aware word tokens,
 *   dropping English stop words by default.
 * - `Vocabulary` + `tokenizeToIds` do the same but map words to dense integer
 *   ids without allocating a string per occurrence (for corpus-scale work).
 *
 * All are cheap and deliberately approximate: they are meant for statistics
 * over prose, not for rendering.
 */

/** A compact English stop-word list (function words, auxiliaries, contractions). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `
    a about above after again against all almost also although always am among an and another any anybody
    anyone anything anyway anywhere are aren't around as at back be became because become becomes been
    before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
    don't done down during each either else enough etc even ever every everyone everything few for from
    further get gets getting go goes going got had hadn't has hasn't have haven't having he he'd he'll he's
    her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't
    it it's its itself just least less let let's like likely made make makes many may maybe me might mine
    more most much must mustn't my myself neither never no nobody none nor not nothing now of off often on
    once one ones only onto or other others otherwise our ours ourselves out over own per perhaps quite
    rather really said same say says see seem seemed seems several shall shan't she she'd she'll she's
    should shouldn't since so some somebody someone something sometimes somewhat still such than that that's
    the their theirs them themselves then there there's therefore these they they'd they'll they're they've
    thing things this those though through thus to together too toward towards under until up upon us use
    used uses using very via was wasn't we we'd we'll we're we've well were weren't what what's whatever
    when when's where where's whether which while who who's whoever whole whom whose why why's will with
    within without won't would wouldn't yes yet you you'd you'll you're you've your yours yourself
    yourselves
  `
    .trim()
    .split(/\s+/),
);

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$(?![\s\S]))/g;
const INLINE_CODE = /(`+)[^`]*?\1/g;
// ![alt](url "title") and [text](url "title"): keep the visible text only.
const INLINE_LINK = /!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
// [text][ref] reference links: keep the text.
const REFERENCE_LINK = /!?\[([^\]\n]*)\]\[[^\]\n]*\]/g;
const HTML_TAG = /<\/?[A-Za-z][^<>]*>/g;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]*:|[^<>\s@]+@)[^<>\s]*>/g;
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()\]]+/gi;
const HTML_ENTITY = /&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#x[0-9A-Fa-f]+);/g;
// Line-level syntax, checked once per line in `stripBlocks`.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S/;
const MDX_IMPORT_EXPORT = /^(?:import|export)\s/;

/**
 * Remove Markdown/MDX syntax noise from `markdown`, returning plain-ish prose.
 * Code (fenced and inline), HTML comments and tags, MDX import/export lines,
 * link reference definitions, link URLs, bare URLs and HTML entities are
 * replaced by spaces; link texts and image alt texts are kept. Punctuation
 * such as `#`, `*` or `>` is left alone: `tokenize` ignores it anyway.
 */
export function stripMarkdown(markdown: string): string {
  let text = stripBlocks(markdown);
  if (text.includes('<')) {
    text = text.replace(HTML_COMMENT, ' ').replace(AUTOLINK, ' ').replace(HTML_TAG, ' ');
  }
  if (text.includes('`')) text = text.replace(INLINE_CODE, ' ');
  if (text.includes('[')) text = text.replace(INLINE_LINK, ' $1 ').replace(REFERENCE_LINK, ' $1 ');
  if (text.includes('http') || text.includes('www.')) text = text.replace(BARE_URL, ' ');
  if (text.includes('&')) text = text.replace(HTML_ENTITY, ' ');
  return text;
}

/**
 * Drop whole lines that are not prose: fenced code blocks (an unclosed fence
 * runs to the end, as in CommonMark), MDX `import`/`export` lines and link
 * reference definitions (`[label]: https://…`).
 */
function stripBlocks(text: string): string {
  const mdx =
    text.startsWith('import') || text.startsWith('export') || text.includes('\nimport') || text.includes('\nexport');
  if (!mdx && !text.includes('```') && !text.includes('~~~') && !text.includes(']:')) return text;
  const lines = text.split('\n');
  const kept: string[] = [];
  let fence = ''; // the open fence's marker run, or "" outside code
  for (const line of lines) {
    if (fence) {
      // Closed by a run of the same character, at least as long, indented at most 3 spaces.
      const trimmed = line.trim();
      if (trimmed.length >= fence.length && trimmed === fence[0]!.repeat(trimmed.length) && line.search(/\S/) <= 3) fence = '';
      continue;
    }
    const first = line.charCodeAt(line.search(/\S|$/));
    if (first === 0x60 /* ` */ || first === 0x7e /* ~ */) {
      const open = FENCE_OPEN.exec(line);
      if (open) {
        fence = open[1];
        continue;
      }
    } else if (first === 0x5b /* [ */ && LINK_DEFINITION.test(line)) {
      continue;
    } else if ((first === 0x69 /* i */ || first === 0x65 /* e */) && MDX_IMPORT_EXPORT.test(line)) {
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n');
}

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

const APOSTROPHE = 0x27;
const CURLY_APOSTROPHE = 0x2019;
const HYPHEN = 0x2d;

/** Result slots of `scanWord`: [start, end, resume-at, hash of s[start, end)]. */
const span = new Int32Array(4);

/**
 * Find the next word in the lower-cased string `s` at or after `from`. On
 * success `span` holds the word's [start, end) — trailing `'`/`’`/`-` and a
 * possessive `'s` already trimmed —, where scanning resumes, and the word's
 * `hashSpan` (computed on the fly, so interning needs no second pass).
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
    let hash = Math.imul(FNV_OFFSET ^ c, FNV_PRIME);
    if (c >= 0xd800 && c <= 0xdbff) {
      hash = Math.imul(hash ^ s.charCodeAt(i + 1), FNV_PRIME);
      i += 2;
    } else {
      i++;
    }
    while (i < length) {
      c = s.charCodeAt(i);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === APOSTROPHE || c === HYPHEN) {
        hash = Math.imul(hash ^ c, FNV_PRIME);
        i++;
      } else if (c >= 0x80) {
        const cp = s.codePointAt(i)!;
        if (!classify(cp, NON_ASCII_WORD_CHAR, wordCharCache)) break;
        if (cp > 0xffff) {
          hash = Math.imul(Math.imul(hash ^ c, FNV_PRIME) ^ s.charCodeAt(i + 1), FNV_PRIME);
          i += 2;
        } else {
          hash = Math.imul(hash ^ (c === CURLY_APOSTROPHE ? APOSTROPHE : c), FNV_PRIME);
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
    span[3] = end === i ? hash : hashSpan(s, start, end);
    return true;
  }
  return false;
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
  const minLength = options.minLength ?? 2;
  let wordsLeft = options.maxWords ?? Infinity;
  const tokens: string[] = [];
  const s = text.toLowerCase();
  for (let at = 0; wordsLeft > 0 && scanWord(s, at); at = span[2], wordsLeft--) {
    if (span[1] - span[0] < minLength) continue;
    let token = s.slice(span[0], span[1]);
    if (token.includes('’')) token = token.replace(/’/g, "'");
    if (stopWords && stopWords.has(token)) continue;
    tokens.push(token);
  }
  return tokens;
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
    return this.internSpan(word, 0, word.length, hashSpan(word, 0, word.length));
  }

  /** The id of `word`, or undefined if it was never interned. */
  get(word: string): number | undefined {
    const id = this.find(word, 0, word.length, hashSpan(word, 0, word.length));
    return id < 0 ? undefined : id;
  }

  /** Id of s[start, end) (whose `hashSpan` is `hash`), `’` read as `'`, adding it if new. @internal */
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

/** A copy of `array` with room for `length` elements. */
function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}

function normalisedCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c === CURLY_APOSTROPHE ? APOSTROPHE : c;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a (as a signed int) over UTF-16 code units, reading `’` as `'`. */
function hashSpan(s: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ normalisedCharAt(s, i), FNV_PRIME);
  return h;
}

/**
 * Like `tokenize`, but returns word ids from `vocabulary` (interning new
 * words) and drops the vocabulary's stop words. Same word rules, `minLength`
 * and `maxWords` as `tokenize`; `options.stopWords` is ignored.
 */
export function tokenizeToIds(text: string, vocabulary: Vocabulary, options: TokenizeOptions = {}): number[] {
  const minLength = options.minLength ?? 2;
  let wordsLeft = options.maxWords ?? Infinity;
  const ids: number[] = [];
  const s = text.toLowerCase();
  for (let at = 0; wordsLeft > 0 && scanWord(s, at); at = span[2], wordsLeft--) {
    if (span[1] - span[0] < minLength) continue;
    const id = vocabulary.internSpan(s, span[0], span[1], span[3]);
    if (!vocabulary.isStopWord(id)) ids.push(id);
  }
  return ids;
}
