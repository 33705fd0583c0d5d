/**
 * Edges of the content a build must get right: dates in the years 0000-0099 refused as written (YAML parsers take
 * them for 1900-1999), symbolic links in the content folder refused by name by the checker and the build
 * alike (Astro's loader would follow them and publish a file from anywhere), an SVG as a lead picture, which the
 * image service cannot turn into raster formats, and a time written at midnight in UTC, which YAML reads as the same
 * instant as a day written alone.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';

const projectRoot = resolve(import.meta.dirname, '../..');
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

describe('an article dated in the year 50', () => {
  // YAML parsers take 0050 for 1950, a date the schema would take: read as written, it is refused by both readers.
  const refusal = /the-first-roads\.md:4: publishedAt: 0050-06-01 is too early: dates before 1900 are not accepted; check the year/;
  // Dated 1900 in its own zone, an instant that is still 1899 in UTC: 1900 as written, so taken.
  const judgedAsWritten = (output: string) => expect(output).not.toContain('a-new-century.md');

  it('fails the build at its line, never shown as 1950', async () => {
    const site = await buildSite({ contentDir: 'tests/fixtures/early-years', now: '2026-11-20T00:00:00Z' });
    cleanups.push(site.cleanup);
    expect(site.exitCode).not.toBe(0);
    expect(site.stdout + site.stderr).toMatch(refusal);
    judgedAsWritten(site.stdout + site.stderr);
    expect(site.stdout + site.stderr).toContain('Build failed during the content check; nothing was written.');
  });

  it('is refused by Astro\'s own reading too, in a build without the check', async () => {
    const site = await buildSite({ contentDir: 'tests/fixtures/early-years', now: '2026-11-20T00:00:00Z', astroOnly: true });
    cleanups.push(site.cleanup);
    expect(site.exitCode).not.toBe(0);
    expect(site.stdout + site.stderr).toMatch(refusal);
    judgedAsWritten(site.stdout + site.stderr);
  });
});

describe('a time written at midnight in UTC', () => {
  it('shows its time, where a day written alone shows none, both the same instant', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'newsdesk-midnight-'));
    cleanups.push(() => rmSync(corpus, { recursive: true, force: true }));
    const article = (title: string, publishedAt: string) => `---\ntitle: "${title}"\ndescription: "Dated."\npublishedAt: ${publishedAt}\ntags: ["AI"]\n---\nText.\n`;
    writeFileSync(join(corpus, 'day-alone.md'), article('A day', '2026-11-01'));
    // Eight in the evening in New York is midnight in UTC.
    writeFileSync(join(corpus, 'evening.md'), article('An evening', '2026-10-31T20:00:00-04:00'));
    const site = await buildSite({ contentDir: corpus, now: '2026-11-20T00:00:00Z' });
    cleanups.push(site.cleanup);
    expect(site.exitCode, site.stdout + site.stderr).toBe(0);
    const published = (slug: string) => site.html(`articles/${slug}/`).querySelector('.dates time')!;
    expect(['day-alone', 'evening'].map((slug) => [published(slug).getAttribute('datetime'), published(slug).getAttribute('title')])).toEqual([
      ['2026-11-01T00:00:00.000Z', 'Nov 1, 2026'],
      ['2026-11-01T00:00:00.000Z', 'Nov 1, 2026, 12:00 AM UTC'],
    ]);
    const teasers = site.html('').querySelectorAll('.teaser .meta time').map((time) => time.getAttribute('title'));
    expect(teasers.sort()).toEqual(['Nov 1, 2026', 'Nov 1, 2026, 12:00 AM UTC']);
  });
});

describe('symbolic links in the content folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'newsdesk-symlinks-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  const corpus = join(root, 'articles');
  cpSync(join(projectRoot, 'tests/fixtures/valid'), corpus, { recursive: true });
  const outside = join(root, 'elsewhere');
  cpSync(join(projectRoot, 'tests/fixtures/early-years'), outside, { recursive: true });
  writeFileSync(join(root, 'loose-article.md'), '---\ntitle: "From outside"\ndescription: "Linked in."\npublishedAt: 2026-11-01\ntags: ["AI"]\n---\nText.\n');
  symlinkSync(join(root, 'loose-article.md'), join(corpus, 'linked-article.md'));
  symlinkSync(outside, join(corpus, 'linked-folder'));
  const refusal = 'is a symbolic link; articles must be files inside the content folder';

  it('are refused by the checker, each named', () => {
    const check = spawnSync(join(projectRoot, 'node_modules/.bin/node'), ['src/cli/check-content.ts', '--dir', corpus], { cwd: projectRoot, encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`${join(corpus, 'linked-article.md')}: ${refusal}`);
    expect(check.stdout).toContain(`${join(corpus, 'linked-folder')}: ${refusal}`);
  });

  it('stop the build before Astro publishes what they point to', async () => {
    const site = await buildSite({ contentDir: corpus });
    cleanups.push(site.cleanup);
    expect(site.exitCode).not.toBe(0);
    expect(site.stdout + site.stderr).toContain(`${join(corpus, 'linked-article.md')}: ${refusal}`);
    expect(site.stdout + site.stderr).toContain('Build failed during the content check; nothing was written.');
  });
});

describe('an article whose lead picture is an SVG', () => {
  it('is built, the drawing shown as it is at the top of the article and beside its teaser', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'newsdesk-svg-lead-'));
    cleanups.push(() => rmSync(corpus, { recursive: true, force: true }));
    writeFileSync(join(corpus, 'chart.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"><rect width="640" height="480" fill="#369"/></svg>');
    writeFileSync(join(corpus, 'drawn-lead.md'), '---\ntitle: "A chart up top"\ndescription: "Drawn."\npublishedAt: 2026-11-01\ntags: ["AI"]\nimage:\n  src: ./chart.svg\n  alt: "A blue chart"\n---\nText.\n');
    const site = await buildSite({ contentDir: corpus, now: '2026-11-20T00:00:00Z' });
    cleanups.push(site.cleanup);
    expect(site.exitCode, site.stdout + site.stderr).toBe(0);
    const lead = site.html('articles/drawn-lead/').querySelector('.story-image img')!;
    const teaser = site.html('').querySelector('.thumbnail img')!;
    for (const image of [lead, teaser]) {
      expect(image.getAttribute('alt')).toBe('A blue chart');
      expect(image.getAttribute('src')).toMatch(/\.svg$/);
      expect(site.exists(image.getAttribute('src')!)).toBe(true);
    }
  });
});
