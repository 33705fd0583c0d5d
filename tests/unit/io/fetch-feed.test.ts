import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFeedBytes, fetchFeed, FetchError, readFeedFile } from '../../../src/io/fetch-feed.ts';
import { parseFeedText } from '../../../src/lib/authoring/import/parse-feed.ts';
import { closedPort } from '../../helpers/feed-publishers.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const rss = readFileSync(join(projectRoot, 'tests/fixtures/feeds/rss2.xml'));
const page = readFileSync(join(projectRoot, 'tests/fixtures/feeds/not-a-feed.html'));
/** The fixture as a UTF-16 publisher sends it: a byte-order mark, then the text, the prolog saying UTF-16. */
const utf16 = (byteOrder: 'le' | 'be') => {
  const bytes = Buffer.from(`\uFEFF${rss.toString('utf8').replace('encoding="UTF-8"', 'encoding="UTF-16"')}`, 'utf16le');
  return byteOrder === 'le' ? bytes : bytes.swap16();
};

/** A one-item feed whose headline holds "é", in `encoding`, its prolog naming `declared` (none when undefined). */
const legacy = (encoding: BufferEncoding, declared?: string) =>
  Buffer.from(`<?xml version="1.0"${declared ? ` encoding="${declared}"` : ''}?><rss version="2.0"><channel><title>T</title><item><title>Café</title><link>https://x.example/a</link></item></channel></rss>`, encoding);

/** A one-item feed whose headline is `headline`'s bytes, its prolog naming `declared` (none when undefined). */
const encodedHeadline = (headline: readonly number[], declared?: string) =>
  Buffer.concat([Buffer.from(`<?xml version="1.0"${declared ? ` encoding="${declared}"` : ''}?><rss version="2.0"><channel><title>T</title><item><title>`), Buffer.from(headline), Buffer.from('</title><link>https://x.example/a</link></item></channel></rss>')]);
/** 日本 in Shift_JIS, 한국 in EUC-KR. */
const japanInShiftJis = [0x93, 0xfa, 0x96, 0x7b];
const koreaInEucKr = [0xc7, 0xd1, 0xb1, 0xb9];

/** A JSON Feed, in UTF-8 as JSON always is, whose headline holds "é" and "’". */
const jsonFeed = Buffer.from(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [{ id: 'a', url: 'https://x.example/a', title: 'Café’s menu', content_text: 'Text.' }] }), 'utf8');

let server: Server;
let origin: string;

