/**
 * Pairs of tags as search keys: the articles sharing two given tags with an
 * article are found even when both tags are too common for their single
 * postings to reach them.
 */
import { cappedPostings, type Postings } from './postings.ts';
import type { TagLists } from './tag-index.ts';
import { RELATED_TUNING } from './tuning.ts';

/** Only an article's this many rarest tags form pairs (at most 28 pairs). */
const MAX_PAIRED_TAGS = 8;

/** Each article's tag-pair ids: those of article i are pair[start[i] .. start[i + 1]). */
export interface PairLists {
  start: Int32Array;
  pair: Int32Array;
}

export interface TagPairIndex {
  docPairList: PairLists;
  /** pair → its most recent carriers, at most `tagPostingCap` each. */
  pairPostings: Postings;
}

export function indexTagPairs(docTagList: TagLists, tagCount: number, byRecency: Int32Array): TagPairIndex {
  const { start: tagStart, tag } = docTagList;
  const articleCount = tagStart.length - 1;
  const pairIds = new Map<number, number>();
  const start = new Int32Array(articleCount + 1);
  const pairIdsInOrder: number[] = [];
  for (let article = 0; article < articleCount; article++) {
    const from = tagStart[article];
    const to = Math.min(tagStart[article + 1], from + MAX_PAIRED_TAGS);
    for (let first = from; first < to; first++) {
      for (let second = first + 1; second < to; second++) {
        const key = tag[first] * tagCount + tag[second];
        let id = pairIds.get(key);
        if (id === undefined) {
          id = pairIds.size;
          pairIds.set(key, id);
        }
        pairIdsInOrder.push(id);
      }
    }
    start[article + 1] = pairIdsInOrder.length;
  }
  const pair = new Int32Array(pairIdsInOrder);
  const pairPostings = cappedPostings(pairIds.size, byRecency, (article, visit) => {
    for (let at = start[article]; at < start[article + 1]; at++) visit(pair[at]);
  }, RELATED_TUNING.tagPostingCap);
  return { docPairList: { start, pair }, pairPostings };
}
