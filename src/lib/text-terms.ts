/**
 * Small, dependency-free text helpers shared by the ranking modules
 * (related articles today, near-duplicate detection later).
 *
 * - `stripMarkdown` removes Markdown/MDX syntax that would otherwise leak
 *   noise terms (link URLs, code, HTML tags, entities) while keeping the
 *   prose, link texts and image alt texts.
 * - `tokenize` lower-cases and splits text into Unicode-aware word tokens,
 *   dropping English stop words by default.
 *
 * Both are cheap, regex-based and deliberately approximate: they are meant
 * for statistics over prose, not for rendering.
 */

/** A compact English stop-word list (function words, auxiliaries, contractions). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all almost also although always am among an and another any anybody " +
    "anyone anything anyway anywhere are aren't around as at back be became because become becomes been before " +
    "being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't done " +
    "down during each either else enough etc even ever every everyone everything few for from further get gets " +
    "getting go goes going got had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers " +
    "herself him himself his how how's however i i'd i'll i'm i've if in into is isn't it it's its itself just " +
    "least less let let's like likely made make makes many may maybe me might mine more most much must mustn't my " +
    "myself neither never no nobody none nor not nothing now of off often on once one ones only onto or other " +
    "others otherwise our ours ourselves out over own per perhaps quite rather really said same say says see " +
    "seem seemed seems several shall shan't she she'd she'll she's should shouldn't since so some somebody " +
    "someone something sometimes somewhat still such than that that's the their theirs them themselves then there " +
    "there's therefore these they they'd they'll they're they've thing things this those though through thus to " +
    "together too toward towards under until up upon us use used uses using very via was wasn't we we'd we'll " +
    "we're we've well were weren't what what's whatever when when's where where's whether which while who who's " +
    "whoever whole whom whose why why's will with within without won't would wouldn't yes yet you you'd you'll " +
    "you're you've your yours yourself yourselves"
  ).split(" "),
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
  if (text.includes("<")) {
    text = text.replace(HTML_COMMENT, " ").replace(AUTOLINK, " ").replace(HTML_TAG, " ");
  }
  if (text.includes("`")) text = text.replace(INLINE_CODE, " ");
  if (text.includes("[")) text = text.replace(INLINE_LINK, " $1 ").replace(REFERENCE_LINK, " $1 ");
  if (text.includes("http") || text.includes("www.")) text = text.replace(BARE_URL, " ");
  if (text.includes("&")) text = text.replace(HTML_ENTITY, " ");
  return text;
}

/**
 * Drop whole lines that are not prose: fenced code blocks (an unclosed fence
 * runs to the end, as in CommonMark), MDX `import`/`export` lines and link
 * reference definitions (`[label]: https://…`).
 */
function stripBlocks(text: string): string {
  if (!text.includes("```") && !text.includes("~~~") && !text.includes("]:") &&
      !text.includes("import") && !text.includes("export")) {
    return text;
  }
  const lines = text.split("\n");
  const kept: string[] = [];
  let fence = ""; // the open fence's marker run, or "" outside code
  for (const line of lines) {
    if (fence) {
      const trimmed = line.trim();
      if (trimmed.startsWith(fence) && /^[`~]*$/.test(trimmed) && line.search(/\S/) <= 3) fence = "";
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
  return kept.join("\n");
}

export interface TokenizeOptions {
  /** Words to drop (compared after lower-casing). Default: `ENGLISH_STOP_WORDS`; `false` keeps everything. */
  stopWords?: ReadonlySet<string> | false;
  /** Minimum token length in code units. Default 2. */
  minLength?: number;
  /** Stop after this many kept tokens (cheap prefix processing of long texts). Default: unlimited. */
  maxTokens?: number;
}

// A word starts with a letter and continues with letters, digits, combining
// marks, apostrophes or hyphens ("quantum-safe", "don't", "covid-19", "café").
// ASCII is scanned by char code; other code points are classified with
// Unicode property escapes (and cached), which keeps the common case fast.
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
  const maxTokens = options.maxTokens ?? Infinity;
  const tokens: string[] = [];
  if (maxTokens <= 0) return tokens;
  const s = text.toLowerCase();
  const length = s.length;
  let i = 0;
  while (i < length) {
    let c = s.charCodeAt(i);
    // Skip to the start of a word (a letter).
    if (c < 0x61 || c > 0x7a) {
      if (c < 0x80) {
        i++;
        continue;
      }
      const cp = s.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      if (!classify(cp, NON_ASCII_LETTER, letterCache)) {
        i += width;
        continue;
      }
    }
    const start = i;
    let curly = false;
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    // Extend over word characters.
    while (i < length) {
      c = s.charCodeAt(i);
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x2d) {
        i++;
      } else if (c >= 0x80) {
        const cp = s.codePointAt(i)!;
        if (!classify(cp, NON_ASCII_WORD_CHAR, wordCharCache)) break;
        if (cp === 0x2019) curly = true;
        i += cp > 0xffff ? 2 : 1;
      } else {
        break;
      }
    }
    let token = s.slice(start, i);
    if (curly) token = token.replace(/’/g, "'");
    let end = token.length;
    while (end > 0 && (token.charCodeAt(end - 1) === 0x27 || token.charCodeAt(end - 1) === 0x2d)) end--;
    if (end > 1 && token.charCodeAt(end - 1) === 0x73 /* s */ && token.charCodeAt(end - 2) === 0x27) end -= 2;
    if (end !== token.length) token = token.slice(0, end);
    if (token.length < minLength) continue;
    if (stopWords && stopWords.has(token)) continue;
    tokens.push(token);
    if (tokens.length >= maxTokens) break;
  }
  return tokens;
}
