/**
 * Property tests of a source's state across runs of `npm run aggregate`: generated sequences of runs, the clock moving
 * on by any amount (and back a little, as clocks do; now and then a run's clock far ahead or behind, or off by
 * minutes), each feed answering anything a server may send. Each run takes
 * the steps run-aggregation.ts takes, with the same functions, from the state as the file gives it back, and checks
 * what README ("Aggregating") promises of it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAILING_ATTENTION_MS, needsAttention, NOT_ASKED_ATTENTION_RUNS, NOTHING_NEW_ATTENTION_MS } from '../../../src/lib/aggregation/attention.ts';
import { capCandidates, keysOldestFirst, sortEntries } from '../../../src/lib/aggregation/candidates.ts';
import { stateAtClock } from '../../../src/lib/aggregation/clock.ts';
import { conditionalHeaders, MAX_FRESHNESS_MS } from '../../../src/lib/aggregation/conditional.ts';
import type { FailureCause } from '../../../src/lib/aggregation/failure-cause.ts';
import { HOST_REST_CAP_MS, noteHostRest, restingBecause, restsAfterRun, type HostsInRun } from '../../../src/lib/aggregation/host-rest.ts';
import { contentHash, refusedKey } from '../../../src/lib/aggregation/identity.ts';
import { answerOutcome, failureOutcome, type FetchOutcome } from '../../../src/lib/aggregation/outcome.ts';
import { afterAnswer, afterFailure, afterNotAsked, backingOffUntil, editedSinceFailures, freshUntilFor, inAskingOrder, keptValidators, lastSuccessFor } from '../../../src/lib/aggregation/source-state.ts';
import { allSeenKeys, emptyState, MAX_SEEN_PER_SOURCE, parseState, serializeState, type AggregationState } from '../../../src/lib/aggregation/state.ts';
import type { FeedEntry } from '../../../src/lib/authoring/import/parse-feed.ts';
import { isoSeconds } from '../../../src/lib/content/iso-seconds.ts';

/** Fixed, so a failure is the same on every run and machine; FC_SEED and FC_RUNS explore further. */
const RUN = {
  seed: Number(process.env.FC_SEED ?? 20261206),
  numRuns: Number(process.env.FC_RUNS ?? 60),
} as const;

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const START = Date.parse('2026-12-01T12:00:00Z');

/** Each source's feed: line may be edited to any of its addresses; two sources share a host, as section feeds do. */
const ADDRESSES: Record<string, string[]> = {
  alpha: ['https://wire.example/alpha.xml', 'https://wire.example/alpha/rss', 'https://new.example/alpha.xml'],
  beta: ['https://wire.example/beta.xml', 'https://Wire.example:443/beta.xml?x=1'],
  gamma: ['http://other.example:8080/feed', 'https://other.example/feed'],
};
const IDS = Object.keys(ADDRESSES);

/** Where a feed's stories link to: hosts written every way a publisher writes them. */
const LINK_HOSTS = ['news.example', 'www.news.example', 'WWW.News.Example', 'www.www.news.example', 'www.com'];

const dateHeader = (at: number) => new Date(at).toUTCString();

/** A header's value relative to the answer's moment: sensible, garbage, far off either way. */
const instantText = fc.oneof(
  fc.integer({ min: -2 * DAY, max: 2 * WEEK }).map((offset) => ({ offset })),
  fc.constantFrom('0', '-1', 'yesterday', '', '  ', 'Thu, 01 Jan 1970 00:00:00 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', '+275760-09-13T00:00:00Z', 'Mon, 32 Foo 2026 99:99:99 GMT', '2026-12-01'),
);
type InstantText = { offset: number } | string;
const instantAt = (text: InstantText, at: number) => (typeof text === 'string' ? text : dateHeader(at + text.offset));

const cacheControl = fc.oneof(
  fc.constantFrom('no-store', 'no-cache', 'private, max-age=3600', 'public, s-maxage=7200', 'max-age=31536000, immutable', 'max-age=600', 'max-age=abc', 'max-age=-5', 'max-age=1800, stale-while-revalidate=86400', 'must-revalidate', ''),
  fc.nat({ max: (3 * DAY) / 1000 }).map((seconds) => `max-age=${seconds}`),
);
const validator = fc.constantFrom('"1"', '"2"', 'W/"3"', '"a b"', '', '  ', '*');

