/**
 * Subjects that head many headlines at once, about different things: on a day with ten reports about OpenAI, on a
 * launch, a lawsuit, a funding round and an outage, "OpenAI" is what every one of them is about and tells none of them
 * apart, however rare it is in the archive as a whole. Five reports of one breach at Halvorsen Bank, all telling an
 * attack, are one crowd of one event, and their subject still counts. Three hundred reports of a breach, among them a
 * lawsuit, an inquiry and a fine over it, are one event and its follow-ups: the subject still ties the reports that
 * tell the attack alone, but not a follow-up to them.
 */

export interface CrowdRule {
  /** Articles, each included, within the window of one with the same headline subject. */
  articles: number;
  /** Kinds of event those articles' headlines and deks report between them. */
  kinds: number;
  /** A kind reported by this share of those that report a kind, or more, makes them one event and its follow-ups. */
  dominantShare: number;
}

/** How crowded an article's headline subject is, within the window around it. */
export const CROWD = {
  /** Few articles, or few kinds of event: the subject counts as any name does. */
  none: 0,
  /** Many articles on several events, none of them most: the subject counts for nothing between two such articles. */
  manyEvents: 1,
  /**
   * Many articles, nearly all telling one kind of event, some a follow-up of another kind (a lawsuit over the
   * breach): the subject counts between two that tell the same kinds, so the event's reports stay one story and each
   * follow-up is told apart by what else it says.
   */
  oneEvent: 2,
} as const;

/**
 * For each article (ascending `times`), how crowded its headline subject is (`CROWD`): whether the articles published
 * within `windowMs` of it with the same subject (`subjects`: the ids of its words, empty for none), itself included,
 * reach `rule.articles` and report `rule.kinds` kinds of event (`kinds`: each article's kind ids) between them, and
 * whether one kind is reported by `rule.dominantShare` of those that report any. Each subject's articles are walked
 * once, so the cost grows with the archive, never with its pairs.
 */
export function crowdedSubjects(subjects: readonly Int32Array[], kinds: readonly Int32Array[], times: Float64Array, windowMs: number, rule: CrowdRule): Uint8Array {
  const crowded = new Uint8Array(subjects.length);
  const bySubject = new Map<string, number[]>();
  subjects.forEach((words, index) => {
    if (words.length === 0) return;
    const key = words.join(' ');
    const list = bySubject.get(key);
    if (list) list.push(index);
    else bySubject.set(key, [index]);
  });
  for (const list of bySubject.values()) {
    if (list.length < rule.articles) continue;
    // The kinds reported inside the window as it slides, and how many articles report any: counted in as articles
    // enter it, out as they leave.
    const inWindow = new Map<number, number>();
    let reporting = 0;
    const count = (article: number, step: number) => {
      if (kinds[article]!.length > 0) reporting += step;
      for (const kind of kinds[article]!) {
        const now = (inWindow.get(kind) ?? 0) + step;
        if (now === 0) inWindow.delete(kind);
        else inWindow.set(kind, now);
      }
    };
    count(list[0]!, 1);
    for (let at = 0, first = 0, last = 0; at < list.length; at++) {
      const time = times[list[at]!]!;
      while (times[list[first]!]! < time - windowMs) count(list[first++]!, -1);
      while (last + 1 < list.length && times[list[last + 1]!]! <= time + windowMs) count(list[++last]!, 1);
      if (last - first + 1 < rule.articles || inWindow.size < rule.kinds) continue;
      crowded[list[at]!] = Math.max(...inWindow.values()) >= rule.dominantShare * reporting ? CROWD.oneEvent : CROWD.manyEvents;
    }
  }
  return crowded;
}
