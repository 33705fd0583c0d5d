/**
 * The named things a news text mentions, read from its capitalisation: companies, people, products and places
 * ("European Commission", "Nvidia", "H20", "iPhone"), and figures with their units ("$2.5 billion", "40%", "3 nm").
 * Outlets that tell one event in their own words still share these.
 */
import { ENGLISH_STOP_WORDS } from '../text/stop-words.ts';
import { CJK_CHARACTERS, mayContainCjk } from '../text/tokenizer.ts';
import { grown } from '../text/typed-arrays.ts';

export interface Names {
  /** Lower-cased words that are part of a name. */
  words: Set<string>;
  /** Each name once, lower-cased: a one-word name, or a multi-word one with its words joined by one space. */
  whole: Set<string>;
  /** Lower-cased multi-word names, words joined by one space. */
  phrases: Set<string>;
  /** Figures as "2.5e9", "40%" or "3nm": the same amount written two ways gives one key. */
  figures: Set<string>;
}

const WORD_START = '\\p{L}\\p{N}$€£¥';
const WORD_REST = "\\p{L}\\p{N}'’&.,%$\\-";
// A word keeps the colon, semicolon, "!" or "?" after it, which end a sentence or a headline's label
// ("Live: Starship…").
const WORD_END = '[:;!?]*';
const WORD = new RegExp(`[${WORD_START}][${WORD_REST}]*${WORD_END}`, 'gu');
// Chinese, Japanese and Korean text is a word of its own, which has no capitals and so ends a name: a Latin name
// written in it is read apart ("H20" in "中国向けH20の出荷"). Only text that may have such letters pays for the longer pattern.
const WORD_AMONG_CJK = new RegExp(`[${CJK_CHARACTERS}]+|[[${WORD_START}]--[${CJK_CHARACTERS}]][[${WORD_REST}]--[${CJK_CHARACTERS}]]*${WORD_END}`, 'gv');
const wordsOf = (text: string): string[] => text.match(mayContainCjk(text) ? WORD_AMONG_CJK : WORD) ?? [];
const SENTENCE_END = /[.!?:]["'’”)]*$/;
/** Lower-case words allowed inside a name: "Bank of Japan", "Ministry for Economy". */
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'der', 'la', 'von', 'van', '&', 'and']);
const CAPITALISED = /^\p{Lu}/u;
/**
 * Days and months are capitalised but name no one: two reports that both say "on Monday" share no name. Only a word
 * alone is a date; in a longer name it is part of it ("Theresa May", "Jan Koum", "Cyber Monday"). "Sun" is left out,
 * being a newspaper's and companies' name far more often than a day's.
 */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat
   january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);
/** iPhone, H20, GPT-5, M4: internal capitals or letters mixed with digits make a name wherever it stands. */
const MARKED_NAME = /^(?:\p{Ll}+\p{Lu}|\p{L}+-?\d|\d+\p{L}*\p{Lu})/u;
const ACRONYM = /^\p{Lu}{2,}$/u;

const SCALES: Readonly<Record<string, number>> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, millions: 1e6, b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9, tn: 1e12, trillion: 1e12,
  // Outlets in other languages: "10,6 Milliarden" read as a bare 10.6 would contradict "$10.6 billion" in a headline.
  mio: 1e6, millionen: 1e6, millones: 1e6, milioni: 1e6, mrd: 1e9, milliarde: 1e9, milliarden: 1e9, milliard: 1e9, milliards: 1e9, miliardi: 1e9,
};
/** Chinese and Japanese count large amounts in myriads: "70億ドル" is $7 billion, "3兆円" ¥3 trillion. */
const CJK_SCALES: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 億: 1e8, 亿: 1e8, 兆: 1e12 };
const UNITS = new Set(['%', 'percent', 'nm', 'nanometre', 'nanometer', 'gb', 'tb', 'mb', 'ghz', 'mhz', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'qubit', 'qubits', 'km', 'users', 'customers', 'people', 'jobs', 'employees', 'records', 'accounts', 'countries']);
const CURRENCY_SIGNS = '$€£¥';
const UPPER_OR_DIGIT = /[A-Z\d]/;
const CURRENCY = /^[$€£¥]/;
const EUROPEAN_GROUPING = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const FIGURE = /^[$€£¥]?(\d+(?:[.,]\d+)*)(%|[a-z]+)?$/i;

