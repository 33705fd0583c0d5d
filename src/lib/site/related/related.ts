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
 * The total therefore grows about linearly with the number of articles.
 * Below the caps the candidate search is exhaustive.
 *
 * The steps live beside this file: article-order.ts (slug and recency
 * orders), tag-index.ts and tag-pair-index.ts, term-counter.ts, top-terms.ts,
 * term-index.ts and term-postings.ts, best-matches.ts (the two-stage search),
 * tuning.ts (weights and caps).
 *
 * Output does not depend on input order: articles are processed in slug
 * order and the returned Map is keyed in slug order. Slugs should be unique;
 * if one repeats, only its newest article is used.
 */
import { canonicalOrder, recencyOrder } from './article-order.ts';
import { bestMatches, createMatchScratch, type ScoringIndex } from './best-matches.ts';
import { indexTags } from './tag-index.ts';
import { indexTagPairs } from './tag-pair-index.ts';
import { indexTerms } from './term-index.ts';
import { RELATED_TUNING } from './tuning.ts';

export { RELATED_TUNING };

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
  /** The articles to list for (the others are still ranked for them); default every one. */
  only?: ReadonlySet<string>;
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
  const articleCount = docs.length;
  const result = new Map<string, string[]>();
  if (articleCount === 0) return result;

  const articleBySlug = new Map<string, number>();
  for (let article = 0; article < articleCount; article++) articleBySlug.set(docs[article].slug, article);
  const recency = recencyOrder(times);
  const tags = indexTags(docs, recency.byRecency);
  const tagPairs = indexTagPairs(tags.docTagList, tags.tagCount, recency.byRecency);
  const terms = indexTerms(docs, recency.recencyRank);
  const index: ScoringIndex = { ...tags, ...tagPairs, ...terms, ...recency };
  const scratch = createMatchScratch(index);

  // Articles already in the list being built (and the article itself): set while building one list, cleared after.
  const taken = new Uint8Array(articleCount);
  for (let article = 0; article < articleCount; article++) {
    if (options.only && !options.only.has(docs[article].slug)) continue;
    const chosen: number[] = [];
    taken[article] = 1;
    for (const slug of docs[article].curated ?? []) {
      if (chosen.length >= limit) break;
      const curated = articleBySlug.get(slug);
      if (curated === undefined || taken[curated]) continue;
      taken[curated] = 1;
      chosen.push(curated);
    }
    if (chosen.length < limit) {
      for (const match of bestMatches(index, article, limit - chosen.length, scratch, taken)) {
        chosen.push(match);
        taken[match] = 1;
      }
      // Fill with the most recent remaining articles, after the real matches.
      for (let rank = 0; rank < articleCount && chosen.length < limit; rank++) {
        const recent = recency.byRecency[rank];
        if (!taken[recent]) {
          chosen.push(recent);
          taken[recent] = 1;
        }
      }
    }
    taken[article] = 0;
    const slugs: string[] = [];
    for (const other of chosen) {
      taken[other] = 0;
      slugs.push(docs[other].slug);
    }
    result.set(docs[article].slug, slugs);
  }
  return result;
}
