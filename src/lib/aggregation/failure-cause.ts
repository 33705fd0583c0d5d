/**
 * Why a feed could not be read, as one of a few causes, each with its own advice: a feed failing for a day sends the
 * operator to a different place when its server is down than when its address is gone or it serves a web page.
 * Classified where the failure happens, from what is known there (an HTTP status, a system error code, the parser's
 * kind of error), and kept in the state beside the failure's message.
 */
import type { FeedErrorKind } from '../authoring/import/parse-feed.ts';

export const FAILURE_CAUSES = [
  'server-error',
  'rate-limited',
  'unauthorized',
  'forbidden',
  'not-found',
  'gone',
  'client-error',
  'dns-not-found',
  'dns-failed',
  'refused',
  'unreachable',
  'timeout',
  'connection-dropped',
  'tls',
  'not-tls',
  'invalid-http',
  'bad-redirect',
  'too-large',
  'bad-address',
  'not-a-feed',
  'unreadable-feed',
  'unusable-items',
  'filter-too-slow',
] as const;

export type FailureCause = (typeof FAILURE_CAUSES)[number];

/** The cause of an answer with an error status (anything but 2xx, a redirect followed, or a 304 asked for). */
export function statusCause(status: number): FailureCause {
  if (status === 401 || status === 407) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 410) return 'gone';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server-error';
  return 'client-error';
}

/**
 * OpenSSL's certificate verification errors whose codes name neither a certificate nor SSL, as Node reports them;
 * the others (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID, ERR_SSL_…) do.
 */
const TLS_CODES = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'HOSTNAME_MISMATCH', 'INVALID_CA', 'PATH_LENGTH_EXCEEDED', 'INVALID_PURPOSE']);

/**
 * OpenSSL's errors for bytes that are no TLS record at all: an https:// address on a port that speaks plain HTTP
 * answers the handshake with HTTP text, whose first bytes read as a nonsense version or length. No certificate was
 * ever shown, so the address is at fault, not the publisher's certificate.
 */
const NOT_TLS_CODES = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_UNKNOWN_PROTOCOL', 'ERR_SSL_PACKET_LENGTH_TOO_LONG']);

function isTlsErrorCode(code: string): boolean {
  return code.includes('CERT') || code.includes('SSL') || code.includes('TLS') || TLS_CODES.has(code);
}

const NETWORK_CAUSES: Record<string, FailureCause> = {
  ENOTFOUND: 'dns-not-found',
  EAI_AGAIN: 'dns-failed',
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNRESET: 'connection-dropped',
  EPIPE: 'connection-dropped',
  UND_ERR_SOCKET: 'connection-dropped',
  UND_ERR_CLOSED: 'connection-dropped',
};

/** The cause of a request that got no answer, by its system or undici error code; undefined for a code not known here. */
export function networkCause(code: string | undefined): FailureCause | undefined {
  if (!code) return undefined;
  if (NOT_TLS_CODES.has(code)) return 'not-tls';
  return NETWORK_CAUSES[code] ?? (isTlsErrorCode(code) ? 'tls' : undefined);
}

/** The cause of a document that was fetched but is no feed the parser can read. */
export function feedErrorCause(kind: FeedErrorKind | undefined): FailureCause {
  // A compressed stream cut short is broken HTTP, however well the feed inside it is made.
  if (kind === 'compressed-cut-short') return 'invalid-http';
  return kind === 'not-a-feed' ? 'not-a-feed' : 'unreadable-feed';
}

/**
 * What to check or do about a feed failing with this cause for `lasting` ("for a day"), for one source and for a
 * host's several failing alike. Said after the failure's message, which may end with a clause of its own ("the
 * publisher's server must fix it"), so each goes on from it rather than against it.
 */
