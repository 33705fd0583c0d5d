/**
 * Getting a feed's text from a URL or a file, defensively: http(s) only, a deadline, a size cap enforced while
 * streaming, redirects followed by hand (so loops and endless chains stop), and errors an editor can act on.
 */
import { readFile, stat } from 'node:fs/promises';
import { withoutInvisibleCharacters } from '../lib/text/invisible-characters.ts';
import { decodeUtf8Mixed } from '../lib/text/utf8.ts';
import { misplacedDeclaration, type ParsedFeed } from '../lib/authoring/import/parse-feed.ts';
import { networkCause, statusCause, type FailureCause } from '../lib/aggregation/failure-cause.ts';

export const DEFAULT_FETCH_LIMITS = {
  /** The whole exchange, redirects and body included. */
  timeoutMs: 20_000,
  /** Real feeds are well under 1 MB; 10 MB leaves room for full-text feeds. */
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Extra request headers, such as the conditional ones (If-None-Match, If-Modified-Since) sent on every hop. */
  headers?: Record<string, string>;
}

export interface FeedDocument extends DecodedFeed {
  /** The final URL after redirects; undefined for files. */
  url?: string;
  /** Redirected: true when every redirect on the way was permanent (301, 308), false when any was temporary. */
  movedPermanently?: boolean;
  contentType?: string;
  /** 200, or 304 (text empty) when a conditional request found the feed unchanged; undefined for files. */
  status?: number;
  /** The final response's headers, lower-case names; undefined for files. */
  headers?: Record<string, string>;
}

export class FetchError extends Error {
  /** The HTTP status when the server answered with an error, that answer's headers (Retry-After, say) and its address. */
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly answeredFrom?: string;
  /** The address whose server took the request, or was being connected to, and sent no answer before the deadline. */
  readonly unanswered?: string;
  /** The address whose server answered but was still sending the body at the deadline (a body that drips). */
  readonly unfinished?: string;
  /** Why, as one of the causes the aggregator gives its own advice for; undefined when none fits. */
  readonly failureCause?: FailureCause;
  constructor(message: string, details: { status?: number; headers?: Record<string, string>; answeredFrom?: string; unanswered?: string; unfinished?: string; failureCause?: FailureCause } = {}) {
    super(message);
    this.name = 'FetchError';
    this.status = details.status;
    this.headers = details.headers;
    this.answeredFrom = details.answeredFrom;
    this.unanswered = details.unanswered;
    this.unfinished = details.unfinished;
    this.failureCause = details.failureCause;
  }
}

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The publisher says the feed has moved for good; 302, 303 and 307 send this request elsewhere only. */
const PERMANENT_REDIRECTS = new Set([301, 308]);

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function isConditional(headers: Record<string, string> | undefined): boolean {
  return Object.keys(headers ?? {}).some((name) => /^if-(?:none-match|modified-since)$/i.test(name));
}

