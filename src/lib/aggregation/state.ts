/**
 * The aggregation state (`content/.aggregate-state.json`): per source, what the last responses said (validators,
 * failures, when it may be fetched again) and the keys of every item already handled. Committed with the
 * content, so it is plain, sorted, indented JSON whose text changes only when something did.
 */
import { z } from 'astro/zod';
import { fieldLines, lineOfField } from '../content/front-matter-lines.ts';
import { inertLine } from '../text/inert-line.ts';
import { FAILURE_CAUSES } from './failure-cause.ts';
import { currentItemKey, storedKey } from './identity.ts';

const STATE_VERSION = 1;

/**
 * Oldest keys are forgotten past this many per source (about 200 items, four times a long feed's length; those its
 * feed still lists are kept beyond it), so that hundreds of busy sources keep the state to a few MB; a story coming
 * back after that is still caught by its link on disk.
 */
export const MAX_SEEN_PER_SOURCE = 400;

const instant = z.string().refine((value) => !Number.isNaN(Date.parse(value)), { error: 'is not a date-time' });

const sourceStateSchema = z.strictObject({
  /** Validators of the last full response, for conditional requests. */
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /**
   * The Cache-Control of the last full response, as 304s since have updated it: the freshness a 304 that does not
   * repeat it renews. Absent in states written before it, where a 304 is fresh by its own headers alone.
   */
  cacheControl: z.string().optional(),
  /**
   * The lifetime (Expires − Date, in seconds) the last full response's Expires gave it, when no max-age overrides it:
   * what a 304 that sends no freshness renews. Absent in states written before it.
   */
  expiresLifetime: z.number().int().positive().optional(),
  /** The feed address the validators were given for: they are sent to it alone, not to one the registry names instead. */
  validatorsFor: z.string().optional(),
  /** Until when the last answer is fresh by its Cache-Control or Expires (conditional.ts `freshUntil`): the feed is not asked before. */
  freshUntil: instant.optional(),
  /** The feed address that answer came from: one the registry names instead is asked at once. */
  freshFor: z.string().optional(),
  /** Where a permanent redirect took the feed at its last read: the report says so at runs that do not ask it too. */
  movedTo: z.string().optional(),
  /**
   * The feed address that redirect was read from: a move of an address the registry no longer names needs no attention.
   * Absent in states written before it, where the move is taken to be the present address's.
   */
  movedFrom: z.string().optional(),
  /** Fingerprint of the last new version read (see lastSuccess), so a server without validators still costs no work when unchanged. */
  contentHash: z.string().optional(),
  /** Fingerprint of the items the last new version listed (identity.ts `listedItemsHash`). */
  itemsHash: z.string().optional(),
  /** When a new version of the feed was last read: one listing items the version before did not, or the first read. */
  lastSuccess: instant.optional(),
  /**
   * The feed address lastSuccess was read from: an address the registry names instead has had nothing new only since
   * its own first read. Absent in states written before it, where lastSuccess is taken to be the present address's.
   */
  successFor: z.string().optional(),
  /**
   * The last failure: when, its message, and its cause (failure-cause.ts), which chooses the advice when the feed needs
   * attention; the cause is absent in states written before it, and for failures no cause covers.
   */
  lastError: z.strictObject({ at: instant, message: z.string(), cause: z.enum(FAILURE_CAUSES).optional() }).optional(),
  consecutiveFailures: z.number().int().min(0).default(0),
  /** When the current run of failures began (the first failure of the streak); absent in states written before it. */
  failingSince: instant.optional(),
  /**
   * When the feed was first left unasked because its host did not answer another of its feeds, refused one, or had
   * taken its time in the run, in the runs since its last answer (the longest unasked are asked first): no failure of
   * its own, but counted as one when every source is failing (attention.ts `allFailingSince`).
   */
  notAskedSince: instant.optional(),
  /** The feed address notAskedSince was noted for: it says nothing of an address the registry names instead. */
  notAskedFor: z.string().optional(),
  /**
   * The runs in a row the feed was left unasked, since it was last asked (attention.ts `NOT_ASKED_ATTENTION_RUNS`).
   * Absent when it was asked at its last run, and in states written before it, which count from their next run unasked.
   */
  notAskedRuns: z.number().int().positive().optional(),
  /** Set by Retry-After or back-off: the source is not asked before this instant. */
  nextFetchAfter: instant.optional(),
  /** The feed address the failures were counted for: an address the registry names instead starts afresh. */
  failuresFor: z.string().optional(),
  /** Identity keys (see identity.ts) of items written or skipped, oldest first, each as `storedKey` keeps it. */
  seen: z.array(z.string().transform((key) => storedKey(currentItemKey(key)))).default([]),
});