/** A publisher's server, misbehaving in every way the importer must survive. Loopback only. */
beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    const redirect = (status: number, location: string) => response.writeHead(status, { location }).end();
    if (path === '/feed.xml') return response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(rss);
    if (path === '/old-feed') return redirect(301, '/feed.xml');
    // Moved for good, then sent on for now: the chain is not a permanent move.
    if (path === '/via-temporary') return redirect(308, '/for-now');
    if (path === '/for-now') return redirect(302, '/old-feed');
    if (path === '/loop-a') return redirect(302, '/loop-b');
    if (path === '/loop-b') return redirect(302, `${origin}/loop-a`);
    if (path.startsWith('/chain/')) return redirect(307, `/chain/${Number(path.slice(7)) + 1}`);
    if (path === '/to-file') return redirect(302, 'file:///etc/passwd');
    if (path === '/bad-location') return redirect(302, 'http://[feeds.example/rss');
    if (path === '/to-credentials') return redirect(302, `http://reader:s3cret@${request.headers.host}/feed.xml`);
    // The header's charset is wrong, as some servers' is: the byte-order mark decides.
    if (path === '/utf-16le') return response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(utf16('le'));
    if (path === '/utf-16be') return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(utf16('be'));
    if (path === '/prolog-latin1') return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(legacy('latin1', 'ISO-8859-1'));
    if (path === '/header-latin1') return response.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' }).end(legacy('latin1'));
    // Declarations that disagree: the one the bytes are valid in wins; an unknown name is passed over.
    if (path === '/utf8-header-latin1-body') return response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(legacy('latin1', 'ISO-8859-1'));
    if (path === '/latin1-header-utf8-body') return response.writeHead(200, { 'content-type': 'text/xml; charset=iso-8859-1' }).end(legacy('utf8', 'UTF-8'));
    // A server's default charset over a feed whose prolog names no encoding, which XML reads as UTF-8.
    if (path === '/latin1-header-undeclared-utf8-body') return response.writeHead(200, { 'content-type': 'text/xml; charset=iso-8859-1' }).end(legacy('utf8'));
    if (path === '/shift-jis-header') return response.writeHead(200, { 'content-type': 'text/xml; charset=Shift_JIS' }).end(encodedHeadline(japanInShiftJis));
    if (path === '/shift-jis-prolog-utf8-header') return response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(encodedHeadline(japanInShiftJis, 'Shift_JIS'));
    if (path === '/euc-kr-prolog-latin1-header') return response.writeHead(200, { 'content-type': 'text/xml; charset=ISO-8859-1' }).end(encodedHeadline(koreaInEucKr, 'EUC-KR'));
    if (path === '/euc-kr-header-windows-1252-prolog') return response.writeHead(200, { 'content-type': 'text/xml; charset=euc-kr' }).end(encodedHeadline(koreaInEucKr, 'windows-1252'));
    // A prolog (and a server) copied from an older template, over a feed now written in UTF-8.
    if (path === '/latin1-prolog-utf8-body') return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(legacy('utf8', 'ISO-8859-1'));
    if (path === '/latin1-everywhere-utf8-body') return response.writeHead(200, { 'content-type': 'text/xml; charset=ISO-8859-1' }).end(legacy('utf8', 'windows-1252'));
    // A server's default charset over a Cyrillic feed whose prolog names its own.
    if (path === '/latin1-header-windows-1251-prolog') return response.writeHead(200, { 'content-type': 'text/xml; charset=ISO-8859-1' }).end(encodedHeadline([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8], 'windows-1251'));
    if (path === '/windows-1251-header-latin1-prolog') return response.writeHead(200, { 'content-type': 'text/xml; charset=windows-1251' }).end(encodedHeadline([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8], 'ISO-8859-1'));
    if (path === '/utf-16le-unmarked') return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(legacy('utf16le', 'UTF-16'));
    if (path === '/utf-16-prolog-utf-8-body') return response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(legacy('utf8', 'UTF-16'));
    if (path === '/utf8-with-windows-1252-bytes') return response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(encodedHeadline([...Buffer.from('Naïve '), 0x93, ...Buffer.from('caf'), 0xe9, 0x94]));
    if (path === '/shift-jis-header-utf8-body') return response.writeHead(200, { 'content-type': 'text/xml; charset=Shift_JIS' }).end(encodedHeadline([...Buffer.from('Café — 日本のニュース')], 'Shift_JIS'));
    if (path === '/shift-jis-broken') return response.writeHead(200, { 'content-type': 'text/xml; charset=Shift_JIS' }).end(encodedHeadline([...japanInShiftJis, 0x85, 0x40, 0xfd]));
    if (path === '/json-latin1-header') return response.writeHead(200, { 'content-type': 'application/feed+json; charset=ISO-8859-1' }).end(jsonFeed);
    if (path === '/unknown-charset') return response.writeHead(200, { 'content-type': 'application/rss+xml; charset=x-no-such' }).end(legacy('latin1', 'ISO-8859-1'));
    if (path === '/page') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    if (path === '/plain-page') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.toString('utf8').replace(/<link rel="alternate"[^>]*>/, ''));
    if (path === '/home') return response.writeHead(200, { 'content-type': 'text/html' }).end(page.toString('utf8').replace('href="/feed/"', 'href="/old-feed"'));
    if (path === '/removed') return response.writeHead(410, { 'content-type': 'text/plain' }).end('gone for good');
    if (path === '/missing') return response.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    // Written raw: Node's own server refuses to send control characters in a reason phrase, as other servers may.
    if (path === '/escaped-reason') return void request.socket.end('HTTP/1.1 500 Oops\u001b[2J\u001b]0;owned\u0007\r\ncontent-length: 0\r\n\r\n');
    if (path === '/tagged') {
      if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304, { etag: '"v1"' }).end();
      return response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss);
    }
    if (path === '/always-unchanged') return response.writeHead(304).end();
    if (path === '/busy') return response.writeHead(429, { 'retry-after': '120' }).end();
    if (path === '/proxy-login') return response.writeHead(407, { 'proxy-authenticate': 'Basic realm="feeds"' }).end();
    if (path === '/slow') return; // never answers
    if (path === '/slow-body') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      return; // the rest never comes
    }
    if (path === '/broken-off') {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      return setTimeout(() => response.socket?.destroy(), 20);
    }
    if (path === '/hangs-up') return request.socket.destroy();
    if (path === '/not-brotli') return response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br' }).end(rss);
    if (path === '/not-gzip') return response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(rss);
    if (path === '/huge-declared') return response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(50 * 1024 * 1024) }).end();
    if (path === '/huge') {
      // 50 MB of feed, streamed without a length; the client must stop reading long before the end.
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'A');
      let sent = 0;
      const pump = () => {
        while (sent < 50) {
          sent++;
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        response.end();
      };
      response.on('error', () => {});
      return pump();
    }
    response.writeHead(500).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

