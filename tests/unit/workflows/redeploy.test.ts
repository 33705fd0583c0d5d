/**
 * A deploy that failed is retried by the next scheduled aggregation, new items or not: the deploy records the digest of
 * the content it published (an Actions cache entry, saved only after Pages took the site), and the aggregation deploys
 * whenever the content it committed has no record. Run for real in scratch repositories, the cache played by a set of
 * keys.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';

const folder = resolve(import.meta.dirname, '../../../.github/workflows');
const aggregate = parse(readFileSync(join(folder, 'aggregate.yml'), 'utf8'));
const deploy = parse(readFileSync(join(folder, 'deploy.yml'), 'utf8'));
type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, string | boolean> };
const aggregateSteps: Step[] = aggregate.jobs.aggregate.steps;
const deploySteps: Step[] = deploy.jobs.deploy.steps;
const byId = (steps: Step[], id: string): Step => {
  const found = steps.find((step) => step.id === id);
  if (!found) throw new Error(`no step with id ${id}`);
  return found;
};

/** A cache key as written, its one expression replaced by the digest. */
const keyOf = (template: string | boolean | undefined, digest: string): string => {
  const parts = String(template).split(/\$\{\{[^}]*\}\}/);
  if (parts.length !== 2) throw new Error(`expected one expression in ${String(template)}`);
  return parts.join(digest);
};

