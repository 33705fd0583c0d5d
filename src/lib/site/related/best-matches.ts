/** The per-article search: candidates from the postings, a provisional shortlist, exact rescoring. */
import type { RecencyOrder } from './article-order.ts';
import { insertRanked } from './ranked-list.ts';
import { ROW_TAGS, type TagIndex } from './tag-index.ts';
import type { TagPairIndex } from './tag-pair-index.ts';
import type { TermIndex } from './term-index.ts';
import { RELATED_TUNING } from './tuning.ts';

/** Only an article's this many rarest tags are used to collect candidates (all count in its scores). */
const MAX_QUERY_TAGS = 32;

/** Everything the per-article scoring needs, as flat typed arrays. */
export type ScoringIndex = TagIndex & TagPairIndex & TermIndex & RecencyOrder;

/**
 * Working space for `bestMatches`, sized for one ranking and reused from one
 * article to the next (allocating it per article would cost more than the search).
 */
export interface MatchScratch {
  /** Text similarity of each collected candidate, as far as the (capped) term postings reach. */
  textScore: Float64Array;
  /** `round[candidate] === article + 1` once the candidate has been collected for that article (its textScore is stale otherwise). */
  round: Int32Array;
  /** The candidates collected for the current article. */
  collected: Int32Array;
  /** tagScore of the current article's tags, 0 for all other tags (one more entry: the padding id of TagLists.row). */
  queryTagScore: Float64Array;
  /** textWeight × weight of the current article's top terms, 0 for all other terms. */
  queryTermWeight: Float64Array;
}

export function createMatchScratch(index: ScoringIndex): MatchScratch {
  const articleCount = index.byRecency.length;
  return {
    textScore: new Float64Array(articleCount),
    round: new Int32Array(articleCount),
    collected: new Int32Array(articleCount),
    queryTagScore: new Float64Array(index.tagCount + 1),
    queryTermWeight: new Float64Array(index.termPostings.start.length - 1),
  };
}

/**
 * The best `slots` candidates for `article` that are not `blocked`, by
 * (score desc, recency rank asc), in two steps:
 *  1. collect candidates through the (capped) postings of the article's tags,
 *     tag pairs and top terms, accumulating text similarity along the way,
 *     and shortlist the `shortlist` best by a provisional score (that text
 *     part, the candidate's ROW_TAGS rarest tags, recency);
 *  2. rescore the shortlist exactly (all shared tags, full top-term cosine)
 *     and keep the best.
 */
export function bestMatches(index: ScoringIndex, article: number, slots: number, scratch: MatchScratch, blocked: Uint8Array): number[] {
  const { textScore, round, collected, queryTagScore, queryTermWeight } = scratch;
  const { tagScore, recencyBonus, recencyRank } = index;
  const { start: tagsStart, tag: tags, row: tagRows } = index.docTagList;
  const { start: topStart, term: topTerm, weight: topWeight } = index.topTerms;
  const textWeight = RELATED_TUNING.textWeight;
  const thisRound = article + 1;
  let collectedCount = 0;

  // Candidates through the article's tags, then through pairs of its tags.
  const tagsFrom = tagsStart[article];
  const queryTags = Math.min(tagsStart[article + 1] - tagsFrom, MAX_QUERY_TAGS);
  for (let at = tagsFrom; at < tagsStart[article + 1]; at++) queryTagScore[tags[at]] = tagScore[tags[at]];
  /** Adds every article of postings [from, to) to this round's candidates, once each. */
  const collectAll = (docs: ArrayLike<number>, from: number, to: number) => {
    for (let at = from; at < to; at++) {
      const candidate = docs[at];
      if (round[candidate] !== thisRound) {
        round[candidate] = thisRound;
        collected[collectedCount++] = candidate;
        textScore[candidate] = 0;
      }
    }
  };
  const { start: tagPostingStart, doc: tagPostingDoc } = index.tagPostings;
  for (let j = 0; j < queryTags; j++) {
    const tag = tags[tagsFrom + j];
    collectAll(tagPostingDoc, tagPostingStart[tag], tagPostingStart[tag + 1]);
  }
  const { start: pairPostingStart, doc: pairPostingDoc } = index.pairPostings;
  const { start: pairsStart, pair: pairs } = index.docPairList;
  for (let at = pairsStart[article], end = pairsStart[article + 1]; at < end; at++) {
    const pair = pairs[at];
    collectAll(pairPostingDoc, pairPostingStart[pair], pairPostingStart[pair + 1]);
  }

  const { start: termPostingStart, doc: termPostingDoc, weight: termPostingWeight } = index.termPostings;
  for (let at = topStart[article]; at < topStart[article + 1]; at++) {
    const term = topTerm[at];
    const queryWeight = textWeight * topWeight[at];
    queryTermWeight[term] = queryWeight;
    for (let entry = termPostingStart[term], end = termPostingStart[term + 1]; entry < end; entry++) {
      const candidate = termPostingDoc[entry];
      if (round[candidate] !== thisRound) {
        round[candidate] = thisRound;
        collected[collectedCount++] = candidate;
        textScore[candidate] = queryWeight * termPostingWeight[entry];
      } else {
        textScore[candidate] += queryWeight * termPostingWeight[entry];
      }
    }
  }

  // Step 1: shortlist by provisional score (bounded insertion, best first).
  const shortlistSize = Math.max(slots, RELATED_TUNING.shortlist);
  const shortlist: number[] = [];
  const shortlistScores: number[] = [];
  for (let k = 0; k < collectedCount; k++) {
    const candidate = collected[k];
    if (blocked[candidate]) continue;
    // Provisional tag score: over the candidate's ROW_TAGS rarest tags (unrolled: ROW_TAGS = 4).
    const rowStart = candidate * ROW_TAGS;
    const tagPart =
      queryTagScore[tagRows[rowStart]] + queryTagScore[tagRows[rowStart + 1]] +
      queryTagScore[tagRows[rowStart + 2]] + queryTagScore[tagRows[rowStart + 3]];
    insertRanked(shortlist, shortlistScores, shortlistSize, candidate, textScore[candidate] + tagPart + recencyBonus[candidate], recencyRank);
  }

  // Step 2: exact rescoring of the shortlist.
  const best: number[] = [];
  const bestScores: number[] = [];
  for (const candidate of shortlist) {
    let score = recencyBonus[candidate];
    for (let at = tagsStart[candidate], end = tagsStart[candidate + 1]; at < end; at++) score += queryTagScore[tags[at]];
    for (let at = topStart[candidate], end = topStart[candidate + 1]; at < end; at++) score += queryTermWeight[topTerm[at]] * topWeight[at];
    insertRanked(best, bestScores, slots, candidate, score, recencyRank);
  }

  for (let at = tagsStart[article]; at < tagsStart[article + 1]; at++) queryTagScore[tags[at]] = 0;
  for (let at = topStart[article]; at < topStart[article + 1]; at++) queryTermWeight[topTerm[at]] = 0;
  return best;
}
