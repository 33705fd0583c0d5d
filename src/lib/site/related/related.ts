/**
 * "Explore more": for every published article, the articles to show under it,
 * best first. Pure and deterministic: no I/O, no clock, no randomness.
 *
 * 1. Curated slugs (`curated`) come first, in the editor's order:
 *    deduplicated, never the article itself, slugs not in the input (unknown
 *    or unpublished) skipped silently, truncated to `limit`.
 * 2. The remaining slots are ranked automatically. For article a and
 *    candidate b (tuning names refer to `RELATED_TUNING`):
 *
 *      score(a, b) = tagWeight  · Σ_{t ∈ tags(a) ∩ tags(b)} idf(t) / ln(N + 1)
 *                  + textWeight · cos(a, b)
 *                  + recencyMax · 2^(−age(b) / recencyHalfLifeDays)
 *
 *    - idf(x) = ln((N + 1) / df(x)); N = number of articles, df = number of
 *      articles carrying the tag or term. Dividing by ln(N + 1) puts one
 *      shared tag in (0, 1): a tag on 3 of 10,000 articles is worth ≈ 0.88,
 *      one on 3,000 of them ≈ 0.13, one on every article ≈ 0.
 *    - cos(a, b) is the cosine of tf-idf vectors restricted to each article's
 *      `topTerms` most distinctive terms. Stop words are dropped, and so are
 *      terms found in a single article (they cannot match anything). A title
 *      occurrence counts `titleWeight` times, a dek occurrence `dekWeight`
 *      times, a body occurrence once; weight = (1 + ln tf) · idf, then
 *      L2-normalised over the kept terms.
 *    - age(b) is measured from the newest article in the input, never from
 *      the wall clock. The bonus is small (≤ 0.05, versus ≈ 0.1–0.9 for one
 *      shared tag) so it separates near-ties without overriding real
 *      relatedness, and it is only given to candidates that share a tag or
 *      a term with a.
 * 3. Ties: score desc, then publishedAt desc, then slug asc.
 * 4. If fewer than `limit` candidates share anything with a, the list is
 *    filled with the most recent other articles, after the real matches, so
 *    every article gets min(limit, N − 1) entries.
 *
 * Cost: each article is tokenised once (title, dek and about the first
 * `bodyMaxWords` words of the body, Markdown noise stripped). There is no
 * all-pairs comparison; for each article a, search-engine style:
 *    1. candidates come from inverted indexes, each list capped so the work
 *       per article is bounded: a's tags (each tag's `tagPostingCap` most
 *       recent carriers — every carrier of a rarer tag), pairs of a's tags
 *       (same cap; this finds the articles sharing two tags with a even when
 *       both tags are common) and a's top terms (each term's
 *       `termPostingCap` highest-weighted carriers: beyond that a term is
 *       too common to be distinctive for most of them). Text similarity is
 *       accumulated into a Float64Array along the term lists;
 *    2. the `shortlist` best candidates by that provisional score are
 *       rescored exactly with the formula above, and the best are kept.
 * The total therefore grows about linearly with the number of articles
 * (10,000 articles of ~800 words: about a second on one core). Below the
 * caps the candidate search is exhaustive.
 *
 * Output does not depend on input order: articles are processed in slug
 * order and the returned Map is keyed in slug order. Slugs should be unique;
 * if one repeats, only its newest article is used.
 */
import { ENGLISH_STOP_WORDS, stripMarkdown, tokenizeToIds, Vocabulary } from '../../text/text-terms.ts';

/** One published article as the ranking sees it. */
export interface RelatedCandidate {
  slug: string;
  title: string;
  /** The dek. */
  description: string;
  /** Raw Markdown body. */
  body: string;
  /** Normalised tag identities (already lower-cased/deduped by the caller). */
  tagKeys: string[];
  publishedAt: Date;
  /** Editor-chosen related slugs, in order. Unknown/unpublished slugs are skipped silently. */
  curated?: string[];
}

export interface RelatedOptions {
  /** Entries per article, curated ones included. Default 5. */
  limit?: number;
}

