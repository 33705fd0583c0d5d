/** The thresholds and weights of story grouping, in one place; README's "Stories" section explains each. */

/** Articles further apart than this are never one story, unless an editor says so (site.config.ts sets the site's). */
export const DEFAULT_STORY_WINDOW_HOURS = 72;

export const STORY_TUNING = {
  /** Words of the body read as its lead, after the headline and dek. */
  leadWords: 40,
  /** A name (company, person, product, place) counts this many times a plain word of the same rarity. */
  nameBoost: 2,
  /** A figure with its unit ("$2.5 billion", "40%"). */
  figureBoost: 2,
  /** A multi-word name matched whole ("European Commission"). */
  phraseBoost: 1.5,
  /** Anything in the headline. */
  titleBoost: 1.5,
  /** Anything found only in the lead, not in the headline or dek. */
  leadOnlyWeight: 0.6,
  /**
   * What a feature no other article carries weighs in an article's length, against 1 for shared ones: wording of
   * its own should make a paraphrase look only a little less alike, yet still count against unrelated pieces.
   */
  unsharedWeight: 0.5,
  /** Two articles are linked at this similarity (weighted cosine of their features) or above. */
  link: 0.3,
  /** A looser similarity that still counts as support when two groups are about to merge. */
  support: 0.18,
  /** Groups merge only when at least this share of their cross pairs support each other. */
  cohesion: 0.5,
  /** At the end of the window a pair's similarity counts this much less than at the same instant. */
  timeDecay: 0.3,
  /**
   * A word of a headline's subject found in this many times as many articles as its rarest word ("Semiconductor" of
   * "Veltrix Semiconductor") need not be in another article for that article to name the subject.
   */
  genericNameWord: 8,
  /**
   * A headline reporting the next step after a decision (an appeal) this many hours or more after another article,
   * whose headline reports none, is another event; sooner, it is that decision's story.
   */
  nextStepHours: 24,
  /**
   * A headline subject heading this many articles (or more) within the window of one another, which report between
   * them this many kinds of event (or more), is what they are all about, not evidence that they tell one event: sharing
   * it counts for nothing between them. Reports of one event tell one kind, or two ("breach" and "fine"). Unless one
   * kind is reported by `dominantShare` or more of those that report a kind: then they are one big event and its
   * follow-ups (a breach, then a lawsuit, an inquiry and a fine over it), and the subject counts as any name does.
   */
  crowdedSubject: { articles: 5, kinds: 3, dominantShare: 0.75 },
  /**
   * Features carried by more than this share of the archive (and more than `distinctiveMinimum`) make no candidates,
   * except where they burst (below).
   */
  distinctiveShare: 0.005,
  distinctiveMinimum: 64,
  /**
   * Such a feature still makes candidates around an article when the articles within the window either side of it
   * carry it at least `lift` times as often as the rest of the archive: it names the week's big event, not an
   * everyday subject. Each article then meets only the `nearest` earlier articles carrying it.
   */
  burst: { lift: 8, nearest: 64 },
} as const;

export type StoryTuning = typeof STORY_TUNING;
