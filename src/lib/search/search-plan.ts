/** What the search index's documents step (src/cli/search-documents.ts) hands the indexer (src/cli/search-index.ts). */

/** One part of the index this build places. */
export interface PlannedPart {
  /** The part's period, its name in the search cache. */
  key: string;
  /** Its documents' hash (src/lib/search/part-hash.ts): the cache entry it is linked from or written to. */
  hash: string;
  /** Where it goes, relative to the index's folder (src/lib/search/part-layout.ts). */
  folder: string;
  /** How many articles it holds. */
  articles: number;
  /**
   * The folder its documents were written to as files, for Pagefind to index; null when the cache holds the part
   * already, or when the part has no documents (an archive with nothing published).
   */
  documents: string | null;
}

export interface SearchPlan {
  /** The parts this build (or shard) places, oldest first. */
  parts: PlannedPart[];
  /** Every part of the whole archive, by key: the cache keeps what any shard may place. */
  archiveKeys: string[];
}
