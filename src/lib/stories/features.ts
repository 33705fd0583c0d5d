/**
 * What one article says, as features for story grouping: the words of its headline, dek and lead (stop words
 * out, plurals folded), the names among them and its figures, each with a weight factor for the kind of
 * evidence it is. Rarity (IDF) is applied later, over the whole archive.
 */
import { stripMarkdown } from '../text/markdown-to-text.ts';
import { mayContainCjk, tokenize } from '../text/tokenizer.ts';
import { eventKinds, reportsNextStep } from './event-kinds.ts';
import { withoutHeadlineLabel } from './headline-label.ts';
import { languageOf } from './language.ts';
import { acronymsOf, ArchiveCasing, headlineNames, KeptScans, namesIn, scanText, type ScannedText } from './names.ts';
import { placesIn, placesInCjk, placesNamed } from './places.ts';
import { STORY_TUNING, type StoryTuning } from './tuning.ts';

export interface StoryText {
  title: string;
  description: string;
  /** Markdown body: only its lead is read. */
  body: string;
}

export interface ArticleFeatures {
  /** Feature ids, each once, from the archive's `FeatureIds`. */
  ids: number[];
  /** The weight factor of each id, by position. */
  boosts: number[];
  /** Ids of its names and figures: two reports of one event share at least one. */
  anchors: number[];
  /**
   * Ids of the words of the first name in the headline that is not a place: who the article is about ("Halvorsen
   * Bank" of "Danish regulator fines Halvorsen Bank"); empty when it names nobody, or only places.
   */
  headlineSubject: number[];
  /** Id of the initials another article may name that subject by ("fda" of "food drug administration"), or -1. */
  subjectInitials: number;
  /** Ids of acronyms it only spells out, never writes. */
  spelledOutAcronyms: number[];
  /** Ids of the place the headline is about when it names no one else ("Japanese government tightens…"). */
  subjectPlaces: number[];
  /** Ids of the places the headline names. */
  headlinePlaces: number[];
  /** Ids of the places the headline, dek and lead name. */
  places: number[];
  /** Ids of the figures in the headline. */
  headlineFigures: number[];
  /** Whether the headline is in Chinese, Japanese or Korean, which spell a Latin name in their own letters. */
  cjkHeadline: boolean;
  /** The language it is written in ('en', 'de', 'fr'…; 'cjk' for a headline in Chinese, Japanese or Korean). */
  language: string;
  /** Ids of the kinds of event the headline and dek report. */
  eventKinds: number[];
  /** Whether the headline reports the next step after a decision (an appeal). */
  nextStep: boolean;
  /**
   * Whether the headline is a few words that name no one, no place and no figure ("Live updates", "What we know so
   * far"), in a script with capitals: it tells a reader nothing of a story it would lead.
   */
  genericHeadline: boolean;
}

/**
 * Dense ids for an archive's features, keyed `w:` a word, `p:` a multi-word name, `f:` a figure, `k:` a kind of
 * event, `c:` a place (not in the vectors: only the headline rules compare them). Words are looked up as written, so
 * each occurrence costs one lookup.
 */
export class FeatureIds {
  readonly #byKey = new Map<string, number>();
  readonly #byWord = new Map<string, number>();

  get size(): number {
    return this.#byKey.size;
  }

  of(key: string): number {
    let id = this.#byKey.get(key);
    if (id === undefined) this.#byKey.set(key, (id = this.#byKey.size));
    return id;
  }

  /** The id of a word's folded form. */
  ofWord(word: string): number {
    let id = this.#byWord.get(word);
    if (id === undefined) this.#byWord.set(word, (id = this.of(`w:${foldWord(word)}`)));
    return id;
  }
}

/**
 * A light stemmer: "rules" and "rule", "claimed" and "claiming" and "claims", "patches" and "patch" fold to one
 * key, since outlets choose either. It only has to be consistent, not to give dictionary words.
 */
export function foldWord(word: string): string {
  let stem = folded.get(word);
  if (stem !== undefined) return stem;
  stem = word;
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  else if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && /(?:[sxz]|ch|sh)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (!stem.endsWith('y') || !word.endsWith('ies')) {
    if (/([b-df-hj-km-np-rtv-y])\1$/.test(stem)) stem = stem.slice(0, -1);
    if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  }
  if (folded.size > 200_000) folded.clear();
  folded.set(word, stem);
  return stem;
}
/** Words recur across an archive: each is folded once. */
const folded = new Map<string, string>();

const CJK_LETTER = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
/** A letter of a script without capitals (Hebrew, Arabic, Chinese…), where no name can be told by its capital. */
const UNCASED_LETTER = /[^\P{L}\p{Lu}\p{Ll}\p{Lt}]/u;
/** Words (stop words aside) a headline that names nothing may have and still say nothing: "Live updates". */
const GENERIC_HEADLINE_WORDS = 3;

