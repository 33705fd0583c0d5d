/**
 * "Explore more": for every published article, pick the articles to show
 * underneath it, best first.
 *
 * 1. Curated slugs (`curated`) come first, in the editor's order: deduplicated,
 *    never the article itself, unknown/unpublished slugs skipped silently,
 *    truncated to `limit`.
 * 2. The remaining slots are ranked automatically. For article `a` and
 *    candidate `b`:
 *
 *        score(a, b) = W_TAG  · Σ_{t ∈ tags(a) ∩ tags(b)} idf(t) / ln(N + 1)
 *                    + W_TEXT · cos(a, b)
 *                    + RECENCY_MAX · 2^(−age(b) / RECENCY_HALF_LIFE)
 *
 *    - idf(x) = ln((N + 1) / df(x)), N = number of articles, df = number of
 *      articles carrying the tag/term. Dividing by ln(N + 1) puts one shared
 *      tag in (0, 1): a tag on 3 of 10,000 articles is worth ≈ 0.88, one on
 *      3,000 of them ≈ 0.13, one on every article ≈ 0.
 *    - cos(a, b) is the cosine of tf-idf vectors restricted to each article's
 *      TOP_TERMS most distinctive terms (terms found in only one article
 *      cannot match anything and are ignored). Term frequencies count a title
 *      occurrence TITLE_WEIGHT times, a dek occurrence DEK_WEIGHT times and a
 *      body occurrence once; weight = (1 + ln tf) · idf, L2-normalised.
 *    - age(b) is measured from the newest article in the corpus, never from
 *      the wall clock, so the output is a pure function of the input. The
 *      bonus (at most RECENCY_MAX) only separates near-ties; it is only given
 *      to candidates that share a tag or a term with `a`.
 * 3. Ties: score desc, then publishedAt desc, then slug asc.
 * 4. If fewer than `limit` candidates share anything with `a`, the list is
 *    filled with the most recent other articles, after the real matches.
 *    So every article gets min(limit, N − 1) entries.
 *
 * Cost: each article is tokenised once (body capped at BODY_MAX_TOKENS
 * content words). Candidates are generated search-engine style from inverted
 * indexes over tags and top terms, with scores accumulated into one
 * Float64Array; there is no all-pairs comparison. Posting lists are capped
 * (tags: the TAG_POSTING_CAP most recent carriers; terms: the
 * TERM_POSTING_CAP highest-weighted carriers), so the work per article is
 * bounded and total cost grows about linearly with the number of articles.
 * Below the caps (sites with up to a few hundred articles) scoring is exact.
 *
 * Output does not depend on input order: articles are processed in slug
 * order and the returned Map is keyed in slug order. Slugs are expected to be
 * unique; if one repeats, only its first occurrence in slug/date order counts.
 */
import { stripMarkdown, tokenize } from "./text-terms.ts";

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
  /** Only this many content words (stop words excluded) of the body are read. */
  bodyMaxTokens: 600,
  /** Characters of raw body looked at before Markdown stripping (cheap prefix cut). */
  bodyMaxChars: 20_000,
  /** Longest posting list walked per tag (the most recent carriers are kept). */
  tagPostingCap: 500,
  /** Longest posting list walked per term (the highest-weighted carriers are kept). */
  termPostingCap: 200,
} as const;

const DAY_MS = 86_400_000;
const EARLIEST_TIME = -8.64e15;

interface Posting {
  start: Int32Array;
  doc: Int32Array;
  weight: Float64Array;
}

