/**
 * Property tests of `npm run aggregate` against servers that misbehave: feeds answered by servers on 127.0.0.1 whose
 * answers fast-check makes up (any status, redirect chains and loops, Retry-After of every form, compression right,
 * wrong or cut, charsets that lie, pages and garbage for feeds, bodies cut, stalled, reset or too large, headers
 * doubled or absurd), each registry holding a well-behaved feed on another host beside them. Each case is run twice,
 * as the scheduled job would, and checks what README ("Aggregating") promises: the run ends, every failure is named
 * with a cause an operator can act on, the good feed is read, the state stays readable and content/ holds whole
 * articles only.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Socket } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureAdvice, type FailureCause } from '../../../../src/lib/aggregation/failure-cause.ts';
import { formatReportMarkdown, formatReportText, type RunReport } from '../../../../src/lib/aggregation/report.ts';
import { parseState } from '../../../../src/lib/aggregation/state.ts';
import { rssDocument } from '../../../../src/lib/bench/feeds.ts';
import { aggregationWorkspace, twoStoryFeed } from '../../../helpers/aggregation-workspace.ts';
import { Publishers, rssRoute, type Route } from '../../../helpers/feed-publishers.ts';

/** Fixed, so a failure is the same on every run and machine; FC_SEED and FC_RUNS explore further. */
const RUN = {
  seed: Number(process.env.FC_SEED ?? 20261206),
  numRuns: Number(process.env.FC_RUNS ?? 25),
} as const;

/** Short, so that stalled answers cost little; long enough for a loaded machine to serve a small feed on 127.0.0.1. */
const TIMEOUT_MS = 500;
/** Small, so that a body over the cap is cheap to send. */
const MAX_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------------------------------
// What a misbehaving server may answer.

type TextEncoding = 'utf-8' | 'latin1' | 'windows-1252' | 'utf-16le' | 'utf-16be';
type Body = 'feed' | 'json-feed' | 'html' | 'empty' | 'truncated' | 'huge' | 'garbage-json' | 'binary';
type Compression = 'none' | 'gzip' | 'br' | 'deflate' | 'claims-gzip' | 'cut-gzip' | 'cut-br' | 'unknown-coding';
type Delivery = 'whole' | 'close-delimited' | 'chunked' | 'length-too-long' | 'length-too-short' | 'two-lengths' | 'silent' | 'stall' | 'drip' | 'reset';

interface BodyAnswer {
  kind: 'body';
  status: number;
  /** An informational answer sent before the final one. */
  prelude?: 100 | 101 | 103;
  body: Body;
  encoding: TextEncoding;
  bom: boolean;
  /** The Content-Type's charset parameter, which may lie. */
  charset?: string;
  /** The XML declaration's encoding, which may lie too; undefined: no declaration. */
  prolog?: string;
  contentType: string;
  compression: Compression;
  delivery: Delivery;
  headers: Array<[string, string]>;
}

interface ErrorAnswer {
  kind: 'error';
  status: number;
  reason: string;
  retryAfter: string[];
  html: boolean;
}

type RedirectEnd = 'feed' | 'feed-elsewhere' | 'relative' | 'loop' | 'self' | 'scheme' | 'https' | 'credentials' | 'no-location' | 'invalid' | 'error-elsewhere';

interface RedirectAnswer {
  kind: 'redirect';
  chain: number[];
  end: RedirectEnd;
  scheme: string;
}

interface NotModifiedAnswer {
  kind: 'not-modified';
  headers: Array<[string, string]>;
}

type Answer = BodyAnswer | ErrorAnswer | RedirectAnswer | NotModifiedAnswer;

const NOW = Date.parse('2026-12-01T12:00:00Z');
const httpDate = (at: number) => new Date(at).toUTCString();

const retryAfter: fc.Arbitrary<string[]> = fc.oneof(
  fc.constant<string[]>([]),
  fc.constantFrom('0', '1', '120', '3600', '-5', '1.5', '1e9', 'soon', '', '   ', '99999999999999999999', '9'.repeat(400)).map((value) => [value]),
  fc.integer({ min: -3 * 24 * 3600, max: 30 * 24 * 3600 }).map((seconds) => [httpDate(NOW + seconds * 1000)]),
  fc.constantFrom('Mon, 32 Foo 2026 99:99:99 GMT', 'Fri, 31 Dec 9999 23:59:59 GMT', 'Thu, 01 Jan 1970 00:00:00 GMT').map((value) => [value]),
  fc.constant(['120', '3600']).map((values) => [...values]),
);