interface Headers {
  cacheControl?: string;
  expires?: InstantText;
  date?: InstantText;
  age?: string;
  etag?: string;
  lastModified?: InstantText;
}
const headers: fc.Arbitrary<Headers> = fc.record(
  {
    cacheControl,
    expires: instantText,
    date: instantText,
    age: fc.oneof(fc.nat({ max: (2 * DAY) / 1000 }).map(String), fc.constantFrom('abc', '-3', '1e3', '')),
    etag: validator,
    lastModified: instantText,
  },
  { requiredKeys: [] },
);

function headersAt(given: Headers, at: number): Record<string, string> {
  const out: Record<string, string> = {};
  if (given.cacheControl !== undefined) out['cache-control'] = given.cacheControl;
  if (given.expires !== undefined) out.expires = instantAt(given.expires, at);
  if (given.date !== undefined) out.date = instantAt(given.date, at);
  if (given.age !== undefined) out.age = given.age;
  if (given.etag !== undefined) out.etag = given.etag;
  if (given.lastModified !== undefined) out['last-modified'] = instantAt(given.lastModified, at);
  return out;
}

type Redirect = 'none' | 'permanent' | 'temporary';

/** What a feed does when it is asked. */
type Answer =
  | {
      kind: 'feed';
      first: number;
      count: number;
      linkHost: number;
      headers: Headers;
      redirect: Redirect;
      maxNew: number;
    }
  | { kind: 'same-body'; headers: Headers }
  | { kind: 'not-modified'; headers: Headers; sameEtag: boolean }
  | { kind: 'quiet-not-modified' }
  | {
      kind: 'refused';
      status: 429 | 503;
      retryAfter?: InstantText | number | string;
      redirect: Redirect;
    }
  | { kind: 'error'; status?: number; cause?: FailureCause }
  | { kind: 'host-silent' };

const answer: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('feed' as const),
      first: fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 3000 })),
      count: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 300, max: 700 }) }),
      linkHost: fc.nat({ max: LINK_HOSTS.length - 1 }),
      headers,
      redirect: fc.constantFrom<Redirect>('none', 'none', 'permanent', 'temporary'),
      maxNew: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant(50), fc.constant(1000)),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('same-body' as const), headers }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('not-modified' as const),
      headers,
      sameEtag: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.constant({ kind: 'quiet-not-modified' as const }),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        kind: fc.constant('refused' as const),
        status: fc.constantFrom(429 as const, 503 as const),
        retryAfter: fc.oneof(instantText, fc.nat({ max: 30 * 24 * 3600 }), fc.constantFrom('120.5', '5 minutes', '99999999999999999999', '-60', '0')),
        redirect: fc.constantFrom<Redirect>('none', 'permanent'),
      },
      { requiredKeys: ['kind', 'status', 'redirect'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('error' as const),
      status: fc.option(fc.constantFrom(404, 500, 403, 410), {
        nil: undefined,
      }),
      cause: fc.option(fc.constantFrom<FailureCause>('timeout', 'server-error', 'not-found', 'refused'), { nil: undefined }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'host-silent' as const }) },
);

/**
 * Most runs have each feed answer as it will; a calm run has every feed answer a bare 304, and in a run of the same
 * every feed sends the body it sent last with new validators and no freshness (neither should change the state);
 * and in an outage the shared host refuses with a Retry-After at every run, or lets its first feed time out.
 */
type Mode = 'any' | 'calm' | 'same' | 'outage';

