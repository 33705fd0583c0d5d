/**
 * Re-running a deploy run that failed: the site and the shard parts are artifacts kept for a few days. A re-run of the
 * failed jobs alone after that says what to do instead of failing on a missing folder or artifact, and a re-run of
 * every job uploads the site under a name of its own attempt, since deploy-pages refuses two artifacts of one name.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';

const deploy = parse(readFileSync(resolve(import.meta.dirname, '../../../.github/workflows/deploy.yml'), 'utf8'));
type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, string | number | boolean> };
const steps = (job: string): Step[] => deploy.jobs[job].steps;
const find = (job: string, match: (step: Step) => boolean): Step => {
  const found = steps(job).find(match);
  if (!found) throw new Error(`no such step in ${job}`);
  return found;
};
const uses = (action: string) => (step: Step) => step.uses?.startsWith(`${action}@`) ?? false;

let scratch = '';
afterEach(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
  scratch = '';
});
/** A step's script run for real in a scratch folder with `env`: its exit status, what it printed and wrote to $GITHUB_OUTPUT. */
function run(step: Step, env: Record<string, string>): { status: number; stdout: string; outputs: string } {
  const output = join(scratch, 'github-output');
  writeFileSync(output, '');
  try {
    const stdout = execFileSync('bash', ['-e', '-c', step.run!], { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GITHUB_OUTPUT: output, ...env } });
    return { status: 0, stdout, outputs: readFileSync(output, 'utf8') };
  } catch (error) {
    const { status, stdout } = error as { status: number; stdout: string };
    return { status, stdout, outputs: readFileSync(output, 'utf8') };
  }
}

describe('a re-run of the merge after the parts expired', () => {
  const check = (): Step => find('shard-merge', (step) => step.name === 'Check that every part was downloaded');

  it('keeps the parts a few days, and checks for every one after the download and before the merge', () => {
    const upload = find('shard-build', uses('actions/upload-artifact'));
    expect(upload.with!['retention-days']).toBeGreaterThanOrEqual(3);
    expect(check().env!.KEPT_DAYS).toBe(String(upload.with!['retention-days']));
    const position = (step: Step) => steps('shard-merge').indexOf(step);
    expect(position(check())).toBeGreaterThan(position(find('shard-merge', uses('actions/download-artifact'))));
    expect(position(check())).toBeLessThan(position(find('shard-merge', (step) => step.run?.includes('--merge') ?? false)));
    expect(check().env).toMatchObject({ SHARDS: '${{ inputs.shards }}', PLANNED_AT: '${{ needs.shard-plan.outputs.now }}' });
  });

  it('says which parts are missing and to re-run all jobs, when the download found none or some', () => {
    scratch = mkdtempSync(join(tmpdir(), 'newsdesk-merge-check-'));
    const env = { SHARDS: '3', PLANNED_AT: '2026-12-01T18:00:00Z', KEPT_DAYS: '3' };
    const none = run(check(), env);
    expect(none.status).toBe(1);
    expect(none.stdout).toBe("::error title=Parts not found::Part(s) 1 2 3 of 3 are not among this run's artifacts. Parts are kept 3 days after they are built (this run's from 2026-12-01T18:00:00Z): re-run all jobs (Re-run jobs, then Re-run all jobs), which builds them again; re-running the failed jobs alone cannot.\n");
    mkdirSync(join(scratch, 'parts/site-part-1'), { recursive: true });
    mkdirSync(join(scratch, 'parts/site-part-3'), { recursive: true });
    expect(run(check(), env)).toMatchObject({ status: 1, stdout: expect.stringContaining('Part(s) 2 of 3 are not') });
    mkdirSync(join(scratch, 'parts/site-part-2'), { recursive: true });
    expect(run(check(), env)).toMatchObject({ status: 0, stdout: '' });
  });
});

describe('a re-run of the deploy', () => {
  const builders = ['build', 'shard-merge'];

  it('uploads the site under a name of its attempt, which the deploy takes from the job that built it', () => {
    scratch = mkdtempSync(join(tmpdir(), 'newsdesk-pages-name-'));
    for (const job of builders) {
      const naming = find(job, (step) => step.id === 'artifact');
      expect(naming.env).toEqual({ ATTEMPT: '${{ github.run_attempt }}' });
      const names = ['1', '2'].map((attempt) => /^name=(.+)$/m.exec(run(naming, { ATTEMPT: attempt }).outputs)?.[1]);
      expect(names).toEqual(['github-pages-1', 'github-pages-2']);
      expect(find(job, uses('actions/upload-pages-artifact')).with!.name).toBe('${{ steps.artifact.outputs.name }}');
      expect(deploy.jobs[job].outputs).toMatchObject({ 'pages-artifact': '${{ steps.artifact.outputs.name }}', 'built-at': '${{ steps.artifact.outputs.built-at }}' });
    }
    // Not the deploy's own attempt: a re-run of the failed deploy alone must find the site the earlier attempt built.
    expect(find('deploy', uses('actions/deploy-pages')).with!.artifact_name).toBe('${{ needs.build.outputs.pages-artifact || needs.shard-merge.outputs.pages-artifact }}');
  });

  it('says, when deploy-pages failed after the site expired, to re-run all jobs; and nothing more before', () => {
    scratch = mkdtempSync(join(tmpdir(), 'newsdesk-pages-expired-'));
    const advice = find('deploy', (step) => step.name === 'Say what to do when the site built has expired');
    expect(advice.if).toBe("failure() && steps.deployment.outcome == 'failure'");
    for (const job of builders) expect(advice.env!.KEPT_DAYS).toBe(String(find(job, uses('actions/upload-pages-artifact')).with!['retention-days']));
    const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const expired = run(advice, { BUILT_AT: ago(30), KEPT_DAYS: '1' });
    expect(expired.stdout).toMatch(/^::error title=Site no longer kept::The site this run built at \S+ was kept 1 day and has expired, so re-running the deploy alone cannot publish it: re-run all jobs/);
    expect(run(advice, { BUILT_AT: ago(2), KEPT_DAYS: '1' })).toMatchObject({ status: 0, stdout: '' });
  });
});
