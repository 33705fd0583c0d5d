/**
 * Round-ups and newsletters: one outlet's digest of many events. Two outlets' digests of one week share most of
 * their names and figures without telling one event, so they are kept out of automatic grouping; only headlines
 * that name themselves a digest count, never a mere "week" ("shares fall for third week", "ships next week").
 */

/** Headline shapes of digests, each written as outlets title them. */
const ROUNDUP_HEADLINES: readonly RegExp[] = [
  // "This Week in AI: …", "The Week in Review", "Last week in tech"
  /^(?:this|the|last)\s+week\s+in\b/i,
  // "Tech news: the week in review"
  /\bweek\s+in\s+review\b/i,
  // "This week: …", a week's events after a colon
  /^(?:this|last)\s+week\s*:/i,
  // "Weekly roundup: …", "Daily digest", "The weekend round-up", "Monthly recap", "Morning briefing: …", "The Daily Brief"
  /\b(?:daily|weekly|weekend|monthly|morning|evening)\s+(?:news\s+)?(?:round-?up|digest|recap|wrap(?:-?up)?|briefing|brief|newsletter)\b/i,
  // A digest's name alone, or as the label before its items: "Security digest", "Friday roundup", "Tech briefing",
  // "Roundup: …", "Security digest: …"; one word before it at most, so "Bayer settles Roundup lawsuits" is an event
  /^(?:the\s+)?(?:[\p{L}\p{N}'’-]+\s+)?(?:round-?up|digest|briefing)\s*(?:$|:)/iu,
  // "Catch up: …", "Catching up: …"
  /^catch(?:ing)?\s+up\s*:/i,
  // "Weekend reading", "Sunday reads: …"
  /^(?:weekend|saturday|sunday)\s+read(?:ing|s)\b/i,
  // "…: the week's biggest stories", "Top stories of the week"
  /\bthe\s+week['’]s\s+(?:biggest|top|best|most\s+important)\s+(?:stories|news|headlines)\b/i,
  /\b(?:top|biggest)\s+(?:stories|news|headlines)\s+of\s+the\s+week\b/i,
  // "Newsletter #123", "Newsletter no. 12"
  /\bnewsletter\s*(?:#|no\.?\s*)\d+/i,
  // "Week 48 recap", "Week 48: round-up"
  /\bweek\s+\d{1,2}\s*:?\s*(?:recap|round-?up|review|digest|wrap(?:-?up)?)\b/i,
  // "Links for the week", "Reads of the week"
  /\b(?:links|reads)\s+(?:for|of)\s+the\s+week\b/i,
];

/** Whether the headline is that of a round-up or newsletter issue rather than of one event. */
export function isRoundupHeadline(title: string): boolean {
  return ROUNDUP_HEADLINES.some((pattern) => pattern.test(title));
}