/** The ranking's weights and caps, exported for documentation and tests. */
export const RELATED_TUNING = {
  defaultLimit: 5,
  /** Weight of the summed, normalised idf of shared tags. */
  tagWeight: 1,
  /** Weight of the top-term tf-idf cosine. */
  textWeight: 1,
  /** Maximum recency bonus (for the newest article). */
  recencyMax: 0.05,
  /** The recency bonus halves every this many days of age. */
  recencyHalfLifeDays: 60,
  /** Term-frequency multipliers per field. */
  titleWeight: 3,
  dekWeight: 2,
  bodyWeight: 1,
  /** Distinctive terms kept per article. */
  topTerms: 32,
  /** Only the first this many words of the body are read... */
  bodyMaxWords: 400,
  /** ...within its first this many characters (a cheap cut before stripping Markdown). */
  bodyMaxChars: 3_200,
  /** Candidates collected per tag and per tag pair: its most recent carriers. */
  tagPostingCap: 100,
  /** Longest posting list walked per term (the highest-weighted carriers are kept). */
  termPostingCap: 48,
  /** Candidates rescored exactly per article (the best by provisional score). */
  shortlist: 40,
} as const;

const DAY_MS = 86_400_000;
const EARLIEST_TIME = -8.64e15;

/** Inverted index in compressed-row form: entries of key k are [start[k], start[k + 1]). */
interface Postings {
  start: Int32Array;
  doc: Int32Array;
  /** Per-entry weight (term postings only). */
  weight?: Float64Array;
}

/** Each article's tag ids, rarest first: those of article i are tag[start[i] .. start[i + 1]). */
interface TagLists {
  start: Int32Array;
  tag: Int32Array;
  /**
   * The same lists cut to their ROW_TAGS rarest tags, in fixed-width rows
   * (padded with the id one past the last tag): a cache-friendly copy for
   * provisional scoring.
   */
  row: Int32Array;
}

const ROW_TAGS = 4;

/** Each article's tag-pair ids: those of article i are pair[start[i] .. start[i + 1]). */
interface PairLists {
  start: Int32Array;
  pair: Int32Array;
}

/** Each article's top terms and normalised weights: article i's are at [start[i], start[i + 1]), best first. */
interface TermLists {
  start: Int32Array;
  term: Int32Array;
  weight: Float64Array;
}

/** Everything the per-article scoring needs, as flat typed arrays. */
interface ScoringIndex {
  docTagList: TagLists;
  tagScore: Float64Array;
  tagPostings: Postings;
  docPairList: PairLists;
  pairPostings: Postings;
  topTerms: TermLists;
  termPostings: Required<Postings>;
  recencyBonus: Float64Array;
  recencyRank: Int32Array;
  byRecency: Int32Array;
}

/** For every article, the slugs to show under "Explore more", best first. */
export function rankRelated(
  articles: readonly RelatedCandidate[],
  options: RelatedOptions = {},
): Map<string, string[]> {
  const limit = options.limit ?? RELATED_TUNING.defaultLimit;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`rankRelated: limit must be a non-negative integer, got ${limit}`);
  }

  const { docs, times } = canonicalOrder(articles);
  const n = docs.length;
  const result = new Map<string, string[]>();
  if (n === 0) return result;

  const slugIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) slugIndex.set(docs[i].slug, i);
  const { byRecency, recencyRank, recencyBonus } = recency(times);
  const tags = indexTags(docs, byRecency);
  const terms = indexTerms(docs, recencyRank);
  const index: ScoringIndex = { ...tags, ...terms, recencyBonus, recencyRank, byRecency };

  const scratch: Scratch = {
    acc: new Float64Array(n),
    stamp: new Int32Array(n),
    touched: new Int32Array(n),
    queryTagScore: new Float64Array(index.tagScore.length + 1), // + the padding id of TagLists.row
    queryTermWeight: new Float64Array(index.termPostings.start.length - 1),
  };
  const blocked = new Uint8Array(n);
  for (let a = 0; a < n; a++) {
    const chosen: number[] = [];
    blocked[a] = 1;
    for (const slug of docs[a].curated ?? []) {
      if (chosen.length >= limit) break;
      const b = slugIndex.get(slug);
      if (b === undefined || blocked[b]) continue;
      blocked[b] = 1;
      chosen.push(b);
    }
    if (chosen.length < limit) {
      const matched = bestMatches(index, a, limit - chosen.length, scratch, blocked);
      for (const b of matched) {
        chosen.push(b);
        blocked[b] = 1;
      }
      // Fill with the most recent remaining articles, after the real matches.
      for (let r = 0; r < n && chosen.length < limit; r++) {
        const b = byRecency[r];
        if (!blocked[b]) {
          chosen.push(b);
          blocked[b] = 1;
        }
      }
    }
    blocked[a] = 0;
    const slugs: string[] = [];
    for (const b of chosen) {
      blocked[b] = 0;
      slugs.push(docs[b].slug);
    }
    result.set(docs[a].slug, slugs);
  }
  return result;
}