/** One text read once: its runs of capitalised words and its figures. Each text starts a sentence. */
export interface ScannedText {
  runs: Run[];
  /** Figures as `Names.figures` keys, each once. */
  figures: string[];
  /** Whether it is in Title Case, most of its longer words capitalised, so that a capital marks no name. */
  titleCase: boolean;
  /** Its acronyms ("FDA"), lower-cased. */
  acronyms: string[];
}

interface Run {
  /** Lower-cased, connectors included. */
  words: string[];
  startsSentence: boolean;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * How the archive writes words where a capital means something: mid-sentence. An article may name a company only
 * at the start of its sentences ("Coinvault halts withdrawals… Coinvault said"), where a capital is only grammar;
 * other articles that write it capitalised mid-sentence, and none in lower case, show it is a name. A word they
 * write in lower case is a plain word when its capital opens a sentence ("Record fine for…").
 */
export class ArchiveCasing {
  readonly #capitalised = new Set<string>();
  readonly #lowerCase = new Set<string>();
  readonly #acronyms = new Set<string>();

  /** A word written in lower case: `scanText` tells it as it reads, so no text keeps a list of them. */
  sawLowerCase(word: string): void {
    this.#lowerCase.add(word);
  }

  /** Takes in a text's names and acronyms. */
  observe(text: ScannedText): void {
    for (const acronym of text.acronyms) this.#acronyms.add(acronym);
    for (const run of text.runs) {
      for (let at = run.startsSentence ? 1 : 0; at < run.words.length; at++) this.#capitalised.add(stripPossessive(run.words[at]!));
      // A one-word name is among the words just taken in.
      if (!run.startsSentence && run.words.length > 1) this.#capitalised.add(contentWords(run.words).join(' '));
    }
  }

  /** Whether the archive writes this word (or these words, one space apart) as a name mid-sentence, never in lower case. */
  isName(name: string): boolean {
    return this.#capitalised.has(name) && !this.#lowerCase.has(name);
  }

  /** Whether some article writes this word as an acronym ("FDA"). */
  isAcronym(word: string): boolean {
    return this.#acronyms.has(word);
  }

  /** Whether the archive writes this word in lower case and never capitalised mid-sentence. */
  isPlainWord(word: string): boolean {
    return this.#lowerCase.has(word) && !this.#capitalised.has(word);
  }
}

const NO_ARCHIVE = new ArchiveCasing();

/**
 * Scanned texts kept until the whole archive's casing is known, as one flat list of numbers: each word and figure is
 * kept once as a string, and a text as their ids. An object per run and per text, and a string per word, kept that
 * long, would be copied by the collector from one young space to the next.
 */
export class KeptScans {
  readonly #idOf = new Map<string, number>();
  readonly #strings: string[] = [];
  /**
   * Per text: 1 when in Title Case, its run count, each run (its word count, twice, plus 1 when it opens a sentence,
   * then its word ids), its figure count and figure ids.
   */
  #list = new Int32Array(1 << 16);
  #length = 0;
  /** Where each text starts in `#list`. */
  #starts = new Int32Array(1 << 12);
  #count = 0;

