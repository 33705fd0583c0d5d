/**
 * The output folder can be anywhere, including beside the project under a name that begins with the project's
 * (`/srv/news` and `/srv/news-public`), which Astro takes for a folder inside the project by the text of its path.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSite, buildTogether, siteFiles } from '../helpers/build-site.ts';
import { projectRoot } from '../helpers/invalid-corpus.ts';

const beside = mkdtempSync(`${projectRoot}-output-`);
afterAll(() => rmSync(beside, { recursive: true, force: true }));

it('builds into a folder beside the project whose name begins with the project folder’s', async () => {
  const { outDir, runs } = await buildTogether({ contentDir: 'tests/fixtures/site-basic', now: '2026-11-25T12:00:00Z' }, [0], beside);
  expect(runs[0]!.exitCode, runs[0]!.stdout + runs[0]!.stderr).toBe(0);
  expect(existsSync(join(outDir, 'articles/cpp-contracts-vote/index.html'))).toBe(true);
  // Nothing of the build's own machinery is left in the site.
  expect(readdirSync(outDir)).not.toContain('node_modules');
  expect(readdirSync(outDir)).not.toContain('.prerender');
}, 240_000);

it('refuses an output folder that is the content folder, before any step, leaving the articles as they were', async () => {
  const content = mkdtempSync(join(tmpdir(), 'newsdesk-content-'));
  try {
    cpSync(join(projectRoot, 'tests/fixtures/site-basic'), content, { recursive: true });
    const articles = siteFiles(content);
    const site = await buildSite({ contentDir: content, env: { NEWSDESK_DIST: content } });
    site.cleanup();
    expect(site.exitCode, site.stdout + site.stderr).toBe(2);
    expect(site.stderr.trim()).toBe(`NEWSDESK_DIST=${content} is the content folder (${content}): every build replaces the output folder whole and removes the one it replaced. Set NEWSDESK_DIST to a folder of its own, such as ${projectRoot}/dist.`);
    expect(site.stdout).toBe('');
    expect(siteFiles(content)).toEqual(articles);
  } finally {
    rmSync(content, { recursive: true, force: true });
  }
}, 240_000);

it.each([
  ['--outDir', 'elsewhere', 'set NEWSDESK_DIST=<folder> instead'],
  ['--outdir', 'elsewhere', 'set NEWSDESK_DIST=<folder> instead'],
  ['--out-dir', 'elsewhere', 'set NEWSDESK_DIST=<folder> instead'],
  ['--base=/desk/', undefined, 'set BASE_PATH instead'],
  ['--Site=https://news.example.org', undefined, 'set SITE_URL instead'],
])('refuses %s, which would take the output or the links away from the build’s own settings', async (option, value, hint) => {
  const site = await buildSite({ contentDir: 'tests/fixtures/site-basic', args: value === undefined ? [option] : [option, value] });
  site.cleanup();
  expect(site.exitCode).toBe(2);
  expect(site.stderr).toContain(`${option.split('=')[0]} is not given to Astro: ${hint}`);
  expect(site.stdout).not.toContain('[build]');
  expect(existsSync(join(projectRoot, 'elsewhere'))).toBe(false);
}, 60_000);

it.each([
  ['a SITE_URL that is no web address', { siteUrl: 'news.example.org' }, 'SITE_URL="news.example.org" is not a web address; set it to the site\'s full address, such as https://news.example.org'],
  [
    'a SITE_URL whose path BASE_PATH does not repeat',
    { siteUrl: 'https://example.github.io/desk' },
    'SITE_URL="https://example.github.io/desk" has the path /desk/, but BASE_PATH is /: canonical links, feeds and the sitemap would leave /desk/ out; set SITE_URL=https://example.github.io, with BASE_PATH=/desk/ if the site lives there',
  ],
  [
    'a BASE_PATH with a folder browsers would resolve away',
    { basePath: '/desk/../' },
    'BASE_PATH="/desk/../" has the folder "..", which cannot be part of the site\'s address; set BASE_PATH to the path the site is served from, such as /desk/',
  ],
  ['a content folder that does not exist', { contentDir: 'tests/fixtures/no-such-folder' }, `The content folder ${join(projectRoot, 'tests/fixtures/no-such-folder')} does not exist: create it, or set NEWSDESK_CONTENT_DIR`],
  ['a content folder that is a file', { contentDir: 'README.md' }, `The content folder ${join(projectRoot, 'README.md')} is a file, not a folder: set NEWSDESK_CONTENT_DIR`],
  ['a NEWSDESK_NOW that is no instant', { now: 'tomorrow' }, 'NEWSDESK_NOW="tomorrow" is not a date; use an ISO-8601 instant such as 2026-12-01T09:00:00Z'],
])('refuses %s before any step starts, in one line that says what to set', async (_, options, message) => {
  const site = await buildSite({ contentDir: 'tests/fixtures/site-basic', ...options });
  site.cleanup();
  expect(site.exitCode).toBe(2);
  expect(site.stderr.trim().startsWith(message), site.stderr).toBe(true);
  expect(site.stderr).not.toMatch(/\n\s+at |Usage:/);
  expect(site.stdout).toBe('');
}, 60_000);
