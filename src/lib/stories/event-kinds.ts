/**
 * What kind of event a headline and dek report, from a small vocabulary of technology-news events. Two outlets
 * describe one event with different verbs ("fines", "penalty"; "buys", "acquisition"), but they report the same
 * kind of event: a fine and an inquiry into the same company are two stories.
 */

const KINDS: Readonly<Record<string, string>> = {
  penalty: 'fine fined fines penalty penalties penalise penalised penalize penalized',
  investigation: 'inquiry inquiries investigation investigations investigate investigates investigating probe probes probing examine examines',
  lawsuit: 'lawsuit lawsuits sue sues sued suing court verdict settlement settles settled',
  acquisition: 'acquire acquires acquired acquiring acquisition acquisitions buy buys buying bought purchase purchases purchased takeover merger merge merges deal deals',
  funding: 'funding fundraise fundraising series-a series-b series-c valuation valued ipo',
  layoffs: 'layoff layoffs laid redundancy redundancies job-cuts cuts cut',
  launch: 'launch launches launched launching unveil unveils unveiled introduce introduces introduced debut debuts reveal reveals revealed release releases released',
  attack: 'attack attacks attacked attacker attackers cyberattack cyberattacks ransomware hack hacks hacked hacker hackers breach breached intrusion extortion',
  vulnerability: 'vulnerability vulnerabilities flaw flaws bug bugs exploit exploits exploited cve zero-day patch patches patched',
  outage: 'outage outages offline disruption disruptions disrupted meltdown downtime',
  rules: 'rule rules regulation regulations law laws bill bills licence licences license licenses ban bans banned restriction restrictions curb curbs control controls',
  results: 'earnings revenue revenues profit profits quarterly',
};

const KIND_OF: ReadonlyMap<string, string> = new Map(
  Object.entries(KINDS).flatMap(([kind, words]) => words.split(' ').map((word) => [word, kind] as const)),
);

/** The kinds of event these lower-cased words name, as `k:` feature keys. */
export function eventKinds(words: Iterable<string>): string[] {
  const kinds = new Set<string>();
  for (const word of words) {
    const kind = KIND_OF.get(word);
    if (kind) kinds.add(`k:${kind}`);
  }
  return [...kinds];
}

/**
 * The words of a headline reporting the next step after a court's or a regulator's decision: an appeal, or an appeals
 * court's ruling. Reported the same day ("Lumio says it will appeal") it belongs to the decision's story; a day or
 * more later it is an event of its own.
 */
const NEXT_STEP_WORDS: ReadonlySet<string> = new Set(['appeal', 'appeals', 'appealed', 'appealing']);

/** Whether these lower-cased headline words report the next step after a decision. */
export function reportsNextStep(headlineWords: readonly string[]): boolean {
  return headlineWords.some((word) => NEXT_STEP_WORDS.has(word));
}
