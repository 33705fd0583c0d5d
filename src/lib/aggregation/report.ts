/**
 * The run's report: one line per source, the sources that need attention and the totals, as text for people, JSON
 * for tools, a Markdown table for CI summaries and warning annotations for the CI run's page.
 */
import { escapedControls, inertLine } from '../text/inert-line.ts';
import { byteLength } from '../text/utf8.ts';
import type { Attention } from './attention.ts';
import type { ClockAhead } from './clock.ts';
import { failureAdvice, type FailureCause } from './failure-cause.ts';

/**
 * `fresh`: not asked, as its last answer is still fresh by its server's Cache-Control or Expires. `not-asked`: not
 * asked, as its host let another of its feeds time out in this run, refused one (429, 503) or had used up its time: no
 * failure of the feed's.
 */
export type SourceResult = 'fetched' | 'not-modified' | 'failed' | 'backing-off' | 'fresh' | 'not-asked';

export interface SkipCounts {
  /** Items handled in an earlier run (the normal case for most of a feed). */
  seenBefore: number;
  /** Already on the site or in another source (same link or GUID). */
  duplicate: number;
  /** Dropped by the source's include/exclude lists. */
  excluded: number;
  /** A near-duplicate of an article the site has. */
  similar: number;
  /** Not usable as an article (no link, nothing the checker would accept). */
  rejected: number;
  /** New, but over the cap on new items per source and run: left for a later run, newest written first. */
  heldOver: number;
}

export interface SourceReport {
  id: string;
  name: string;
  result: SourceResult;
  /** Items written (or, in a dry run, that would be). */
  newItems: Array<{ file: string; title: string; draft: boolean }>;
  skipped: SkipCounts;
  /** Why single items were rejected or could not be written; where a feed has moved. */
  notes: string[];
  /** Why the fetch failed. */
  error?: string;
  /** For `not-asked`: what its host did in this run that kept the feed from being asked. */
  notAskedBecause?: string;
  /** The source is not fetched before this instant (ISO). */
  until?: string;
  consecutiveFailures?: number;
  /**
   * For `backing-off`: the last failure's cause, since when the source has been failing (ISO) and whether its address
   * has never given a feed, which choose the advice the line gives, in the words of a source failing for a day.
   */
  cause?: FailureCause;
  failingSince?: string;
  neverRead?: boolean;
}

export interface RunReport {
  dryRun: boolean;
  sources: SourceReport[];
  /** Sources failing for a day or with nothing new for a month (attention.ts), whatever this run's outcome. */
  attention: Attention[];
  /** Set when every source has been failing for an hour, on more than one host (attention.ts `allFailingSince`): since when. */
  allFailingSince?: string;
  /** Set when the state held instants ahead of this run's clock (clock.ts `stateAtClock`), which were taken as its now. */
  clockAhead?: ClockAhead;
  totals: {
    sources: number;
    fetched: number;
    notModified: number;
    failed: number;
    backingOff: number;
    fresh: number;
    notAsked: number;
    newItems: number;
    skipped: SkipCounts;
  };
}

export function emptySkipCounts(): SkipCounts {
  return { seenBefore: 0, duplicate: 0, excluded: 0, similar: 0, rejected: 0, heldOver: 0 };
}