/** Articles in slug order (newest first within a repeated slug, which is then dropped). */
function canonicalOrder(articles: readonly RelatedCandidate[]): { docs: RelatedCandidate[]; times: Float64Array } {
  const sorted = articles
    .map((article) => ({ article, time: timeOf(article.publishedAt) }))
    .sort((x, y) => compareStrings(x.article.slug, y.article.slug) || y.time - x.time);
  const docs: RelatedCandidate[] = [];
  const times: number[] = [];
  for (const { article, time } of sorted) {
    if (docs.length > 0 && docs[docs.length - 1].slug === article.slug) continue;
    docs.push(article);
    times.push(time);
  }
  return { docs, times: Float64Array.from(times) };
}

/** Recency order (publishedAt desc, then slug asc), each article's rank in it, and its bonus. */
function recency(times: Float64Array): { byRecency: Int32Array; recencyRank: Int32Array; recencyBonus: Float64Array } {
  const n = times.length;
  const byRecency = Int32Array.from(
    Array.from({ length: n }, (_, i) => i).sort((i, j) => times[j] - times[i] || i - j),
  );
  const recencyRank = new Int32Array(n);
  for (let r = 0; r < n; r++) recencyRank[byRecency[r]] = r;
  const newest = times[byRecency[0]];
  const halfLifeMs = RELATED_TUNING.recencyHalfLifeDays * DAY_MS;
  const recencyBonus = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    recencyBonus[i] = RELATED_TUNING.recencyMax * Math.pow(2, -(newest - times[i]) / halfLifeMs);
  }
  return { byRecency, recencyRank, recencyBonus };
}

/** idf = ln((N + 1) / df): ≈ ln N for a tag/term on one article, ≈ 0 for one on all of them. */
function idf(n: number, df: number): number {
  return Math.log((n + 1) / df);
}

/**
 * Tag ids per article (sorted), each tag's score contribution (normalised idf
 * × tag weight) and tag → articles postings, capped to the most recent carriers.
 */
function indexTags(
  docs: readonly RelatedCandidate[],
  byRecency: Int32Array,
): { docTagList: TagLists; tagScore: Float64Array; tagPostings: Postings; docPairList: PairLists; pairPostings: Postings } {
  const n = docs.length;
  const tagIds = new Map<string, number>();
  const df: number[] = [];
  const start = new Int32Array(n + 1);
  const flat: number[] = [];
  for (let i = 0; i < n; i++) {
    const ids: number[] = [];
    for (const key of docs[i].tagKeys ?? []) {
      let id = tagIds.get(key);
      if (id === undefined) {
        id = df.length;
        tagIds.set(key, id);
        df.push(0);
      }
      if (!ids.includes(id)) {
        ids.push(id);
        df[id]++;
      }
    }
    for (const id of ids) flat.push(id);
    start[i + 1] = flat.length;
  }
  // Rarest (most telling) tags first in each article's list.
  const tagFlat = new Int32Array(flat);
  for (let i = 0; i < n; i++) {
    tagFlat.subarray(start[i], start[i + 1]).sort((x, y) => df[x] - df[y] || x - y);
  }
  const row = new Int32Array(n * ROW_TAGS).fill(df.length);
  for (let i = 0; i < n; i++) {
    for (let p = start[i], k = 0; p < start[i + 1] && k < ROW_TAGS; p++, k++) row[i * ROW_TAGS + k] = tagFlat[p];
  }
  const docTagList: TagLists = { start, tag: tagFlat, row };
  const norm = Math.log(n + 1);
  const tagScore = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) tagScore[t] = (RELATED_TUNING.tagWeight * idf(n, df[t])) / norm;

  const cap = RELATED_TUNING.tagPostingCap;
  const tagPostings = cappedPostings(df.length, byRecency, (i, visit) => {
    for (let p = start[i]; p < start[i + 1]; p++) visit(docTagList.tag[p]);
  }, cap);

  // Tag pairs: the articles sharing two given tags with a are found even when
  // both tags are too common for their single postings to reach them.
  const pairIds = new Map<number, number>();
  const pairStart = new Int32Array(n + 1);
  const pairFlat: number[] = [];
  for (let i = 0; i < n; i++) {
    const from = start[i];
    const to = Math.min(start[i + 1], from + MAX_PAIRED_TAGS);
    for (let x = from; x < to; x++) {
      for (let y = x + 1; y < to; y++) {
        const key = docTagList.tag[x] * df.length + docTagList.tag[y];
        let id = pairIds.get(key);
        if (id === undefined) {
          id = pairIds.size;
          pairIds.set(key, id);
        }
        pairFlat.push(id);
      }
    }
    pairStart[i + 1] = pairFlat.length;
  }
  const docPairList: PairLists = { start: pairStart, pair: new Int32Array(pairFlat) };
  const pairPostings = cappedPostings(pairIds.size, byRecency, (i, visit) => {
    for (let p = pairStart[i]; p < pairStart[i + 1]; p++) visit(docPairList.pair[p]);
  }, cap);
  return { docTagList, tagScore, tagPostings, docPairList, pairPostings };
}