  /** Keeps a text; `text(n)` gives back the n-th kept. */
  keep(text: ScannedText): void {
    if (this.#count === this.#starts.length) this.#starts = grown(this.#starts, this.#count * 2);
    this.#starts[this.#count++] = this.#length;
    this.#push(text.titleCase ? 1 : 0);
    this.#push(text.runs.length);
    for (const run of text.runs) {
      this.#push(run.words.length * 2 + (run.startsSentence ? 1 : 0));
      for (const word of run.words) this.#push(this.#id(word));
    }
    this.#push(text.figures.length);
    for (const figure of text.figures) this.#push(this.#id(figure));
  }

  /** The n-th text kept, without its acronyms: the archive's casing took them in as it was read. */
  text(index: number): ScannedText {
    const list = this.#list;
    let at = this.#starts[index]!;
    const titleCase = list[at++] === 1;
    const runs: Run[] = new Array(list[at++]!);
    for (let run = 0; run < runs.length; run++) {
      const header = list[at++]!;
      const words: string[] = new Array(header >> 1);
      for (let word = 0; word < words.length; word++) words[word] = this.#strings[list[at++]!]!;
      runs[run] = { words, startsSentence: (header & 1) === 1 };
    }
    const figures: string[] = new Array(list[at++]!);
    for (let figure = 0; figure < figures.length; figure++) figures[figure] = this.#strings[list[at++]!]!;
    return { runs, figures, titleCase, acronyms: [] };
  }

  #id(text: string): number {
    let id = this.#idOf.get(text);
    if (id === undefined) {
      this.#idOf.set(text, (id = this.#strings.length));
      this.#strings.push(text);
    }
    return id;
  }