const hostRestSchema = z.strictObject({
  /** None of the host's feeds is asked before this instant (host-rest.ts). */
  until: instant,
  /** The status (429 or 503) and the address whose answer named it, and when. */
  status: z.number().int(),
  answered: z.string(),
  at: instant,
});

const aggregationStateSchema = z.strictObject({
  version: z.literal(STATE_VERSION),
  sources: z.record(z.string(), sourceStateSchema),
  /** Per host (name and port), the Retry-After of its last 429 or 503 while it runs; absent when none does, and in states written before it. */
  hosts: z.record(z.string(), hostRestSchema).optional(),
});

export type SourceState = z.output<typeof sourceStateSchema>;
export type HostRest = z.output<typeof hostRestSchema>;
export type AggregationState = z.output<typeof aggregationStateSchema>;

export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateError';
  }
}

export function emptyState(): AggregationState {
  return { version: STATE_VERSION, sources: {} };
}

export function emptySourceState(): SourceState {
  return { consecutiveFailures: 0, seen: [] };
}

/** Reads the file's text; throws a StateError naming the file, the line and the field when it is not a state file. */
export function parseState(text: string, file: string): AggregationState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StateError(`${file}: not valid JSON (${inertLine((error as Error).message)}); restore it from git, or delete it to start afresh`);
  }
  const result = aggregationStateSchema.safeParse(data);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  // JSON is YAML: the field lines the registry's errors use, read only when the file is wrong.
  const line = lineOfField(fieldLines(text, 1), issue!.path.join('.')) ?? 1;
  throw new StateError(inertLine(`${file}:${line}: ${issue!.path.join('.') || 'the file'}: ${issue!.message}; restore it from git, or delete it to start afresh`));
}

/** Fields in a fixed order and sources and hosts sorted, so a run that changes nothing writes the same text. */
export function serializeState(state: AggregationState): string {
  const sources: Record<string, SourceState> = {};
  for (const id of Object.keys(state.sources).sort()) {
    const source = state.sources[id]!;
    sources[id] = {
      etag: source.etag,
      lastModified: source.lastModified,
      cacheControl: source.cacheControl,
      expiresLifetime: source.expiresLifetime,
      validatorsFor: source.validatorsFor,
      freshUntil: source.freshUntil,
      freshFor: source.freshFor,
      movedTo: source.movedTo,
      movedFrom: source.movedFrom,
      contentHash: source.contentHash,
      itemsHash: source.itemsHash,
      lastSuccess: source.lastSuccess,
      successFor: source.successFor,
      lastError: source.lastError && { at: source.lastError.at, message: source.lastError.message, cause: source.lastError.cause },
      consecutiveFailures: source.consecutiveFailures,
      failingSince: source.failingSince,
      notAskedSince: source.notAskedSince,
      notAskedFor: source.notAskedFor,
      notAskedRuns: source.notAskedRuns,
      nextFetchAfter: source.nextFetchAfter,
      failuresFor: source.failuresFor,
      seen: source.seen,
    };
  }
  const hosts: Record<string, HostRest> = {};
  for (const host of Object.keys(state.hosts ?? {}).sort()) {
    const rest = state.hosts![host]!;
    hosts[host] = { until: rest.until, status: rest.status, answered: rest.answered, at: rest.at };
  }
  return `${JSON.stringify({ version: state.version, sources, hosts: Object.keys(hosts).length ? hosts : undefined }, null, 2)}\n`;
}

/** Every key in the state, across sources: the items the desk already has or has decided against. */
export function allSeenKeys(state: AggregationState): Set<string> {
  const keys = new Set<string>();
  for (const source of Object.values(state.sources)) for (const key of source.seen) keys.add(key);
  return keys;
}