/** Only an article's this many rarest tags form pairs (at most 28 pairs). */
const MAX_PAIRED_TAGS = 8;
/** Only an article's this many rarest tags are used to collect candidates (all count in its scores). */
const MAX_QUERY_TAGS = 32;

/**
 * key → articles postings, each list holding at most `cap` articles, the most
 * recent ones (articles are visited in `byRecency` order); `keysOf(i, visit)`
 * reports article i's keys.
 */
function cappedPostings(
  keyCount: number,
  byRecency: Int32Array,
  keysOf: (doc: number, visit: (key: number) => void) => void,
  cap: number,
): Postings {
  const count = new Int32Array(keyCount);
  for (const i of byRecency) keysOf(i, (k) => count[k]++);
  const start = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k++) start[k + 1] = start[k] + Math.min(count[k], cap);
  const doc = new Int32Array(start[keyCount]);
  const fill = start.slice(0, keyCount);
  for (const i of byRecency) {
    keysOf(i, (k) => {
      if (fill[k] < start[k + 1]) doc[fill[k]++] = i;
    });
  }
  return { start, doc };
}

/**
 * Tokenise every article once, weight its terms by field, keep its top
 * distinctive terms (tf-idf, L2-normalised) and build the capped term postings.
 */
function indexTerms(
  docs: readonly RelatedCandidate[],
  recencyRank: Int32Array,
): { topTerms: TermLists; termPostings: Required<Postings> } {
  const T = RELATED_TUNING;
  const n = docs.length;
  const vocabulary = new Vocabulary({ stopWords: ENGLISH_STOP_WORDS });
  const counter = newTermCounter();
  const docTermIds: Int32Array[] = new Array(n);
  const docTermTf: Float64Array[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const doc = docs[i];
    counter.size = 0;
    countTerms(counter, i, tokenizeToIds(doc.title ?? '', vocabulary), T.titleWeight);
    countTerms(counter, i, tokenizeToIds(doc.description ?? '', vocabulary), T.dekWeight);
    const body = stripMarkdown((doc.body ?? '').slice(0, T.bodyMaxChars));
    countTerms(counter, i, tokenizeToIds(body, vocabulary, BODY_WORDS), T.bodyWeight);
    docTermIds[i] = counter.ids.slice(0, counter.size);
    docTermTf[i] = counter.tf.slice(0, counter.size);
  }
  const df = counter.df.subarray(0, vocabulary.size);

  const termIdf = Float64Array.from(df, (d) => idf(n, d));
  const start = new Int32Array(n + 1);
  const termFlat = new Int32Array(n * T.topTerms);
  const weightFlat = new Float64Array(n * T.topTerms);
  const postingCount = new Int32Array(df.length);
  for (let i = 0; i < n; i++) {
    const kept = selectTopTerms(docTermIds[i], docTermTf[i], df, termIdf, T.topTerms, termFlat, weightFlat, start[i]);
    start[i + 1] = start[i] + kept;
    for (let p = start[i]; p < start[i + 1]; p++) postingCount[termFlat[p]]++;
  }
  const topTerms: TermLists = { start, term: termFlat, weight: weightFlat };
  const termPostings = buildTermPostings(topTerms, postingCount, recencyRank, T.termPostingCap);
  return { topTerms, termPostings };
}