const validatorHeaders = fc.array(
  fc.oneof(
    fc.constantFrom<[string, string]>(['etag', '"abc"'], ['etag', 'abc'], ['etag', 'W/"weak"'], ['etag', '""'], ['etag', '"a"b"'], ['etag', '*']),
    fc.constantFrom<[string, string]>(['last-modified', httpDate(NOW + 400 * 24 * 3600 * 1000)], ['last-modified', 'yesterday'], ['last-modified', httpDate(NOW - 3600 * 1000)]),
    fc.constantFrom<[string, string]>(['cache-control', 'max-age=31536000'], ['cache-control', 'max-age=abc'], ['cache-control', 'no-store'], ['expires', 'Fri, 31 Dec 9999 23:59:59 GMT'], ['age', '-3']),
    fc.constantFrom<[string, string]>(['content-type', 'text/html; charset=utf-8'], ['x-padding', 'a'.repeat(20_000)], ['x-empty', ''], ['set-cookie', 'a=b'], ['set-cookie', 'c=d']),
  ),
  { maxLength: 3 },
);

const bodyAnswer: fc.Arbitrary<BodyAnswer> = fc.record({
  kind: fc.constant('body' as const),
  status: fc.oneof({ weight: 6, arbitrary: fc.constant(200) }, { weight: 1, arbitrary: fc.constantFrom(201, 202, 203, 204, 206, 226, 299) }),
  prelude: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom<100 | 101 | 103>(100, 101, 103) }),
  body: fc.oneof({ weight: 4, arbitrary: fc.constantFrom<Body>('feed', 'feed', 'feed', 'json-feed') }, { weight: 3, arbitrary: fc.constantFrom<Body>('html', 'empty', 'truncated', 'huge', 'garbage-json', 'binary') }),
  encoding: fc.constantFrom<TextEncoding>('utf-8', 'latin1', 'windows-1252', 'utf-16le', 'utf-16be'),
  bom: fc.boolean(),
  charset: fc.option(fc.constantFrom('utf-8', 'UTF-8', 'iso-8859-1', 'windows-1252', 'utf-16', 'utf-16le', 'utf-16be', 'x-nonsense', '"utf-8"'), { nil: undefined }),
  prolog: fc.option(fc.constantFrom('UTF-8', 'ISO-8859-1', 'windows-1252', 'UTF-16', 'x-nonsense'), { nil: undefined }),
  contentType: fc.constantFrom('application/rss+xml', 'text/xml', 'application/xml', 'text/html', 'text/plain', 'application/octet-stream', 'application/json', ''),
  compression: fc.oneof({ weight: 3, arbitrary: fc.constant<Compression>('none') }, { weight: 2, arbitrary: fc.constantFrom<Compression>('gzip', 'br', 'deflate', 'claims-gzip', 'cut-gzip', 'cut-br', 'unknown-coding') }),
  delivery: fc.oneof({ weight: 4, arbitrary: fc.constantFrom<Delivery>('whole', 'close-delimited', 'chunked') }, { weight: 2, arbitrary: fc.constantFrom<Delivery>('length-too-long', 'length-too-short', 'two-lengths', 'reset') }, { weight: 1, arbitrary: fc.constantFrom<Delivery>('silent', 'stall', 'drip') }),
  headers: validatorHeaders,
});

const errorAnswer: fc.Arbitrary<ErrorAnswer> = fc.record({
  kind: fc.constant('error' as const),
  status: fc.constantFrom(300, 305, 306, 400, 401, 403, 404, 405, 407, 408, 410, 418, 429, 451, 499, 500, 502, 503, 504, 599, 600, 999),
  reason: fc.constantFrom('', 'Nope', 'Service Unavailable', 'Too Many Requests', 'Ümlaut reason', '\u202Eevil'),
  retryAfter,
  html: fc.boolean(),
});

