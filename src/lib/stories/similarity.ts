/**
 * The archive's features as weighted vectors (rarity times the kind of evidence) and the similarity of two articles:
 * the cosine of their vectors, less for articles further apart in time, and nothing at all when their headlines name
 * different things (two attacks on two companies, two countries' rules, two countries' fines on one company).
 */
import { CROWD, crowdedSubjects } from './crowded-subjects.ts';
import type { ArticleFeatures } from './features.ts';
import type { StoryTuning } from './tuning.ts';

export interface FeatureVectors {
  /** Per article: feature ids, ascending. */
  ids: Int32Array[];
  /** Per article: the weight of each of its ids. */
  weights: Float64Array[];
  /** Per article: the vector's length. */
  norms: Float64Array;
  /** Per article: the ids of its names and figures. */
  anchors: Int32Array[];
  /** Per article: the ids of the words that name the first name in its headline, ascending; empty when it names nobody. */
  headlineSubject: Int32Array[];
  /** Per article: the id of its headline subject's initials, or -1. */
  subjectInitials: Int32Array;
  /** Per article: the ids of the acronyms it only spells out. */
  spelledOutAcronyms: Int32Array[];
  /** Per article: the ids of the place its headline is about when it names nobody else, ascending. */
  subjectPlaces: Int32Array[];
  /** Per article: the ids of the places its headline names, ascending. */
  headlinePlaces: Int32Array[];
  /** Per article: the ids of the places it names, ascending. */
  places: Int32Array[];
  /** Per article: the ids of its headline's figures. */
  headlineFigures: Int32Array[];
  /** Per article: 1 when its headline is in Chinese, Japanese or Korean. */
  cjkHeadline: Uint8Array;
  /** Per article: its language, as a small number shared by articles in the same one. */
  language: Uint8Array;
  /** Per article: the length of its vector counting its names and figures only. */
  anchorNorms: Float64Array;
  /** Per article: the ids of the kinds of event its headline and dek report. */
  eventKinds: Int32Array[];
  /** Per article: 1 when its headline reports the next step after a decision (an appeal). */
  nextStep: Uint8Array;
  /**
   * Per article: how crowded its headline's subject is within the window (`CROWD`): heading many others' on several
   * events, sharing it tells nothing; on one event and its follow-ups, it tells only between reports of the same kinds.
   */
  crowdedSubject: Uint8Array;
  /** Articles carrying each feature id. */
  documentFrequency: Int32Array;
}

/**
 * idf(f) = ln((N + 1) / df(f)): a name in three articles of a thousand weighs about four times one in half of them.
 * A feature found in one article only counts `unsharedWeight` in the vector's length.
 */
