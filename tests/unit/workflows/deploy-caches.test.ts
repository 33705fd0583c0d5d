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

/**
 * The values an expression in a cache key can take: a pattern for matching, and an example. Any other expression
 * fails the test, so that it never passes on a key it cannot read.
 */
const VALUES: Array<[RegExp, string, string]> = [
  [/^github\.run_id$/, '\\d+', '7301'],
  [/^(matrix\.part|inputs\.shards)$/, '\\d+', '3'],
  [/^(hashFiles\(.*\)|steps\.code\.outputs\.digest|env\.SITE_DIGEST)$/, '[0-9a-f]{64}', 'c0ffee'.padEnd(64, '0')],
];
const value = (expression: string): [string, string] => {
  const found = VALUES.find(([form]) => form.test(expression));
  if (!found) throw new Error(`No value known for \${{ ${expression} }}`);
  return [found[1], found[2]];
};
const pieces = (key: string) => key.split(/\$\{\{\s*(.+?)\s*\}\}/);
/** Whether GitHub's prefix match of `prefix` can find a cache saved under `key` (both as written in the workflow). */
const prefixMatches = (prefix: string, key: string): boolean => {
  const pattern = pieces(prefix).map((piece, index) => (index % 2 ? value(piece)[0] : piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  const example = pieces(key).map((piece, index) => (index % 2 ? value(piece)[1] : piece)).join('');
  return new RegExp(`^${pattern}`).test(example);
};

describe('the cache keys', () => {
  type CacheStep = { job: string; key: string; prefixes: string[] };
  const steps: CacheStep[] = Object.entries(deploy.jobs as Record<string, { steps: Step[] }>).flatMap(([job, { steps }]) =>
    steps
      .filter((step) => /^actions\/cache(\/(restore|save))?@/.test(step.uses ?? ''))
      .map((step) => ({ job, key: step.with!.key!, prefixes: [step.with!.key!, ...(step.with!['restore-keys'] ?? '').split('\n').map((line) => line.trim()).filter(Boolean)] })),
  );

  it('restore what the same step saved in an earlier run', () => {
    for (const step of steps) for (const prefix of step.prefixes) expect({ prefix, key: step.key, matches: prefixMatches(prefix, step.key) }).toMatchObject({ matches: true });
  });

  // GitHub restores the newest cache whose key starts with a restore key: a prefix that another cache's key starts
  // with too brings back that cache (a part's cards in place of the whole site's).
  it('never restore a cache of another kind', () => {
    const crossings = steps.flatMap((step) =>
      steps.filter((other) => other.key !== step.key).flatMap((other) => step.prefixes.filter((prefix) => prefixMatches(prefix, other.key)).map((prefix) => `${step.job}: ${prefix} finds ${other.job}'s ${other.key}`)),
    );
    expect(crossings).toEqual([]);
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