describe('the record of a deploy', () => {
  it('is saved by the deploy job only after deploy-pages, only when none exists yet, and never after a failed step', () => {
    const position = (id: string) => deploySteps.indexOf(byId(deploySteps, id));
    const save = deploySteps.find((step) => step.uses?.startsWith('actions/cache/save@'))!;
    expect(position('recorded')).toBeGreaterThan(position('deployment'));
    expect(byId(deploySteps, 'recorded')).toMatchObject({ uses: expect.stringMatching(/^actions\/cache\/restore@/), with: { 'lookup-only': true, key: save.with!.key } });
    expect(deploySteps.indexOf(save)).toBeGreaterThan(position('recorded'));
    // A step runs only while every step before it succeeded, unless its condition says otherwise.
    expect(byId(deploySteps, 'deployment')).not.toHaveProperty('continue-on-error');
    const recording = deploySteps.slice(position('recorded'), deploySteps.indexOf(save) + 1);
    expect(recording.filter((step) => /always\(\)|failure\(\)|cancelled\(\)/.test(step.if ?? '')).map((step) => step.name)).toEqual([]);
    expect(deploy.jobs.deploy.env.SITE_DIGEST).toBe('${{ needs.build.outputs.site || needs.shard-plan.outputs.site }}');
    expect(deploy.jobs.deploy.needs).toEqual(expect.arrayContaining(['build', 'shard-plan', 'shard-merge']));
    for (const job of ['build', 'shard-plan']) expect(deploy.jobs[job].outputs.site).toBe('${{ steps.site.outputs.digest }}');
  });

  it('is looked for by the aggregation after its commit and before the job can fail, and a deploy follows when it is missing, even after that failure', () => {
    const names = aggregateSteps.map((step) => step.id ?? step.name);
    expect(names.indexOf('site')).toBeGreaterThan(names.indexOf('commit'));
    expect(names.indexOf('deployed')).toBeGreaterThan(names.indexOf('site'));
    expect(names.at(-1)).toBe('Fail when every source is failing');
    expect(byId(aggregateSteps, 'deployed')).toMatchObject({ uses: expect.stringMatching(/^actions\/cache\/restore@/), with: { 'lookup-only': true } });
    expect(aggregate.jobs.aggregate.outputs.deploy).toBe("${{ steps.deployed.outcome == 'success' && steps.deployed.outputs.cache-hit != 'true' }}");
    expect(aggregate.jobs.deploy.if).toBe("${{ !cancelled() && needs.aggregate.outputs.deploy == 'true' }}");
  });

  it('is never saved for a missing digest, which every later lookup of a missing digest would find', () => {
    const note = deploySteps.find((step) => step.name === 'Note the content deployed')!;
    const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-record-'));
    try {
      const run = (digest: string) => execFileSync('bash', ['-e', '-c', note.run!], { cwd: scratch, stdio: 'pipe', env: { ...process.env, SITE_DIGEST: digest } });
      expect(() => run('')).toThrow(/no digest of the site built/);
      run('c0ffee');
      expect(readFileSync(join(scratch, '.site-deployed/digest'), 'utf8')).toBe('c0ffee\n');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('needs no permission of the token: the cache is reached without it', () => {
    expect(aggregate.jobs.aggregate.permissions).toEqual({ contents: 'write' });
    expect(deploy.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});

describe('scheduled runs after a deploy that failed, run for real in scratch repositories', () => {
  let scratch: string;
  let runs = 0;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', ...args], { cwd, encoding: 'utf8' }).trim();
  const write = (work: string, files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(work, file, '..'), { recursive: true });
      writeFileSync(join(work, file), text);
    }
  };
  /** A bare origin whose default branch holds the site's code and scripts, an article, the registry and the state. */
  function origin(): void {
    scratch = mkdtempSync(join(tmpdir(), 'newsdesk-redeploy-'));
    git(scratch, 'init', '--quiet', '--bare', '--initial-branch=main', 'origin.git');
    git(scratch, 'clone', '--quiet', 'origin.git', 'start');
    const start = join(scratch, 'start');
    write(start, {
      '.github/scripts/site-digest.sh': readFileSync(resolve(folder, '../scripts/site-digest.sh'), 'utf8'),
      'src/site.ts': 'export {};',
      'content/articles/first.md': 'first',
      'content/sources.yaml': 'sources: []\n',
      'content/.aggregate-state.json': '{}',
    });
    git(start, 'add', '.');
    git(start, 'commit', '--quiet', '-m', 'start');
    git(start, 'push', '--quiet', 'origin', 'HEAD:main');
  }
  /** A step's script run in `cwd`; what it wrote to $GITHUB_OUTPUT. */
  function runStep(cwd: string, step: Step): Record<string, string> {
    const output = join(scratch, `output-${++runs}`);
    writeFileSync(output, '');
    execFileSync('bash', ['-e', '-c', step.run!], { cwd, stdio: 'ignore', env: { ...process.env, GITHUB_OUTPUT: output, DEFAULT_BRANCH: 'main' } });
    return Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((line) => line.split('=', 2) as [string, string]));
  }
  /** A scheduled aggregation that wrote `files`: commits them, then says whether it deploys (the job's `deploy` output). */
  function scheduledRun(records: Set<string>, files: Record<string, string>): boolean {
    const work = join(scratch, `run-${++runs}`);
    git(scratch, 'clone', '--quiet', 'origin.git', work);
    write(work, files);
    runStep(work, byId(aggregateSteps, 'commit'));
    const { digest } = runStep(work, byId(aggregateSteps, 'site'));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    return !records.has(keyOf(byId(aggregateSteps, 'deployed').with!.key, digest!));
  }
  /** The deploy of the default branch as it is: the build job's fingerprint, then, when Pages took the site, the record. */
  function deployRun(records: Set<string>, pages: 'published' | 'failed'): void {
    const work = join(scratch, `build-${++runs}`);
    git(scratch, 'clone', '--quiet', '--depth', '1', `file://${join(scratch, 'origin.git')}`, work);
    const { digest } = runStep(work, byId(deploy.jobs.build.steps, 'site'));
    if (pages === 'failed') return;
    records.add(keyOf(byId(deploySteps, 'recorded').with!.key, digest!));
  }

  it('deploys again at the next run, with no new item, until a deploy succeeds; then only for new content', () => {
    origin();
    const records = new Set<string>();
    expect(scheduledRun(records, { 'content/articles/second.md': 'second', 'content/.aggregate-state.json': '{"seen":2}' })).toBe(true);
    deployRun(records, 'failed');
    expect(scheduledRun(records, { 'content/.aggregate-state.json': '{"seen":3}' })).toBe(true);
    deployRun(records, 'failed');
    expect(scheduledRun(records, {})).toBe(true);
    deployRun(records, 'published');
    expect(scheduledRun(records, { 'content/.aggregate-state.json': '{"seen":4}' })).toBe(false);
    expect(scheduledRun(records, {})).toBe(false);
    expect(scheduledRun(records, { 'content/articles/third.md': 'third' })).toBe(true);
    deployRun(records, 'published');
    expect(scheduledRun(records, { 'content/sources.yaml': 'sources: [{}]\n' })).toBe(true);
    expect(records.size).toBe(2);
  });

  it('takes a push deployed by its own workflow as deployed, and deploys once when the record is gone (evicted)', () => {
    origin();
    const records = new Set<string>();
    const editor = join(scratch, 'editor');
    git(scratch, 'clone', '--quiet', 'origin.git', editor);
    write(editor, { 'src/site.ts': 'export const edited = true;' });
    git(editor, 'commit', '--quiet', '-am', 'editor: code');
    git(editor, 'push', '--quiet', 'origin', 'HEAD:main');
    deployRun(records, 'published');
    expect(scheduledRun(records, { 'content/.aggregate-state.json': '{"seen":2}' })).toBe(false);
    records.clear();
    expect(scheduledRun(records, {})).toBe(true);
    deployRun(records, 'published');
    expect(scheduledRun(records, {})).toBe(false);
  });
});
