import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedKey } from '../../../src/lib/aggregation/identity.ts';
import { parseSources } from '../../../src/lib/aggregation/registry.ts';
import { formatAttentionAnnotations, type RunReport, type SourceReport } from '../../../src/lib/aggregation/report.ts';
import { generateCorpus } from '../../../src/lib/bench/corpus.ts';
import { rssDocument, type FeedItem } from '../../../src/lib/bench/feeds.ts';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import { loadArticles } from '../../../src/io/article-files.ts';
import { listArticleFiles } from '../../../src/io/article-paths.ts';
import { inspectFile } from '../../../src/io/inspect-file.ts';
import { lockFolder } from '../../../src/io/folder-lock.ts';
import { aggregationWorkspace, twoStoryFeed, type AggregationWorkspace } from '../../helpers/aggregation-workspace.ts';
import { closedPort, publishersForSuite, rssRoute, type Route } from '../../helpers/feed-publishers.ts';

const projectRoot = resolve(import.meta.dirname, '../../..');
const node = join(projectRoot, 'node_modules/.bin/node');
const cli = join(projectRoot, 'src/cli/aggregate.ts');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real entry point, as `npm run aggregate` starts it. */
async function aggregate(folder: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(node, [cli, '--sources', join(folder, 'sources.yaml'), '--content-dir', join(folder, 'articles'), '--timeout', '2', ...args], {
      cwd: folder,
      env: { ...process.env, GITHUB_STEP_SUMMARY: undefined, GITHUB_ACTIONS: undefined, SITE_URL: 'https://desk.example', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

/** A run's JSON report; with `afterKill`, the run may first wait for the killed run's lock to go stale, and says so. */
async function aggregateJson(folder: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, afterKill = false): Promise<RunReport> {
  const outcome = await aggregate(folder, ['--json', ...args], env);
  expect(outcome.stderr).toMatch(afterKill ? /^(Another run is writing the content folder \S+; waiting for it to finish…\n)?$/ : /^$/);
  expect(outcome.code).toBe(0);
  return JSON.parse(outcome.stdout) as RunReport;
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function workspace(): string {
  const folder = mkdtempSync(join(tmpdir(), 'newsdesk-aggregate-'));
  folders.push(folder);
  mkdirSync(join(folder, 'articles'));
  return folder;
}

/** A workspace for runs in process as well as by the command, removed with the others. */
function inProcessWorkspace(): AggregationWorkspace {
  const runs = aggregationWorkspace();
  folders.push(runs.folder);
  return runs;
}

/**
 * Distinct, realistic stories: each item's summary is a dek and a paragraph of prose (well over 60 words); with
 * `fullText`, content:encoded carries the whole story.
 */
function stories(seed: number, count: number, site: string, fullText = false): FeedItem[] {
  return generateCorpus({ count, seed, now: new Date('2026-11-30T12:00:00Z') }).map((story) => {
    const paragraphs = story.body.split('\n\n').filter((paragraph) => /^[A-Z]/.test(paragraph));
    return {
      title: story.title,
      link: `https://${site}/${story.slug}`,
      guid: `${site}-${story.slug}`,
      description: `<p>${story.description}</p><p>${paragraphs[0] ?? ''}</p>`,
      content: fullText ? paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('') : undefined,
      publishedAt: story.publishedAt,
      categories: story.tags.slice(0, 2),
    };
  });
}

const rss = (items: readonly FeedItem[], title = 'A publisher') => rssDocument({ title, link: 'https://publisher.example/', items });

/** Every Markdown file under the folder, relative, with its modification time: "writes nothing" compares these. */
function snapshot(folder: string): Map<string, number> {
  return new Map(listArticleFiles(folder).map((file) => [relative(folder, file), statSync(file).mtimeMs]));
}

function readState(folder: string) {
  return JSON.parse(readFileSync(join(folder, '.aggregate-state.json'), 'utf8')) as {
    sources: Record<string, { etag?: string; lastModified?: string; consecutiveFailures: number; nextFetchAfter?: string; lastError?: { message: string }; seen: string[] }>;
  };
}

/** The key the state keeps for an item's link. */
const linkKey = (link: string) => storedKey(`link:${link.replace(/^https:\/\//, '')}`);

function articlesIn(folder: string) {
  return listArticleFiles(folder).map((file) => ({ file, ...matter(readFileSync(file, 'utf8'), {}) }));
}

describe('npm run aggregate against 24 sources on ten hosts', () => {
  const publishers = publishersForSuite(10, 40);
  let folder: string;
  let articles: string;
  const url: Record<string, string> = {};
  const feeds: Record<string, FeedItem[]> = {};
  let changingPhase = 1;
  let first: RunReport;
  let second: RunReport;
  let afterFirst: Map<string, number>;
  const lastModified = 'Mon, 30 Nov 2026 10:00:00 GMT';
  const retryDate = new Date(Date.now() + 2 * 3_600_000);
  retryDate.setUTCMilliseconds(0);

  beforeAll(async () => {
    folder = workspace();
    articles = join(folder, 'articles');
    for (const [index, id] of ['etag', 'lastmod', 'rss-full', 'auto', 'filtered', 'syndicator', 'archived', 'similar', 'changing', 'no-validators', 'no-store', 'redirect', 'quiet'].entries()) {
      feeds[id] = stories(100 + index, 4, `${id}.example`);
    }
    // The syndicator republishes the etag source's first story, with tracking parameters on the link.
    feeds.syndicator!.push({ ...feeds.etag![0]!, link: `${feeds.etag![0]!.link}?utm_source=syndicator`, guid: 'syndicated-copy-1' });
    feeds.filtered![0]!.title = 'Sponsored: buy our cloud';
    feeds.filtered![1]!.title = 'RISC-V boards arrive in schools';
    feeds['rss-full']!.forEach((item) => (item.content = `${item.description}<p>Second paragraph with <a href="/about">a relative link</a>.</p><script>alert(1)</script>`));

    // The archive already has the archived source's first story (same link) and, from the similar source itself, its
    // first text under another link (another outlet's copy would be coverage of one story, not a duplicate).
    writeFileSync(join(articles, 'already-here.md'), `---\ntitle: "Already here"\ndescription: "Covered before."\npublishedAt: 2026-11-01T00:00:00Z\ntags: ["AI"]\nsource:\n  name: "Someone"\n  url: "${feeds.archived![0]!.link}"\n---\nOur own story.\n`);
    const similarText = 'Regional carriers are rebuilding their fibre networks after storms cut service to thousands of homes across the valley, and engineers expect the work to continue into the spring while regulators weigh new rules on resilience and backup power for exchanges.';
    feeds.similar![0]!.description = `<p>${similarText}</p>`;
    writeFileSync(join(articles, 'fibre-rebuild.md'), `---\ntitle: "Carriers rebuild fibre"\ndescription: "After the storms."\npublishedAt: 2026-11-02T00:00:00Z\ntags: ["Networking"]\nsource:\n  id: similar\n  name: "Similar Wire"\n  url: "https://similar.example.net/earlier/fibre"\n---\n${similarText}\n`);

    let host = 0;
    const add = (id: string, path: string, route: Route) => (url[id] = publishers.route(host++, path, route));
    add('etag', '/etag.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') return response.writeHead(304, { etag: '"v1"' }).end();
      rssRoute(rss(feeds.etag!), { etag: '"v1"' })(request, response);
    });
    add('lastmod', '/lastmod.xml', (request, response) => {
      if (request.headers['if-modified-since'] === lastModified) return response.writeHead(304).end();
      rssRoute(rss(feeds.lastmod!), { 'last-modified': lastModified })(request, response);
    });
    add('rss-full', '/full.xml', rssRoute(rss(feeds['rss-full']!)));
    add('auto', '/auto.xml', rssRoute(rss(feeds.auto!)));
    add('filtered', '/filtered.xml', rssRoute(rss(feeds.filtered!)));
    add('syndicator', '/syndicator.xml', rssRoute(rss(feeds.syndicator!)));
    add('archived', '/archived.xml', rssRoute(rss(feeds.archived!)));
    add('similar', '/similar.xml', rssRoute(rss(feeds.similar!)));
    add('changing', '/changing.xml', (request, response) => {
      const items = changingPhase === 1 ? feeds.changing! : [{ ...feeds.changing![0]!, title: 'A new headline for an old story' }, ...stories(999, 1, 'changing.example'), ...feeds.changing!.slice(1)];
      rssRoute(rss(items), { etag: `"phase-${changingPhase}"` })(request, response);
    });
    add('no-validators', '/plain.xml', rssRoute(rss(feeds['no-validators']!)));
    add('no-store', '/no-store.xml', rssRoute(rss(feeds['no-store']!), { etag: '"kept-nowhere"', 'cache-control': 'no-store' }));
    add('redirect', '/old-feed.xml', (_request, response) => response.writeHead(301, { location: '/new-feed.xml' }).end());
    publishers.route(host - 1, '/new-feed.xml', (request, response) => {
      if (request.headers['if-none-match'] === '"moved"') return response.writeHead(304, { etag: '"moved"' }).end();
      rssRoute(rss(feeds.redirect!), { etag: '"moved"' })(request, response);
    });
    add('quiet', '/quiet.xml', rssRoute(rss(feeds.quiet!)));
    add('retry-seconds', '/busy.xml', (_request, response) => response.writeHead(429, { 'retry-after': '120' }).end('slow down'));
    add('retry-date', '/maintenance.xml', (_request, response) => response.writeHead(503, { 'retry-after': retryDate.toUTCString() }).end('down for maintenance'));
    add('error', '/error.xml', (_request, response) => response.writeHead(500).end('oops'));
    add('missing', '/missing.xml', (_request, response) => response.writeHead(404).end('gone'));
    add('timeout', '/timeout.xml', () => {});
    add('endless', '/endless.xml', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>');
      const chunk = `<item><title>${'x'.repeat(65_000)}</title></item>`;
      const pump = () => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    add('html', '/page.html', (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>Home</title></head><body>Not a feed</body></html>'));
    add('malformed', '/broken.xml', rssRoute('<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Unclosed</item></channel></rss>'));
    add('json', '/feed.json', (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/feed+json' }).end(
        JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'JSON wire', items: [{ id: 'j1', url: 'https://json.example/one', title: 'Satellite broadband reaches the fjords', summary: 'A new constellation now covers the northern coast. Fishermen report usable video calls at sea.', date_published: '2026-11-29T08:00:00Z' }] }),
      ),
    );
    add('atom', '/atom.xml', (_request, response) => response.writeHead(200, { 'content-type': 'application/atom+xml' }).end(readFileSync(join(projectRoot, 'tests/fixtures/feeds/atom.xml'))));
    url.unreachable = `http://127.0.0.1:${await closedPort()}/feed.xml`;

    const entry = (id: string, extra = '') => `- id: ${id}\n  name: ${id.replace(/(^|-)(\w)/g, (_m, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`)} Wire\n  feed: ${url[id]}\n${extra}`;
    const registry = Object.keys(url)
      .map((id) => {
        if (id === 'rss-full') return entry(id, '  content: full\n  tags: [Hardware]\n');
        if (id === 'auto') return entry(id, '  publish: auto\n');
        if (id === 'filtered') return entry(id, '  exclude: [Sponsored]\n  include: ["/\\\\bRISC-V\\\\b/i", "boards"]\n');
        return entry(id);
      })
      .join('');
    writeFileSync(join(folder, 'sources.yaml'), registry);
    first = await aggregateJson(folder);
    afterFirst = snapshot(articles);
  });

  const source = (report: RunReport, id: string): SourceReport => report.sources.find((entry) => entry.id === id)!;

  it('has 20 or more sources, and runs to the end with every bad one failed for its own reason', () => {
    expect(first.sources).toHaveLength(24);
    const failures = Object.fromEntries(first.sources.filter((entry) => entry.result === 'failed').map((entry) => [entry.id, entry.error]));
    expect(failures).toEqual({
      'retry-seconds': expect.stringContaining('answered 429'),
      'retry-date': expect.stringContaining('answered 503'),
      error: expect.stringContaining('answered 500'),
      missing: expect.stringContaining('answered 404'),
      timeout: expect.stringContaining('did not answer within 2 s'),
      endless: expect.stringContaining('sent more than 10 MB'),
      html: expect.stringContaining('HTML web page'),
      malformed: expect.stringContaining('malformed XML'),
      unreachable: expect.stringContaining('connection was refused'),
    });
    expect(first.totals).toMatchObject({ sources: 24, failed: 9, fetched: 15, notModified: 0, backingOff: 0 });
  });

  it('never has more than one request in flight per host, nor more than eight overall, yet fetches hosts side by side', () => {
    expect(Math.max(...publishers.maxInFlightByHost.values())).toBe(1);
    expect(publishers.maxInFlight).toBeLessThanOrEqual(8);
    expect(publishers.maxInFlight).toBeGreaterThan(1);
  });

  it('names the site and its address in the User-Agent', () => {
    expect(publishers.requestsTo(url.etag!)[0]!.headers['user-agent']).toMatch(/^Newsdesk\/1\.0 \(feed aggregator; \+https:\/\/desk\.example\)$/);
  });

  it('writes each new story once, attributed by source id, as excerpt drafts unless the source says otherwise', () => {
    const written = articlesIn(articles).filter((article) => article.file.includes('/aggregated/'));
    expect(written).toHaveLength(first.totals.newItems);
    for (const article of written) {
      const id = /aggregated\/([^/]+)\//.exec(article.file)![1];
      expect(article.data.source.id).toBe(id);
      expect(article.data.source.name).toMatch(/ Wire$/);
    }
    const byLink = new Map<string, number>();
    for (const article of written) byLink.set(article.data.source.url, (byLink.get(article.data.source.url) ?? 0) + 1);
    expect([...byLink.values()].every((count) => count === 1)).toBe(true);

    const excerpt = written.find((article) => article.data.source.id === 'etag')!;
    expect(excerpt.data.source.excerpt).toBe(true);
    expect(excerpt.data.draft).toBe(true);
    const words = excerpt.content.trim().split(/\s+/).length;
    expect(words).toBeGreaterThan(10);
    expect(words).toBeLessThanOrEqual(60);
    expect(excerpt.content.trim()).toMatch(/[.!?…]$/);

    const full = written.filter((article) => article.data.source.id === 'rss-full');
    expect(full).toHaveLength(4);
    expect(full[0]!.data.source.excerpt).toBeUndefined();
    expect(full[0]!.data.tags).toContain('Hardware');
    expect(full[0]!.content).toContain('Second paragraph with [a relative link](https://rss-full.example/about)');
    expect(full[0]!.content).not.toContain('alert');

    const published = written.filter((article) => article.data.source.id === 'auto');
    expect(published).toHaveLength(4);
    expect(published.every((article) => article.data.draft === undefined)).toBe(true);
    expect(readFileSync(published[0]!.file, 'utf8')).not.toContain('draft:');
  });

  it('passes the content checker, registry ids included', () => {
    const files = [...loadArticles(articles, (file) => relative(folder, file))];
    const registryFile = join(folder, 'sources.yaml');
    const { sources } = parseSources(readFileSync(registryFile, 'utf8'), registryFile);
    const { problems } = checkArticles(files, { now: new Date(), contentDir: articles, projectRoot: process.cwd(), inspectFile, nearDuplicates: false, registry: { file: registryFile, ids: new Set(sources.map((entry) => entry.id)) } });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('skips duplicates across sources and against the archive, near-duplicates, and what the lists exclude', () => {
    expect(source(first, 'syndicator')).toMatchObject({ result: 'fetched', skipped: { duplicate: 1 } });
    expect(source(first, 'syndicator').newItems).toHaveLength(4);
    expect(source(first, 'archived')).toMatchObject({ skipped: { duplicate: 1 } });
    expect(source(first, 'archived').newItems).toHaveLength(3);
    expect(source(first, 'similar')).toMatchObject({ skipped: { similar: 1 } });
    expect(source(first, 'filtered').newItems.map((item) => item.title)).toEqual(['RISC-V boards arrive in schools']);
    expect(source(first, 'filtered').skipped.excluded).toBe(3);
    expect(source(first, 'json').newItems.map((item) => item.title)).toEqual(['Satellite broadband reaches the fjords']);
    expect(first.attention.find((source) => source.id === 'redirect')).toMatchObject({ reason: 'moved', movedTo: expect.stringContaining('/new-feed.xml') });
  });

  it('keeps validators, failures and Retry-After in a readable state file', () => {
    const state = readState(folder);
    expect(state.sources.etag).toMatchObject({ etag: '"v1"', consecutiveFailures: 0 });
    expect(state.sources.etag!.seen).toContain(storedKey(`link:etag.example/${feeds.etag![0]!.link.split('/').pop()}`));
    expect(state.sources.lastmod).toMatchObject({ lastModified });
    expect(state.sources['no-store']!.etag).toBeUndefined();
    expect(state.sources.error).toMatchObject({ consecutiveFailures: 1, lastError: { message: expect.stringContaining('500') } });
    expect(state.sources.error!.nextFetchAfter).toBeUndefined();
    const inTwoMinutes = Date.parse(state.sources['retry-seconds']!.nextFetchAfter!) - Date.now();
    expect(inTwoMinutes).toBeGreaterThan(60_000);
    expect(inTwoMinutes).toBeLessThanOrEqual(120_000);
    expect(state.sources['retry-date']!.nextFetchAfter).toBe(retryDate.toISOString().replace('.000Z', 'Z'));
    expect(readFileSync(join(folder, '.aggregate-state.json'), 'utf8')).toMatch(/^\{\n {2}"version": 1,\n/);
  });

  describe('run again with nothing new', () => {
    let requestsBefore: number;
    beforeAll(async () => {
      requestsBefore = publishers.requests.length;
      second = await aggregateJson(folder);
    });

    it('asks conditionally and gets 304s, and writes no item', () => {
      const secondRequests = publishers.requests.slice(requestsBefore);
      const to = (id: string) => secondRequests.filter((request) => `http://${request.host}${request.path}` === url[id]);
      expect(to('etag')[0]!.headers['if-none-match']).toBe('"v1"');
      expect(to('lastmod')[0]!.headers['if-modified-since']).toBe(lastModified);
      expect(readState(folder).sources.lastmod).toMatchObject({ lastModified });
      expect(to('no-store')[0]!.headers['if-none-match']).toBeUndefined();
      expect(source(second, 'etag').result).toBe('not-modified');
      expect(source(second, 'lastmod').result).toBe('not-modified');
      expect(source(second, 'redirect').result).toBe('not-modified');
      expect(source(second, 'no-validators').result).toBe('not-modified');
      expect(second.totals.newItems).toBe(0);
      expect(snapshot(articles)).toEqual(afterFirst);
    });

    it('sends no request to a source whose Retry-After has not passed, and reports until when', () => {
      const secondRequests = publishers.requests.slice(requestsBefore);
      for (const id of ['retry-seconds', 'retry-date']) {
        expect(secondRequests.some((request) => `http://${request.host}${request.path}` === url[id])).toBe(false);
        expect(source(second, id)).toMatchObject({ result: 'backing-off', until: readState(folder).sources[id]!.nextFetchAfter });
      }
    });

    it('backs off a source that failed twice in a row, for 30 minutes', () => {
      expect(source(second, 'error')).toMatchObject({ result: 'failed', consecutiveFailures: 2 });
      const wait = Date.parse(readState(folder).sources.error!.nextFetchAfter!) - Date.now();
      expect(wait).toBeGreaterThan(25 * 60_000);
      expect(wait).toBeLessThanOrEqual(30 * 60_000);
    });
  });

  describe('a third run after one feed changed', () => {
    let third: RunReport;
    let requestsBefore: number;
    const summary = () => join(folder, 'summary.md');
    beforeAll(async () => {
      changingPhase = 2;
      requestsBefore = publishers.requests.length;
      third = await aggregateJson(folder, [], { GITHUB_STEP_SUMMARY: summary() });
    });

    it('writes only the new story; a known one with a new headline is not written again', () => {
      expect(source(third, 'changing').newItems).toHaveLength(1);
      expect(source(third, 'changing').skipped.seenBefore).toBe(4);
      const added = [...snapshot(articles).keys()].filter((file) => !afterFirst.has(file));
      expect(added).toEqual([relative(articles, resolve(folder, source(third, 'changing').newItems[0]!.file))]);
      expect(articlesIn(articles).some((article) => article.data.title === 'A new headline for an old story')).toBe(false);
    });

    it('sends nothing to the source that is backing off', () => {
      expect(publishers.requests.slice(requestsBefore).some((request) => `http://${request.host}${request.path}` === url.error)).toBe(false);
      expect(source(third, 'error').result).toBe('backing-off');
    });

    it('appends a Markdown table to the GitHub step summary', () => {
      const table = readFileSync(summary(), 'utf8');
      expect(table).toContain('| source | result | new items | details |');
      expect(table).toMatch(/\| Changing Wire \(`changing`\) \| fetched \| 1 \|/);
      expect(table).toMatch(/\| Error Wire \(`error`\) \| backing-off \| 0 \| backing off until \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    });
  });
});

describe('npm run aggregate: text report, dry run, strict mode and runs that cannot start', () => {
  const publishers = publishersForSuite(1);
  let folder: string;
  let feedUrl: string;
  beforeAll(async () => {
    folder = workspace();
    feedUrl = publishers.route(0, '/feed.xml', rssRoute(rss(stories(7, 2, 'wire.example'))));
    const brokenUrl = publishers.route(0, '/broken.xml', (_request, response) => response.writeHead(500).end());
    writeFileSync(join(folder, 'sources.yaml'), `- id: wire\n  name: The Wire\n  feed: ${feedUrl}\n- id: broken\n  name: Broken\n  feed: ${brokenUrl}\n`);
  });

  it('--dry-run reports what it would write and writes nothing, state included', async () => {
    const outcome = await aggregate(folder, ['--dry-run']);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^ {2}wire {4}fetched: 2 new items to write$/m);
    expect(outcome.stdout).toMatch(/^ {2}broken {2}failed: .*answered 500/m);
    expect(outcome.stdout).toContain('Would write (dry run: nothing written):');
    expect(outcome.stdout).toContain('2 sources: 1 fetched, 0 not modified, 1 failed, 0 backing off; 2 new items to write.');
    expect(readdirSync(join(folder, 'articles'))).toEqual([]);
    expect(existsSync(join(folder, '.aggregate-state.json'))).toBe(false);
  });

  it('--only fetches just the named sources; --strict makes a failed one exit 1', async () => {
    const only = await aggregate(folder, ['--only', 'wire', '--strict']);
    expect(only.code).toBe(0);
    expect(only.stdout).not.toContain('broken');
    expect(publishers.requests.filter((request) => request.path === '/broken.xml')).toHaveLength(1);
    const strict = await aggregate(folder, ['--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/broken {2}failed/);
  });

  it('finishes as the run went when the step summary cannot be written, saying so in a warning rather than crashing', async () => {
    const summary = join(folder, 'no-such-folder', 'summary.md');
    const outcome = await aggregate(folder, ['--dry-run'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^ {2}broken {2}failed: .*answered 500/m);
    expect(outcome.stderr).toBe(`::warning title=Aggregation%3A no step summary::could not add the report to the step summary ${summary} (ENOENT); the report is in the log above\n`);
  });

  it('keeps the step summary file under the 1 MiB GitHub shows, counting what the step wrote to it before', async () => {
    const summary = join(folder, 'nearly-full-summary.md');
    const earlier = `${'x'.repeat(1024 * 1024 - 400)}\n`;
    writeFileSync(summary, earlier);
    const outcome = await aggregate(folder, ['--dry-run'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(outcome.code).toBe(0);
    expect(statSync(summary).size).toBeLessThanOrEqual(1024 * 1024);
    const added = readFileSync(summary, 'utf8').slice(earlier.length).split('\n');
    expect(added[2]).toMatch(/^2 sources: .*, 1 failed, /);
    expect(added.at(-2)).toMatch(/^\*\*Shortened:\*\* \d of 2 source rows left out, .*; the whole report is in this step's log\.$/);
    expect(outcome.stdout).toMatch(/^ {2}broken {2}failed: .*answered 500/m);
  });

  it('exits 2, naming file, line and field, when the registry is invalid (duplicate id, bad URL, unknown field, bad regex), and fetches nothing', async () => {
    const bad = workspace();
    writeFileSync(join(bad, 'sources.yaml'), `- id: wire\n  name: The Wire\n  feed: ${feedUrl}\n- id: wire\n  name: Again\n  feed: ftp://example.com/feed\n- id: third\n  name: Third\n  feed: ${feedUrl}\n  tgas: [AI]\n  exclude: ["/(unclosed/"]\n`);
    const requests = publishers.requests.length;
    const outcome = await aggregate(bad);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/sources\.yaml:4: id: "wire" is already the id of source 1/);
    expect(outcome.stderr).toMatch(/sources\.yaml:6: feed: .*not a web address/);
    expect(outcome.stderr).toMatch(/sources\.yaml:10: tgas: unknown field "tgas"; did you mean "tags"\?/);
    expect(outcome.stderr).toMatch(/sources\.yaml:11: exclude\.0: "\/\(unclosed\/" is not a valid regular expression/);
    expect(publishers.requests.length).toBe(requests);
  });

  it('warns, naming both sources and their lines, of one feed listed twice under different spellings, and still runs', async () => {
    const twice = workspace();
    writeFileSync(join(twice, 'sources.yaml'), `- id: wire\n  name: The Wire\n  feed: ${feedUrl}\n- id: wire-again\n  name: The Wire\n  feed: ${feedUrl.replace(/^http:/, 'HTTP:')}#latest\n`);
    const outcome = await aggregate(twice, ['--dry-run']);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toMatch(/sources\.yaml:6: warning: feed: "wire-again" reads the same feed as "wire" \(\S*sources\.yaml:3\)/);
  });

  it('exits 2 when the content folder is missing, or --only names an unknown source', async () => {
    const outcome = await aggregate(folder, ['--content-dir', join(folder, 'nowhere')]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/content folder .*nowhere does not exist/);
    const unknown = await aggregate(folder, ['--only', 'wire,nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no source has the id "nope"');
  });

  it('exits 2, fetching nothing, when NEWSDESK_AGGREGATE_MAX_NEW_ITEMS is not a count', async () => {
    const requests = publishers.requests.length;
    const outcome = await aggregate(folder, [], { NEWSDESK_AGGREGATE_MAX_NEW_ITEMS: '0' });
    expect(outcome).toMatchObject({ code: 2, stdout: '' });
    expect(outcome.stderr).toContain('NEWSDESK_AGGREGATE_MAX_NEW_ITEMS="0" is not a number of articles');
    expect(publishers.requests.length).toBe(requests);
  });
});

describe('npm run aggregate: a feed failing for a day needs attention', () => {
  const publishers = publishersForSuite(1);
  let folder: string;
  let deadUrl: string;
  let beforeADay: RunReport;
  let afterADay: RunReport;
  let text: Outcome;
  let summaryText: string;
  let json: RunReport;

  beforeAll(async () => {
    const runs = inProcessWorkspace();
    folder = runs.folder;
    deadUrl = publishers.route(0, '/dead.xml', (_request, response) => response.writeHead(404).end());
    // A new version at every request: a healthy feed's last new version is always the latest run, whatever the date.
    let served = 0;
    const healthyUrl = publishers.route(0, '/healthy.xml', (request, response) => rssRoute(`${twoStoryFeed('healthy.example')}<!-- ${++served} -->`)(request, response));
    runs.writeSources([
      { id: 'healthy', feed: healthyUrl },
      { id: 'dead', feed: deadUrl },
    ]);
    // The clock moves past a day in process; the command itself then runs at the real time, later still.
    await runs.run(new Date('2026-12-01T12:00:00Z'));
    beforeADay = await runs.run(new Date('2026-12-02T11:59:00Z'));
    afterADay = await runs.run(new Date('2026-12-02T12:30:00Z'));
    const summary = join(folder, 'summary.md');
    text = await aggregate(folder, [], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    summaryText = readFileSync(summary, 'utf8');
    json = await aggregateJson(folder);
  });

  const failing = (failures: number) => `failing since 2026-12-01 12:00 UTC (${failures} failures in a row): ${deadUrl} answered 404 Not Found; this address has never given a feed: check its feed: line for a typo, or find the feed's address on the outlet's site`;

  it('is not listed before 24 hours of failures, and is from then on', () => {
    expect(beforeADay.attention).toEqual([]);
    expect(afterADay.attention).toEqual([{ id: 'dead', name: 'dead wire', reason: 'failing', since: '2026-12-01T12:00:00Z', consecutiveFailures: 3, error: `${deadUrl} answered 404 Not Found`, cause: 'not-found', neverRead: true, host: new URL(deadUrl).host }]);
  });

  it('appears under "Needs attention" in the text report, and the run still exits 0', () => {
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`\nNeeds attention:\n  dead  ${failing(4)}\n`);
  });

  it('in GitHub Actions, is a warning annotation and a section of the step summary', () => {
    expect(text.stderr.split('\n').filter((line) => line.startsWith('::'))).toEqual([`::warning title=Source needs attention%3A dead wire (dead)::dead: ${failing(4)}`]);
    expect(summaryText).toContain(`### Needs attention\n\n- dead wire (\`dead\`): ${failing(4)}\n`);
  });

  it('is in the JSON report while it backs off, with no annotation outside GitHub Actions', () => {
    expect(json.sources.find((source) => source.id === 'dead')).toMatchObject({ result: 'backing-off', consecutiveFailures: 4 });
    expect(json.attention).toEqual([{ id: 'dead', name: 'dead wire', reason: 'failing', since: '2026-12-01T12:00:00Z', consecutiveFailures: 4, error: `${deadUrl} answered 404 Not Found`, cause: 'not-found', neverRead: true, host: new URL(deadUrl).host }]);
  });

  it('never lists the healthy source', () => {
    for (const report of [beforeADay, afterADay, json]) expect(report.sources.find((source) => source.id === 'healthy')).toMatchObject({ result: 'fetched' });
    expect(text.stdout.split('Needs attention:')[1]).not.toContain('healthy');
    expect(text.stderr).not.toContain('healthy');
  });
});

describe('npm run aggregate: every source failing for an hour', () => {
  const runs = inProcessWorkspace();
  const { folder } = runs;
  let outcome: Outcome;
  let summaryText: string;

  beforeAll(async () => {
    // Two hosts where nothing listens, as every feed looks from a runner whose network is down.
    runs.writeSources([
      { id: 'one', feed: `http://127.0.0.1:${await closedPort()}/feed.xml` },
      { id: 'two', feed: `http://127.0.0.1:${await closedPort()}/feed.xml` },
    ]);
    await runs.run(new Date('2026-12-01T12:00:00Z'));
    await runs.run(new Date('2026-12-01T12:30:00Z'));
    const summary = join(folder, 'summary.md');
    outcome = await aggregate(folder, [], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    summaryText = readFileSync(summary, 'utf8');
  });

  const broken = "every source has been failing since 2026-12-01 12:00 UTC: the runner's network or the aggregator is likelier at fault than every outlet at once; read the errors above, and check the connection";

  it('exits 3, saying so in the report, the step summary and an error annotation, and still records the failures so that the sources back off', () => {
    expect(outcome.code).toBe(3);
    expect(Object.values(readState(folder).sources).map((state) => state.consecutiveFailures)).toEqual([3, 3]);
    expect(outcome.stdout).toContain(`\nBroken: ${broken}.\n`);
    expect(outcome.stderr).toContain(`::error title=Aggregation%3A every source failing::${broken}\n`);
    expect(summaryText).toContain(`### Every source failing\n\n${broken}.\n`);
  });
});

describe('npm run aggregate --strict: a host whose slow feeds use up its time in the run', () => {
  const publishers = publishersForSuite(1);
  let folder: string;
  let outcome: Outcome;
  let summaryText: string;

  beforeAll(async () => {
    folder = workspace();
    // Each feed whole after three quarters of the 2 s timeout, half a second to spare on a busy machine: four take the
    // host's three timeouts, and the fifth is not asked.
    const slow = (section: string): Route => (request, response) => {
      const timer = setTimeout(() => rssRoute(twoStoryFeed(`${section}.example`))(request, response), 1500);
      response.on('close', () => clearTimeout(timer));
    };
    const sections = ['politics', 'sport', 'culture', 'science', 'travel'];
    writeFileSync(join(folder, 'sources.yaml'), sections.map((section) => `- id: ${section}\n  name: ${section} wire\n  feed: ${publishers.route(0, `/${section}.xml`, slow(section))}\n`).join(''));
    const summary = join(folder, 'summary.md');
    outcome = await aggregate(folder, ['--strict', '--timeout', '2'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    summaryText = readFileSync(summary, 'utf8');
  });

  it('exits 0, as the feeds left unasked did nothing wrong, and says so with a notice rather than a warning', () => {
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^ {2}travel {4}not asked: its host 127\.0\.0\.1:\d+ had its 6 s in this run \(3 timeouts' worth\) reading its other feeds; not a failure of this feed; the next run asks feeds left unasked first$/m);
    expect(outcome.stdout).toMatch(/, 0 failed, 0 backing off, 1 not asked because of their host;/);
    const annotations = outcome.stderr.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([expect.stringMatching(/^::notice title=Aggregation%3A 1 feed not asked::travel: not asked, as its host 127\.0\.0\.1:\d+ had its 6 s/)]);
    expect(summaryText).toMatch(/\| travel wire \(`travel`\) \| not-asked \| 0 \| not asked: its host /);
  });

  it('records no failure for it, only that it has been left unasked for one run', () => {
    expect(readState(folder).sources.travel).toMatchObject({ consecutiveFailures: 0, notAskedRuns: 1 });
  });
});

describe('npm run aggregate: a feed behind a redirect', () => {
  const publishers = publishersForSuite(1);
  let report: RunReport;
  let again: RunReport;
  let servedUrl: string;

  beforeAll(async () => {
    const runs = inProcessWorkspace();
    servedUrl = publishers.route(0, '/served.xml', rssRoute(twoStoryFeed('served.example'), { etag: '"served-1"' }));
    const movedUrl = publishers.route(0, '/moved.xml', (_request, response) => response.writeHead(301, { location: '/served.xml' }).end());
    const trackedUrl = publishers.route(0, '/tracked.xml', (_request, response) => response.writeHead(302, { location: '/served.xml' }).end());
    runs.writeSources([
      { id: 'moved', feed: movedUrl },
      { id: 'tracked', feed: trackedUrl },
    ]);
    report = await runs.run();
    again = await runs.run(new Date('2026-12-01T12:30:00Z'));
  });

  it('asks for the registry to follow a permanent redirect, as a source needing attention, and takes a temporary one as how the feed is served', () => {
    expect(report.attention).toEqual([{ id: 'moved', name: 'moved wire', reason: 'moved', movedTo: servedUrl, host: new URL(servedUrl).host }]);
    expect(report.sources.map((source) => [source.result, source.notes])).toEqual([
      ['fetched', []],
      ['fetched', []],
    ]);
    expect(formatAttentionAnnotations(report)).toEqual([
      `::warning title=Source needs attention%3A moved wire (moved)::moved: the feed has moved for good to ${servedUrl} (a permanent redirect); update its feed: line in the registry`,
    ]);
  });

  it('asks again at the next run, when the new address answers 304, until the registry is updated', () => {
    expect(again.sources.map((source) => [source.id, source.result])).toEqual([
      ['moved', 'not-modified'],
      ['tracked', 'not-modified'],
    ]);
    expect(again.attention).toEqual([{ id: 'moved', name: 'moved wire', reason: 'moved', movedTo: servedUrl, host: new URL(servedUrl).host }]);
  });
});

describe('npm run aggregate killed midway', () => {
  const publishers = publishersForSuite(1);
  // Every item in one run, so that there are many to be killed among.
  const uncapped = { NEWSDESK_AGGREGATE_MAX_NEW_ITEMS: '150' };
  let folder: string;
  let links: string[];
  beforeAll(async () => {
    folder = workspace();
    const items = stories(42, 150, 'many.example', true);
    links = items.map((item) => item.link);
    const feedUrl = publishers.route(0, '/many.xml', rssRoute(rss(items), { etag: '"many"' }));
    writeFileSync(join(folder, 'sources.yaml'), `- id: many\n  name: Many\n  feed: ${feedUrl}\n  content: full\n`);
  });

  it('leaves content and state consistent, and the next run completes the work without duplicates', async () => {
    const target = join(folder, 'articles', 'aggregated', 'many');
    const child = spawn(node, [cli, '--sources', join(folder, 'sources.yaml'), '--content-dir', join(folder, 'articles')], { cwd: folder, stdio: 'ignore', env: { ...process.env, ...uncapped } });
    const exited = new Promise((done) => child.once('exit', done));
    // Kill as soon as the first items are on disk, while the rest are being written.
    while (!(existsSync(target) && readdirSync(target).some((name) => name.endsWith('.md')))) {
      if (child.exitCode !== null) throw new Error('the run ended before it could be killed');
      await sleep(2);
    }
    child.kill('SIGKILL');
    await exited;

    const partial = articlesIn(join(folder, 'articles'));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThanOrEqual(150);
    // Whatever is on disk is whole, and the state (if the kill came after it) claims nothing more than that.
    for (const article of partial) expect(article.data.source.id).toBe('many');
    if (existsSync(join(folder, '.aggregate-state.json'))) {
      const onDisk = new Set(partial.map((article) => article.data.source.url));
      const kept = new Set(readState(folder).sources.many!.seen);
      expect(links.filter((link) => !onDisk.has(link) && kept.has(linkKey(link)))).toEqual([]);
    }

    const resumed = await aggregateJson(folder, [], uncapped, true);
    expect(resumed.sources[0]).toMatchObject({ result: 'fetched' });
    expect(resumed.sources[0]!.newItems.length + resumed.sources[0]!.skipped.duplicate).toBe(150);
    const complete = articlesIn(join(folder, 'articles'));
    expect(complete.map((article) => article.data.source.url).sort()).toEqual([...links].sort());
    expect(readdirSync(target).filter((name) => name.startsWith('.'))).toEqual([]);
    const kept = new Set(readState(folder).sources.many!.seen);
    expect(links.filter((link) => kept.has(linkKey(link)))).toHaveLength(150);

    const stateFile = join(folder, '.aggregate-state.json');
    const [stateBefore, filesBefore] = [readFileSync(stateFile, 'utf8'), snapshot(join(folder, 'articles'))];
    const stateWritten = statSync(stateFile).mtimeMs;
    const again = await aggregateJson(folder, [], uncapped);
    expect(again.totals).toMatchObject({ notModified: 1, newItems: 0 });
    // Nothing changed, so nothing is written: not an item, not the state file.
    expect(snapshot(join(folder, 'articles'))).toEqual(filesBefore);
    expect(readFileSync(stateFile, 'utf8')).toBe(stateBefore);
    expect(statSync(stateFile).mtimeMs).toBe(stateWritten);
  });
});

describe('npm run aggregate into a sub-folder of the content folder', () => {
  it('waits for the lock of the whole content folder, which npm run new and the importer take', async () => {
    const folder = workspace();
    const articles = join(folder, 'articles');
    const wires = join(articles, 'wires');
    mkdirSync(wires);
    writeFileSync(join(folder, 'sources.yaml'), `- id: wire\n  name: A wire\n  feed: http://127.0.0.1:${await closedPort()}/feed.xml\n`);
    const release = await lockFolder(articles, { what: 'the test content folder' });
    const child = spawn(node, [cli, '--sources', join(folder, 'sources.yaml'), '--content-dir', wires, '--timeout', '2'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NEWSDESK_CONTENT_DIR: articles } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise((done) => child.once('exit', done));
    while (!stderr.includes('Another run is writing the content folder articles;')) {
      if (child.exitCode !== null) throw new Error(`the run did not wait for the content folder: ${stderr}`);
      await sleep(20);
    }
    expect(existsSync(join(folder, '.aggregate-state.json'))).toBe(false);
    await release();
    await exited;
    expect(existsSync(join(folder, '.aggregate-state.json'))).toBe(true);
  });
});

describe('npm run aggregate: a feed that writes workflow commands into its titles and answers', () => {
  const publishers = publishersForSuite(1);

  it('reports its items and its broken JSON on lines the CI runner reads no command in', async () => {
    const folder = workspace();
    const [item] = stories(31, 1, 'forger.example');
    const titled = rssRoute(rss([{ ...item!, title: `Chips ##[error]forged and\n::warning::forged too` }], 'Forger ##[add-mask]Chips'));
    const feed = publishers.route(0, '/forger.xml', titled);
    const broken = publishers.route(0, '/broken.json', (_request, response) => response.writeHead(200, { 'content-type': 'application/feed+json' }).end('{"version": "https://jsonfeed.org/version/1.1", "title":\n::error::forged\r\n##[stop-commands]quiet\n'));
    writeFileSync(join(folder, 'sources.yaml'), `- id: forger\n  name: Forger\n  feed: ${feed}\n- id: broken\n  name: Broken\n  feed: ${broken}\n`);
    const outcome = await aggregate(folder);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('“Chips ##\\u005berror]forged and ::warning::forged too”');
    expect(outcome.stdout).toMatch(/broken +failed: .*malformed JSON: .*\\u000a::error::f/);
    const lines = `${outcome.stdout}\n${outcome.stderr}`.split(/\r\n|\r|\n/);
    expect(lines.filter((line) => line.trimStart().startsWith('::') || line.includes('##['))).toEqual([]);
  });
});
