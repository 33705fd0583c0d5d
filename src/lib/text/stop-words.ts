/** The words too common in English to tell texts apart, dropped before counting terms. */

/** A compact English stop-word list (function words, auxiliaries, contractions). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `
    a about above after again against all almost also although always am among an and another any anybody
    anyone anything anyway anywhere are aren't around as at back be became because become becomes been
    before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
    don't done down during each either else enough etc even ever every everyone everything few for from
    further get gets getting go goes going got had hadn't has hasn't have haven't having he he'd he'll he's
    her here here's hers herself him himself his how how's however i i'd i'll i'm i've if in into is isn't
    it it's its itself just least less let let's like likely made make makes many may maybe me might mine
    more most much must mustn't my myself neither never no nobody none nor not nothing now of off often on
    once one ones only onto or other others otherwise our ours ourselves out over own per perhaps quite
    rather really said same say says see seem seemed seems several shall shan't she she'd she'll she's
    should shouldn't since so some somebody someone something sometimes somewhat still such than that that's
    the their theirs them themselves then there there's therefore these they they'd they'll they're they've
    thing things this those though through thus to together too toward towards under until up upon us use
    used uses using very via was wasn't we we'd we'll we're we've well were weren't what what's whatever
    when when's where where's whether which while who who's whoever whole whom whose why why's will with
    within without won't would wouldn't yes yet you you'd you'll you're you've your yours yourself
    yourselves
  `
    .trim()
    .split(/\s+/),
);
