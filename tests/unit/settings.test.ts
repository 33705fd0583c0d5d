import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../..');

/** src/settings.ts as a fresh process sees it, from `cwd`, with only `env` set. */
function settingsIn(cwd: string, env: Record<string, string>): Record<string, unknown> {
  const script = `import(${JSON.stringify(join(projectRoot, 'src/settings.ts'))}).then(({ settings }) => console.log(JSON.stringify(settings)))`;
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(?:NEWSDESK_\w+|SITE_URL|BASE_PATH|NO_COLOR|GITHUB_STEP_SUMMARY)$/.test(name)));
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd, env: { ...clean, ...env }, encoding: 'utf8' }));
}

describe('settings', () => {
  it('has a default for everything, with folders under the project root whatever the working directory', () => {
    expect(settingsIn(tmpdir(), {})).toMatchObject({
      siteUrl: 'http://localhost:4321',
      basePath: '/',
      contentDir: join(projectRoot, 'content/articles'),
      sourcesFile: join(projectRoot, 'content/sources.yaml'),
      outDir: join(projectRoot, 'dist'),
      cacheDir: join(projectRoot, 'node_modules/.astro'),
      buildLock: join(projectRoot, 'node_modules/.newsdesk-build.lock'),
      cardCacheDir: join(projectRoot, 'node_modules/.cache/newsdesk-cards'),
      searchCacheDir: join(projectRoot, 'node_modules/.cache/newsdesk-search'),
      checkCacheDir: join(projectRoot, 'node_modules/.cache/newsdesk-check'),
      noColor: false,
    });
  });

  it('reads each variable, resolving relative folders against the project root', () => {
    const read = settingsIn(tmpdir(), {
      SITE_URL: 'https://news.example.org',
      BASE_PATH: '/desk/',
      NEWSDESK_NOW: '2026-12-01T09:00:00Z',
      NEWSDESK_SEARCH_INDEX: 'after',
      NEWSDESK_CONTENT_DIR: 'tests/fixtures/valid',
      NEWSDESK_SOURCES_FILE: 'tests/fixtures/sources-site/sources.yaml',
      GITHUB_STEP_SUMMARY: '/tmp/summary.md',
      NEWSDESK_AGGREGATE_MAX_NEW_ITEMS: '10',
      NEWSDESK_DIST: '/srv/site',
      NEWSDESK_CACHE_DIR: 'cache',
      NEWSDESK_TIMING: '/tmp/timings.jsonl',
      NO_COLOR: '1',
    });
    expect(read).toMatchObject({
      siteUrl: 'https://news.example.org',
      basePath: '/desk/',
      now: '2026-12-01T09:00:00Z',
      searchIndex: 'after',
      contentDir: join(projectRoot, 'tests/fixtures/valid'),
      sourcesFile: join(projectRoot, 'tests/fixtures/sources-site/sources.yaml'),
      stepSummary: '/tmp/summary.md',
      aggregateMaxNewItems: '10',
      outDir: '/srv/site',
      cacheDir: join(projectRoot, 'cache'),
      cardCacheDir: join(projectRoot, 'cache/newsdesk-cards'),
      searchCacheDir: join(projectRoot, 'cache/newsdesk-search'),
      checkCacheDir: join(projectRoot, 'cache/newsdesk-check'),
      timingFile: '/tmp/timings.jsonl',
      noColor: true,
    });
  });

  it('keeps social cards where NEWSDESK_CARD_CACHE says, whatever Astro\'s cache', () => {
    expect(settingsIn(tmpdir(), { NEWSDESK_CACHE_DIR: 'cache', NEWSDESK_CARD_CACHE: '/var/cache/cards' })).toMatchObject({ cardCacheDir: '/var/cache/cards' });
  });

  it('keeps the decoded pictures where NEWSDESK_CHECK_CACHE says, whatever Astro\'s cache', () => {
    expect(settingsIn(tmpdir(), { NEWSDESK_CACHE_DIR: 'cache', NEWSDESK_CHECK_CACHE: '/var/cache/check' })).toMatchObject({ checkCacheDir: '/var/cache/check' });
  });

  it('keeps the search parts where NEWSDESK_SEARCH_CACHE says, and passes the part sizes and the full-text count on as written', () => {
    expect(
      settingsIn(tmpdir(), {
        NEWSDESK_CACHE_DIR: 'cache',
        NEWSDESK_SEARCH_CACHE: '/var/cache/search',
        NEWSDESK_SEARCH_PART_ARTICLES: '500',
        NEWSDESK_SEARCH_PART_WORDS: '400000',
        NEWSDESK_SEARCH_FULL_TEXT_ARTICLES: '0',
      }),
    ).toMatchObject({ searchCacheDir: '/var/cache/search', searchPartArticles: '500', searchPartWords: '400000', searchFullTextArticles: '0' });
    expect(settingsIn(tmpdir(), {})).not.toHaveProperty('searchPartArticles', expect.anything());
    expect(settingsIn(tmpdir(), {})).not.toHaveProperty('searchPartWords', expect.anything());
    expect(settingsIn(tmpdir(), {})).not.toHaveProperty('searchFullTextArticles', expect.anything());
  });
});