const BODY_WORDS = { maxWords: RELATED_TUNING.bodyMaxWords } as const;

/**
 * Weighted term frequencies of the current article (scratch `ids`/`tf`, first
 * `size` entries) and document frequencies of all terms, in typed arrays
 * indexed by term id: `lastDoc[id]` tells whether the term was already counted
 * in the current article and `slot[id]` where.
 */
interface TermCounter {
  df: Int32Array;
  lastDoc: Int32Array;
  slot: Int32Array;
  ids: Int32Array;
  tf: Float64Array;
  size: number;
}

function newTermCounter(): TermCounter {
  return {
    df: new Int32Array(4096),
    lastDoc: new Int32Array(4096).fill(-1),
    slot: new Int32Array(4096),
    ids: new Int32Array(1024),
    tf: new Float64Array(1024),
    size: 0,
  };
}

function countTerms(counter: TermCounter, doc: number, terms: readonly number[], weight: number): void {
  for (const id of terms) {
    if (id >= counter.df.length) growById(counter, id);
    if (counter.lastDoc[id] !== doc) {
      if (counter.size === counter.ids.length) growScratch(counter);
      counter.lastDoc[id] = doc;
      counter.slot[id] = counter.size;
      counter.ids[counter.size] = id;
      counter.tf[counter.size] = weight;
      counter.size++;
      counter.df[id]++;
    } else {
      counter.tf[counter.slot[id]] += weight;
    }
  }
}

function growById(counter: TermCounter, id: number): void {
  let length = counter.df.length;
  while (length <= id) length *= 2;
  const df = new Int32Array(length);
  df.set(counter.df);
  const lastDoc = new Int32Array(length).fill(-1);
  lastDoc.set(counter.lastDoc);
  const slot = new Int32Array(length);
  slot.set(counter.slot);
  counter.df = df;
  counter.lastDoc = lastDoc;
  counter.slot = slot;
}

function growScratch(counter: TermCounter): void {
  const ids = new Int32Array(counter.ids.length * 2);
  ids.set(counter.ids);
  const tf = new Float64Array(counter.tf.length * 2);
  tf.set(counter.tf);
  counter.ids = ids;
  counter.tf = tf;
}

/**
 * Write the `k` highest tf-idf terms of one article, best first (ties: lower
 * term id), with weights L2-normalised over the kept terms, to out*[at…];
 * return how many were kept. Terms found in a single article are skipped:
 * they cannot be shared with anything.
 */
function selectTopTerms(
  ids: Int32Array,
  tfs: Float64Array,
  df: Int32Array,
  termIdf: Float64Array,
  k: number,
  outTerm: Int32Array,
  outWeight: Float64Array,
  at: number,
): number {
  if (weightScratch.length < ids.length) {
    weightScratch = new Float64Array(ids.length * 2);
    selectScratch = new Float64Array(ids.length * 2);
  }
  const weights = weightScratch;
  let eligible = 0;
  for (let j = 0; j < ids.length; j++) {
    if (df[ids[j]] < 2) {
      weights[j] = 0;
      continue;
    }
    const tf = tfs[j];
    const w = (tf < TF_LOG.length && (tf | 0) === tf ? TF_LOG[tf] : 1 + Math.log(tf)) * termIdf[ids[j]];
    weights[j] = w;
    selectScratch[eligible++] = w;
  }
  // Threshold = k-th largest weight, then sort only the survivors.
  const threshold = eligible > k ? kthLargest(selectScratch, eligible, k) : 0;
  const picked: number[] = [];
  for (let j = 0; j < ids.length; j++) {
    if (weights[j] > 0 && weights[j] >= threshold) picked.push(j);
  }
  picked.sort((x, y) => weights[y] - weights[x] || ids[x] - ids[y]);
  const kept = Math.min(k, picked.length);
  let norm = 0;
  for (let r = 0; r < kept; r++) norm += weights[picked[r]] * weights[picked[r]];
  norm = Math.sqrt(norm);
  for (let r = 0; r < kept; r++) {
    outTerm[at + r] = ids[picked[r]];
    outWeight[at + r] = weights[picked[r]] / norm;
  }
  return kept;
}

/** 1 + ln(tf) for the small whole-number frequencies that make up nearly all terms (tf ≥ 1). */
const TF_LOG = Float64Array.from({ length: 256 }, (_, tf) => 1 + Math.log(tf));