/** Room for the lead's words however much Markdown surrounds them; the rest of a long body is never read. */
const LEAD_CHARACTERS_PER_WORD = 16;

/** How much of a body grouping reads, with the default tuning. */
export const STORY_BODY_CHARACTERS = STORY_TUNING.leadWords * LEAD_CHARACTERS_PER_WORD;

/** The start of the body that grouping reads: a tool that keeps only this of each article groups it the same way. */
export function storyBodyPart(body: string, words: number = STORY_TUNING.leadWords): string {
  // A copy, not a slice: a slice keeps the whole file's text alive for as long as the lead is kept.
  return structuredClone(body.slice(0, words * LEAD_CHARACTERS_PER_WORD));
}

/** The first `words` words of the body's prose. */
export function leadOf(body: string, words: number): string {
  let text = stripMarkdown(storyBodyPart(body, words));
  if (text.includes('#')) text = text.replace(/^\s*#{1,6}\s.*$/gm, ' ');
  return text.split(/\s+/, words + 1).filter(Boolean).slice(0, words).join(' ');
}

/** An article's headline, dek and lead, read once for names and figures. */
export interface ScannedArticle {
  lead: string;
  title: ScannedText;
  dek: ScannedText;
  leadText: ScannedText;
}

function scanArticle(article: StoryText, tuning: StoryTuning = STORY_TUNING, casing?: ArchiveCasing): ScannedArticle {
  const lead = leadOf(article.body, tuning.leadWords);
  return { lead, title: scanText(withoutHeadlineLabel(article.title), casing), dek: scanText(article.description, casing), leadText: scanText(lead, casing) };
}

/** Every article of an archive scanned, kept flat until the archive's casing is known. */
export class ScannedArchive {
  readonly #leads: string[];
  readonly #texts: KeptScans;

  constructor(leads: string[], texts: KeptScans) {
    this.#leads = leads;
    this.#texts = texts;
  }

  article(index: number): ScannedArticle {
    const texts = this.#texts;
    return { lead: this.#leads[index]!, title: texts.text(index * 3), dek: texts.text(index * 3 + 1), leadText: texts.text(index * 3 + 2) };
  }
}

/**
 * Every article scanned, and the archive's casing of words from them, so that each article's names are read knowing
 * how the others write them.
 */
export function scanArchive(articles: readonly StoryText[], tuning: StoryTuning = STORY_TUNING): { scanned: ScannedArchive; casing: ArchiveCasing } {
  const casing = new ArchiveCasing();
  const texts = new KeptScans();
  const leads = articles.map((article) => {
    const scanned = scanArticle(article, tuning, casing);
    for (const text of [scanned.title, scanned.dek, scanned.leadText]) {
      if (!text.titleCase) casing.observe(text);
      texts.keep(text);
    }
    return scanned.lead;
  });
  return { scanned: new ScannedArchive(leads, texts), casing };
}

/**
 * A key's weight factor is its kind (name, figure, multi-word name, plain word) times where it first appears:
 * headline, dek or only in the lead, which also recalls background (an earlier event, a competitor).
 * `archive` is how the rest of the archive writes words, `scanned` the article already read.
 */
export function articleFeatures(
  article: StoryText,
  featureIds: FeatureIds,
  tuning: StoryTuning = STORY_TUNING,
  archive: ArchiveCasing = new ArchiveCasing(),
  scanned: ScannedArticle = scanArticle(article, tuning),
): ArticleFeatures {
  const { lead, title: titleText, dek: dekText, leadText } = scanned;
  // The headline is read knowing what the dek and lead name, so "Tallis" opening it is known from the lead. A text in
  // Title Case (often a feed's dek repeating the headline) tells no name from other words, so it is no guide there:
  // read as one, the headline would be a single name, and its capital ("Seoul Fines") part of a longer one.
  const named = namesIn([dekText!, leadText!], undefined, archive);
  const inSentences = [dekText!, leadText!].filter((text) => !text.titleCase);
  const guide = inSentences.length === 2 ? named : namesIn(inSentences, undefined, archive);
  const known = new Set([...guide.words, ...guide.phrases]);
  const inHeadline = headlineNames(titleText!, known, archive);
  const nameIds = new Set<number>();
  for (const word of inHeadline.words) nameIds.add(featureIds.ofWord(word));
  for (const word of named.words) nameIds.add(featureIds.ofWord(word));

  const boosts = new Map<number, number>();
  const add = (id: number, factor: number) => {
    if (!boosts.has(id)) boosts.set(id, factor);
    return id;
  };
  const headlineFigures = [...inHeadline.figures].map((figure) => add(featureIds.of(`f:${figure}`), tuning.figureBoost * tuning.titleBoost));
  const anchors = [...headlineFigures];
  for (const phrase of inHeadline.phrases) anchors.push(add(featureIds.of(`p:${phrase}`), tuning.phraseBoost * tuning.titleBoost));
  const dek = article.description.toLowerCase();
  for (const figure of named.figures) anchors.push(add(featureIds.of(`f:${figure}`), tuning.figureBoost * (dekText!.figures.includes(figure) ? 1 : tuning.leadOnlyWeight)));
  for (const phrase of named.phrases) anchors.push(add(featureIds.of(`p:${phrase}`), tuning.phraseBoost * (dek.includes(phrase) ? 1 : tuning.leadOnlyWeight)));
  const title = withoutHeadlineLabel(article.title);
  const titleWords = tokenize(title);
  const dekWords = tokenize(article.description);
  const addWords = (words: readonly string[], place: number) => {
    for (const word of words) {
      const id = featureIds.ofWord(word);
      if (!boosts.has(id)) boosts.set(id, (nameIds.has(id) ? tuning.nameBoost : 1) * place);
    }
  };
  const leadWords = tokenize(lead);
  addWords(titleWords, tuning.titleBoost);
  addWords(dekWords, 1);
  addWords(leadWords, tuning.leadOnlyWeight);
  // An article that spells out "Food and Drug Administration" names the FDA another calls by its initials: initials
  // some article writes as an acronym, since two names with the same initials are otherwise only a coincidence.
  const spelledOut: number[] = [];
  const addAcronyms = (phrases: Iterable<string>, place: (phrase: string) => number) => {
    for (const phrase of phrases) {
      for (const acronym of acronymsOf(phrase)) {
        if (!archive.isAcronym(acronym)) continue;
        const id = featureIds.ofWord(acronym);
        if (!boosts.has(id)) {
          boosts.set(id, tuning.nameBoost * place(phrase));
          spelledOut.push(id);
        }
        anchors.push(id);
      }
    }
  };
  addAcronyms(inHeadline.phrases, () => tuning.titleBoost);
  addAcronyms(named.phrases, (phrase) => (dek.includes(phrase) ? 1 : tuning.leadOnlyWeight));
  const kinds = eventKinds([...titleWords, ...dekWords]).map((kind) => add(featureIds.of(kind), 1));
  // "Danish regulator fines Halvorsen Bank" is about the bank: a place opening a headline stands for its regulator or
  // government, which another outlet calls by its capital or its own name. It is the subject only when no one else is.
  let subject: string | undefined;
  let subjectPlace: readonly string[] = [];
  for (const name of inHeadline.whole) {
    const places = placesNamed(name);
    if (!places) {
      subject = name;
      break;
    }
    if (subjectPlace.length === 0) subjectPlace = places;
  }
  // Its words rather than the name whole: "Skyline Cloud Frankfurt", read as one name, still names Skyline Cloud.
  const subjectWords = subject === undefined ? [] : subject.split(' ').map((word) => featureIds.ofWord(word)).filter((id) => boosts.has(id));
  const placeIds = (places: Iterable<string>) => [...places].map((place) => featureIds.of(`c:${place}`));
  const headlinePlaces = placesIn([titleText!], new Set(), known);
  // Chinese, Japanese and Korean have no capitals to find a place by: their words are looked up as the tokenizer split them.
  if (mayContainCjk(title)) placesInCjk(title, titleWords, headlinePlaces);
  const places = placesIn([dekText!, leadText!], new Set(headlinePlaces), known);
  if (mayContainCjk(article.description)) placesInCjk(article.description, dekWords, places);
  if (mayContainCjk(lead)) placesInCjk(lead, leadWords, places);
  for (const id of nameIds) if (boosts.has(id)) anchors.push(id);
  const cjkHeadline = mayContainCjk(title) && CJK_LETTER.test(title);
  return {
    ids: [...boosts.keys()],
    boosts: [...boosts.values()],
    anchors,
    headlineSubject: subjectWords,
    spelledOutAcronyms: spelledOut,
    subjectInitials: subject === undefined || !subject.includes(' ') ? -1 : featureIds.ofWord(acronymsOf(subject)[0]!),
    subjectPlaces: subject === undefined ? placeIds(subjectPlace) : [],
    headlinePlaces: placeIds(headlinePlaces),
    places: placeIds(places),
    headlineFigures,
    cjkHeadline,
    language: cjkHeadline ? 'cjk' : languageOf(titleWords, dekWords, leadWords),
    eventKinds: kinds,
    nextStep: reportsNextStep(titleWords),
    genericHeadline:
      titleWords.length <= GENERIC_HEADLINE_WORDS && subjectWords.length === 0 && subjectPlace.length === 0 && headlinePlaces.size === 0 && headlineFigures.length === 0 && !UNCASED_LETTER.test(title),
  };
}