interface Run {
  mode: Mode;
  /** The ETag a server stamps every answer with in a run of the same. */
  stamp: number;
  /** How far the clock moved since the run before: mostly forward, by minutes or days; sometimes back a little. */
  step: number;
  /** How far ahead of the time (behind, when negative) this run's clock is: a machine with a wrong clock, now and then. */
  skew: number;
  refresh: boolean;
  /** Per source: an edit of its feed: line (an index into its addresses) before the run, and what its feed answers. */
  sources: Record<string, { edit?: number; answer: Answer }>;
}
const step = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 * HOUR }) },
  { weight: 2, arbitrary: fc.integer({ min: 2 * HOUR, max: 3 * DAY }) },
  { weight: 1, arbitrary: fc.integer({ min: -15 * MINUTE, max: 0 }) },
  { weight: 1, arbitrary: fc.integer({ min: 20 * DAY, max: 40 * DAY }) },
);
const run: fc.Arbitrary<Run> = fc.record({
  mode: fc.constantFrom<Mode>('any', 'any', 'any', 'calm', 'same', 'outage'),
  stamp: fc.nat({ max: 1000 }),
  step,
  skew: fc.oneof(
    { weight: 16, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.integer({ min: 2 * DAY, max: 400 * DAY }) },
    { weight: 1, arbitrary: fc.integer({ min: -400 * DAY, max: -2 * DAY }) },
    { weight: 1, arbitrary: fc.integer({ min: -30 * MINUTE, max: 30 * MINUTE }) },
  ),
  refresh: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  sources: fc.record(
    Object.fromEntries(
      IDS.map((id) => [
        id,
        fc.record({
          edit: fc.option(fc.nat({ max: ADDRESSES[id]!.length - 1 }), {
            nil: undefined,
            freq: 8,
          }),
          answer,
        }),
      ]),
    ) as Record<string, fc.Arbitrary<{ edit?: number; answer: Answer }>>,
  ),
});

/** What the feed of `id` answers in the run `plan`. */
function answerIn(plan: Run, id: string): Answer {
  if (plan.mode === 'calm') return { kind: 'quiet-not-modified' };
  if (plan.mode === 'same')
    return {
      kind: 'same-body',
      headers: {
        etag: `"${plan.stamp}"`,
        lastModified: { offset: 0 },
        date: { offset: 0 },
      },
    };
  if (plan.mode === 'outage' && new URL(ADDRESSES[id]![0]!).host === 'wire.example') {
    const given = plan.sources[id]!.answer;
    return given.kind === 'refused' || given.kind === 'host-silent' ? given : { kind: 'refused', status: 503, retryAfter: '3600', redirect: 'none' };
  }
  return plan.sources[id]!.answer;
}

/** A feed listing items first … first+count-1 (newest first), each with a GUID and a link; its text is its identity. */
function feedEntries(id: string, first: number, count: number, linkHost: string): FeedEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const number = first + count - 1 - index;
    return {
      title: `Story ${number}`,
      guid: `${id}-${number}`,
      link: `https://${linkHost}/${id}/${number}`,
      authors: [],
      categories: [],
      publishedAt: new Date(START + number * HOUR),
    };
  });
}

/** What the simulation knows of each source apart from the state: the answers it gave, to judge the state by. */
interface Model {
  feed: Record<string, string>;
  /** Each feed's last full answer, for a server sending the same again. */
  lastBody: Record<string, { text: string; entries: FeedEntry[] } | undefined>;
  /**
   * The address whose failures are being counted, and when the first of them was (by the clock of the run it failed
   * at, or of the first run after whose clock was earlier); and when the first run with a right clock since was.
   */
  streak: Record<string, { url: string; since: string; firstRight?: number } | undefined>;
  /** Runs in a row the address was left unasked. */
  unasked: Record<string, { url: string; runs: number } | undefined>;
  /** The address last read (a full answer or a 304). */
  readFrom: Record<string, string | undefined>;
  /** The latest clock any run had, but those that were wrong: no wrong clock may keep a feed unasked longer. */
  latest: number;
}

/**
 * One run, as run-aggregation.ts makes it (fetchDue, sortEntries, holdOver, afterAnswer, restsAfterRun), from the
 * state the file gave; throws an assertion error when the state breaks a promise of README.
 */
