/** The related-articles ranking's weights and caps, in one place (see related.ts for the formula they tune). */
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

/** idf = ln((N + 1) / df): ≈ ln N for a tag/term on one article, ≈ 0 for one on all of them. */
export function inverseDocumentFrequency(articleCount: number, documentFrequency: number): number {
  return Math.log((articleCount + 1) / documentFrequency);
}
