/**
 * What `npm run build` prints, read as an operator reads a CI log: from top to bottom it names only the output
 * folder, says the build is done only once it is, and gives every time the same way.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build-site.ts';

let site: BuiltSite;
let lines: string[];
beforeAll(async () => {
  site = await buildSite({ contentDir: 'tests/fixtures/site-basic', now: '2026-11-25T12:00:00Z' });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.stderr}\n${site.stdout}`);
  lines = site.stdout.split('\n');
}, 240_000);
afterAll(() => site?.cleanup());

const indexOf = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));

it('reports no error and no warning of Astro’s in a build that succeeds', () => {
  expect(`${site.stdout}\n${site.stderr}`).not.toMatch(/\[(?:ERROR|WARN)\]/);
});

it('names the output folder where Astro would name the staging folder it writes into', () => {
  expect(site.stdout).toContain(`[build] directory: ${site.outDir}/`);
  expect(site.stdout).not.toContain('.staging');
});

it('says Astro’s pages are written, not that the build is complete, before the social cards and the search index report', () => {
  expect(site.stdout).not.toContain('Complete!');
  const pagesWritten = indexOf(/\[build\] Pages written; the social cards and the search index follow\.$/);
  expect(pagesWritten).toBeGreaterThan(-1);
  expect(indexOf(/^Social cards: /)).toBeGreaterThan(pagesWritten);
  expect(indexOf(/^Search index: /)).toBeGreaterThan(pagesWritten);
});

it('gives the content check’s, the cards’ and the search index’s times as the last line gives the build’s, and ends with that line', () => {
  const duration = String.raw`(?:\d+ms|(?:\d+\.\d|\d+|\d+m \d+)s)`;
  expect(site.stdout).toMatch(new RegExp(String.raw`^0 errors and 8 warnings in 16 files checked \(${duration}\)$`, 'm'));
  expect(site.stdout).toMatch(new RegExp(String.raw`^Social cards: 14 cards, 14 made, in ${duration}$`, 'm'));
  expect(site.stdout).toMatch(new RegExp(String.raw`^Search index: 14 articles in 1 part, 1 indexed and 0 reused, in ${duration}$`, 'm'));
  expect(site.stdout.trimEnd().split('\n').at(-1)).toMatch(new RegExp(String.raw`^Site written to ${site.outDir} in ${duration}\.$`));
});

it('prints each of the content check’s warnings once, as the check names them, not again from Astro', () => {
  // Warnings between articles (a tag shown in another spelling) are what Astro's site index finds again.
  const warnings = `${site.stdout}\n${site.stderr}`.split('\n').filter((line) => line.includes('ai-chip-export-rules.md:6: warning: tags.0:'));
  expect(warnings).toEqual(['tests/fixtures/site-basic/ai/ai-chip-export-rules.md:6: warning: tags.0: tag "Ai" is shown as "AI", its most common spelling; write "AI" to match the other articles']);
});
