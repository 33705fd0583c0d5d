/**
 * What the deploy workflow keeps between runs: the social cards, the search index's parts, Astro's content store and
 * the pictures the content check decoded, each restored where the build looks for it, after `npm ci` (which empties
 * node_modules/) and before the build; the pictures before the content check as well.
 * Astro's store is reused only by the same code.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const deploy = parse(readFileSync(resolve(import.meta.dirname, '../../../.github/workflows/deploy.yml'), 'utf8'));
type Step = { uses?: string; run?: string; with?: Record<string, string> };
/** The build's own cache folders when no setting moves them, as in the deploy (tests/unit/settings.test.ts checks these defaults). */
const ASTRO_CACHE = 'node_modules/.astro';
const CACHES = [ASTRO_CACHE, 'node_modules/.cache/newsdesk-cards', 'node_modules/.cache/newsdesk-search', 'node_modules/.cache/newsdesk-check'];
const CHECK_CACHE = 'node_modules/.cache/newsdesk-check';

describe.each([
  ['build', 'npm run build'],
  ['shard-build', 'npm run build -- --shard'],
])('the %s job', (job, buildCommand) => {
  const steps: Step[] = deploy.jobs[job].steps;
  const caches = steps.filter((step) => step.uses?.startsWith('actions/cache@'));
  const position = (found: Step | undefined) => steps.indexOf(found!);
  const install = position(steps.find((step) => step.run === 'npm ci --no-audit --no-fund'));
  const build = position(steps.find((step) => step.run?.startsWith(buildCommand)));

  it('restores the card, search, content and picture caches after npm ci and before the build', () => {
    expect([install, build].every((index) => index >= 0)).toBe(true);
    const paths = caches.flatMap((step) => step.with!.path!.trim().split('\n'));
    expect(paths.sort()).toEqual(CACHES.sort());
    for (const cache of caches) expect(position(cache)).toBeGreaterThan(install);
    for (const cache of caches) expect(position(cache)).toBeLessThan(build);
  });

  it("keys Astro's content store by the code, the config and the lockfile, and saves it under each run", () => {
    const store = caches.find((step) => step.with!.path === ASTRO_CACHE)!;
    const code = "${{ hashFiles('package-lock.json', 'astro.config.mjs', 'src/**') }}";
    expect(store.with!.key).toContain(code);
    expect(store.with!.key).toMatch(/-\$\{\{ github\.run_id \}\}$/);
    expect(store.with!['restore-keys']).toBe(store.with!.key!.replace('${{ github.run_id }}', ''));
  });
});

describe.each(['build', 'shard-plan'])('the %s job', (job) => {
  it('restores the picture cache before the content check', () => {
    const steps: Step[] = deploy.jobs[job].steps;
    const check = steps.findIndex((step) => step.run === 'npm run check:content');
    const restore = steps.findIndex((step) => step.uses?.startsWith('actions/cache@') && step.with!.path!.split('\n').includes(CHECK_CACHE));
    expect(check).toBeGreaterThan(0);
    expect(restore).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm ci --no-audit --no-fund'));
    expect(restore).toBeLessThan(check);
  });
});