const redirectAnswer: fc.Arbitrary<RedirectAnswer> = fc.record({
  kind: fc.constant('redirect' as const),
  chain: fc.array(fc.constantFrom(301, 302, 303, 307, 308), { minLength: 1, maxLength: 7 }),
  end: fc.constantFrom<RedirectEnd>('feed', 'feed-elsewhere', 'relative', 'loop', 'self', 'scheme', 'https', 'credentials', 'no-location', 'invalid', 'error-elsewhere'),
  scheme: fc.constantFrom('ftp://127.0.0.1/feed.xml', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/xml,<rss/>', 'mailto:desk@127.0.0.1', 'gopher://127.0.0.1/feed'),
});

const notModifiedAnswer: fc.Arbitrary<NotModifiedAnswer> = fc.record({ kind: fc.constant('not-modified' as const), headers: validatorHeaders });

const answer: fc.Arbitrary<Answer> = fc.oneof({ weight: 5, arbitrary: bodyAnswer }, { weight: 2, arbitrary: errorAnswer }, { weight: 2, arbitrary: redirectAnswer }, { weight: 1, arbitrary: notModifiedAnswer });

// ---------------------------------------------------------------------------------------------------------------
// Serving such answers byte for byte.

/** The feed a faulty source serves when it serves one: its headlines in letters each encoding can write. */
function feedOf(site: string, encoding: TextEncoding): { text: string; json: string; titles: string[] } {
  const latin = encoding === 'latin1';
  const titles = latin ? [`Café owners in Zürich cut prices (${site})`, `Señora García wins the Ödön prize (${site})`] : [`Café “owners” in Zürich cut prices — again (${site})`, `García’s prize: €5m for the Ödön trust (${site})`];
  const text = rssDocument({
    title: `Wire ${site}`,
    link: `https://${site}/`,
    items: titles.map((title, index) => ({ title, link: `https://${site}/story-${index}`, guid: `${site}-${index}`, description: `<p>${title}: the council said on Monday that work starts in spring.</p>`, publishedAt: new Date(NOW - (index + 1) * 3600_000) })),
  });
  const json = JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: `Wire ${site}`, items: titles.map((title, index) => ({ id: `${site}-${index}`, url: `https://${site}/story-${index}`, title, content_text: `${title}: the council said on Monday that work starts in spring.`, date_published: new Date(NOW - (index + 1) * 3600_000).toISOString() })) });
  return { text, json, titles };
}

const WINDOWS_1252: Record<string, number> = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94, '—': 0x97 };