/** Byte-order marks and the encodings they announce. */
const BYTE_ORDER_MARKS: ReadonlyArray<{ mark: readonly number[]; encoding: string }> = [
  { mark: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { mark: [0xfe, 0xff], encoding: 'utf-16be' },
  { mark: [0xff, 0xfe], encoding: 'utf-16le' },
];

/** A byte of an ASCII character other than NUL, which no feed's text holds. */
const isAsciiText = (byte: number | undefined) => byte !== undefined && byte > 0x00 && byte < 0x80;

/**
 * A document in UTF-16 without a byte-order mark, told by its first two characters being ASCII with a zero byte
 * beside each: XML's appendix F looks for "<?", but a feed without a declaration ("<rss", or white space first) shows
 * the same zeros, and its XML declaration, if any, is unreadable as single bytes, so nothing else names its encoding.
 * Read as UTF-8 instead, the zeros are valid, and the feed would fail as malformed XML quoting them.
 */
function unmarkedUtf16(bytes: Uint8Array): string | undefined {
  if (isAsciiText(bytes[0]) && bytes[1] === 0x00 && isAsciiText(bytes[2]) && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && isAsciiText(bytes[1]) && bytes[2] === 0x00 && isAsciiText(bytes[3])) return 'utf-16be';
  return undefined;
}

/** The WHATWG name of an encoding label ("latin1" → "windows-1252"), or undefined when it names none. */
function encodingNamed(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/**
 * Encodings (WHATWG names) in which most byte sequences are invalid, so that text in another encoding is all but
 * never valid in them; every byte is valid in a single-byte encoding such as windows-1252.
 */
const MULTI_BYTE_ENCODINGS = new Set(['utf-8', 'shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'gbk', 'gb18030', 'big5']);

/** An encoding of one byte per character, such as windows-1252 or iso-8859-2, in which every byte sequence is text. */
function isSingleByte(encoding: string): boolean {
  return !MULTI_BYTE_ENCODINGS.has(encoding) && !encoding.startsWith('utf-16');
}

/** A feed's text, and why it may not read as its publisher wrote it. */
export interface DecodedFeed {
  text: string;
  /** Set when its bytes are valid in none of the encodings it declares: how it was read instead. */
  encodingWarning?: string;
}

/** "UTF-8", "SHIFT_JIS": an encoding as an editor knows it. */
function encodingName(encoding: string): string {
  return encoding.toUpperCase();
}

/**
 * Bytes → text: a byte-order mark decides, as the XML and WHATWG encoding rules say, since it describes the bytes
 * themselves, and so do UTF-16's zero bytes without one; JSON is UTF-8. Otherwise the HTTP charset and the XML
 * declaration's encoding (UTF-8 when it names none, as XML says) are candidates, and they often disagree (a server's
 * default charset, a copied prolog): the first the bytes are valid in wins, UTF-8 tried first and single-byte
 * encodings last, because bytes in another encoding are all but never valid in a multi-byte one, while every byte is
 * valid in a single-byte encoding. For that reason, bytes that declare only single-byte encodings but are UTF-8 past
 * ASCII are read as UTF-8, with a warning.
 * Bytes valid in none of them are read as well as they can be, with a warning: as UTF-8 when they are valid in it (a
 * wrong label); else in the declared encoding that leaves the fewest bytes unread, UTF-8 reading its stray bytes as
 * Windows-1252 (text pasted in from an older system), so that no headline shows U+FFFD for an "é".
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const marked = BYTE_ORDER_MARKS.find(({ mark }) => mark.every((byte, index) => bytes[index] === byte))?.encoding;
  // JSON is UTF-8 (RFC 8259), whatever charset a server's default sends; parse-feed.ts reads a body opening with { or [ as JSON.
  const first = bytes.find((byte) => byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d);
  const unmarked = marked ? undefined : unmarkedUtf16(bytes);
  const candidates = marked ? [marked] : unmarked ? [unmarked] : first === 0x7b || first === 0x5b ? ['utf-8'] : declaredEncodings(bytes, contentType);
  const declared = `${candidates.length === 1 ? 'the encoding' : 'any of the encodings'} it declares (${candidates.map(encodingName).join(', ')})`;
  // Bytes past ASCII that are all valid UTF-8 are all but never text in a single-byte encoding (its "é" would have to be
  // followed by one of a few symbols every time), so a prolog copied from an older template does not garble the feed.
  if (!marked && candidates.every(isSingleByte) && bytes.some((byte) => byte >= 0x80)) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { text, encodingWarning: `it declares ${candidates.map(encodingName).join(' and ')}, but its bytes are UTF-8, so it was read as UTF-8; the publisher should declare its encoding as UTF-8` };
    } catch {
      // Not UTF-8: the declaration holds.
    }
  }
  for (const encoding of candidates) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
    } catch {
      // Not valid in this encoding: try the next declaration.
    }
  }
  if (!candidates.includes('utf-8')) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { text, encodingWarning: `its bytes are not valid in ${declared} but are valid UTF-8, so it was read as UTF-8; the publisher should declare its encoding as UTF-8` };
    } catch {
      // Not UTF-8 either: read in the declared encoding that reads the most of it.
    }
  }
  const readings = candidates.map((encoding) => {
    if (encoding !== 'utf-8') {
      const text = new TextDecoder(encoding).decode(bytes);
      return { encoding, text, unread: text.split('\uFFFD').length - 1 };
    }
    const { text, replaced } = decodeUtf8Mixed(marked ? bytes.subarray(3) : bytes, 'windows-1252');
    return { encoding, text, unread: replaced };
  });
  const best = readings.reduce((best, reading) => (reading.unread < best.unread ? reading : best));
  if (best.encoding === 'utf-8') {
    const stray = best.unread === 1 ? '1 byte is not UTF-8 and was' : `${best.unread} bytes are not UTF-8 and were`;
    return { text: best.text, encodingWarning: `its bytes are not valid in ${declared}: ${stray} read as WINDOWS-1252; the publisher should serve the whole feed in UTF-8` };
  }
  return { text: best.text, encodingWarning: `its bytes are not valid in ${declared}; it was read as ${encodingName(best.encoding)}, with the replacement character U+FFFD for each character that could not be read; the publisher should serve it in the encoding it declares` };
}

/** How far into a feed its XML declaration is looked for: past a few lines of a server's warnings printed before it. */
const DECLARATION_WITHIN_BYTES = 4096;

/** The encodings a feed without a byte-order mark declares, by its server's charset and its XML declaration, in the order to try them. */
function declaredEncodings(bytes: Uint8Array, contentType: string | undefined): string[] {
  // Past the byte-order marks and UTF-16's zero bytes, a charset naming UTF-16 is wrong too (a server's setting for
  // other files): nearly any bytes are valid UTF-16, so a Latin-1 feed would be read as CJK and fail as no feed.
  const header = encodingNamed(/charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1])?.replace(/^utf-16(?:be|le)$/, 'utf-8');
  // A declaration that reads as single bytes is not in UTF-16, whatever it says; such feeds are UTF-8. One after a
  // server's warning text still names the encoding the feed is written in.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, DECLARATION_WITHIN_BYTES));
  const encodingLabel = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head.slice(misplacedDeclaration(head) ?? 0))?.[1];
  const prolog = encodingLabel === undefined ? 'utf-8' : encodingNamed(encodingLabel)?.replace(/^utf-16(?:be|le)$/, 'utf-8');
  const declared = [header, prolog].filter((encoding) => encoding !== undefined);
  // Windows-1252 (Latin-1) after any other single-byte encoding: it is the charset servers send by default, so a
  // Cyrillic or Central European prolog under it is the one the feed was written in.
  const rank = (encoding: string) => (encoding === 'utf-8' ? 0 : MULTI_BYTE_ENCODINGS.has(encoding) ? 1 : encoding === 'windows-1252' ? 3 : 2);
  const candidates = [...new Set(declared)].sort((a, b) => rank(a) - rank(b));
  return candidates.length ? candidates : ['utf-8'];
}

/** The feed read from `document`, with how its bytes were decoded among its warnings when that was a guess. */
export function withDecodingWarning(feed: ParsedFeed, document: DecodedFeed): ParsedFeed {
  return document.encodingWarning ? { ...feed, warnings: [document.encodingWarning, ...(feed.warnings ?? [])] } : feed;
}

export async function readFeedFile(path: string, options: Pick<FetchOptions, 'maxBytes'> = {}): Promise<FeedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FetchError(`${path} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof FetchError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FetchError(code === 'ENOENT' ? `${path} does not exist` : `cannot read ${path} (${code ?? (error as Error).message})`);
  }
  if (size > maxBytes) throw new FetchError(`${path} is ${megabytes(size)}, larger than the ${megabytes(maxBytes)} a feed may be`);
  return decodeFeedBytes(await readFile(path));
}

/** Errors undici reports, by code, for an answer that breaks HTTP's rules once the server has sent it. */
const BROKEN_ANSWERS = new Map([
  ['UND_ERR_HEADERS_OVERFLOW', 'its headers are larger than a client accepts'],
  ['UND_ERR_RES_CONTENT_LENGTH_MISMATCH', 'its body is not as long as its Content-Length says'],
]);

const SWITCHED_UNASKED = 'it switched protocols (101) though the request asked for no upgrade';

/**
 * Answers undici refuses though the server sent them (an interim answer nobody asked for), by its error's code and
 * message: what to call them, when that is known. It destroys the socket as it does for a server hanging up, or
 * fails an assertion, so without this the report would say the server closed the connection or could not be reached.
 */
const UNEXPECTED_ANSWERS: ReadonlyArray<{ code: string; message: RegExp; detail?: string }> = [
  { code: 'ERR_ASSERTION', message: /upgrade/, detail: SWITCHED_UNASKED },
  { code: 'ERR_ASSERTION', message: /(?:)/ },
  { code: 'UND_ERR_SOCKET', message: /^bad upgrade$/, detail: SWITCHED_UNASKED },
  { code: 'UND_ERR_SOCKET', message: /^bad response$/, detail: 'a 100 Continue before its answer, which the request did not ask for' },
];

/**
 * What went wrong at the network level, in words (undici puts the system error code in `cause`): a request that
 * timed out, or why the server could not be reached (`reached` false) or its answer could not be read (true).
 */
function networkProblem(error: unknown, url: URL, timeoutMs: number, reached: boolean): FetchError {
  const failure = error as Error & { cause?: { code?: string; message?: string; name?: string; socket?: { remoteAddress?: string } } };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError') {
    const seconds = timeoutMs / 1000;
    const failureCause = 'timeout';
    if (reached) return new FetchError(`${url.href} answered, but did not send the whole feed within ${seconds} s (timed out)`, { unfinished: url.href, failureCause });
    return new FetchError(`${url.href} did not answer within ${seconds} s (timed out)`, { unanswered: url.href, failureCause });
  }
  const code = failure.cause?.code ?? (failure as { code?: string }).code;
  const unexpected = UNEXPECTED_ANSWERS.find((answer) => answer.code === code && answer.message.test(failure.cause?.message ?? ''));
  // The Fetch standard makes a 407 answer a network error without a reason (undici: an Error with an empty message),
  // the only such error for a GET without a body; the server did answer, asking for a login.
  if (!reached && code === undefined && failure.cause?.name === 'Error' && failure.cause.message === '') {
    return new FetchError(`${url.href} answered 407 Proxy Authentication Required`, { status: 407, answeredFrom: url.href, failureCause: statusCause(407) });
  }
  // A socket that was open when it closed: the server took the request (or was sending the answer) and hung up, which
  // says nothing of the network between, unlike a connection that could not be made.
  const hungUp = code === 'UND_ERR_SOCKET' && !unexpected && failure.cause?.socket?.remoteAddress !== undefined;
  if (hungUp && !reached) return new FetchError(`${url.href}: the server took the request but closed the connection without answering`, { failureCause: 'connection-dropped' });
  // The server was reached: what it sent back is not HTTP (a malformed header, say), which only its owner can fix.
  const parserError = failure.cause?.name === 'HTTPParserError';
  if (parserError || unexpected || (code && BROKEN_ANSWERS.has(code))) {
    const detail = parserError ? /\(([^)]+)\)\s*$/.exec(failure.cause?.message ?? '')?.[1] : unexpected ? unexpected.detail : BROKEN_ANSWERS.get(code!);
    return new FetchError(`${url.href} answered with something that is not valid HTTP${detail ? ` (${detail})` : ''}; the publisher's server must fix it`, { failureCause: 'invalid-http' });
  }
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused (is the address right, and the server up?)',
    ENOTFOUND: 'the host name does not exist (check the spelling)',
    EAI_AGAIN: 'the host name could not be looked up (are you online?)',
    ECONNRESET: 'the connection was reset by the server',
    ETIMEDOUT: 'the connection timed out',
    EHOSTUNREACH: 'the host is unreachable',
    ENETUNREACH: 'the network is unreachable (are you online?)',
    UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
    UND_ERR_SOCKET: 'the connection failed',
  };
  const failureCause = networkCause(code);
  const tlsReasons: Partial<Record<FailureCause, string>> = {
    tls: `its TLS certificate was rejected (${code})`,
    'not-tls': `the server at that address does not answer in TLS, as https:// asks (${code}): is the address meant to be http://, or on another port?`,
  };
  const reason = hungUp ? 'the server closed the connection' : ((code && reasons[code]) ?? (failureCause && tlsReasons[failureCause]) ?? failure.cause?.message ?? failure.message);
  // A body cut off, or not compressed as its header said, comes from a server that did answer.
  if (reached) return new FetchError(`${url.href} answered, but reading the feed broke off (${reason})`, { failureCause: failureCause ?? 'connection-dropped' });
  return new FetchError(`could not reach ${url.host}: ${reason}`, { failureCause });
}