export function summarizeRun(sources: SourceReport[], dryRun: boolean, attention: Attention[] = [], allFailingSince?: string, clockAhead?: ClockAhead): RunReport {
  const count = (result: SourceResult) => sources.filter((source) => source.result === result).length;
  const skipped = emptySkipCounts();
  for (const source of sources) for (const key of Object.keys(skipped) as Array<keyof SkipCounts>) skipped[key] += source.skipped[key];
  return {
    dryRun,
    sources,
    attention,
    ...(allFailingSince ? { allFailingSince } : {}),
    ...(clockAhead ? { clockAhead } : {}),
    totals: {
      sources: sources.length,
      fetched: count('fetched'),
      notModified: count('not-modified'),
      failed: count('failed'),
      backingOff: count('backing-off'),
      fresh: count('fresh'),
      notAsked: count('not-asked'),
      newItems: sources.reduce((sum, source) => sum + source.newItems.length, 0),
      skipped,
    },
  };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "2026-12-01 17:30 UTC": minutes are as precise as a schedule needs. */
export function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function skippedPhrase(skipped: SkipCounts): string {
  const parts = [
    skipped.duplicate && `${skipped.duplicate} duplicate`,
    skipped.excluded && `${skipped.excluded} excluded`,
    skipped.similar && `${skipped.similar} similar`,
    skipped.rejected && `${skipped.rejected} rejected`,
  ].filter(Boolean);
  return parts.length ? `skipped ${parts.join(', ')}` : '';
}

/** Not a skip: these items are still to come. */
function heldOverPhrase(skipped: SkipCounts): string {
  return skipped.heldOver ? `${skipped.heldOver} held over for later runs` : '';
}

/** A source that is not asked before `until` (ISO), for its failures or its server's Retry-After. */
export function backingOffPhrase(until: string): string {
  return `backing off until ${formatInstant(until)}`;
}

/** A failed source that is not backing off. */
export const TRIED_AGAIN_NEXT_RUN = 'the next run tries again';

/** A source whose last answer its server said is fresh until `until` (ISO). */
export function freshPhrase(until: string): string {
  return `fresh until ${formatInstant(until)}, as its server said`;
}

/** A feed its host kept from being asked is no failure of its own, and is asked first next time. */
export const NOT_ASKED_NO_FAILURE = 'not a failure of this feed; the next run asks feeds left unasked first';

/** A feed left unasked at `runs` runs in a row, since `since` (ISO). */
export function notAskedRunsPhrase(runs: number, since: string): string {
  return `not asked at ${runs} runs in a row since ${formatInstant(since)}`;
}

/** A source failing since `since` (ISO), with its failures in a row and the last one's message. */
export function failingPhrase(since: string, consecutiveFailures: number, error: string | undefined): string {
  return `failing since ${formatInstant(since)} (${plural(consecutiveFailures, 'failure')} in a row): ${error ?? 'no message'}`;
}

/** What happened to one source, in a phrase: the text report's line and the Markdown table's cell. */
function describeSource(source: SourceReport, dryRun = false): string {
  switch (source.result) {
    case 'backing-off': {
      const advice = failureAdvice(source.cause, { neverRead: source.neverRead, ...(source.failingSince ? { lasting: `since ${formatInstant(source.failingSince)}` } : {}) });
      return `${backingOffPhrase(source.until!)}${source.error ? ` (${plural(source.consecutiveFailures ?? 0, 'failure')} in a row; last: ${source.error}${advice ? `; ${advice}` : ''})` : ''}`;
    }
    case 'failed': {
      const retry = source.until ? `; not fetched again before ${formatInstant(source.until)}` : `; ${TRIED_AGAIN_NEXT_RUN}`;
      return `failed: ${source.error}${retry}`;
    }
    case 'not-modified':
      return 'not modified';
    case 'fresh':
      return `not asked: ${freshPhrase(source.until!)}`;
    case 'not-asked':
      return `not asked: ${notAskedPhrase(source.notAskedBecause)}; ${NOT_ASKED_NO_FAILURE}`;
    case 'fetched': {
      const parts = [`${plural(source.newItems.length, dryRun ? 'new item to write' : 'new item', dryRun ? 'new items to write' : 'new items')}`, skippedPhrase(source.skipped), heldOverPhrase(source.skipped)];
      if (source.skipped.seenBefore) parts.push(`${source.skipped.seenBefore} seen before`);
      return `fetched: ${parts.filter(Boolean).join('; ')}`;
    }
  }
}

/** What kept a feed (or, with `their`, several) from being asked in this run. */
export function notAskedPhrase(because: string | undefined, owner: 'its' | 'their' = 'its'): string {
  return `${owner} host ${because ?? 'had no turn left in this run'}`;
}

/** Why a feed was left unasked run after run, and what to check: said of one feed or of a host's several. */
const HELD_BACK_BY_HOST = "timed out or refused on another of its feeds, or used up its time, at each run; check the host's other feeds (one may hang at every run), or give the host fewer feeds or a longer --timeout";

/**
 * Why a source needs attention and what to do, in a sentence: the same in the text, the Markdown, the annotation and
 * `npm run sources -- status`.
 */
export function describeAttention(attention: Attention): string {
  if (attention.reason === 'moved') return `the feed has moved for good to ${attention.movedTo} (a permanent redirect); update its feed: line in the registry`;
  if (attention.reason === 'nothing-new') return `nothing new since ${formatInstant(attention.since!)}; the feed may have moved`;
  if (attention.reason === 'unwritable') return `its new items could not be written: ${attention.error}; check the content folder's free space and permissions`;
  if (attention.reason === 'not-asked') return `${notAskedRunsPhrase(attention.runs!, attention.since!)}, as its host ${HELD_BACK_BY_HOST}`;
  return `${failingPhrase(attention.since!, attention.consecutiveFailures ?? 0, attention.error)}; ${failureAdvice(attention.cause, { neverRead: attention.neverRead }) ?? 'check its feed address'}`;
}

/** What an operator should make of every source failing at once, and where to look. */
export function describeAllFailing(since: string): string {
  return `every source has been failing since ${formatInstant(since)}: the runner's network or the aggregator is likelier at fault than every outlet at once; read the errors above, and check the connection`;
}

/** A distance in time as a reader takes it in: the largest whole unit, from seconds to days. */
function roughDuration(ms: number): string {
  const units: Array<[number, string]> = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second']];
  const [size, unit] = units.find(([size]) => ms >= size) ?? units[units.length - 1]!;
  return plural(Math.max(1, Math.floor(ms / size)), unit);
}

/** Why the state's instants ahead of this run's clock were taken as its now, and what to check. */
export function describeClockAhead(ahead: ClockAhead): string {
  const where = [ahead.sources ? plural(ahead.sources, 'source') : '', ahead.hosts ? `${plural(ahead.hosts, 'host')} resting` : ''].filter(Boolean).join(' and ');
  return `the state held times up to ${roughDuration(ahead.aheadMs)} ahead of this run's clock, for ${where}: an earlier run's clock was ahead, or this machine's is behind; they were taken as this run's time, so that no failure, back-off or rest waits for that clock; check the clock of the machine that ran it`;
}

function formatTotals(report: RunReport): string {
  const { totals } = report;
  // Named only when some were: most servers say nothing of freshness, and most runs ask every feed.
  const fresh = totals.fresh ? [`${totals.fresh} still fresh`] : [];
  const notAsked = totals.notAsked ? [`${totals.notAsked} not asked because of their host`] : [];
  const outcomes = [`${totals.fetched} fetched`, `${totals.notModified} not modified`, `${totals.failed} failed`, `${totals.backingOff} backing off`, ...fresh, ...notAsked].join(', ');
  const written = plural(totals.newItems, report.dryRun ? 'new item to write' : 'new item written', report.dryRun ? 'new items to write' : 'new items written');
  return `${plural(totals.sources, 'source')}: ${outcomes}; ${[written, skippedPhrase(totals.skipped), heldOverPhrase(totals.skipped)].filter(Boolean).join('; ')}.`;
}

export function formatReportText(report: RunReport): string {
  const width = Math.max(0, ...report.sources.map((source) => source.id.length));
  const lines = report.sources.map((source) => `  ${source.id.padEnd(width)}  ${describeSource(source, report.dryRun)}`);
  for (const source of report.sources) for (const note of source.notes) lines.push(`  ${source.id}: ${note}`);
  const written = report.sources.flatMap((source) => source.newItems);
  if (written.length) {
    lines.push('', report.dryRun ? 'Would write (dry run: nothing written):' : 'Written:');
    for (const item of written) lines.push(`  ${item.file}  “${item.title}”${item.draft ? ' (draft)' : ''}`);
  }
  if (report.attention.length) {
    lines.push('', 'Needs attention:');
    const attentionWidth = Math.max(...report.attention.map((source) => source.id.length));
    for (const source of report.attention) lines.push(`  ${source.id.padEnd(attentionWidth)}  ${describeAttention(source)}`);
  }
  if (report.allFailingSince) lines.push('', `Broken: ${describeAllFailing(report.allFailingSince)}.`);
  if (report.clockAhead) lines.push('', `Clock: ${describeClockAhead(report.clockAhead)}.`);
  lines.push('', formatTotals(report));
  if (report.totals.sources === 0) lines.push(NO_SOURCES);
  // One line each, whatever a server put in its error or a feed in its titles.
  return lines.map(inertLine).join('\n');
}

/** A registry emptied by mistake would otherwise leave the scheduled job green, fetching nothing, for good. */
const NO_SOURCES = 'The registry lists no sources, so nothing was fetched: add the outlets to follow to content/sources.yaml (README: Sources).';

/**
 * Untrusted text (a feed's title, a server's error) as Markdown that shows it as written: a pipe would end a table
 * cell, a newline the row, a "<" start HTML, a backtick open a code span that runs into the source id's, and brackets
 * make a link whose text hides where it leads. Other control characters and line separators show as escapes, as in
 * the text report: a browser may take U+2028 or U+0085 as a line break, and ESC or NUL are nothing a reader can see.
 */
function cell(text: string): string {
  return escapedControls(text.replace(/[\r\n]+/g, ' ')).replace(/\\/g, '\\\\').replace(/([|`[\]])/g, '\\$1').replace(/</g, '&lt;');
}

/** GitHub shows no step summary at all past this size, not even its start. */
export const STEP_SUMMARY_MAX_BYTES = 1024 * 1024;

/** A source whose row an operator should read before the others: it failed, or needs attention. */
function rowNeedsReading(source: SourceReport, attentionIds: ReadonlySet<string>): boolean {
  return source.result === 'failed' || source.result === 'backing-off' || attentionIds.has(source.id);
}

/**
 * For $GITHUB_STEP_SUMMARY: a heading and the totals, then the sources that need attention, one row per source (those
 * that failed or need attention first) and the notes, as far as `maxBytes` of UTF-8 allows. What does not fit is left
 * out from the end, and a last line counts it and points to the job log, where the text report has every source.
 */
export function formatReportMarkdown(report: RunReport, maxBytes = STEP_SUMMARY_MAX_BYTES): string {
  const attentionIds = new Set(report.attention.map((source) => source.id));
  const row = (source: SourceReport) => `| ${cell(source.name)} (\`${source.id}\`) | ${cell(source.result)} | ${source.newItems.length} | ${cell(describeSource(source, report.dryRun))} |`;
  const rows = [...report.sources.filter((source) => rowNeedsReading(source, attentionIds)), ...report.sources.filter((source) => !rowNeedsReading(source, attentionIds))].map(row);
  const attention = report.attention.map((source) => `- ${cell(source.name)} (\`${source.id}\`): ${cell(describeAttention(source))}`);
  // The notes the text report lists (an encoding guessed, an item rejected): the scheduled job's operator reads this.
  const notes = report.sources.flatMap((source) => source.notes.map((note) => `- ${cell(source.name)} (\`${source.id}\`): ${cell(note)}`));
  const broken = report.allFailingSince ? ['### Every source failing', '', `${cell(describeAllFailing(report.allFailingSince))}.`, ''] : [];
  const empty = report.totals.sources === 0 ? [NO_SOURCES, ''] : [];
  const clock = report.clockAhead ? [`**Clock:** ${cell(describeClockAhead(report.clockAhead))}.`, ''] : [];
  const head = ['## Aggregation', '', cell(formatTotals(report)), '', ...empty, ...broken, ...clock];
  // In the order they are kept: a section is shown from its start, as far as there is room.
  const sections = [
    { heading: ['### Needs attention', ''], items: attention, what: 'sources needing attention' },
    { heading: ['| source | result | new items | details |', '| --- | --- | ---: | --- |'], items: rows, what: 'source rows' },
    { heading: ['### Notes', ''], items: notes, what: 'notes' },
  ];
  const linesBytes = (lines: string[]) => lines.reduce((sum, line) => sum + byteLength(line) + 1, 0);
  // Room for the last line at its longest: counts only shrink as more is kept.
  let room = maxBytes - linesBytes(head) - linesBytes([leftOutLine(sections.map((section) => ({ what: section.what, left: section.items.length, of: section.items.length })))]);
  const shown = sections.map((section) => {
    const kept: string[] = [];
    for (const item of section.items) {
      const cost = linesBytes([item]) + (kept.length ? 0 : linesBytes([...section.heading, '']));
      if (cost > room) break;
      kept.push(item);
      room -= cost;
    }
    return { ...section, kept };
  });
  const body = shown.flatMap((section) => (section.kept.length ? [...section.heading, ...section.kept, ''] : []));
  const leftOut = shown.filter((section) => section.kept.length < section.items.length).map((section) => ({ what: section.what, left: section.items.length - section.kept.length, of: section.items.length }));
  return [...head, ...body, ...(leftOut.length ? [leftOutLine(leftOut)] : [])].join('\n') + '\n';
}

/** The summary's last line when some of it was left out: how much, and where the whole report is. */
function leftOutLine(leftOut: Array<{ what: string; left: number; of: number }>): string {
  const counts = leftOut.map(({ what, left, of }) => `${left} of ${of} ${what}`).join(', ');
  return `**Shortened:** ${counts} left out, as GitHub shows no step summary over ${STEP_SUMMARY_MAX_BYTES / 1024 / 1024} MiB; the whole report is in this step's log.`;
}

/** GitHub's escaping of a workflow command's message: a newline would end the command, a "%" start an escape. */
function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value, where ":" and "," also delimit. */
function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A GitHub workflow command that shows `message` as an annotation of `kind` on the run's page, under `title`. */
export function annotation(kind: 'error' | 'warning' | 'notice', title: string, message: string): string {
  return `::${kind} title=${commandProperty(title)}::${commandData(message)}`;
}

/** GitHub shows this many annotations of one kind per step, and drops the rest without a word. */
const ANNOTATIONS_PER_KIND = 10;

/**
 * One `::notice` per reason feeds were left unasked in this run (a host that timed out names the feed it timed out
 * on, so that is one per host): seen on the run's page, but no warning, as nothing is wrong with those feeds.
 */
function notAskedNotices(report: RunReport): string[] {
  const byReason = new Map<string | undefined, string[]>();
  for (const source of report.sources) {
    if (source.result === 'not-asked') byReason.set(source.notAskedBecause, [...(byReason.get(source.notAskedBecause) ?? []), source.id]);
  }
  const groups = [...byReason];
  const shown = groups.length > ANNOTATIONS_PER_KIND ? groups.slice(0, ANNOTATIONS_PER_KIND - 1) : groups;
  const notices = shown.map(([because, ids]) => {
    const one = ids.length === 1;
    const message = `${ids.join(', ')}: not asked, as ${notAskedPhrase(because, one ? 'its' : 'their')}; not a failure of ${one ? 'this feed' : 'these feeds'}; the next run asks feeds left unasked first`;
    return annotation('notice', `Aggregation: ${plural(ids.length, 'feed')} not asked`, message);
  });
  const rest = groups.slice(shown.length).flatMap(([, ids]) => ids);
  if (rest.length) notices.push(annotation('notice', `Aggregation: ${plural(rest.length, 'more feed')} not asked`, `${rest.join(', ')}: see the job summary`));
  return notices;
}

/** A failure's message with its feed's own address, on `host`, put as "the feed": what the host's feeds failing alike share. */
function sharedError(error: string, host: string): string {
  return error.replace(/https?:\/\/[^\s,;]*[^\s,;:.)]/g, (address) => (URL.canParse(address) && new URL(address).host === host ? 'the feed' : address));
}

/**
 * Sources on one host that need attention for the same reason: failing alike (the same error and cause), left unasked
 * behind it, moved for good, or with nothing new; every other source is a group of its own. In the order of each
 * group's first source.
 */
function attentionGroups(attention: Attention[]): Attention[][] {
  const groups = new Map<string, Attention[]>();
  attention.forEach((source, index) => {
    const { host, reason } = source;
    const key = host === undefined ? `${index}` : reason === 'failing' ? `${host} failing ${source.cause} ${sharedError(source.error ?? '', host)}` : `${host} ${reason}`;
    const group = groups.get(key);
    if (group) group.push(source);
    else groups.set(key, [source]);
  });
  return [...groups.values()];
}

/** Why several sources on `host` need attention, and what to do, in a sentence: the host is the first thing to check. */
function describeHostAttention(sources: Attention[], host: string): string {
  if (sources[0]!.reason === 'moved') {
    const [newHost, ...otherHosts] = new Set(sources.map((source) => new URL(source.movedTo!).host));
    const where = otherHosts.length ? '' : ` to ${newHost}`;
    return `moved for good from ${host}${where} (permanent redirects); update their feed: lines in the registry to the new addresses, listed under "Needs attention" in the job summary`;
  }
  const earliest = sources.map((source) => source.since!).reduce((first, since) => (Date.parse(since) < Date.parse(first) ? since : first));
  if (sources[0]!.reason === 'nothing-new') return `nothing new on ${host}, the first since ${formatInstant(earliest)}; the feeds may have moved, as an outlet that moves leaves its old feeds frozen`;
  if (sources[0]!.reason === 'not-asked') {
    const runs = Math.min(...sources.map((source) => source.runs ?? 0));
    return `not asked at ${runs} runs in a row or more, the first since ${formatInstant(earliest)}, as their host ${host} ${HELD_BACK_BY_HOST}`;
  }
  const advice = failureAdvice(sources[0]!.cause, { several: true }) ?? 'check the host before their feed addresses, as one outage fails all its feeds';
  return `failing on ${host}, the first since ${formatInstant(earliest)}, each with the same error: ${sharedError(sources[0]!.error ?? 'no message', host)}; ${advice}`;
}

/**
 * For GitHub Actions: one `::warning` command per source that needs attention, shown as an annotation on the run's
 * page, where it is seen without opening the summary; the job itself stays green. Sources on one host failing with
 * the same error, left unasked behind it, moved for good or with nothing new share one warning naming the host, so
 * that an outlet down, or moved, with all its feeds does not crowd out every other source's warning. Past GitHub's limit, the last warning counts the sources it
 * leaves to the summary. Every source failing is an `::error` (the job fails). Feeds left unasked in this run are
 * notices.
 */
export function formatAttentionAnnotations(report: RunReport): string[] {
  const broken = report.allFailingSince ? [annotation('error', 'Aggregation: every source failing', describeAllFailing(report.allFailingSince))] : [];
  const groups = attentionGroups(report.attention);
  const shown = groups.length > ANNOTATIONS_PER_KIND ? groups.slice(0, ANNOTATIONS_PER_KIND - 1) : groups;
  const warnings = shown.map((sources) => {
    const [first] = sources as [Attention];
    if (sources.length === 1) return annotation('warning', `Source needs attention: ${first.name} (${first.id})`, `${first.id}: ${describeAttention(first)}`);
    const ids = sources.map((source) => source.id);
    return annotation('warning', `${ids.length} sources on ${first.host} need attention`, `${ids.join(', ')}: ${describeHostAttention(sources, first.host!)}`);
  });
  const rest = groups.slice(shown.length).flat();
  if (rest.length) warnings.push(annotation('warning', `${rest.length} more sources need attention`, `${rest.map((source) => source.id).join(', ')}: see "Needs attention" in the job summary`));
  const empty = report.totals.sources === 0 ? [annotation('warning', 'Aggregation: no sources', NO_SOURCES)] : [];
  return [...broken, ...warnings, ...empty, ...notAskedNotices(report)];
}
