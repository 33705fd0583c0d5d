/** The deploy workflow's sharded variant: parts built alike, merged with the same settings, and the whole-site build left the default. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const deploy = parse(readFileSync(resolve(import.meta.dirname, '../../../.github/workflows/deploy.yml'), 'utf8'));
type Step = { id?: string; name?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> };
const step = (job: string, match: (step: Step) => boolean): Step => deploy.jobs[job].steps.find(match);

describe('the sharded deploy', () => {
  it('is asked for by hand or by a caller, and builds the site whole by default and on push', () => {
    expect(deploy.on.workflow_dispatch.inputs.shards.default).toBe('1');
    expect(deploy.on.workflow_call.inputs.shards).toMatchObject({ type: 'number', default: 1 });
    expect(deploy.jobs.build.if).toBe('${{ !(inputs.shards > 1) }}');
    expect(deploy.jobs['shard-plan'].if).toBe('${{ inputs.shards > 1 }}');
  });

  it('builds every part and merges them with one publish instant, address and base path', () => {
    const build = step('shard-build', (s) => s.run?.includes('--shard') ?? false);
    const merge = step('shard-merge', (s) => s.run?.includes('--merge') ?? false);
    expect(build.run).toBe('npm run build -- --shard "$PART/$SHARDS"');
    expect(build.env).toMatchObject({ PART: '${{ matrix.part }}', SHARDS: '${{ inputs.shards }}' });
    for (const name of ['NEWSDESK_NOW', 'SITE_URL', 'BASE_PATH']) {
      expect(build.env![name]).toMatch(/^\$\{\{ needs\.shard-plan\.outputs\.[a-z-]+ \}\}$/);
      expect(merge.env![name]).toBe(build.env![name]);
    }
    expect(deploy.jobs['shard-build'].strategy.matrix.part).toBe('${{ fromJSON(needs.shard-plan.outputs.parts) }}');
  });

  it('builds every part and the merge from the one commit the plan checked out, though `ref` may name a moving branch', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-shard-plan-'));
    try {
      execFileSync('git', ['init', '--quiet', '--initial-branch=main'], { cwd: scratch });
      execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', 'commit', '--quiet', '--allow-empty', '-m', 'start'], { cwd: scratch });
      writeFileSync(join(scratch, 'output'), '');
      const plan = step('shard-plan', (s) => s.id === 'plan');
      execFileSync('bash', ['-e', '-c', plan.run!], { cwd: scratch, env: { ...process.env, SHARDS: '3', GITHUB_OUTPUT: join(scratch, 'output') } });
      const outputs = Object.fromEntries(readFileSync(join(scratch, 'output'), 'utf8').trim().split('\n').map((line) => line.split('=', 2) as [string, string]));
      expect(outputs.sha).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: scratch, encoding: 'utf8' }).trim());
      expect(outputs.parts).toBe('[1,2,3]');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    expect(deploy.jobs['shard-plan'].outputs.sha).toBe('${{ steps.plan.outputs.sha }}');
    for (const job of ['shard-build', 'shard-merge']) {
      expect(step(job, (s) => s.uses?.startsWith('actions/checkout@') ?? false).with).toEqual({ ref: '${{ needs.shard-plan.outputs.sha }}' });
    }
  });

  it('keeps a card cache per part and uploads each part with its hidden marker, under a name of its own', () => {
    const cache = step('shard-build', (s) => s.uses?.startsWith('actions/cache@') ?? false);
    expect(cache.with!.key).toContain('${{ matrix.part }}-of-${{ inputs.shards }}');
    const upload = step('shard-build', (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(upload.with).toMatchObject({ path: 'part/', 'include-hidden-files': true, name: 'site-part-${{ matrix.part }}' });
    expect(step('shard-merge', (s) => s.uses?.startsWith('actions/download-artifact@') ?? false).with).toMatchObject({ pattern: 'site-part-*' });
  });

  // upload-artifact refuses a second artifact of one name in a run, and a re-run's attempts share the run.
  it('lets a part built again by a re-run replace the one uploaded before', () => {
    const upload = step('shard-build', (s) => s.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect(upload.with).toMatchObject({ overwrite: true });
  });

  it('stops the other parts when one fails, since the merge needs them all, and merges only after every part', () => {
    expect(deploy.jobs['shard-build'].strategy['fail-fast']).not.toBe(false);
    expect(deploy.jobs['shard-merge'].needs).toEqual(expect.arrayContaining(['shard-plan', 'shard-build']));
    expect(deploy.jobs['shard-merge'].if).toBeUndefined();
  });

  it('hands the parts on with the artifact actions that run on Node 24 (their v4 runs on Node 20, which the runners retire)', () => {
    const major = (job: string, action: string) => Number(/@v(\d+)$/.exec(step(job, (s) => s.uses?.startsWith(`${action}@`) ?? false).uses!)?.[1]);
    expect(major('shard-build', 'actions/upload-artifact')).toBeGreaterThanOrEqual(6);
    expect(major('shard-merge', 'actions/download-artifact')).toBeGreaterThanOrEqual(7);
  });

  it('deploys whichever way the site was built', () => {
    expect(deploy.jobs.deploy.needs).toEqual(expect.arrayContaining(['build', 'shard-merge']));
    expect(deploy.jobs.deploy.if).toContain("needs.shard-merge.result == 'success'");
    expect(deploy.jobs.deploy.if).toContain("needs.build.result == 'success'");
  });
});