const adviceLasting = (lasting: string): Record<FailureCause, { one: string; several?: string }> => ({
  'server-error': { one: `its server has been answering with an error ${lasting}: if the outlet's site is down too, wait for it; if the site works, tell the publisher their feed is broken` },
  'rate-limited': { one: `its server has been refusing requests as too many ${lasting}: ask the publisher what rate it allows, or follow fewer of its feeds` },
  unauthorized: { one: 'the feed asks for a login, which the aggregator never sends: ask the publisher for a public feed address', several: 'the feeds ask for a login, which the aggregator never sends: ask the publisher for public feed addresses' },
  forbidden: {
    one: "its server refuses the aggregator (many block robots, or cloud runners' addresses): if the feed opens in a browser, ask the publisher to allow the Newsdesk user agent",
    several: "the host refuses the aggregator (many block robots, or cloud runners' addresses): if the feeds open in a browser, ask the publisher to allow the Newsdesk user agent",
  },
  'not-found': {
    one: "the feed is no longer at this address: find its new address on the outlet's site (or correct a mistyped one) and update its feed: line",
    several: "the feeds are no longer at their addresses (a site redesigned, most often): find their new addresses on the outlet's site and update their feed: lines",
  },
  gone: { one: "find the outlet's new feed on its site for its feed: line, or remove the source from the registry", several: "find the outlet's new feeds on its site for their feed: lines, or remove the sources from the registry" },
  'client-error': { one: 'its server rejects the request: open the feed address in a browser, and tell the publisher what it answers', several: 'the host rejects the requests: open a feed address in a browser, and tell the publisher what it answers' },
  'dns-not-found': { one: "if its feed: line is spelled right, the outlet's domain has lapsed or moved: find its new site and feed", several: "the outlet's domain has lapsed or moved: find its new site and feeds" },
  'dns-failed': { one: `the host's name servers have not answered ${lasting}: if the other sources are read, the outlet's DNS is broken; tell the publisher` },
  refused: { one: `nothing has taken connections at that address ${lasting}: check the port in its feed: line, and whether the outlet's site is up`, several: `nothing has taken connections at that address ${lasting}: check whether the outlet's site is up` },
  unreachable: { one: `the host has been unreachable ${lasting}: check whether the outlet's site is up, and whether the runner reaches other hosts` },
  timeout: { one: `its server has not sent the feed in time ${lasting}: check whether the outlet's site is up; if it is, it may be slow for this runner (give a longer --timeout) or ignore robots` },
  'connection-dropped': { one: `its server has been dropping the connection ${lasting}: if the outlet's site loads, it may be turning robots away; ask the publisher` },
  tls: { one: `its server has shown a certificate that fails verification (expired, self-signed or for another name) ${lasting}, and the feed is never read over an unverified connection: tell the publisher` },
  'not-tls': {
    one: "check the scheme and port in its feed: line: a port that serves plain HTTP takes http://, and an outlet's https:// address seldom names a port",
    several: "check the scheme and port in their feed: lines: a port that serves plain HTTP takes http://, and an outlet's https:// addresses seldom name a port",
  },
  'invalid-http': { one: 'tell the publisher, with this error' },
  'bad-redirect': { one: 'open the feed address in a browser to see where it leads, and put the address of the feed itself in its feed: line', several: 'open a feed address in a browser to see where it leads, and put the addresses of the feeds themselves in their feed: lines' },
  'too-large': { one: 'ask the publisher for a shorter feed, or look on the site for a smaller one (a section, or excerpts rather than full text)', several: 'ask the publisher for shorter feeds, or look on the site for smaller ones (excerpts rather than full text)' },
  'bad-address': { one: 'correct its feed: line', several: 'correct their feed: lines' },
  'not-a-feed': {
    one: "the address serves a page, not the feed (a consent, login or robot-check page, or a redesigned site): open it in a browser, find the feed's link and update its feed: line",
    several: "the addresses serve a page, not feeds (a consent, login or robot-check page, or a redesigned site): open one in a browser, find the feeds' links and update their feed: lines",
  },
  'unreadable-feed': { one: 'the feed is broken where it is made: check it with a feed validator and tell the publisher', several: 'the feeds are broken where they are made: check one with a feed validator and tell the publisher' },
  'unusable-items': { one: 'its items trip the importer: try the feed with npm run import, and report it with the feed address' },
  'filter-too-slow': { one: "the lists are its include: and exclude: lines in the registry", several: "the lists are their include: and exclude: lines in the registry" },
});

/**
 * For a feed whose address has never given a new version: a mistyped `feed:` line is likelier there than a move, and
 * the usual advice would send the operator looking for a new address of a feed that was never read.
 */
const NEVER_READ_ADVICE: Partial<Record<FailureCause, string>> = {
  'not-found': "this address has never given a feed: check its feed: line for a typo, or find the feed's address on the outlet's site",
  'dns-not-found': 'no feed has ever been read from this host: check the host name in its feed: line for a typo',
  'not-a-feed': "this address has never given a feed, only a page: put the feed's own address in its feed: line (npm run sources -- add <the outlet's home page> --dry-run names the feed the page links to)",
};

/**
 * The advice for a source failing for a day, or for `several` on one host failing alike; undefined for a failure
 * whose cause is not known (a state written before causes were kept, or an error no cause covers). `neverRead`: one
 * source whose address has never given a feed. `lasting`: how long it has been failing, where that is not a day
 * ("since 2026-12-01 12:00 UTC", for a source backing off sooner).
 */
export function failureAdvice(cause: FailureCause | undefined, { several = false, neverRead = false, lasting = 'for a day' } = {}): string | undefined {
  if (cause === undefined) return undefined;
  const advice = adviceLasting(lasting)[cause];
  if (several) return advice.several ?? advice.one;
  return (neverRead && NEVER_READ_ADVICE[cause]) || advice.one;
}