  #push(value: number): void {
    if (this.#length === this.#list.length) this.#list = grown(this.#list, this.#length * 2);
    this.#list[this.#length++] = value;
  }
}

/**
 * The names in some scanned texts. `namedElsewhere` are names the article gives in other texts, so that a word
 * opening a sentence can be recognised as one of them; `archive` tells the same from how other articles write it.
 */
export function namesIn(texts: readonly ScannedText[], namedElsewhere: ReadonlySet<string> = NO_NAMES, archive: ArchiveCasing = NO_ARCHIVE): Names {
  const names: Names = { words: new Set(), whole: new Set(), phrases: new Set(), figures: new Set() };
  const namedMidSentence = new Set(namedElsewhere);
  for (const text of texts) {
    for (const figure of text.figures) names.figures.add(figure);
    for (const run of text.runs) for (let at = run.startsSentence ? 1 : 0; at < run.words.length; at++) namedMidSentence.add(stripPossessive(run.words[at]!));
  }
  const isName = (name: string) => namedMidSentence.has(name) || archive.isName(name);
  for (const text of texts) for (const run of text.runs) addName(run, isName, archive, names);
  return names;
}

/**
 * The names in a headline. One in Title Case capitalises every word, so there only the names its dek and lead
 * also give count, found as the longest known stretches of its capitalised runs ("Zenta Robotics" in "Zenta
 * Robotics Prices IPO"), with figures and marked names such as "H20", which need no capital to stand out.
 */
export function headlineNames(scanned: ScannedText, namedElsewhere: ReadonlySet<string>, archive: ArchiveCasing = NO_ARCHIVE): Names {
  if (!scanned.titleCase) return namesIn([scanned], namedElsewhere, archive);
  const names: Names = { words: new Set(), whole: new Set(), phrases: new Set(), figures: new Set(scanned.figures) };
  for (const run of scanned.runs) {
    const content = contentWords(run.words);
    for (let start = 0; start < content.length; ) {
      let end = content.length;
      while (end > start && !(namedElsewhere.has(content.slice(start, end).join(' ')) || (end === start + 1 && MARKED_NAME.test(content[start]!)))) end--;
      if (end > start) addWhole(content.slice(start, end), names);
      start = Math.max(end, start + 1);
    }
  }
  return names;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
/** Whether the last character of `text` is one of `characters` (each below U+10000). */
function endsWithAny(text: string, characters: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  for (let at = 0; at < characters.length; at++) if (characters.charCodeAt(at) === last) return true;
  return false;
}

/** `casing`, when given, is told each word written in lower case. */
export function scanText(text: string, casing?: ArchiveCasing): ScannedText {
  const scanned: ScannedText = { runs: [], figures: [], titleCase: false, acronyms: [] };
  const tokens = wordsOf(text);
  // Title Case: of the words longer than three letters that are not stop words, at least three, and 80%, capitalised.
  let longWords = 0;
  let capitalisedLongWords = 0;
  let run: string[] = [];
  let runStartsSentence = false;
  let pendingConnector: string | undefined;
  let sentenceStart = true;
  const endRun = () => {
    // Most words end no run: only a run that had words is replaced.
    if (run.length > 0) {
      if (!isDateAlone(run)) scanned.runs.push({ words: run, startsSentence: runStartsSentence });
      run = [];
    }
    pendingConnector = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!;
    const token = endsWithAny(raw, ".,'’:;!?") ? raw.replace(/[.,'’:;!?]+$/, '') : raw;
    const startsSentence = sentenceStart;
    sentenceStart = endsWithAny(raw, '.!?:"\'’”)') && SENTENCE_END.test(raw) && !/^\p{Lu}\.?$/u.test(token);
    if ((isDigit(token.charCodeAt(0)) || CURRENCY_SIGNS.includes(token[0]!)) && readFigure(token, tokens[i + 1], scanned.figures)) {
      if (raw.length > 3) longWords++;
      endRun();
      continue;
    }
    // Most words are plain lower-case ones: they only end a name, or join one ("Bank of Japan").
    const first = token.charCodeAt(0);
    const plain = first >= 0x61 && first <= 0x7a && !UPPER_OR_DIGIT.test(token);
    const lower = plain ? token : token.toLowerCase();
    if (plain) casing?.sawLowerCase(lower);
    if (raw.length > 3 && !ENGLISH_STOP_WORDS.has(lower)) {
      longWords++;
      if (!plain && CAPITALISED.test(token)) capitalisedLongWords++;
    }
    const isName = !plain && token.length > 1 && (lower[0] !== token[0] || MARKED_NAME.test(token));
    if (isName) {
      // An acronym is capitalised for itself, never for opening a sentence ("FDA nod for…").
      const acronym = ACRONYM.test(token);
      if (acronym) scanned.acronyms.push(lower);
      if (run.length === 0) runStartsSentence = startsSentence && !acronym;
      if (pendingConnector) run.push(pendingConnector);
      run.push(lower);
      pendingConnector = undefined;
    } else if (run.length > 0 && CONNECTORS.has(lower) && !pendingConnector) {
      pendingConnector = lower;
    } else {
      endRun();
    }
    // "Ireland's Data Protection Commission" is two names; "Ministry of Economy, Trade and Industry" is one.
    const listInName = raw.endsWith(',') && run.length === 3 && (run[1] === 'of' || run[1] === 'for') && listEndsName(tokens, i + 1);
    if (sentenceStart || (endsWithAny(raw, ",;:'’") && !listInName) || (endsWithAny(raw, 's.,;:') && /['’]s[.,;:]*$/.test(raw))) endRun();
  }
  endRun();
  scanned.titleCase = longWords >= 3 && capitalisedLongWords >= longWords * 0.8;
  return scanned;
}

/**
 * Whether the tokens from `at` finish a name's list of single capitalised words, "Trade and Industry" (perhaps after
 * more, "Media, Trade and Sport"), the last followed by no other capitalised word.
 */
function listEndsName(tokens: readonly string[], at: number): boolean {
  const single = (token: string | undefined) => token !== undefined && CAPITALISED.test(token) && !/[.:;!?]$/.test(token);
  while (single(tokens[at]) && tokens[at]!.endsWith(',')) at++;
  if (!single(tokens[at]) || tokens[at]!.endsWith(',') || tokens[at + 1] !== 'and') return false;
  return single(tokens[at + 2]?.replace(/[.,:;!?]+$/, '')) && !CAPITALISED.test(tokens[at + 3] ?? '');
}

/** A run that is only a day or a month, perhaps after "The" or with a possessive: "Tuesday's", "The December". */
function isDateAlone(run: readonly string[]): boolean {
  if (run.length > 2 || (run.length === 2 && !ENGLISH_STOP_WORDS.has(run[0]!))) return false;
  const word = run.at(-1)!;
  return CALENDAR_WORDS.has(word.endsWith('s') ? stripPossessive(word) : word);
}

/**
 * A run of capitalised words. At the start of a sentence the capital may only be grammar: a leading stop word is
 * dropped ("The European Commission"), a lone word counts only if it is known as a name, and a first word the
 * archive writes in lower case is dropped unless the whole run is known ("Record GDPR fine", "General Motors").
 */
function addName(run: Run, isName: (name: string) => boolean, archive: ArchiveCasing, names: Names): void {
  let words = run.words;
  if (run.startsSentence && ENGLISH_STOP_WORDS.has(words[0]!)) words = words.slice(1);
  if (run.startsSentence && words.length === 1 && !isName(stripPossessive(words[0]!))) return;
  let content = contentWords(words);
  if (run.startsSentence && content.length > 1 && archive.isPlainWord(content[0]!) && !isName(content[0]!) && !isName(content.join(' '))) content = content.slice(1);
  if (content.length > 0) addWhole(content, names);
}

/** The words that make a name, without connectors ("of", "and") or stop words, possessives removed. */
function contentWords(words: readonly string[]): string[] {
  const content: string[] = [];
  for (const word of words) if (!CONNECTORS.has(word) && !ENGLISH_STOP_WORDS.has(word)) content.push(stripPossessive(word));
  return content;
}

function addWhole(content: readonly string[], names: Names): void {
  const name = content.join(' ');
  for (const word of content) names.words.add(word);
  names.whole.add(name);
  if (content.length > 1) names.phrases.add(name);
}

/**
 * The initials a multi-word name is shortened to, at most six letters: the whole name's ("gm", "gdpr") and its
 * endings' of three or more ("fda" of "us food drug administration", as `namesIn` gives it, connectors out); two
 * letters of an ending would match too many short words.
 */
export function acronymsOf(phrase: string): string[] {
  let initials = phrase[0]!;
  for (let space = phrase.indexOf(' '); space >= 0; space = phrase.indexOf(' ', space + 1)) initials += phrase[space + 1]!;
  const acronyms: string[] = [];
  for (let start = 0; start <= initials.length - 2; start++) {
    const length = initials.length - start;
    if (length <= 6 && (start === 0 || length >= 3)) acronyms.push(initials.slice(start));
  }
  return acronyms;
}

function stripPossessive(word: string): string {
  // Read for nearly every word of a name: two characters compared, not a pattern run.
  const apostrophe = word.charCodeAt(word.length - 2);
  return (apostrophe === 0x27 || apostrophe === 0x2019) && word.endsWith('s') ? word.slice(0, -2) : word;
}

/** "2.5", "billion" → 2.5e9; "40%" → 40%; "3", "nm" → 3nm. Bare numbers (years, counts) are too common to tell events apart. */
function readFigure(token: string, next: string | undefined, figures: string[]): boolean {
  const match = FIGURE.exec(token);
  if (!match) return false;
  // "40.000" and "1.200,5" group thousands with points, as German, Spanish and Italian write them.
  const digits = EUROPEAN_GROUPING.test(match[1]!) ? match[1]!.replace(/\./g, '') : match[1]!;
  const value = Number(digits.replace(/,(?=\d{3}\b)/g, '').replace(',', '.'));
  if (!Number.isFinite(value)) return false;
  const suffix = (match[2] ?? '').toLowerCase();
  const following = (next ?? '').toLowerCase().replace(/[.,;:]+$/, '');
  const scale = SCALES[suffix] ?? (suffix === '' ? (SCALES[following] ?? CJK_SCALES[following[0] ?? '']) : undefined);
  if (scale) {
    addOnce(figures, `${Number((value * scale).toPrecision(6))}`);
    return true;
  }
  const unit = suffix || (UNITS.has(following) ? following : '');
  if (unit && UNITS.has(unit)) {
    addOnce(figures, `${value}${unit === 'percent' || unit === '%' ? '%' : unit.replace(/s$/, '')}`);
    return true;
  }
  if (CURRENCY.test(token) || /[.,]\d/.test(match[1]!)) {
    addOnce(figures, `${value}`);
    return true;
  }
  return false;
}

function addOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}
