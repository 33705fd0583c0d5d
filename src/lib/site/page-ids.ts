/**
 * The ids the article page's own template gives its elements. The templates take them from here, and the Markdown
 * processor keeps article bodies off every one of them, so a body can never take over the page's targets.
 */
export const ARTICLE_PAGE_IDS = {
  /** The page's <main>: the skip link's target. */
  main: 'main',
  /** The "Explore more" heading, which names its aside. */
  exploreMore: 'explore-more',
  /** The "Coverage of this story" heading, which names its aside. */
  storyCoverage: 'story-coverage',
} as const;
