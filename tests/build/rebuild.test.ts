/**
 * A rebuild that finds every cache of the build before it (Astro's content store, the social cards, the search
 * index's parts), as an editor's next `npm run build` does and a deploy that restores them does: after an article
 * is edited, another added and a third removed, it writes exactly the site a clean build of the new content writes.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildTogether, siteFiles, type BuiltSite } from '../helpers/build-site.ts';

const NOW = '2026-11-20T00:00:00Z';
const root = mkdtempSync(join(tmpdir(), 'newsdesk-rebuild-'));
const corpus = join(root, 'articles');
const builds = join(root, 'builds');
const cleanups: Array<() => void> = [() => rmSync(root, { recursive: true, force: true })];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

/** Builds the corpus into `builds/`, whose caches every call shares. */
async function buildKeepingCaches(): Promise<string> {
  const { outDir, runs } = await buildTogether({ contentDir: corpus, now: NOW }, [0], builds);
  expect(runs[0]!.exitCode, runs[0]!.stdout + runs[0]!.stderr).toBe(0);
  // The corpus has an MDX article: the bundler's warning about Astro's own directive in it is not the editor's concern.
  expect(runs[0]!.stdout + runs[0]!.stderr).not.toContain('MODULE_LEVEL_DIRECTIVE');
  return outDir;
}

let rebuiltDir: string;
let clean: BuiltSite;
beforeAll(async () => {
  cpSync(resolve(import.meta.dirname, '../fixtures/valid'), corpus, { recursive: true });
  await buildKeepingCaches();

  const edited = join(corpus, 'markets-open-steady.md');
  writeFileSync(
    edited,
    readFileSync(edited, 'utf8')
      .replace('Chip stocks open steady after export-rule update', 'Chip stocks slip after export-rule update')
      .replace('opened flat on Monday', 'opened lower on Monday, then recovered'),
  );
  rmSync(join(corpus, 'raw-html-embed.md'));
  writeFileSync(
    join(corpus, 'desk/fab-hiring.md'),
    [
      '---',
      'title: "The new chip plant starts hiring technicians"',
      'description: "Three hundred jobs open this winter, most of them for technicians trained at the local college."',
      'publishedAt: 2026-11-04T09:00:00Z',
      'authors: ["Mariko Tanaka"]',
      'tags: ["Markets"]',
      '---',
      '',
      'The plant posted its first openings for cleanroom technicians on Wednesday.',
      '',
    ].join('\n'),
  );
  rebuiltDir = await buildKeepingCaches();

  clean = await buildSite({ contentDir: corpus, now: NOW });
  cleanups.push(clean.cleanup);
  expect(clean.exitCode, clean.stderr).toBe(0);
});

describe('a rebuild that keeps its caches', () => {
  it('writes the same site, byte for byte, as a clean build of the changed articles', () => {
    expect(siteFiles(rebuiltDir)).toEqual(siteFiles(clean.outDir));
  });

  it('shows the edit and the added article, and none of the removed one', () => {
    const page = (path: string) => parse(readFileSync(join(rebuiltDir, path, 'index.html'), 'utf8'));
    expect(page('articles/markets-open-steady').querySelector('h1')?.text).toBe('Chip stocks slip after export-rule update');
    expect(page('articles/markets-open-steady').querySelector('.prose')?.text).toContain('opened lower on Monday, then recovered');
    expect(page('articles/fab-hiring').querySelector('h1')?.text).toBe('The new chip plant starts hiring technicians');
    expect(existsSync(join(rebuiltDir, 'articles/raw-html-embed'))).toBe(false);
    const front = page('.').text;
    expect(front).toContain('The new chip plant starts hiring technicians');
    expect(front).not.toContain('What an embedded chart looks like');
  });
});