let weightScratch = new Float64Array(1024);
let selectScratch = new Float64Array(1024);

/** The k-th largest of values[0 .. count) (1-based k ≤ count), by quickselect; reorders `values`. */
function kthLargest(values: Float64Array, count: number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  const target = k - 1; // index in descending order
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const x = values[i];
        values[i] = values[j];
        values[j] = x;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return values[target];
  }
  return values[target];
}

/**
 * Term → (article, normalised weight) postings. Lists longer than `cap` keep
 * their `cap` highest-weighted entries (ties: more recent first): such terms
 * are too common to be distinctive for most of their carriers.
 */
function buildTermPostings(
  topTerms: TermLists,
  counts: Int32Array,
  recencyRank: Int32Array,
  cap: number,
): Required<Postings> {
  const terms = counts.length;
  const fullStart = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) fullStart[t + 1] = fullStart[t] + counts[t];
  const fullDoc = new Int32Array(fullStart[terms]);
  const fullWeight = new Float64Array(fullStart[terms]);
  const fill = fullStart.slice(0, terms);
  for (let i = 0; i + 1 < topTerms.start.length; i++) {
    for (let q = topTerms.start[i]; q < topTerms.start[i + 1]; q++) {
      const p = fill[topTerms.term[q]]++;
      fullDoc[p] = i;
      fullWeight[p] = topTerms.weight[q];
    }
  }
  if (!counts.some((c) => c > cap)) return { start: fullStart, doc: fullDoc, weight: fullWeight };

  const start = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) start[t + 1] = start[t] + Math.min(counts[t], cap);
  const doc = new Int32Array(start[terms]);
  const weight = new Float64Array(start[terms]);
  for (let t = 0; t < terms; t++) {
    const from = fullStart[t];
    const to = fullStart[t + 1];
    if (to - from <= cap) {
      doc.set(fullDoc.subarray(from, to), start[t]);
      weight.set(fullWeight.subarray(from, to), start[t]);
      continue;
    }
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort(
      (x, y) => fullWeight[y] - fullWeight[x] || recencyRank[fullDoc[x]] - recencyRank[fullDoc[y]],
    );
    for (let k = 0, out = start[t]; k < cap; k++, out++) {
      doc[out] = fullDoc[order[k]];
      weight[out] = fullWeight[order[k]];
    }
  }
  return { start, doc, weight };
}

/** Per-article scratch space for `bestMatches`, reused across articles. */
interface Scratch {
  /** Text similarity of each collected candidate, as far as the (capped) term postings reach. */
  acc: Float64Array;
  /** `stamp[b] === a + 1` once candidate b has been collected for article a (acc[b] is stale otherwise). */
  stamp: Int32Array;
  touched: Int32Array;
  /** tagScore of the current article's tags, 0 for all other tags. */
  queryTagScore: Float64Array;
  /** textWeight × weight of the current article's top terms, 0 for all other terms. */
  queryTermWeight: Float64Array;
}

/**
 * The best `slots` candidates for article `a` that are not `blocked`, by
 * (score desc, recency rank asc), in two steps:
 *  1. collect candidates through the (capped) postings of a's tags, tag
 *     pairs and top terms, accumulating text similarity along the way, and
 *     shortlist the `shortlist` best by a provisional score (that text part,
 *     the candidate's 4 rarest tags, recency);
 *  2. rescore the shortlist exactly (all shared tags, full top-term cosine)
 *     and keep the best.
 */
