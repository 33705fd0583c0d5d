/**
 * What builds leave beside the output folder. The site a build replaces is set aside at once (one rename) and
 * removed by the next build while it runs; so are the folders of a build that was stopped. A failed build leaves the
 * site as it was and removes what it wrote; nothing the builds did not make is removed, whatever its name.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTogether, siteFiles, type BuildRun } from '../helpers/build-site.ts';

const corpus = { contentDir: 'tests/fixtures/site-basic', now: '2026-11-25T12:00:00Z' };
const root = mkdtempSync(join(tmpdir(), 'newsdesk-leftovers-'));
const outDir = join(root, 'dist');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const build = async (contentDir = corpus.contentDir, env: Record<string, string> = {}, nodeOptions: string[] = []): Promise<BuildRun> =>
  (await buildTogether({ ...corpus, contentDir, env, nodeOptions }, [0], root)).runs[0]!;
// The build's cache is in the same temp folder, as the helper puts it there.
const beside = () => readdirSync(root).filter((name) => name.startsWith('dist')).sort();
const setAside = () => beside().filter((name) => /^dist\.discarded-[0-9a-f]{12}$/.test(name));
/** Folders beside the output that only look like the build's own: another site, and names no build gives. */
const NOT_THE_BUILDS = ['dist-other', 'dist.discarded-mine', 'dist.discarded-0123456789abc', 'dist.staging-notes'];

let firstSite: Record<string, string>;
let first: BuildRun;
const lastLine = (run: BuildRun) => run.stdout.trimEnd().split('\n').at(-1);
beforeAll(async () => {
  first = await build();
  expect(first.exitCode, first.stdout + first.stderr).toBe(0);
  firstSite = siteFiles(outDir);
  for (const name of NOT_THE_BUILDS) {
    mkdirSync(join(root, name));
    writeFileSync(join(root, name, 'index.html'), 'kept');
  }
});

describe('a build over an earlier site', () => {
  let second: BuildRun;
  beforeAll(async () => {
    // What a build stopped part-way leaves: half a site in staging, a search index, cards and bodies for the pages
    // half made, and a folder it had set aside but not yet removed.
    for (const folder of ['dist.staging', 'dist.search', 'dist.cards', 'dist.articles.jsonl.pages', 'dist.discarded-00000000abcd']) {
      mkdirSync(join(root, folder));
      writeFileSync(join(root, folder, 'index.html'), 'half a site');
    }
    second = await build();
  });

  it('succeeds, and removes what a stopped build left', () => {
    expect(second.exitCode, second.stdout + second.stderr).toBe(0);
    expect(siteFiles(outDir)).toEqual(firstSite);
    for (const leftover of ['dist.staging', 'dist.search', 'dist.cards', 'dist.articles.jsonl.pages', 'dist.discarded-00000000abcd']) expect(beside()).not.toContain(leftover);
  });

  it('sets the site it replaced aside in one folder, whole, instead of removing it before it ends', () => {
    expect(setAside()).toHaveLength(1);
    expect(siteFiles(join(root, setAside()[0]!))).toEqual(firstSite);
  });

  it('ends by saying where the site is, how long the build took, and where the site it replaced went', () => {
    expect(lastLine(first)).toMatch(new RegExp(`^Site written to ${outDir} in (\\d\\.\\ds|\\d+s|\\d+m \\d+s)\\.$`));
    expect(lastLine(second)).toMatch(new RegExp(`^Site written to ${outDir} in [^;]+; the site it replaced is in ${join(root, setAside()[0]!)} until the next build removes it\\.$`));
  });

  it('removes nothing the builds did not make', () => {
    expect(beside()).toEqual(['dist', ...setAside(), ...NOT_THE_BUILDS].sort());
    for (const name of NOT_THE_BUILDS) expect(siteFiles(join(root, name))).toEqual(siteFiles(join(root, NOT_THE_BUILDS[0]!)));
  });
});

describe('the build after it, which fails', () => {
  let failed: BuildRun;
  beforeAll(async () => {
    failed = await build('tests/fixtures/invalid/empty-file');
  });

  it('leaves the site as it was, and removes the one the last build set aside and all it wrote itself', () => {
    expect(failed.exitCode).not.toBe(0);
    expect(failed.stderr).toContain(`the previous ${outDir} is unchanged`);
    expect(siteFiles(outDir)).toEqual(firstSite);
    expect(beside()).toEqual(['dist', ...NOT_THE_BUILDS].sort());
  });
});

describe.each([
  ['the site in place', '/dist /dist.previous', `${outDir} to ${outDir}.previous`],
  ['the new site', '/dist.staging /dist', `${outDir}.staging to ${outDir}`],
])('a build that cannot rename %s, as when the output folder is a mount point', (_, busy, rename) => {
  let swap: BuildRun;
  beforeAll(async () => {
    swap = await build(corpus.contentDir, { RENAME_BUSY: busy }, ['--import', pathToFileURL(join(import.meta.dirname, '../helpers/rename-busy.ts')).href]);
  });

  it('says which rename failed and what to set instead, and leaves the site as it was with nothing beside it', () => {
    expect(swap.exitCode).toBe(1);
    expect(swap.stderr).toContain(`Cannot swap the new site into ${outDir}: renaming ${rename} failed (EBUSY). ${outDir} is in use by another program or is a mount point`);
    expect(swap.stderr).toContain(`Build failed during the swap; the previous ${outDir} is unchanged.`);
    expect(swap.stderr).not.toMatch(/\n\s+at /);
    expect(siteFiles(outDir)).toEqual(firstSite);
    expect(beside()).toEqual(['dist', ...NOT_THE_BUILDS].sort());
  });
});
