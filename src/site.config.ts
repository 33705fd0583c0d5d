/** Site settings editors may change. Deployment location (SITE_URL, BASE_PATH) comes from the environment instead. */
export const siteConfig = {
  name: 'Newsdesk',
  tagline: 'Technology coverage, sourced and explained',
  description: 'Newsdesk follows AI, security, networking, cloud and fintech: original reporting and the best coverage from elsewhere, with sources.',
  /** BCP 47 language of the site's own text. */
  lang: 'en',
  locale: 'en-US',
  /** Dates are shown in this IANA zone; scheduling always compares instants. */
  timeZone: 'UTC',
  /** Teasers per page on the front page, tag and author pages. */
  pageSize: 10,
  /** "Explore more" entries per article, curated ones included. */
  relatedLimit: 5,
  /** Articles published further apart than this many hours are never grouped into one story (editors can still join them). */
  storyWindowHours: 72,
  /** Social cards are drawn for this many of the newest articles (and every story); older ones show their lead picture or the logo. */
  cardArticles: 5000,
  /**
   * Most articles in one part of the search index (src/lib/search/index-parts.ts): Pagefind holds a part's whole
   * index in memory while it writes it, so this bounds the search step's memory however large the archive grows.
   */
  searchPartArticles: 3000,
  /**
   * Most words (of the articles' bodies, as reading time counts them) in one part of the search index: Pagefind's
   * memory grows with the words it holds, so a part of long reads holds fewer articles than `searchPartArticles`.
   * An archive of articles of usual length (up to about 1,000 words) is bounded by the article count alone.
   */
  searchPartWords: 3_000_000,
  /**
   * The newest this many articles are searched by every word, counted in whole parts of the index; older ones by
   * their headline, dek and opening paragraphs (about 150 words), which halves the search step's work for them on
   * a large archive (BENCHMARKS.md). Infinity: every word of every article.
   */
  searchFullTextArticles: Infinity,
  /** Tags shown on a teaser in listings, the article's first ones; its page shows them all. */
  teaserTags: 3,
  /** Most used tags listed beside listings on wide screens. */
  topicsInRail: 12,
  /** Tags linked from the header, in order. */
  sections: ['AI', 'Security', 'Networking', 'Cloud', 'Fintech'],
  /** Files under public/. */
  logo: 'logo.png',
  favicon: 'favicon.svg',
} as const;

export type SiteConfig = typeof siteConfig;
