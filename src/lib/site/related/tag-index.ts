/** Tags as the ranking sees them: each article's tag ids, each tag's score and tag → articles postings. */
import type { RelatedCandidate } from './related.ts';
import { cappedPostings, type Postings } from './postings.ts';
import { inverseDocumentFrequency, RELATED_TUNING } from './tuning.ts';

/** Tags per article in the fixed-width rows of `TagLists.row`. */
export const ROW_TAGS = 4;

/** Each article's tag ids, rarest first: those of article i are tag[start[i] .. start[i + 1]). */
export interface TagLists {
  start: Int32Array;
  tag: Int32Array;
  /**
   * The same lists cut to their ROW_TAGS rarest tags, in fixed-width rows
   * (padded with the id one past the last tag): a cache-friendly copy for
   * provisional scoring.
   */
  row: Int32Array;
}

export interface TagIndex {
  docTagList: TagLists;
  /** Each tag's contribution to a score when shared: tag weight × idf, normalised by ln(N + 1). */
  tagScore: Float64Array;
  /** tag → its most recent carriers, at most `tagPostingCap` each. */
  tagPostings: Postings;
  /** Number of distinct tags (also the padding id of `docTagList.row`). */
  tagCount: number;
}

export function indexTags(docs: readonly RelatedCandidate[], byRecency: Int32Array): TagIndex {
  const articleCount = docs.length;
  const tagIds = new Map<string, number>();
  const carriers: number[] = [];
  const start = new Int32Array(articleCount + 1);
  const tagIdsInOrder: number[] = [];
  for (let article = 0; article < articleCount; article++) {
    const ids: number[] = [];
    for (const key of docs[article].tagKeys ?? []) {
      let id = tagIds.get(key);
      if (id === undefined) {
        id = carriers.length;
        tagIds.set(key, id);
        carriers.push(0);
      }
      if (!ids.includes(id)) {
        ids.push(id);
        carriers[id]++;
      }
    }
    for (const id of ids) tagIdsInOrder.push(id);
    start[article + 1] = tagIdsInOrder.length;
  }
  const tagCount = carriers.length;
  // Rarest (most telling) tags first in each article's list.
  const tag = new Int32Array(tagIdsInOrder);
  for (let article = 0; article < articleCount; article++) {
    tag.subarray(start[article], start[article + 1]).sort((x, y) => carriers[x] - carriers[y] || x - y);
  }
  const row = new Int32Array(articleCount * ROW_TAGS).fill(tagCount);
  for (let article = 0; article < articleCount; article++) {
    for (let at = start[article], column = 0; at < start[article + 1] && column < ROW_TAGS; at++, column++) {
      row[article * ROW_TAGS + column] = tag[at];
    }
  }
  const docTagList: TagLists = { start, tag, row };
  const norm = Math.log(articleCount + 1);
  const tagScore = new Float64Array(tagCount);
  for (let id = 0; id < tagCount; id++) {
    tagScore[id] = (RELATED_TUNING.tagWeight * inverseDocumentFrequency(articleCount, carriers[id])) / norm;
  }
  const tagPostings = cappedPostings(tagCount, byRecency, (article, visit) => {
    for (let at = start[article]; at < start[article + 1]; at++) visit(tag[at]);
  }, RELATED_TUNING.tagPostingCap);
  return { docTagList, tagScore, tagPostings, tagCount };
}
