/**
 * Builds into one output folder started at nearly the same moment: each finishes (the later one waits for the
 * output's lock), and the site they leave is the one a single clean build writes, with no build internals in it.
 * A build killed between the two renames of its swap leaves the last site in dist.previous; the next one puts it back.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildTogether, siteFiles, type BuiltSite } from '../helpers/build-site.ts';

const corpus = { contentDir: 'tests/fixtures/valid', now: '2026-11-20T00:00:00Z' };
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

let clean: BuiltSite;
beforeAll(async () => {
  clean = await buildSite(corpus);
  cleanups.push(clean.cleanup);
  expect(clean.exitCode, clean.stderr).toBe(0);
});

/** The output folder of the last trial below: a finished site the swap test then breaks. */
let lastOutDir = '';

describe('two builds into one output folder at once', () => {
  it.each([0, 1_500])('started %i ms apart both succeed and leave exactly the clean build', async (offset) => {
    const together = await buildTogether(corpus, [0, offset]);
    cleanups.push(together.cleanup);
    for (const run of together.runs) expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(together.runs.some((run) => run.stdout.includes('is writing the site output'))).toBe(true);
    expect(siteFiles(together.outDir)).toEqual(siteFiles(clean.outDir));
    // Beside the site, only the one the later build replaced, set aside for the next build to remove.
    expect(readdirSync(dirname(together.outDir)).filter((name) => name.startsWith('dist'))).toEqual(['dist', expect.stringMatching(/^dist\.discarded-[0-9a-f]{12}$/)]);
    lastOutDir = together.outDir;
  });
});

describe('a build after one killed between the two renames of its swap', () => {
  it('restores the last site from dist.previous before anything else', async () => {
    const outDir = lastOutDir;
    const site = siteFiles(outDir);
    // The first rename (dist -> dist.previous) happened, the second (staging -> dist) did not.
    renameSync(outDir, `${outDir}.previous`);
    mkdirSync(`${outDir}.staging`);
    writeFileSync(join(`${outDir}.staging`, 'index.html'), 'half a site');
    // A corpus that fails the content check: whatever is in dist/ afterwards was put there before the check.
    const next = await buildTogether({ ...corpus, contentDir: 'tests/fixtures/invalid/empty-file' }, [0], dirname(outDir));
    expect(next.runs[0]!.exitCode).not.toBe(0);
    expect(next.runs[0]!.stdout).toContain(`Restored ${outDir} from ${outDir}.previous`);
    expect(siteFiles(outDir)).toEqual(site);
    expect(existsSync(`${outDir}.previous`)).toBe(false);
    expect(existsSync(`${outDir}.staging`)).toBe(false);
  });
});