async function fetchError(path: string, options: Parameters<typeof fetchFeed>[1] = {}): Promise<string> {
  try {
    await fetchFeed(path.includes('://') ? path : `${origin}${path}`, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return (error as Error).message;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('fetchFeed', () => {
  it('fetches a feed and reports its content type', async () => {
    const document = await fetchFeed(`${origin}/feed.xml`);
    expect(document.url).toBe(`${origin}/feed.xml`);
    expect(document.contentType).toBe('application/rss+xml; charset=utf-8');
    expect(document.text).toBe(rss.toString('utf8'));
  });

  it('treats options passed as undefined as the defaults, not as no limit', async () => {
    expect((await fetchFeed(`${origin}/feed.xml`, { timeoutMs: undefined, maxBytes: undefined, maxRedirects: undefined })).text).toBe(rss.toString('utf8'));
  });

  it('follows a redirect and reports the final URL, and whether every redirect on the way was permanent', async () => {
    expect(await fetchFeed(`${origin}/old-feed`)).toMatchObject({ url: `${origin}/feed.xml`, movedPermanently: true });
    expect(await fetchFeed(`${origin}/via-temporary`)).toMatchObject({ url: `${origin}/feed.xml`, movedPermanently: false });
    expect(await fetchFeed(`${origin}/feed.xml`)).not.toHaveProperty('movedPermanently');
  });

  it('stops at a redirect loop', async () => {
    expect(await fetchError('/loop-a')).toBe(`redirect loop: ${origin}/loop-b sends the request back to ${origin}/loop-a`);
  });

  it('stops after too many redirects', async () => {
    expect(await fetchError('/chain/1', { maxRedirects: 3 })).toBe(`too many redirects (more than 3) starting at ${origin}/chain/1`);
  });

  it('refuses redirects and addresses that are not http(s)', async () => {
    expect(await fetchError('/to-file')).toBe(`${origin}/to-file redirects (302) to file:///etc/passwd, which is not an http(s) URL; only http:// and https:// feeds can be fetched`);
    expect(await fetchError('ftp://127.0.0.1/feed.xml')).toContain('is not an http(s) URL');
  });

  it('fails a redirect to an address that is not a URL, naming it', async () => {
    expect(await fetchError('/bad-location')).toBe(`${origin}/bad-location redirects (302) to "http://[feeds.example/rss", which is not a valid address; ask the publisher for the feed's new address`);
  });

  it('refuses an address holding a user name or password, without printing the password', async () => {
    for (const path of [`http://reader:s3cret@${origin.slice('http://'.length)}/feed.xml`, '/to-credentials']) {
      const message = await fetchError(path);
      expect(message).toBe(`http://reader:***@${origin.slice('http://'.length)}/feed.xml holds a user name or password; feeds are fetched without credentials, so ask the publisher for a public feed address`);
    }
  });

  it('gives up on a server that never answers', async () => {
    expect(await fetchError('/slow', { timeoutMs: 300 })).toBe(`${origin}/slow did not answer within 0.3 s (timed out)`);
  });

  it('gives up on a body that never finishes', async () => {
    expect(await fetchError('/slow-body', { timeoutMs: 300 })).toBe(`${origin}/slow-body answered, but did not send the whole feed within 0.3 s (timed out)`);
  });

  it('says a feed broke off while it was read, not that the server could not be reached', async () => {
    expect(await fetchError('/broken-off')).toBe(`${origin}/broken-off answered, but reading the feed broke off (the server closed the connection)`);
  });

  it("says a body not compressed as its Content-Encoding says is the server's fault at every request, not a broken connection", async () => {
    for (const [path, encoding] of [['/not-gzip', 'gzip'], ['/not-brotli', 'br']]) {
      const error = await fetchFeed(`${origin}${path}`).then(
        () => undefined,
        (failure: unknown) => failure as FetchError,
      );
      expect(error).toBeInstanceOf(FetchError);
      expect(error?.message).toMatch(new RegExp(`^${origin}${path} answered with a body that is not compressed as its Content-Encoding \\(${encoding}\\) says \\(.+\\); the publisher's server must fix it$`));
      expect(error?.failureCause).toBe('invalid-http');
    }
  });

  it('says a server that took the request and hung up without answering was reached, not that it could not be', async () => {
    expect(await fetchError('/hangs-up')).toBe(`${origin}/hangs-up: the server took the request but closed the connection without answering`);
  });

  it('stops reading a body past the size cap', async () => {
    expect(await fetchError('/huge', { maxBytes: 1024 * 1024 })).toBe(`${origin}/huge sent more than 1 MB, larger than a feed may be; stopped reading`);
  });

  it('refuses a declared length past the cap before reading', async () => {
    expect(await fetchError('/huge-declared')).toBe(`${origin}/huge-declared is 50 MB, larger than the 10 MB a feed may be`);
  });

  it('reports HTTP errors and unreachable hosts', async () => {
    expect(await fetchError('/missing')).toBe(`${origin}/missing answered 404 Not Found`);
    // A reason phrase is the server's text: terminal escapes in it must not reach the report or the state file.
    expect(await fetchError('/escaped-reason')).toBe(`${origin}/escaped-reason answered 500 Oops[2J]0;owned`);
    expect(await fetchError('/removed')).toBe(`${origin}/removed answered 410 Gone: the publisher has removed this feed for good; use its new address, or stop following it`);
    // fetch() hides a 407 behind a network error without a reason: it is still the server's answer, not an unreachable host.
    expect(await fetchError('/proxy-login')).toBe(`${origin}/proxy-login answered 407 Proxy Authentication Required`);
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    expect(await fetchError(`http://127.0.0.1:${port}/feed.xml`)).toBe(`could not reach 127.0.0.1:${port}: the connection was refused (is the address right, and the server up?)`);
  });

  it('says a server that answered with broken HTTP answered, rather than that it could not be reached', async () => {
    const broken = createNetServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nBad Header\r\nContent-Length: 2\r\n\r\nhi')));
    await new Promise<void>((done) => broken.listen(0, '127.0.0.1', done));
    const address = `http://127.0.0.1:${(broken.address() as AddressInfo).port}/feed.xml`;
    try {
      expect(await fetchError(address)).toBe(`${address} answered with something that is not valid HTTP (Invalid header token); the publisher's server must fix it`);
    } finally {
      await new Promise((done) => broken.close(done));
    }
  });

  it('says a server whose headers are too large, or whose body contradicts its Content-Length, answered with broken HTTP', async () => {
    const answers: Record<string, string> = {
      '/huge-headers': `HTTP/1.1 200 OK\r\nX-Padding: ${'a'.repeat(100_000)}\r\nContent-Length: 0\r\n\r\n`,
      '/two-lengths': 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!',
    };
    const broken = createNetServer((socket) => socket.on('error', () => {}).once('data', (request) => socket.end(answers[request.toString().split(' ')[1]!])));
    await new Promise<void>((done) => broken.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(broken.address() as AddressInfo).port}`;
    try {
      expect(await fetchError(`${origin}/huge-headers`)).toBe(`${origin}/huge-headers answered with something that is not valid HTTP (its headers are larger than a client accepts); the publisher's server must fix it`);
      expect(await fetchError(`${origin}/two-lengths`)).toBe(`${origin}/two-lengths answered with something that is not valid HTTP (its body is not as long as its Content-Length says); the publisher's server must fix it`);
    } finally {
      await new Promise((done) => broken.close(done));
    }
  });

  it('says a server that sends 100 Continue unasked answered with broken HTTP, rather than that it closed the connection without answering', async () => {
    const continuing = createNetServer((socket) => socket.on('error', () => {}).once('data', () => socket.end('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi')));
    await new Promise<void>((done) => continuing.listen(0, '127.0.0.1', done));
    const address = `http://127.0.0.1:${(continuing.address() as AddressInfo).port}/feed.xml`;
    try {
      expect(await fetchError(address)).toBe(`${address} answered with something that is not valid HTTP (a 100 Continue before its answer, which the request did not ask for); the publisher's server must fix it`);
      expect(await failureCause(address)).toBe('invalid-http');
    } finally {
      await new Promise((done) => continuing.close(done));
    }
  });

  it('says a server that switches protocols (101) unasked answered with broken HTTP, rather than that it could not be reached', async () => {
    const switching = createNetServer((socket) => socket.on('error', () => {}).once('data', () => socket.end('HTTP/1.1 101 Switching Protocols\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi')));
    await new Promise<void>((done) => switching.listen(0, '127.0.0.1', done));
    const address = `http://127.0.0.1:${(switching.address() as AddressInfo).port}/feed.xml`;
    try {
      expect(await fetchError(address)).toBe(`${address} answered with something that is not valid HTTP (it switched protocols (101) though the request asked for no upgrade); the publisher's server must fix it`);
      expect(await failureCause(address)).toBe('invalid-http');
    } finally {
      await new Promise((done) => switching.close(done));
    }
  });
});

/** The cause fetchFeed gives a failure, for the aggregator's advice. */
async function failureCause(path: string, options: Parameters<typeof fetchFeed>[1] = {}): Promise<string | undefined> {
  try {
    await fetchFeed(path.includes('://') ? path : `${origin}${path}`, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FetchError);
    return (error as FetchError).failureCause;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('fetchFeed: the cause of each failure', () => {
  it('is told by the status of an error answer', async () => {
    expect(await failureCause('/missing')).toBe('not-found');
    expect(await failureCause('/removed')).toBe('gone');
    expect(await failureCause('/busy')).toBe('rate-limited');
    expect(await failureCause('/proxy-login')).toBe('unauthorized');
    expect(await failureCause('/escaped-reason')).toBe('server-error');
  });

  it('is a timeout whether the server never answered or never finished the body', async () => {
    expect(await failureCause('/slow', { timeoutMs: 300 })).toBe('timeout');
    expect(await failureCause('/slow-body', { timeoutMs: 300 })).toBe('timeout');
  });

  it('tells a dropped connection from broken HTTP, a refused connection and a feed too large', async () => {
    expect(await failureCause('/hangs-up')).toBe('connection-dropped');
    expect(await failureCause('/broken-off')).toBe('connection-dropped');
    expect(await failureCause(`http://127.0.0.1:${await closedPort()}/feed.xml`)).toBe('refused');
    expect(await failureCause('/huge', { maxBytes: 1024 * 1024 })).toBe('too-large');
    expect(await failureCause('/huge-declared')).toBe('too-large');
    const broken = createNetServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nBad Header\r\nContent-Length: 2\r\n\r\nhi')));
    await new Promise<void>((done) => broken.listen(0, '127.0.0.1', done));
    try {
      expect(await failureCause(`http://127.0.0.1:${(broken.address() as AddressInfo).port}/feed.xml`)).toBe('invalid-http');
    } finally {
      await new Promise((done) => broken.close(done));
    }
  });

  it('is a bad redirect for a redirect that leads nowhere a feed can be, and a bad address for a feed: line that is not one', async () => {
    for (const path of ['/loop-a', '/to-file', '/bad-location', '/to-credentials']) expect(await failureCause(path)).toBe('bad-redirect');
    expect(await failureCause('/chain/1', { maxRedirects: 3 })).toBe('bad-redirect');
    expect(await failureCause('ftp://127.0.0.1/feed.xml')).toBe('bad-address');
    expect(await failureCause(`http://reader:s3cret@${origin.slice('http://'.length)}/feed.xml`)).toBe('bad-address');
  });

  it('is a certificate problem for a server whose certificate fails verification', async () => {
    // A self-signed certificate for 127.0.0.1, made once (openssl req -x509 -days 36500) and kept with the fixtures.
    const tls = resolve(import.meta.dirname, '../../fixtures/tls');
    const secure = createHttpsServer({ key: readFileSync(join(tls, 'self-signed-key.pem')), cert: readFileSync(join(tls, 'self-signed-cert.pem')) }, (_request, response) => response.end(rss));
    await new Promise<void>((done) => secure.listen(0, '127.0.0.1', done));
    const address = `https://127.0.0.1:${(secure.address() as AddressInfo).port}/feed.xml`;
    try {
      expect(await failureCause(address)).toBe('tls');
      expect(await fetchError(address)).toBe(`could not reach 127.0.0.1:${(secure.address() as AddressInfo).port}: its TLS certificate was rejected (DEPTH_ZERO_SELF_SIGNED_CERT)`);
    } finally {
      secure.closeAllConnections();
      await new Promise((done) => secure.close(done));
    }
  });

  it('is an address whose server does not speak TLS for https:// on a port that serves plain HTTP, not a certificate problem', async () => {
    const plain = createServer((_request, response) => response.end(rss));
    await new Promise<void>((done) => plain.listen(0, '127.0.0.1', done));
    const port = (plain.address() as AddressInfo).port;
    const address = `https://127.0.0.1:${port}/feed.xml`;
    try {
      expect(await failureCause(address)).toBe('not-tls');
      expect(await fetchError(address)).toBe(`could not reach 127.0.0.1:${port}: the server at that address does not answer in TLS, as https:// asks (ERR_SSL_WRONG_VERSION_NUMBER): is the address meant to be http://, or on another port?`);
    } finally {
      plain.closeAllConnections();
      await new Promise((done) => plain.close(done));
    }
  });
});

describe('feeds encoded as UTF-16', () => {
  const headline = 'Chipmakers race to ship 2 nm parts before the year’s end';

  it('decodes either byte order by its byte-order mark, over the charset the server declares', async () => {
    for (const path of ['/utf-16le', '/utf-16be']) {
      const feed = parseFeedText((await fetchFeed(`${origin}${path}`)).text);
      expect(feed.title).toBe('The Circuit Ledger');
      expect(feed.entries[0]!.title).toBe(headline);
    }
  });

  it('decodes UTF-16 without a byte-order mark by its opening "<?"', async () => {
    const document = await fetchFeed(`${origin}/utf-16le-unmarked`);
    expect(parseFeedText(document.text).entries[0]!.title).toBe('Café');
    expect(document).not.toHaveProperty('encodingWarning');
  });

  it('decodes UTF-16 without a byte-order mark or XML declaration, whatever charset the server declares', () => {
    const undeclared = rss.toString('utf8').replace(/^<\?xml[^>]*\?>\s*/, '');
    for (const byteOrder of ['le', 'be'] as const) {
      const little = Buffer.from(undeclared, 'utf16le');
      const bytes = byteOrder === 'le' ? little : little.swap16();
      for (const contentType of [undefined, 'application/rss+xml; charset=utf-16', 'application/rss+xml; charset=utf-8']) {
        const document = decodeFeedBytes(bytes, contentType);
        expect(parseFeedText(document.text).entries[0]!.title).toBe(headline);
      }
    }
  });

  it('decodes a UTF-16 file by its byte-order mark', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-utf16-'));
    try {
      for (const byteOrder of ['le', 'be'] as const) {
        const file = join(folder, `feed-${byteOrder}.xml`);
        writeFileSync(file, utf16(byteOrder));
        expect(parseFeedText((await readFeedFile(file)).text).entries[0]!.title).toBe(headline);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('feeds in legacy encodings', () => {
  it.each(['/prolog-latin1', '/header-latin1', '/utf8-header-latin1-body', '/latin1-header-utf8-body', '/latin1-header-undeclared-utf8-body', '/unknown-charset', '/utf-16-prolog-utf-8-body'])('decodes %s by the declaration its bytes match', async (path) => {
    expect(parseFeedText((await fetchFeed(`${origin}${path}`)).text).entries[0]!.title).toBe('Café');
  });

  it.each([
    ['/shift-jis-header', '日本'],
    ['/shift-jis-prolog-utf8-header', '日本'],
    ['/euc-kr-prolog-latin1-header', '한국'],
    ['/euc-kr-header-windows-1252-prolog', '한국'],
  ])('decodes %s by the multi-byte declaration its bytes are valid in, over a single-byte one every byte is', async (path, headline) => {
    expect(parseFeedText((await fetchFeed(`${origin}${path}`)).text).entries[0]!.title).toBe(headline);
  });

  it("reads a feed behind a PHP warning its server printed first in the encoding its prolog names, warning only of that text", () => {
    const warning = Buffer.from('<br />\n<b>Warning</b>:  Undefined variable $feed in <b>/var/www/feed.php</b> on line <b>12</b><br />\n');
    for (const contentType of [undefined, 'text/xml; charset=UTF-8']) {
      const decoded = decodeFeedBytes(Buffer.concat([warning, legacy('latin1', 'ISO-8859-1')]), contentType);
      expect(decoded, contentType).not.toHaveProperty('encodingWarning');
      const feed = parseFeedText(decoded.text);
      expect(feed.entries[0]!.title).toBe('Café');
      expect(feed.warnings).toEqual([
        "malformed XML at line 3: 101 characters of other text before the XML declaration, left out; the publisher's server prints them before the feed (a PHP warning, most often) and should not",
      ]);
    }
    // Its prolog is named as written, when the bytes are not what it says.
    expect(decodeFeedBytes(Buffer.concat([warning, legacy('utf8', 'ISO-8859-1')])).encodingWarning).toBe('it declares WINDOWS-1252, but its bytes are UTF-8, so it was read as UTF-8; the publisher should declare its encoding as UTF-8');
  });

  it('decodes a Latin-1 feed whose server says charset=utf-16, which its bytes cannot be, by its other declarations', () => {
    // An even number of bytes, which UTF-16 reads without a byte left over, and an odd one.
    for (const contentType of ['application/rss+xml; charset=utf-16be', 'text/xml; charset=UTF-16']) {
      for (const end of ['\n', '\n\n']) {
        for (const declared of [undefined, 'ISO-8859-1']) {
          const bytes = Buffer.concat([legacy('latin1', declared), Buffer.from(end)]);
          expect(parseFeedText(decodeFeedBytes(bytes, contentType).text).entries[0]!.title).toBe('Café');
        }
      }
    }
  });

  it.each(['/latin1-header-windows-1251-prolog', '/windows-1251-header-latin1-prolog'])('decodes %s by the single-byte encoding other than Latin-1, the charset servers default to', async (path) => {
    const document = await fetchFeed(`${origin}${path}`);
    expect(parseFeedText(document.text).entries[0]!.title).toBe('Новости');
    expect(document).not.toHaveProperty('encodingWarning');
  });
});

describe('feeds whose bytes fit none of their declared encodings', () => {
  it('reads UTF-8 with stray Windows-1252 bytes (a headline pasted from an older system) without U+FFFD, and says so', async () => {
    const document = await fetchFeed(`${origin}/utf8-with-windows-1252-bytes`);
    expect(parseFeedText(document.text).entries[0]!.title).toBe('Naïve “café”');
    expect(document.encodingWarning).toBe('its bytes are not valid in the encoding it declares (UTF-8): 3 bytes are not UTF-8 and were read as WINDOWS-1252; the publisher should serve the whole feed in UTF-8');
  });

  it('reads a feed labelled Shift_JIS but written in UTF-8 as UTF-8, and says so', async () => {
    const document = await fetchFeed(`${origin}/shift-jis-header-utf8-body`);
    expect(parseFeedText(document.text).entries[0]!.title).toBe('Café — 日本のニュース');
    expect(document.encodingWarning).toBe('its bytes are not valid in the encoding it declares (SHIFT_JIS) but are valid UTF-8, so it was read as UTF-8; the publisher should declare its encoding as UTF-8');
  });

  it.each([
    ['/latin1-prolog-utf8-body', 'WINDOWS-1252'],
    ['/latin1-everywhere-utf8-body', 'WINDOWS-1252'],
  ])('reads %s, UTF-8 though it declares only a single-byte encoding, as UTF-8 without garbling its “é”, and says so', async (path, declared) => {
    const document = await fetchFeed(`${origin}${path}`);
    expect(parseFeedText(document.text).entries[0]!.title).toBe('Café');
    expect(document.encodingWarning).toBe(`it declares ${declared}, but its bytes are UTF-8, so it was read as UTF-8; the publisher should declare its encoding as UTF-8`);
  });

  it('keeps to a single-byte declaration when the bytes are not UTF-8, or are ASCII alone', () => {
    expect(decodeFeedBytes(legacy('latin1', 'ISO-8859-1'))).toEqual({ text: legacy('utf8', 'ISO-8859-1').toString('utf8') });
    const ascii = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"/>');
    expect(decodeFeedBytes(ascii)).toEqual({ text: ascii.toString('latin1') });
  });

  it('reads a feed in the declared encoding that reads the most of it when none reads all of it, and says which', async () => {
    const document = await fetchFeed(`${origin}/shift-jis-broken`);
    expect(parseFeedText(document.text).entries[0]!.title).toMatch(/^日本/);
    expect(document.encodingWarning).toBe('its bytes are not valid in any of the encodings it declares (UTF-8, SHIFT_JIS); it was read as SHIFT_JIS, with the replacement character U+FFFD for each character that could not be read; the publisher should serve it in the encoding it declares');
  });

  it('reads a feed marked UTF-8 by its byte-order mark the same way, without the mark', () => {
    const decoded = decodeFeedBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>Caf'), Buffer.from([0xe9]), Buffer.from('</rss>')]), 'text/xml; charset=Shift_JIS');
    expect(decoded).toEqual({ text: '<rss>Café</rss>', encodingWarning: 'its bytes are not valid in the encoding it declares (UTF-8): 1 byte is not UTF-8 and was read as WINDOWS-1252; the publisher should serve the whole feed in UTF-8' });
  });

  it('gives no warning for a feed valid in what it declares', async () => {
    expect(await fetchFeed(`${origin}/shift-jis-header`)).not.toHaveProperty('encodingWarning');
  });
});

describe('JSON feeds', () => {
  it('decodes a JSON Feed as UTF-8 whatever charset the server declares, over HTTP and from a file', async () => {
    expect(parseFeedText((await fetchFeed(`${origin}/json-latin1-header`)).text).entries[0]!.title).toBe('Café’s menu');
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-json-'));
    try {
      writeFileSync(join(folder, 'feed.json'), jsonFeed);
      expect(parseFeedText((await readFeedFile(join(folder, 'feed.json'))).text).entries[0]!.title).toBe('Café’s menu');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('fetchFeed: conditional requests', () => {
  it('sends the headers it is given and returns a 304 as an empty, unchanged document', async () => {
    const full = await fetchFeed(`${origin}/tagged`);
    expect(full).toMatchObject({ status: 200, headers: { etag: '"v1"' } });
    const unchanged = await fetchFeed(`${origin}/tagged`, { headers: { 'if-none-match': '"v1"' } });
    expect(unchanged).toMatchObject({ status: 304, text: '', headers: { etag: '"v1"' } });
  });

  it("fails a 304 to a request that asked for the whole feed as the server's broken HTTP, with what to do", async () => {
    const error = await fetchFeed(`${origin}/always-unchanged`).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({
      status: 304,
      failureCause: 'invalid-http',
      message: `${origin}/always-unchanged answered 304 Not Modified to a request for the whole feed (it sent no If-None-Match or If-Modified-Since); the publisher's server or its cache must fix it`,
    });
    expect(await fetchFeed(`${origin}/always-unchanged`, { headers: { 'if-modified-since': 'Mon, 30 Nov 2026 08:00:00 GMT' } })).toMatchObject({ status: 304, text: '' });
  });

  it('hands the status and headers of an error answer to the caller (Retry-After, say)', async () => {
    const error = await fetchFeed(`${origin}/busy`).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ status: 429, headers: { 'retry-after': '120' } });
  });
});

describe('npm run import with a URL', () => {
  const run = promisify(execFile);
  const folders: string[] = [];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  async function importUrl(args: string[]): Promise<{ code: number; stdout: string; stderr: string; folder: string }> {
    const folder = mkdtempSync(join(tmpdir(), 'newsdesk-import-http-'));
    folders.push(folder);
    try {
      // Asynchronous on purpose: the server lives in this process and must keep answering.
      const { stdout, stderr } = await run(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/import-feed.ts', ...args, '--content-dir', folder], { cwd: projectRoot, timeout: 60_000 });
      return { code: 0, stdout, stderr, folder };
    } catch (error) {
      const failure = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '', folder };
    }
  }

  it('imports the feed a web page links to, saying which page led to it', async () => {
    const outcome = await importUrl([`${origin}/home`, '--dry-run']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`(RSS 2.0, 3 items) from ${origin}/feed.xml, linked from ${origin}/home`);
    expect(outcome.stdout).toContain('3 to import, 0 skipped as duplicates, 0 rejected.');
  });

  it('imports a redirected feed, resolving relative links against where it was fetched from', async () => {
    const outcome = await importUrl([`${origin}/old-feed`]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`(RSS 2.0, 3 items) from ${origin}/feed.xml`);
    expect(outcome.stdout).toContain('3 imported, 0 skipped as duplicates, 0 rejected.');
    const outage = matter(readFileSync(join(outcome.folder, 'imported', 'exclusive-cloud-region-outage-traced-to-a-single-config-push.md'), 'utf8'), {});
    expect(outage.data.source.url).toBe(`${origin}/2026/05/cloud-outage-config-push/`);
  });

  // Only /slow is about the time limit: the others get one a loaded machine cannot reach first (10 MB takes a while).
  it.each([
    ['/page', '30', '/page: the page links to its feed at http://127.0.0.1:'],
    ['/page', '30', '/feed/, which cannot be read: http://127.0.0.1:'],
    ['/plain-page', '30', 'HTML web page, not a feed; look for its RSS or Atom link (served as text/html; charset=utf-8)'],
    ['/loop-a', '30', 'redirect loop'],
    ['/slow', '0.5', 'did not answer within 0.5 s (timed out)'],
    ['/huge', '30', 'sent more than 10 MB'],
  ])('fails on %s with a clear message and writes nothing', async (path, timeout, message) => {
    const outcome = await importUrl([`${origin}${path}`, '--timeout', timeout]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain(`Import failed: ${origin}${path}: `);
    expect(outcome.stderr).toContain(message);
    expect(outcome.stderr).toContain('Nothing was written.');
    expect(existsSync(join(outcome.folder, 'imported')) && readdirSync(join(outcome.folder, 'imported'))).toBeFalsy();
  });
});