export function featureVectors(features: readonly ArticleFeatures[], featureCount: number, tuning: StoryTuning, times: Float64Array, windowMs: number): FeatureVectors {
  const documentFrequency = new Int32Array(featureCount);
  for (const article of features) for (const id of article.ids) documentFrequency[id]!++;
  const count = features.length;
  const idf = Float64Array.from(documentFrequency, (frequency) => (frequency === 0 ? 0 : Math.log((count + 1) / frequency)));
  const norms = new Float64Array(count);
  const ids: Int32Array[] = [];
  const weights: Float64Array[] = [];
  const anchorNorms = new Float64Array(count);
  const anchors = features.map((article) => Int32Array.from(new Set(article.anchors)).sort());
  features.forEach((article, index) => {
    // Sorting (id, position) packed in one number is much cheaper than sorting positions with a comparator.
    const keyCount = article.ids.length;
    const packed = new Float64Array(keyCount);
    for (let position = 0; position < keyCount; position++) packed[position] = article.ids[position]! * keyCount + position;
    packed.sort();
    const sortedIds = new Int32Array(keyCount);
    const sortedWeights = new Float64Array(keyCount);
    // A feature no other article carries can match nothing: counted in full it makes paraphrases look unlike.
    let squares = 0;
    for (let at = 0; at < keyCount; at++) {
      const position = packed[at]! % keyCount;
      const id = (packed[at]! - position) / keyCount;
      const weight = idf[id]! * article.boosts[position]!;
      sortedIds[at] = id;
      sortedWeights[at] = weight;
      squares += (documentFrequency[id]! > 1 ? weight : weight * tuning.unsharedWeight) ** 2;
    }
    norms[index] = Math.sqrt(squares);
    // The length counting names and figures only, both lists being sorted.
    let anchorSquares = 0;
    const articleAnchors = anchors[index]!;
    for (let at = 0, anchor = 0; at < keyCount && anchor < articleAnchors.length; ) {
      if (sortedIds[at]! < articleAnchors[anchor]!) at++;
      else if (sortedIds[at]! > articleAnchors[anchor]!) anchor++;
      else {
        const weight = sortedWeights[at++]!;
        anchorSquares += (documentFrequency[articleAnchors[anchor++]!]! > 1 ? weight : weight * tuning.unsharedWeight) ** 2;
      }
    }
    anchorNorms[index] = Math.sqrt(anchorSquares);
    ids.push(sortedIds);
    weights.push(sortedWeights);
  });
  const headlineSubject = features.map((article) => subjectWords(article.headlineSubject, documentFrequency, tuning));
  const eventKinds = features.map((article) => Int32Array.from(article.eventKinds).sort());
  return {
    ids,
    weights,
    norms,
    anchors,
    headlineSubject,
    subjectInitials: Int32Array.from(features, (article) => article.subjectInitials),
    spelledOutAcronyms: features.map((article) => sortedIds(article.spelledOutAcronyms)),
    subjectPlaces: features.map((article) => sortedIds(article.subjectPlaces)),
    headlinePlaces: features.map((article) => sortedIds(article.headlinePlaces)),
    places: features.map((article) => sortedIds(article.places)),
    headlineFigures: features.map((article) => Int32Array.from(article.headlineFigures).sort()),
    cjkHeadline: Uint8Array.from(features, (article) => (article.cjkHeadline ? 1 : 0)),
    language: Uint8Array.from(features, (article) => languageCode(article.language)),
    anchorNorms,
    eventKinds,
    nextStep: Uint8Array.from(features, (article) => (article.nextStep ? 1 : 0)),
    crowdedSubject: crowdedSubjects(headlineSubject, eventKinds, times, windowMs, tuning.crowdedSubject),
    documentFrequency,
  };
}

const NONE = new Int32Array(0);
/** Most articles name no place in their headline: they share one empty array rather than each allocating its own. */
function sortedIds(ids: readonly number[]): Int32Array {
  return ids.length === 0 ? NONE : Int32Array.from(ids).sort();
}

/**
 * The words another article must carry to name a headline's subject: "Veltrix" of "Veltrix Semiconductor", since
 * outlets shorten a name to its own word, but both words of "Nordwell Bank" where "bank" is not much commoner.
 */
function subjectWords(words: readonly number[], documentFrequency: Int32Array, tuning: StoryTuning): Int32Array {
  let rarest = Infinity;
  for (const id of words) rarest = Math.min(rarest, documentFrequency[id]!);
  return Int32Array.from(words.filter((id) => documentFrequency[id]! <= rarest * tuning.genericNameWord)).sort();
}

const LANGUAGE_CODES = new Map<string, number>();
function languageCode(language: string): number {
  let code = LANGUAGE_CODES.get(language);
  if (code === undefined) LANGUAGE_CODES.set(language, (code = LANGUAGE_CODES.size));
  return code;
}

/**
 * Cosine similarity of articles a and b, from their sorted ids. Reports in two languages can share only their names
 * and figures, so between them the cosine counts those alone (their other words would only lengthen the vectors),
 * and needs two of them. A subject that heads many headlines of the window, on different kinds of event, is shared
 * without counting: the two must agree on what else they say.
 */