function aggregate(state: AggregationState, plan: Run, now: Date, model: Model): AggregationState {
  const at = now.getTime();
  for (const id of IDS) {
    const edit = plan.mode === 'calm' || plan.mode === 'same' ? undefined : plan.sources[id]!.edit;
    if (edit !== undefined) model.feed[id] = ADDRESSES[id]![edit]!;
  }
  const hosts: HostsInRun = { rests: {}, answered: new Set() };
  const next: AggregationState = { ...state, sources: { ...state.sources } };
  const known = allSeenKeys(state);
  const claimed = new Set<string>();
  const asked: string[] = [];
  for (const id of IDS) {
    const feed = model.feed[id]!;
    const previous = state.sources[id];
    const backingOff = backingOffUntil(previous, feed, now);
    if (backingOff) {
      // A back-off of a day at most, or a Retry-After of a week at most, from the run that set it.
      expect(backingOff.getTime(), `${id} backs off past a week`).toBeLessThanOrEqual(Math.max(at, model.latest) + WEEK);
      expect(previous!.consecutiveFailures, `${id} backs off without failing`).toBeGreaterThan(0);
      continue;
    }
    const fresh = plan.refresh ? undefined : freshUntilFor(previous, feed, now);
    if (fresh) {
      expect(fresh.getTime() - at, `${id} skipped as fresh for more than 6 hours`).toBeLessThanOrEqual(MAX_FRESHNESS_MS);
      expect(model.readFrom[id], `${id} skipped as fresh after its feed: line changed`).toBe(feed);
      continue;
    }
    const resting = editedSinceFailures(previous, feed) ? undefined : restingBecause(state.hosts, feed, now);
    if (resting) {
      const rest = state.hosts![new URL(feed).host]!;
      expect(Date.parse(rest.until), `${new URL(feed).host} rests past a day`).toBeLessThanOrEqual(Math.max(at, model.latest) + HOST_REST_CAP_MS);
      next.sources[id] = afterNotAsked(previous, feed, now);
      noteUnasked(model, id, feed);
      continue;
    }
    asked.push(id);
  }
  const ordered = inAskingOrder(
    asked.map((id) => ({
      id,
      state: state.sources[id],
      feedUrl: model.feed[id]!,
    })),
  );
  expect(ordered.map(({ id }) => id).sort()).toEqual([...asked].sort());
  const silentHosts = new Set<string>();
  const outcomes = new Map<
    string,
    {
      outcome: FetchOutcome;
      entries?: FeedEntry[];
      movedTo?: string;
      maxNew?: number;
    }
  >();
  for (const { id } of ordered) {
    const feed = model.feed[id]!;
    const previous = state.sources[id];
    const sent = conditionalHeaders(feed, keptValidators(previous, feed));
    // Validators go only to the address they were given for.
    if (Object.keys(sent).length) expect(previous?.validatorsFor).toBe(feed);
    const host = new URL(feed).host;
    const given = answerIn(plan, id);
    if (silentHosts.has(host)) {
      next.sources[id] = afterNotAsked(previous, feed, now);
      noteUnasked(model, id, feed);
      continue;
    }
    model.unasked[id] = undefined;
    const other = `https://moved.example/${id}.xml`;
    let outcome: FetchOutcome;
    let entries: FeedEntry[] | undefined;
    let movedTo: string | undefined;
    let maxNew: number | undefined;
    switch (given.kind) {
      case 'feed': {
        entries = feedEntries(id, given.first, given.count, LINK_HOSTS[given.linkHost]!);
        const text = JSON.stringify(entries);
        const url = given.redirect === 'none' ? feed : other;
        outcome = answerOutcome(
          {
            status: 200,
            url,
            movedPermanently: given.redirect === 'permanent' ? true : given.redirect === 'temporary' ? false : undefined,
            text,
            headers: headersAt(given.headers, at),
          },
          feed,
          previous,
          now,
        );
        if (given.redirect === 'permanent') movedTo = url;
        model.lastBody[id] = { text, entries };
        maxNew = given.maxNew;
        break;
      }
      case 'same-body': {
        const last = model.lastBody[id];
        entries = last?.entries ?? [];
        outcome = answerOutcome(
          {
            status: 200,
            url: feed,
            text: last?.text ?? '[]',
            headers: headersAt(given.headers, at),
          },
          feed,
          previous,
          now,
        );
        break;
      }
      case 'not-modified': {
        const etag = given.sameEtag ? previous?.etag : given.headers.etag;
        outcome = answerOutcome(
          {
            status: 304,
            url: feed,
            text: '',
            headers: headersAt({ ...given.headers, etag }, at),
          },
          feed,
          previous,
          now,
        );
        break;
      }
      case 'quiet-not-modified':
        outcome = answerOutcome(
          {
            status: 304,
            url: feed,
            text: '',
            headers: {
              date: dateHeader(at),
              ...(previous?.etag ? { etag: previous.etag } : {}),
            },
          },
          feed,
          previous,
          now,
        );
        break;
      case 'refused': {
        const retryAfter = given.retryAfter === undefined ? undefined : typeof given.retryAfter === 'number' ? String(given.retryAfter) : instantAt(given.retryAfter, at);
        outcome = failureOutcome(`${feed} answered ${given.status}`, given.status, retryAfter === undefined ? {} : { 'retry-after': retryAfter }, now, given.status === 429 ? 'rate-limited' : 'server-error');
        if (outcome.retryAfter) {
          expect(outcome.retryAfter.getTime()).toBeGreaterThanOrEqual(at);
          expect(outcome.retryAfter.getTime()).toBeLessThanOrEqual(at + WEEK);
          noteHostRest(hosts.rests, feed, given.redirect === 'none' ? feed : other, given.status, outcome.retryAfter, now);
        }
        silentHosts.add(host);
        break;
      }
      case 'error':
        outcome = failureOutcome(`${feed}: the request failed`, given.status, {}, now, given.cause);
        break;
      case 'host-silent':
        outcome = failureOutcome(`${feed}: no answer (timed out)`, undefined, undefined, now, 'timeout');
        silentHosts.add(host);
        break;
    }
    if (outcome.kind !== 'failed') for (const address of [feed, movedTo ?? feed]) hosts.answered.add(new URL(address).host);
    if (outcome.kind === 'changed' && !entries) throw new Error('a new body with no items');
    outcomes.set(id, {
      outcome,
      entries: outcome.kind === 'changed' ? entries : undefined,
      movedTo,
      maxNew,
    });
  }

  // As run-aggregation.ts: the entries not handled before, source by source in registry order, then each source settled.
  for (const id of IDS) {
    const done = outcomes.get(id);
    if (!done) continue;
    const feed = model.feed[id]!;
    const previous = state.sources[id];
    const { outcome } = done;
    if (outcome.kind === 'failed') {
      next.sources[id] = afterFailure(previous, feed, outcome.reason, outcome.retryAfter, now, outcome.cause);
      const streak = model.streak[id];
      model.streak[id] = streak?.url === feed ? streak : { url: feed, since: isoSeconds(now) };
      continue;
    }
    model.streak[id] = undefined;
    model.readFrom[id] = feed;
    let seen: string[] = [];
    let listed: Set<string> | undefined;
    let heldOver = 0;
    if (done.entries) {
      const sorted = sortEntries(done.entries, id, () => true, known, claimed);
      listed = sorted.listed;
      const capped = capCandidates(sorted.candidates, done.maxNew ?? 50);
      heldOver = capped.heldOver;
      // Every seventh story is refused by the planner, and remembered by its source alone.
      const handled = capped.candidates.map((candidate) =>
        candidate.entry.title.endsWith('3')
          ? {
              ...candidate,
              keys: candidate.keys.map((key) => refusedKey(key, id)),
            }
          : candidate,
      );
      seen = keysOldestFirst(handled);
    }
    const settled = afterAnswer(previous, { sourceId: id, feedUrl: feed, outcome, entries: done.entries, movedTo: done.movedTo, seen, listed, incomplete: heldOver > 0 }, now);
    next.sources[id] = settled;

    // One success clears the failures and the back-off.
    expect(settled.consecutiveFailures).toBe(0);
    expect(settled.nextFetchAfter).toBeUndefined();
    if (settled.freshUntil) expect(Date.parse(settled.freshUntil) - at, `${id} kept fresh for more than 6 hours`).toBeLessThanOrEqual(MAX_FRESHNESS_MS);
    // `seen` keeps every key the feed lists, and beyond the cap only those.
    const kept = new Set(settled.seen);
    for (const key of previous?.seen ?? []) if (listed?.has(key)) expect(kept.has(key), `${id} forgot ${key}, which its feed still lists`).toBe(true);
    // Trimmed at every read of the feed, new items or none; a 304 keeps what the feed listed when last read.
    if (listed && settled.seen.length > MAX_SEEN_PER_SOURCE)
      expect(
        settled.seen.filter((key) => !listed?.has(key)),
        `${id} remembers more than ${MAX_SEEN_PER_SOURCE} keys`,
      ).toEqual([]);
    expect(new Set(settled.seen).size, `${id} remembers a key twice`).toBe(settled.seen.length);
  }
  next.hosts = restsAfterRun(state.hosts, hosts, now);
  // At most a day from the run that asked for it (a clock gone back since leaves it that much further off).
  for (const rest of Object.values(next.hosts)) expect(Date.parse(rest.until) - Math.max(at, model.latest), 'a host rests past a day').toBeLessThanOrEqual(HOST_REST_CAP_MS);
  for (const [id, source] of Object.entries(next.sources)) {
    if (source.nextFetchAfter && source.nextFetchAfter !== state.sources[id]?.nextFetchAfter) expect(Date.parse(source.nextFetchAfter) - Math.max(at, model.latest), `${id} backs off past a week`).toBeLessThanOrEqual(WEEK);
  }
  return next;
}