export function rankRelated(
  articles: readonly RelatedCandidate[],
  options: RelatedOptions = {},
): Map<string, string[]> {
  const T = RELATED_TUNING;
  const limit = options.limit ?? T.defaultLimit;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`rankRelated: limit must be a non-negative integer, got ${limit}`);
  }

  // ---- Canonical order: by slug, then newest first; drop repeated slugs. ----
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
  const n = docs.length;
  const result = new Map<string, string[]>();
  if (n === 0) return result;

  const slugIndex = new Map<string, number>();
  for (let i = 0; i < n; i++) slugIndex.set(docs[i].slug, i);

  // ---- Recency: order (publishedAt desc, slug asc), rank and bonus. ----
  const byRecency = Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => times[j] - times[i] || i - j,
  );
  const recencyRank = new Int32Array(n);
  for (let r = 0; r < n; r++) recencyRank[byRecency[r]] = r;
  const newest = times[byRecency[0]];
  const recencyBonus = new Float64Array(n);
  const halfLifeMs = T.recencyHalfLifeDays * DAY_MS;
  for (let i = 0; i < n; i++) {
    recencyBonus[i] = T.recencyMax * Math.pow(2, -(newest - times[i]) / halfLifeMs);
  }

  const idfNorm = Math.log(n + 1);
  const idf = (df: number): number => Math.log((n + 1) / df);

  // ---- Tags: ids, per-article tag lists, idf weights, capped postings. ----
  const tagIds = new Map<string, number>();
  const docTags: Int32Array[] = new Array(n);
  const tagDf: number[] = [];
  for (let i = 0; i < n; i++) {
    const ids = new Set<number>();
    for (const key of docs[i].tagKeys ?? []) {
      let id = tagIds.get(key);
      if (id === undefined) {
        id = tagDf.length;
        tagIds.set(key, id);
        tagDf.push(0);
      }
      if (!ids.has(id)) {
        ids.add(id);
        tagDf[id]++;
      }
    }
    docTags[i] = Int32Array.from(ids).sort();
  }
  const tagScore = tagDf.map((df) => (T.tagWeight * idf(df)) / idfNorm);
  const tagPostings: number[][] = tagDf.map(() => []);
  for (const i of byRecency) {
    for (const t of docTags[i]) {
      if (tagPostings[t].length < T.tagPostingCap) tagPostings[t].push(i);
    }
  }

  // ---- Terms: tokenise once per article into (termId, weighted tf). ----
  const termIds = new Map<string, number>();
  const termDf: number[] = [];
  const docTermIds: Int32Array[] = new Array(n);
  const docTermTf: Float64Array[] = new Array(n);
  // Per-article counting without a Map per article: `lastDoc[id]` says whether
  // the term was already seen in the current article, `slot[id]` where its
  // count lives in the scratch arrays.
  const lastDoc: number[] = [];
  const slot: number[] = [];
  let scratchIds: number[] = [];
  let scratchTf: number[] = [];
  for (let i = 0; i < n; i++) {
    scratchIds = [];
    scratchTf = [];
    const add = (tokens: string[], weight: number): void => {
      for (const token of tokens) {
        let id = termIds.get(token);
        if (id === undefined) {
          id = termDf.length;
          termIds.set(token, id);
          termDf.push(0);
          lastDoc.push(-1);
          slot.push(0);
        }
        if (lastDoc[id] !== i) {
          lastDoc[id] = i;
          slot[id] = scratchIds.length;
          scratchIds.push(id);
          scratchTf.push(weight);
          termDf[id]++;
        } else {
          scratchTf[slot[id]] += weight;
        }
      }
    };
    const doc = docs[i];
    add(tokenize(doc.title ?? ""), T.titleWeight);
    add(tokenize(doc.description ?? ""), T.dekWeight);
    const body = (doc.body ?? "").slice(0, T.bodyMaxChars);
    add(tokenize(stripMarkdown(body), { maxTokens: T.bodyMaxTokens }), T.bodyWeight);
    docTermIds[i] = Int32Array.from(scratchIds);
    docTermTf[i] = Float64Array.from(scratchTf);
  }
  const termIdf = Float64Array.from(termDf, (df) => idf(df));

  // ---- Top-K distinctive terms per article, L2-normalised. ----
  const topIds: Int32Array[] = new Array(n);
  const topWeights: Float64Array[] = new Array(n);
  const postingCount = new Int32Array(termDf.length);
  for (let i = 0; i < n; i++) {
    const ids = docTermIds[i];
    const tfs = docTermTf[i];
    const candidates: number[] = [];
    const weights = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      if (termDf[ids[k]] < 2) continue; // unique to this article: cannot match anything
      weights[k] = (1 + Math.log(tfs[k])) * termIdf[ids[k]];
      candidates.push(k);
    }
    candidates.sort((x, y) => weights[y] - weights[x] || ids[x] - ids[y]);
    const kept = Math.min(T.topTerms, candidates.length);
    const top = new Int32Array(kept);
    const w = new Float64Array(kept);
    let norm = 0;
    for (let r = 0; r < kept; r++) {
      top[r] = ids[candidates[r]];
      w[r] = weights[candidates[r]];
      norm += w[r] * w[r];
    }
    norm = Math.sqrt(norm);
    for (let r = 0; r < kept; r++) {
      w[r] /= norm;
      postingCount[top[r]]++;
    }
    topIds[i] = top;
    topWeights[i] = w;
    // Free the full term vector early: only the top terms are needed from here on.
    docTermIds[i] = EMPTY_IDS;
    docTermTf[i] = EMPTY_WEIGHTS;
  }
  const termPostings = buildTermPostings(topIds, topWeights, postingCount, recencyRank, T.termPostingCap);

  // ---- Score every article against its candidates. ----
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const blocked = new Uint8Array(n);
  const bestDoc = new Int32Array(Math.max(limit, 1));
  const bestScore = new Float64Array(Math.max(limit, 1));

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

    const slots = limit - chosen.length;
    if (slots > 0) {
      // Accumulate tag and term contributions for every candidate sharing something.
      let touchedCount = 0;
      for (const t of docTags[a]) {
        const s = tagScore[t];
        for (const b of tagPostings[t]) {
          if (acc[b] === 0) touched[touchedCount++] = b;
          acc[b] += s;
        }
      }
      const ta = topIds[a];
      const wa = topWeights[a];
      for (let r = 0; r < ta.length; r++) {
        const t = ta[r];
        const s = T.textWeight * wa[r];
        for (let p = termPostings.start[t], end = termPostings.start[t + 1]; p < end; p++) {
          const b = termPostings.doc[p];
          if (acc[b] === 0) touched[touchedCount++] = b;
          acc[b] += s * termPostings.weight[p];
        }
      }

      // Keep the best `slots` candidates (score desc, then recency rank asc).
      let size = 0;
      for (let k = 0; k < touchedCount; k++) {
        const b = touched[k];
        const score = acc[b] + recencyBonus[b];
        acc[b] = 0;
        if (blocked[b]) continue;
        if (size === slots && !beats(score, b, bestScore[size - 1], bestDoc[size - 1], recencyRank)) continue;
        let pos = size < slots ? size++ : size - 1;
        while (pos > 0 && beats(score, b, bestScore[pos - 1], bestDoc[pos - 1], recencyRank)) {
          bestScore[pos] = bestScore[pos - 1];
          bestDoc[pos] = bestDoc[pos - 1];
          pos--;
        }
        bestScore[pos] = score;
        bestDoc[pos] = b;
      }
      for (let k = 0; k < size; k++) {
        chosen.push(bestDoc[k]);
        blocked[bestDoc[k]] = 1;
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
    for (const b of chosen) blocked[b] = 0;
    result.set(
      docs[a].slug,
      chosen.map((b) => docs[b].slug),
    );
  }
  return result;
}