function bestMatches(index: ScoringIndex, a: number, slots: number, scratch: Scratch, blocked: Uint8Array): number[] {
  const { acc, stamp, touched, queryTagScore, queryTermWeight } = scratch;
  const { tagScore, recencyBonus, recencyRank } = index;
  const { start: tagsStart, tag: tagsFlat, row } = index.docTagList;
  const { start: topStart, term: topTerm, weight: topWeight } = index.topTerms;
  const textWeight = RELATED_TUNING.textWeight;
  const round = a + 1;
  let touchedCount = 0;

  // Candidates through a's tags, then through pairs of its tags.
  const tagsFrom = tagsStart[a];
  const queryTags = Math.min(tagsStart[a + 1] - tagsFrom, MAX_QUERY_TAGS);
  for (let q = tagsFrom; q < tagsStart[a + 1]; q++) queryTagScore[tagsFlat[q]] = tagScore[tagsFlat[q]];
  const tagStart = index.tagPostings.start;
  const tagDoc = index.tagPostings.doc;
  /** Adds every article of postings [from, to) to this round's candidates, once each. */
  const touchAll = (docs: ArrayLike<number>, from: number, to: number) => {
    for (let p = from; p < to; p++) {
      const b = docs[p];
      if (stamp[b] !== round) {
        stamp[b] = round;
        touched[touchedCount++] = b;
        acc[b] = 0;
      }
    }
  };
  for (let j = 0; j < queryTags; j++) {
    const t = tagsFlat[tagsFrom + j];
    touchAll(tagDoc, tagStart[t], tagStart[t + 1]);
  }
  const pairStart = index.pairPostings.start;
  const pairDoc = index.pairPostings.doc;
  for (let q = index.docPairList.start[a], end = index.docPairList.start[a + 1]; q < end; q++) {
    const pair = index.docPairList.pair[q];
    touchAll(pairDoc, pairStart[pair], pairStart[pair + 1]);
  }

  const termStart = index.termPostings.start;
  const termDoc = index.termPostings.doc;
  const termWeight = index.termPostings.weight;
  for (let q = topStart[a]; q < topStart[a + 1]; q++) {
    const t = topTerm[q];
    const s = textWeight * topWeight[q];
    queryTermWeight[t] = s;
    for (let p = termStart[t], end = termStart[t + 1]; p < end; p++) {
      const b = termDoc[p];
      if (stamp[b] !== round) {
        stamp[b] = round;
        touched[touchedCount++] = b;
        acc[b] = s * termWeight[p];
      } else {
        acc[b] += s * termWeight[p];
      }
    }
  }

  // Step 1: shortlist by provisional score (bounded insertion, best first).
  const size = Math.max(slots, RELATED_TUNING.shortlist);
  const listDoc: number[] = [];
  const listScore: number[] = [];
  for (let k = 0; k < touchedCount; k++) {
    const b = touched[k];
    if (blocked[b]) continue;
    // Provisional tag score: over the candidate's ROW_TAGS rarest tags (unrolled: ROW_TAGS = 4).
    const r = b * ROW_TAGS;
    const tagPart = queryTagScore[row[r]] + queryTagScore[row[r + 1]] + queryTagScore[row[r + 2]] + queryTagScore[row[r + 3]];
    insertRanked(listDoc, listScore, size, b, acc[b] + tagPart + recencyBonus[b], recencyRank);
  }

  // Step 2: exact rescoring of the shortlist.
  const bestDoc: number[] = [];
  const bestScore: number[] = [];
  for (const b of listDoc) {
    let score = recencyBonus[b];
    for (let p = tagsStart[b], end = tagsStart[b + 1]; p < end; p++) score += queryTagScore[tagsFlat[p]];
    for (let p = topStart[b], end = topStart[b + 1]; p < end; p++) score += queryTermWeight[topTerm[p]] * topWeight[p];
    insertRanked(bestDoc, bestScore, slots, b, score, recencyRank);
  }

  for (let q = tagsStart[a]; q < tagsStart[a + 1]; q++) queryTagScore[tagsFlat[q]] = 0;
  for (let q = topStart[a]; q < topStart[a + 1]; q++) queryTermWeight[topTerm[q]] = 0;
  return bestDoc;
}

/**
 * Insert (doc, score) into the parallel best-first lists, keeping at most
 * `capacity` entries, ordered by score desc then recency rank asc.
 */
function insertRanked(
  docs: number[],
  scores: number[],
  capacity: number,
  doc: number,
  score: number,
  recencyRank: Int32Array,
): void {
  let pos = docs.length;
  if (pos === capacity) {
    const worst = scores[pos - 1];
    if (score < worst || (score === worst && recencyRank[doc] > recencyRank[docs[pos - 1]])) return;
    pos--;
  } else {
    docs.push(doc);
    scores.push(score);
  }
  while (pos > 0 && (score > scores[pos - 1] || (score === scores[pos - 1] && recencyRank[doc] < recencyRank[docs[pos - 1]]))) {
    scores[pos] = scores[pos - 1];
    docs[pos] = docs[pos - 1];
    pos--;
  }
  scores[pos] = score;
  docs[pos] = doc;
}

function timeOf(date: Date): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  return Number.isFinite(time) ? time : EARLIEST_TIME;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