function noteUnasked(model: Model, id: string, feed: string): void {
  const unasked = model.unasked[id];
  model.unasked[id] = {
    url: feed,
    runs: unasked?.url === feed ? unasked.runs + 1 : 1,
  };
}

/**
 * Sources the attention thresholds (README: a day failing, 6 runs unasked) say need attention, from the answers given.
 * At a run whose clock is `right`, no clock that was ahead at an earlier run delays them: a streak is flagged a day after
 * the first run with a right clock since it began, at the latest, and the state says nothing happened after this run.
 */
function checkAttention(state: AggregationState, now: Date, model: Model, right: boolean): void {
  const sources = IDS.map((id) => ({
    id,
    name: id,
    feed: model.feed[id]!,
    state: state.sources[id],
  }));
  const attention = new Map(needsAttention(sources, now).map((entry) => [entry.id, entry]));
  for (const id of IDS) {
    const streak = model.streak[id];
    const failing = streak?.url === model.feed[id] && now.getTime() - Date.parse(streak.since) >= FAILING_ATTENTION_MS;
    expect(attention.get(id)?.reason === 'failing', `${id}: failing since ${streak?.since} at ${now.toISOString()}`).toBe(failing);
    if (failing) expect(attention.get(id)!.since).toBe(streak!.since);
    if (right && streak?.url === model.feed[id] && streak.firstRight !== undefined && now.getTime() - streak.firstRight >= FAILING_ATTENTION_MS) expect(attention.get(id)?.reason, `${id}: failing since a run whose clock was wrong, and for a day since one whose clock was right`).toBe('failing');
    const source = state.sources[id];
    if (right && source) for (const instant of [source.lastError?.at, source.failingSince, source.lastSuccess, source.notAskedSince]) if (instant) expect(Date.parse(instant), `${id}: ${instant} after this run at ${now.toISOString()}`).toBeLessThanOrEqual(now.getTime());
    const unasked = model.unasked[id];
    const runs = unasked?.url === model.feed[id] ? unasked.runs : 0;
    if (attention.get(id)?.reason === 'not-asked') expect(runs).toBeGreaterThanOrEqual(NOT_ASKED_ATTENTION_RUNS);
    const streakHere = streak?.url === model.feed[id];
    if (runs >= NOT_ASKED_ATTENTION_RUNS && !streakHere && !state.sources[id]?.movedTo) expect(attention.get(id)?.reason, `${id} unasked at ${runs} runs`).toBe('not-asked');
    // Nothing new for 30 days, counted from the last new version read at the address the feed: line names.
    const lastSuccess = state.sources[id] && lastSuccessFor(state.sources[id], model.feed[id]!);
    const quiet = lastSuccess !== undefined && now.getTime() - Date.parse(lastSuccess) >= NOTHING_NEW_ATTENTION_MS;
    if (attention.get(id)?.reason === 'nothing-new') expect(quiet && attention.get(id)!.since === lastSuccess).toBe(true);
    if (quiet && !streakHere && !state.sources[id]?.movedTo && runs < NOT_ASKED_ATTENTION_RUNS) expect(attention.get(id)?.reason, `${id}: nothing new since ${lastSuccess}`).toBe('nothing-new');
  }
}