const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);

/** True when candidate (score, doc) ranks above (otherScore, otherDoc). */
function beats(score: number, doc: number, otherScore: number, otherDoc: number, recencyRank: Int32Array): boolean {
  return score > otherScore || (score === otherScore && recencyRank[doc] < recencyRank[otherDoc]);
}

/**
 * Inverted index from term id to (article, normalised weight), as flat arrays.
 * Lists longer than `cap` keep their `cap` highest-weighted entries (ties: more
 * recent first): such terms are too common to be distinctive for most carriers.
 */
function buildTermPostings(
  topIds: Int32Array[],
  topWeights: Float64Array[],
  counts: Int32Array,
  recencyRank: Int32Array,
  cap: number,
): Posting {
  const terms = counts.length;
  const fullStart = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) fullStart[t + 1] = fullStart[t] + counts[t];
  const fullDoc = new Int32Array(fullStart[terms]);
  const fullWeight = new Float64Array(fullStart[terms]);
  const fill = fullStart.slice(0, terms);
  for (let i = 0; i < topIds.length; i++) {
    const ids = topIds[i];
    const w = topWeights[i];
    for (let r = 0; r < ids.length; r++) {
      const p = fill[ids[r]]++;
      fullDoc[p] = i;
      fullWeight[p] = w[r];
    }
  }

  let overCap = false;
  for (let t = 0; t < terms; t++) if (counts[t] > cap) overCap = true;
  if (!overCap) return { start: fullStart, doc: fullDoc, weight: fullWeight };

  const start = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) start[t + 1] = start[t] + Math.min(counts[t], cap);
  const doc = new Int32Array(start[terms]);
  const weight = new Float64Array(start[terms]);
  for (let t = 0; t < terms; t++) {
    const from = fullStart[t];
    const to = fullStart[t + 1];
    let out = start[t];
    if (to - from <= cap) {
      doc.set(fullDoc.subarray(from, to), out);
      weight.set(fullWeight.subarray(from, to), out);
      continue;
    }
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort(
      (x, y) => fullWeight[y] - fullWeight[x] || recencyRank[fullDoc[x]] - recencyRank[fullDoc[y]],
    );
    for (let k = 0; k < cap; k++) {
      doc[out] = fullDoc[order[k]];
      weight[out] = fullWeight[order[k]];
      out++;
    }
  }
  return { start, doc, weight };
}

function timeOf(date: Date): number {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  return Number.isFinite(time) ? time : EARLIEST_TIME;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