function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  if (encoding === 'utf-8') return Buffer.concat([Buffer.from(bom ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
  if (encoding === 'latin1') return Buffer.from(text, 'latin1');
  if (encoding === 'windows-1252') return Buffer.from([...text].map((char) => WINDOWS_1252[char] ?? char.charCodeAt(0)));
  const little = Buffer.from(text, 'utf16le');
  const bytes = encoding === 'utf-16le' ? little : Buffer.from(little).swap16();
  const mark = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Buffer.concat([Buffer.from(bom ? mark : []), bytes]);
}

function bodyText(answer: BodyAnswer, site: string): { text: string; titles: string[] } {
  const feed = feedOf(site, answer.encoding);
  const withProlog = (text: string) => text.replace(/^<\?xml[^>]*\?>\n/, answer.prolog ? `<?xml version="1.0" encoding="${answer.prolog}"?>\n` : '');
  switch (answer.body) {
    case 'feed':
      return { text: withProlog(feed.text), titles: feed.titles };
    case 'json-feed':
      return { text: feed.json, titles: feed.titles };
    case 'html':
      return { text: '<!doctype html><html><head><title>Please enable cookies</title></head><body><p>Checking your browser…</p></body></html>', titles: [] };
    case 'empty':
      return { text: '', titles: [] };
    case 'truncated': {
      // Inside the second item's description: its first item is whole.
      const text = withProlog(feed.text);
      const second = text.indexOf('<item>', text.indexOf('</item>'));
      return { text: text.slice(0, text.indexOf('<description>', second) + 20), titles: [] };
    }
    case 'huge':
      return { text: withProlog(feed.text).replace('</channel>', `<!-- ${'x'.repeat(MAX_BYTES * 2)} --></channel>`), titles: [] };
    case 'garbage-json':
      return { text: '{"items": [{"title": "half', titles: [] };
    case 'binary':
      return { text: '\u0000\u0001\u0002PK\u0003\u0004\uFFFD\uFFFD', titles: [] };
  }
}

function compress(bytes: Buffer, compression: Compression): { bytes: Buffer; coding?: string } {
  switch (compression) {
    case 'none':
      return { bytes };
    case 'gzip':
      return { bytes: gzipSync(bytes), coding: 'gzip' };
    case 'br':
      return { bytes: brotliCompressSync(bytes), coding: 'br' };
    case 'deflate':
      return { bytes: deflateSync(bytes), coding: 'deflate' };
    case 'claims-gzip':
      return { bytes, coding: 'gzip' };
    case 'cut-gzip': {
      const whole = gzipSync(bytes);
      return { bytes: whole.subarray(0, Math.floor(whole.length * 0.6)), coding: 'gzip' };
    }
    case 'cut-br': {
      const whole = brotliCompressSync(bytes);
      return { bytes: whole.subarray(0, Math.floor(whole.length * 0.6)), coding: 'br' };
    }
    case 'unknown-coding':
      return { bytes, coding: 'x-squash' };
  }
}

/** Bytes written straight to the socket, so that nothing in Node's HTTP server tidies a broken answer; a final answer closes the connection. */
function head(status: number, reason: string, headers: ReadonlyArray<readonly [string, string]>): Buffer {
  const all = status < 200 ? headers : [...headers, ['connection', 'close'] as const];
  return Buffer.from(`HTTP/1.1 ${status} ${reason}\r\n${all.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n`, 'latin1');
}

const REASONS: Record<number, string> = { 100: 'Continue', 101: 'Switching Protocols', 103: 'Early Hints', 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect' };

/** A route that answers by writing to the socket itself. */
function rawRoute(write: (socket: Socket) => void): Route {
  return (_request, response) => {
    const socket = response.socket!;
    socket.on('error', () => {});
    write(socket);
  };
}

function bodyRoute(answer: BodyAnswer, site: string): Route {
  const { text } = bodyText(answer, site);
  const encoded = encodeText(text, answer.encoding, answer.bom);
  const { bytes, coding } = compress(encoded, answer.compression);
  const type = answer.contentType ? [['content-type', `${answer.contentType}${answer.charset ? `; charset=${answer.charset}` : ''}`] as const] : [];
  const headers: Array<readonly [string, string]> = [...type, ...(coding ? [['content-encoding', coding] as const] : []), ...answer.headers];
  const delivery = answer.delivery;
  const length = (value: number) => ['content-length', String(value)] as const;
  return rawRoute((socket) => {
    if (answer.prelude) socket.write(head(answer.prelude, REASONS[answer.prelude]!, answer.prelude === 103 ? [['link', '</style.css>; rel=preload']] : []));
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    switch (delivery) {
      case 'whole':
        return socket.end(Buffer.concat([head(answer.status, 'OK', [...headers, length(bytes.length)]), bytes]));
      case 'close-delimited':
        return socket.end(Buffer.concat([head(answer.status, 'OK', headers), bytes]));
      case 'chunked': {
        const chunks = [half, bytes.subarray(half.length)].filter((chunk) => chunk.length).map((chunk) => Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]));
        return socket.end(Buffer.concat([head(answer.status, 'OK', [...headers, ['transfer-encoding', 'chunked']]), ...chunks, Buffer.from('0\r\n\r\n')]));
      }
      case 'length-too-long':
        return socket.end(Buffer.concat([head(answer.status, 'OK', [...headers, length(bytes.length + 100)]), bytes]));
      case 'length-too-short':
        return socket.end(Buffer.concat([head(answer.status, 'OK', [...headers, length(Math.max(0, bytes.length - 50))]), bytes]));
      case 'two-lengths':
        return socket.end(Buffer.concat([head(answer.status, 'OK', [...headers, length(bytes.length), length(bytes.length + 7)]), bytes]));
      case 'silent':
        // The request taken, and no answer at all.
        return;
      case 'stall':
        // Half the body, then nothing until the client gives up.
        return void socket.write(Buffer.concat([head(answer.status, 'OK', [...headers, length(bytes.length)]), half]));
      case 'drip': {
        socket.write(head(answer.status, 'OK', [...headers, length(bytes.length)]));
        let sent = 0;
        const timer = setInterval(() => {
          if (sent < bytes.length) socket.write(bytes.subarray(sent, ++sent));
        }, 100);
        socket.on('close', () => clearInterval(timer));
        return;
      }
      case 'reset':
        socket.write(Buffer.concat([head(answer.status, 'OK', [...headers, length(bytes.length)]), half]), () => socket.resetAndDestroy());
        return;
    }
  });
}

function errorRoute(answer: ErrorAnswer): Route {
  const body = Buffer.from(answer.html ? '<html><body><h1>Sorry</h1></body></html>' : '');
  const headers: Array<[string, string]> = [...answer.retryAfter.map((value) => ['retry-after', value] as [string, string]), ['content-type', 'text/html'], ['content-length', String(body.length)]];
  return rawRoute((socket) => socket.end(Buffer.concat([head(answer.status, answer.reason, headers), body])));
}

function notModifiedRoute(answer: NotModifiedAnswer): Route {
  return rawRoute((socket) => socket.end(head(304, 'Not Modified', answer.headers)));
}

const redirect = (status: number, location: string | undefined): Route => rawRoute((socket) => socket.end(head(status, REASONS[status] ?? 'Redirect', location === undefined ? [['content-length', '0']] : [['location', location], ['content-length', '0']])));

/** Feeds that misbehave on host 0, a good feed on host 1, and host 2 where redirects lead. */
const FAULTY_HOST = 0;
const GOOD_HOST = 1;
const ELSEWHERE = 2;

/** Whether the feed in a body answer reaches the client whole: otherwise none of its items may be written. */
function arrivesWhole(answer: BodyAnswer): boolean {
  const cut: readonly string[] = ['length-too-long', 'length-too-short', 'two-lengths', 'silent', 'stall', 'drip', 'reset'];
  return answer.prelude !== 101 && answer.status !== 204 && !cut.includes(answer.delivery) && !['claims-gzip', 'cut-gzip', 'cut-br'].includes(answer.compression);
}

/**
 * The causes a failure of `answer` may be given, one or more for each way it breaks; none for an answer that gives
 * a whole feed, however its bytes are labelled, compressed or sent, which must then be read.
 */
function causesOf(answer: Answer): FailureCause[] {
  if (answer.kind === 'not-modified') return ['invalid-http'];
  if (answer.kind === 'error') {
    const byStatus: Record<number, FailureCause> = { 401: 'unauthorized', 407: 'unauthorized', 403: 'forbidden', 404: 'not-found', 410: 'gone', 429: 'rate-limited' };
    return [byStatus[answer.status] ?? (answer.status >= 500 ? 'server-error' : 'client-error')];
  }
  if (answer.kind === 'redirect') {
    if (answer.chain.length > 5) return ['bad-redirect'];
    const byEnd: Record<RedirectEnd, FailureCause[]> = { feed: [], 'feed-elsewhere': [], relative: [], loop: ['bad-redirect'], self: ['bad-redirect'], scheme: ['bad-redirect'], credentials: ['bad-redirect'], 'no-location': ['bad-redirect'], invalid: ['bad-redirect'], https: ['tls'], 'error-elsewhere': ['not-found'] };
    return byEnd[answer.end];
  }
  const causes: FailureCause[] = [];
  if (answer.prelude === 100 || answer.prelude === 101) causes.push('invalid-http');
  if (answer.headers.some(([name]) => name === 'x-padding')) causes.push('invalid-http');
  if (answer.status === 204) causes.push('unreadable-feed', 'invalid-http');
  // A body that stops short of its Content-Length and a connection that broke off mid-body look alike to the client.
  const cutShort: FailureCause[] = ['connection-dropped', 'invalid-http'];
  const byDelivery: Partial<Record<Delivery, FailureCause[]>> = { silent: ['timeout'], stall: ['timeout'], drip: ['timeout'], reset: cutShort, 'two-lengths': ['invalid-http'], 'length-too-long': cutShort, 'length-too-short': ['unreadable-feed', 'not-a-feed', 'invalid-http'] };
  causes.push(...(byDelivery[answer.delivery] ?? []));
  if (answer.compression === 'claims-gzip') causes.push('invalid-http');
  // fetch() decompresses without saying whether the compressed stream ended, so a stream cut short and a feed cut
  // short before it was compressed are told apart by a guess: whatever the cut text reads as, or the compression.
  const compressed = !['none', 'unknown-coding'].includes(answer.compression);
  if (answer.compression === 'cut-gzip' || answer.compression === 'cut-br') causes.push('invalid-http', 'unreadable-feed', 'not-a-feed');
  const byBody: Record<Body, FailureCause[]> = { feed: [], 'json-feed': [], html: ['not-a-feed'], empty: ['unreadable-feed'], truncated: compressed ? ['unreadable-feed', 'invalid-http'] : ['unreadable-feed'], huge: ['too-large'], 'garbage-json': ['unreadable-feed'], binary: ['not-a-feed', 'unreadable-feed'] };
  causes.push(...byBody[answer.body]);
  return causes;
}

interface Served {
  id: string;
  feed: string;
  /** The headlines the feed gives when it is read as served; none for answers that are no whole feed. */
  titles: string[];
  answer: Answer;
}

function serve(publishers: Publishers, prefix: string, id: string, answer: Answer): Served {
  const site = `${id}.${prefix}.example`;
  const path = (name: string) => `/${prefix}/${id}/${name}`;
  if (answer.kind === 'body') {
    const feed = publishers.route(FAULTY_HOST, path('feed.xml'), bodyRoute(answer, site));
    return { id, feed, titles: arrivesWhole(answer) ? bodyText(answer, site).titles : [], answer };
  }
  if (answer.kind === 'error') return { id, feed: publishers.route(FAULTY_HOST, path('feed.xml'), errorRoute(answer)), titles: [], answer };
  if (answer.kind === 'not-modified') return { id, feed: publishers.route(FAULTY_HOST, path('feed.xml'), notModifiedRoute(answer)), titles: [], answer };
  const hops = answer.chain.map((_, index) => `http://${publishers.hosts[FAULTY_HOST]}${path(`hop-${index}`)}`);
  const good = feedOf(site, 'utf-8');
  let end: string | undefined;
  let titles: string[] = [];
  switch (answer.end) {
    case 'feed':
      end = publishers.route(FAULTY_HOST, path('moved.xml'), rssRoute(good.text));
      titles = good.titles;
      break;
    case 'feed-elsewhere':
      end = publishers.route(ELSEWHERE, path('moved.xml'), rssRoute(good.text));
      titles = good.titles;
      break;
    case 'relative':
      publishers.route(FAULTY_HOST, path('moved.xml'), rssRoute(good.text));
      end = 'moved.xml';
      titles = good.titles;
      break;
    case 'loop':
      end = hops[0];
      break;
    case 'self':
      end = hops.at(-1);
      break;
    case 'scheme':
      end = answer.scheme;
      break;
    case 'https':
      end = `https://${publishers.hosts[ELSEWHERE]}${path('feed.xml')}`;
      break;
    case 'credentials':
      end = `http://editor:secret@${publishers.hosts[ELSEWHERE]}${path('feed.xml')}`;
      break;
    case 'no-location':
      end = undefined;
      break;
    case 'invalid':
      end = 'http://exa mple/feed.xml';
      break;
    case 'error-elsewhere':
      end = publishers.route(ELSEWHERE, path('gone.xml'), (_request, response) => response.writeHead(404).end());
      break;
  }
  // Past the redirects followed, the chain is cut short by the client: what it leads to is never read.
  if (answer.chain.length > 5) titles = [];
  answer.chain.forEach((status, index) => publishers.route(FAULTY_HOST, path(`hop-${index}`), redirect(status, index + 1 < hops.length ? hops[index + 1] : end)));
  return { id, feed: hops[0]!, titles, answer };
}

// ---------------------------------------------------------------------------------------------------------------

/** Every file under `folder`, relative to `root`. */
function filesUnder(folder: string, root: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function checkRun(report: RunReport, served: readonly Served[], good: { id: string; titles: string[] }, stateText: string, first: boolean): void {
  expect(report.sources.map((source) => source.id)).toEqual([...served.map((source) => source.id), good.id]);
  const state = parseState(stateText, '.aggregate-state.json');
  const text = formatReportText(report);
  const markdown = formatReportMarkdown(report);
  for (const shown of [text, markdown, stateText]) expect(shown).not.toContain('secret');

  const goodReport = report.sources.find((source) => source.id === good.id)!;
  if (first) expect(goodReport, 'the good feed beside the faulty ones is read').toMatchObject({ result: 'fetched', newItems: good.titles.map((title) => expect.objectContaining({ title })) });
  else expect(['not-modified', 'fetched', 'fresh']).toContain(goodReport.result);

  for (const source of report.sources) {
    const known = served.find((candidate) => candidate.id === source.id) ?? good;
    const causes = 'answer' in known ? causesOf(known.answer as Answer) : [];
    if (source.result === 'failed') {
      expect(source.error, `${source.id} failed without saying why`).toBeTruthy();
      expect(source.error!, `${source.id}'s error holds control characters`).not.toMatch(CONTROL);
      expect(text).toMatch(new RegExp(`^  ${source.id} +failed: `, 'm'));
      const cause = state.sources[source.id]?.lastError?.cause;
      expect(causes, `${source.id} failed with "${source.error}", given the cause ${cause}`).toContain(cause);
      expect(failureAdvice(cause)).toBeTruthy();
    }
    // A whole feed is read, however it is labelled or sent, unless its host kept it from being asked.
    if (first && !causes.length) expect(['fetched', 'not-asked'], `${source.id}: ${source.error}`).toContain(source.result);
    if (causes.length) expect(source.newItems, `${source.id} wrote items from an answer that is no whole feed`).toEqual([]);
    if (source.result === 'not-asked') expect(source.notAskedBecause).toBeTruthy();
    if (source.result === 'backing-off') expect(source.until).toBeTruthy();
    for (const item of source.newItems) expect(known.titles, `${source.id} wrote “${item.title}”, which its feed does not say`).toContain(item.title);
  }
}

describe('the aggregator against servers that misbehave in every way fast-check finds', () => {
  const publishers = new Publishers();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(async () => {
    await publishers.start(3);
    process.on('unhandledRejection', onRejection);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await publishers.close();
  });

  it('ends each run, names every failing source with a cause, reads the good feed beside them, and keeps the state and content whole', async () => {
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 3 }), async (answers) => {
        const prefix = `case-${counter++}`;
        const workspace = aggregationWorkspace();
        try {
          const served = answers.map((answer, index) => serve(publishers, prefix, `faulty-${index}`, answer));
          const goodSite = `good.${prefix}.example`;
          const good = { id: 'good', feed: publishers.route(GOOD_HOST, `/${prefix}/good.xml`, rssRoute(twoStoryFeed(goodSite))), titles: ['Harbour cranes go electric', 'Rail freight doubles on the northern line'].map((title) => `${title} (${goodSite})`) };
          workspace.writeSources([...served, good]);
          const written = new Set<string>();
          for (const [index, at] of ['2026-12-01T12:00:00Z', '2026-12-03T12:00:00Z'].entries()) {
            const report = await workspace.run(new Date(at), undefined, { timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES });
            for (const item of report.sources.flatMap((source) => source.newItems)) written.add(item.file);
            const stateText = readFileSync(join(workspace.folder, '.aggregate-state.json'), 'utf8');
            checkRun(report, served, good, stateText, index === 0);
            // content/ holds the articles the reports name, each whole, and nothing else.
            const files = filesUnder(join(workspace.folder, 'articles'), workspace.folder);
            expect(new Set(files)).toEqual(written);
            for (const file of files) expect(matter(readFileSync(join(workspace.folder, file), 'utf8')).data.title).toBeTruthy();
          }
          expect(rejections).toEqual([]);
        } finally {
          rmSync(workspace.folder, { recursive: true, force: true });
        }
      }),
      RUN,
    );
  }, 120_000);
});