/** Whether a run can change nothing: every source skipped (fresh, backing off) or answering a bare 304 from a settled state. */
function quietRun(state: AggregationState, plan: Run, now: Date, model: Model): boolean {
  if (plan.mode !== 'calm' && plan.mode !== 'same') return false;
  if (plan.refresh || Object.keys(state.hosts ?? {}).length) return false;
  return IDS.every((id) => {
    const feed = model.feed[id]!;
    const source = state.sources[id];
    if (backingOffUntil(source, feed, now) || freshUntilFor(source, feed, now)) return true;
    if (!source) return false;
    const settled =
      source.consecutiveFailures === 0 &&
      source.failuresFor === undefined &&
      source.notAskedRuns === undefined &&
      source.notAskedSince === undefined &&
      source.freshUntil === undefined &&
      source.movedTo === undefined &&
      (source.successFor ?? feed) === feed;
    if (plan.mode === 'same') {
      // The same body keeps the validators it came with, when it came with some; a Cache-Control or Expires it no longer sends is a change.
      const last = model.lastBody[id];
      return settled && last !== undefined && contentHash(last.text) === source.contentHash && source.validatorsFor === feed && source.cacheControl === undefined && source.expiresLifetime === undefined;
    }
    // What the stored Cache-Control (or Expires lifetime) gives a bare 304 is a freshness to record, and so a change.
    const renewed = answerOutcome(
      {
        status: 304,
        url: feed,
        text: '',
        headers: {
          date: dateHeader(now.getTime()),
          ...(source.etag ? { etag: source.etag } : {}),
        },
      },
      feed,
      source,
      now,
    );
    return settled && renewed.kind === 'unchanged' && renewed.freshUntil === undefined;
  });
}