function cosine(vectors: FeatureVectors, a: number, b: number): number {
  const [idsA, idsB, weightsA, weightsB] = [vectors.ids[a]!, vectors.ids[b]!, vectors.weights[a]!, vectors.weights[b]!];
  const anchorsOnly = vectors.language[a] !== vectors.language[b];
  const [anchorsA, anchorsB] = [vectors.anchors[a]!, vectors.anchors[b]!];
  const crowded = crowdedBetween(vectors, a, b);
  const [subjectA, subjectB] = [vectors.headlineSubject[a]!, vectors.headlineSubject[b]!];
  let dot = 0;
  let sharedAnchors = 0;
  for (let i = 0, j = 0; i < idsA.length && j < idsB.length; ) {
    const [x, y] = [idsA[i]!, idsB[j]!];
    if (x === y && crowded && subjectA.includes(x) && subjectB.includes(x)) {
      i++;
      j++;
    } else if (x === y) {
      if (!anchorsOnly) dot += weightsA[i]! * weightsB[j]!;
      else if (anchorsA.includes(x) && anchorsB.includes(x)) {
        dot += weightsA[i]! * weightsB[j]!;
        sharedAnchors++;
      }
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  // One shared name (the regulator both approvals name) is too little to tell one event across languages.
  if (anchorsOnly && sharedAnchors < 2) return 0;
  const norm = anchorsOnly ? vectors.anchorNorms[a]! * vectors.anchorNorms[b]! : vectors.norms[a]! * vectors.norms[b]!;
  return norm === 0 ? 0 : dot / norm;
}

/**
 * Whether the subject both headlines share counts for nothing between a and b: both are in its crowd, and either the
 * crowd reports many events, or it is one event's and the two tell different kinds (a breach, and a lawsuit over it).
 * A report that tells no kind ("Stolen Quillon data appears on hacking forum") differs from none.
 */
function crowdedBetween(vectors: FeatureVectors, a: number, b: number): boolean {
  const [crowdA, crowdB] = [vectors.crowdedSubject[a]!, vectors.crowdedSubject[b]!];
  if (crowdA === CROWD.none || crowdB === CROWD.none) return false;
  if (crowdA === CROWD.manyEvents || crowdB === CROWD.manyEvents) return true;
  const [kindsA, kindsB] = [vectors.eventKinds[a]!, vectors.eventKinds[b]!];
  return kindsA.length > 0 && kindsB.length > 0 && !sameIds(kindsA, kindsB);
}

function sameIds(sortedA: Int32Array, sortedB: Int32Array): boolean {
  return sortedA.length === sortedB.length && sortedA.every((id, index) => id === sortedB[index]);
}

/**
 * True when the headlines are about different things: both name someone and one's subject is missing from the other
 * article, or both give figures (or places) and neither's appear in the other, or both headlines and deks report a
 * kind of event and the kinds differ. Two reports of one event share at least one of each.
 */
function headlinesDisagree(vectors: FeatureVectors, a: number, b: number): boolean {
  const [kindsA, kindsB] = [vectors.eventKinds[a]!, vectors.eventKinds[b]!];
  if (kindsA.length > 0 && kindsB.length > 0 && !sharesAny(kindsA, kindsB)) return true;
  return subjectsDiffer(vectors, a, b) || disjoint(vectors.headlineFigures, vectors.ids, a, b) || disjoint(vectors.headlinePlaces, vectors.places, a, b);
}

/**
 * The first name in a headline is nearly always who it is about, and every report of one event names who it is
 * about: an article on another company that recalls this one (a rival's results, an earlier breach) is another story.
 * A headline that names only a place is about that place, which the other article may name in any of its forms.
 */
function subjectsDiffer(vectors: FeatureVectors, a: number, b: number): boolean {
  if (!hasSubject(vectors, a) || !hasSubject(vectors, b)) return false;
  return !namesSubjectOf(vectors, a, b) || !namesSubjectOf(vectors, b, a);
}

function hasSubject(vectors: FeatureVectors, article: number): boolean {
  return vectors.headlineSubject[article]!.length > 0 || vectors.subjectPlaces[article]!.length > 0;
}

/**
 * Whether article `other` names the subject of article `of`'s headline, in its words or by their initials ("FDA" for
 * the Food and Drug Administration). One in Chinese, Japanese or Korean may name an English headline's subject in its
 * own letters (キオクシア for Kioxia, 日本 for Japan), so it is not asked to. A country is asked of a headline about a
 * country only: one about a company may name the country's ministry instead ("Japan adds chip tools to export list",
 * "METI tightens rules on Tokyo Electron"), and is asked its company in turn.
 */
function namesSubjectOf(vectors: FeatureVectors, of: number, other: number): boolean {
  if (vectors.cjkHeadline[other] === 1 && vectors.cjkHeadline[of] === 0) return true;
  const words = vectors.headlineSubject[of]!;
  if (words.length === 0) return vectors.headlineSubject[other]!.length > 0 || sharesAny(vectors.subjectPlaces[of]!, vectors.places[other]!);
  if (containsAll(vectors.ids[other]!, words)) return true;
  // By initials the other must write, not spell out: "Kavel Tordo" and "Kiro Tel" share theirs by chance.
  const initials = vectors.subjectInitials[of]!;
  return initials >= 0 && vectors.ids[other]!.includes(initials) && !vectors.spelledOutAcronyms[other]!.includes(initials);
}

/** Both headlines give some (figures, places) and neither's are among what the other article gives. */
function disjoint(headline: readonly Int32Array[], article: readonly Int32Array[], a: number, b: number): boolean {
  const [headA, headB] = [headline[a]!, headline[b]!];
  if (headA.length === 0 || headB.length === 0) return false;
  return !sharesAny(headA, article[b]!) && !sharesAny(headB, article[a]!);
}

function containsAll(sorted: Int32Array, wanted: Int32Array): boolean {
  for (let i = 0, j = 0; j < wanted.length; j++) {
    while (i < sorted.length && sorted[i]! < wanted[j]!) i++;
    if (sorted[i] !== wanted[j]) return false;
  }
  return true;
}

function sharesAny(sortedA: Int32Array, sortedB: Int32Array): boolean {
  for (let i = 0, j = 0; i < sortedA.length && j < sortedB.length; ) {
    if (sortedA[i] === sortedB[j]) return true;
    if (sortedA[i]! < sortedB[j]!) i++;
    else j++;
  }
  return false;
}

/**
 * Whether the later article reports the next step after a decision (an appeal) that the earlier one does not, a day
 * or more after it: "Google to appeal search remedies order" three days on is news of its own, while "Lumio says it
 * will appeal" the day of its fine is part of the fine's story.
 */
function reportsLaterStep(vectors: FeatureVectors, earlier: number, later: number, hoursApart: number, tuning: StoryTuning): boolean {
  return hoursApart >= tuning.nextStepHours && vectors.nextStep[later] === 1 && vectors.nextStep[earlier] === 0;
}

/**
 * Similarity of a and b (b the later) published `hoursApart` apart, within a window of `windowHours`; nothing when they
 * share no name or figure (an event has someone or somewhere of its own), when their headlines disagree, or when b
 * reports a decision's next step a day or more after a.
 */
export function storySimilarity(vectors: FeatureVectors, a: number, b: number, hoursApart: number, windowHours: number, tuning: StoryTuning): number {
  if (hoursApart > windowHours || reportsLaterStep(vectors, a, b, hoursApart, tuning)) return 0;
  if (!sharesAny(vectors.anchors[a]!, vectors.anchors[b]!) || headlinesDisagree(vectors, a, b)) return 0;
  return cosine(vectors, a, b) * (1 - tuning.timeDecay * (hoursApart / windowHours));
}