/** zlib's, brotli's and zstd's error codes, which undici passes on when a body does not decompress. */
const DECOMPRESSION_ERROR = /^(?:Z_|ERR__ERROR_|ERR_BROTLI|ZSTD_error)/;

/**
 * A body that is not compressed as its Content-Encoding says (a plain feed labelled gzip, say): the server's setup
 * is at fault, at every request, and no connection broke; undefined for any other error.
 */
function undecodableBody(error: unknown, url: URL, contentEncoding: string | null): FetchError | undefined {
  const cause = (error as { cause?: { code?: unknown; message?: string } }).cause;
  if (typeof cause?.code !== 'string' || !DECOMPRESSION_ERROR.test(cause.code)) return undefined;
  const detail = cause.message ? ` (${cause.message})` : '';
  return new FetchError(`${url.href} answered with a body that is not compressed as its Content-Encoding (${contentEncoding ?? 'none'}) says${detail}; the publisher's server must fix it`, { failureCause: 'invalid-http' });
}

/** Reads a response body, giving up (and closing the connection) as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, url: URL, abort: AbortController): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array(0);
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      abort.abort();
      throw new FetchError(`${url.href} sent more than ${megabytes(maxBytes)}, larger than a feed may be; stopped reading`, { failureCause: 'too-large' });
    }
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function fetchFeed(address: string, options: FetchOptions = {}): Promise<FeedDocument> {
  // Field by field: an option given as undefined means "the default", not "no limit".
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_LIMITS.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_LIMITS.maxBytes;
  const maxRedirects = options.maxRedirects ?? DEFAULT_FETCH_LIMITS.maxRedirects;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchError(`${address} is not a URL`, { failureCause: 'bad-address' });
  }
  const abort = new AbortController();
  const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(timeoutMs)]);
  const visited = new Set<string>();
  let movedPermanently: boolean | undefined;
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new FetchError(`${url.href} is not an http(s) URL; only http:// and https:// feeds can be fetched`, { failureCause: redirects ? 'bad-redirect' : 'bad-address' });
      }
      if (url.username || url.password) {
        // Messages reach the report and the committed state file: the password is never shown.
        const shown = new URL(url);
        if (shown.password) shown.password = '***';
        throw new FetchError(`${shown.href} holds a user name or password; feeds are fetched without credentials, so ask the publisher for a public feed address`, { failureCause: redirects ? 'bad-redirect' : 'bad-address' });
      }
      visited.add(url.href);
      let response: Response;
      try {
        response = await fetch(url, {
          redirect: 'manual',
          signal,
          headers: { accept: ACCEPT, 'user-agent': options.userAgent ?? 'NewsdeskImporter/1.0 (+feed import for editors)', ...options.headers },
        });
      } catch (error) {
        throw networkProblem(error, url, timeoutMs, false);
      }
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        const failureCause = 'bad-redirect';
        if (!location) throw new FetchError(`${url.href} redirects (${response.status}) without saying where to`, { failureCause });
        const next = URL.parse(location, url);
        if (!next) throw new FetchError(`${url.href} redirects (${response.status}) to "${location}", which is not a valid address; ask the publisher for the feed's new address`, { failureCause });
        if (next.protocol !== 'http:' && next.protocol !== 'https:') {
          throw new FetchError(`${url.href} redirects (${response.status}) to ${next.href}, which is not an http(s) URL; only http:// and https:// feeds can be fetched`, { failureCause });
        }
        if (visited.has(next.href)) throw new FetchError(`redirect loop: ${url.href} sends the request back to ${next.href}`, { failureCause });
        if (redirects >= maxRedirects) throw new FetchError(`too many redirects (more than ${maxRedirects}) starting at ${address}`, { failureCause });
        url = next;
        movedPermanently = (movedPermanently ?? true) && PERMANENT_REDIRECTS.has(response.status);
        continue;
      }
      const headers = Object.fromEntries(response.headers);
      if (response.status === 304) {
        await response.body?.cancel();
        if (isConditional(options.headers)) return { text: '', url: url.href, status: 304, headers };
        // Nothing was cached to be "not modified": a cache in front of the server answering for another client.
        throw new FetchError(`${url.href} answered 304 Not Modified to a request for the whole feed (it sent no If-None-Match or If-Modified-Since); the publisher's server or its cache must fix it`, { status: 304, headers, answeredFrom: url.href, failureCause: 'invalid-http' });
      }
      if (!response.ok) {
        await response.body?.cancel();
        // The reason phrase is the server's own text, printed in the report and kept in the state file. fetch hands it
        // over decoded as UTF-8, so bytes in Latin-1 (HTTP's historical rule) are already U+FFFD here, with no bytes left
        // to read again; node:http reads it as Latin-1, but the rest of this exchange rests on fetch.
        const answered = `${url.href} answered ${response.status} ${withoutInvisibleCharacters(response.statusText)}`.trim();
        const advice = response.status === 410 ? ': the publisher has removed this feed for good; use its new address, or stop following it' : '';
        throw new FetchError(`${answered}${advice}`, { status: response.status, headers, answeredFrom: url.href, failureCause: statusCause(response.status) });
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw new FetchError(`${url.href} is ${megabytes(declared)}, larger than the ${megabytes(maxBytes)} a feed may be`, { failureCause: 'too-large' });
      }
      const contentType = response.headers.get('content-type') ?? undefined;
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response, maxBytes, url, abort);
      } catch (error) {
        if (error instanceof FetchError) throw error;
        throw undecodableBody(error, url, response.headers.get('content-encoding')) ?? networkProblem(error, url, timeoutMs, true);
      }
      return { ...decodeFeedBytes(bytes, contentType), url: url.href, ...(movedPermanently === undefined ? {} : { movedPermanently }), contentType, status: response.status, headers };
    }
  } finally {
    abort.abort();
  }
}