describe('the aggregation state across runs', () => {
  it('keeps every promise README makes of it, whatever the feeds answer and however the clock moves', () => {
    fc.assert(
      fc.property(fc.array(run, { minLength: 1, maxLength: 60 }), (runs) => {
        const model: Model = {
          feed: Object.fromEntries(IDS.map((id) => [id, ADDRESSES[id]![0]!])),
          lastBody: {},
          streak: {},
          unasked: {},
          readFrom: {},
          latest: START,
        };
        let text = serializeState(emptyState());
        let at = START;
        for (const plan of runs) {
          at += plan.step;
          const now = new Date(at + plan.skew);
          // As run-aggregation.ts reads it: what a clock ahead of this run's dated after it is dated at it.
          const { state, ahead } = stateAtClock(parseState(text, 'state.json'), now);
          for (const streak of Object.values(model.streak)) if (streak && Date.parse(streak.since) > now.getTime()) streak.since = isoSeconds(now);
          const quiet = !ahead && quietRun(state, plan, now, model);
          const next = aggregate(state, plan, now, model);
          if (!plan.skew) {
            model.latest = Math.max(model.latest, at);
            for (const streak of Object.values(model.streak)) if (streak) streak.firstRight ??= at;
          }
          const nextText = serializeState(next);
          // The file reads back as itself, key for key: the next run starts from what was written.
          expect(serializeState(parseState(nextText, 'state.json'))).toBe(nextText);
          if (quiet) expect(nextText, 'a run that changed nothing rewrote the state').toBe(text);
          checkAttention(parseState(nextText, 'state.json'), now, model, !plan.skew);
          text = nextText;
        }
      }),
      RUN,
    );
  });
});
