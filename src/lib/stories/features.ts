/**
 * What one article says, as features for story grouping: the words of its headline, dek and lead (stop words
 * out, plurals folded), the names among them and its figures, each with a weight factor for the kind of
 * evidence it is. Rarity (IDF) is applied later, over the whole archive.
 */
import { stripMarkdown, tokenize } from '../text/text-terms.ts';
import { eventKinds } from './event-kinds.ts';
import { extractNames, headlineNames, type Names } from './names.ts';
import { STORY_TUNING, type StoryTuning } from './tuning.ts';

export interface StoryText {
  title: string;
  description: string;
  /** Markdown body: only its lead is read. */
  body: string;
}

export interface ArticleFeatures {
  /** Feature keys: `w:` a word, `p:` a multi-word name, `f:` a figure, `k:` a kind of event. */
  keys: string[];
  /** The weight factor of each key, by position. */
  boosts: number[];
  /** Whether each key, by position, is (part of) a name: who, where, what product, as opposed to what happened. */
  names: boolean[];
  /** Keys of the names in the headline, each whole (`p:` for several words): who the article is about. */
  headlineNames: string[];
  /** Keys of the figures in the headline. */
  headlineFigures: string[];
  /** Keys of the kinds of event the headline and dek report. */
  eventKinds: string[];
}

/**
 * A light stemmer: "rules" and "rule", "claimed" and "claiming" and "claims", "patches" and "patch" fold to one
 * key, since outlets choose either. It only has to be consistent, not to give dictionary words.
 */
export function foldWord(word: string): string {
  let stem = word;
  if (stem.length > 5 && stem.endsWith('ing')) stem = stem.slice(0, -3);
  else if (stem.length > 4 && stem.endsWith('ed')) stem = stem.slice(0, -2);
  else if (stem.length > 4 && stem.endsWith('ies')) return `${stem.slice(0, -3)}y`;
  else if (stem.length > 4 && /(?:[sxz]|ch|sh)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.length > 3 && stem.endsWith('s') && !/(?:ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  if (/([b-df-hj-km-np-rtv-y])\1$/.test(stem)) stem = stem.slice(0, -1);
  if (stem.length > 4 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}

/** The first `words` words of the body's prose. */
export function leadOf(body: string, words: number): string {
  const text = stripMarkdown(body).replace(/^\s*#{1,6}\s.*$/gm, ' ');
  const parts = text.split(/\s+/).filter(Boolean);
  return parts.slice(0, words).join(' ');
}

/**
 * A key's weight factor is its kind (name, figure, multi-word name, plain word) times where it first appears:
 * headline, dek or only in the lead, which also recalls background (an earlier event, a competitor).
 */
export function articleFeatures(article: StoryText, tuning: StoryTuning = STORY_TUNING): ArticleFeatures {
  const lead = leadOf(article.body, tuning.leadWords);
  // Each part is read knowing what the others name, so "Tallis" opening a headline is known from the lead.
  const named = extractNames([article.description, lead]);
  const known = new Set([...named.words, ...named.phrases]);
  const inDek = extractNames([article.description], known);
  const inLead = extractNames([lead], known);
  const inHeadline = headlineNames(article.title, known);
  const nameWords = new Set([...inHeadline.words, ...inDek.words, ...inLead.words].map(foldWord));

  const boosts = new Map<string, number>();
  const nameKeys = new Set<string>();
  const add = (key: string, kind: number, place: number, name: boolean) => {
    if (boosts.has(key)) return;
    boosts.set(key, kind * place);
    if (name) nameKeys.add(key);
  };
  const parts: Array<[string, Names, number]> = [
    [article.title, inHeadline, tuning.titleBoost],
    [article.description, inDek, 1],
    [lead, inLead, tuning.leadOnlyWeight],
  ];
  for (const [text, names, place] of parts) {
    for (const figure of names.figures) add(`f:${figure}`, tuning.figureBoost, place, false);
    for (const phrase of names.phrases) add(`p:${phrase}`, tuning.phraseBoost, place, true);
    for (const word of tokenize(text)) {
      const folded = foldWord(word);
      const name = nameWords.has(folded);
      add(`w:${folded}`, name ? tuning.nameBoost : 1, place, name);
    }
  }
  const kinds = eventKinds(tokenize(`${article.title}\n${article.description}`));
  for (const kind of kinds) add(kind, 1, 1, false);
  return {
    keys: [...boosts.keys()],
    boosts: [...boosts.values()],
    names: [...boosts.keys()].map((key) => nameKeys.has(key)),
    headlineNames: [...inHeadline.whole].map((name) => (name.includes(' ') ? `p:${name}` : `w:${foldWord(name)}`)).filter((key) => boosts.has(key)),
    headlineFigures: [...inHeadline.figures].map((figure) => `f:${figure}`),
    eventKinds: kinds,
  };
}
