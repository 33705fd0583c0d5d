/**
 * The deploy leaves the test suite out (skip-tests, as the scheduled aggregation asks) only for code that has passed it
 * in an earlier run: the code's fingerprint, everything in the commit but content/, is remembered after the tests pass.
 * A push whose tests failed remembers nothing, so the next deploy of that code runs them again.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';

const deploy = parse(readFileSync(resolve(import.meta.dirname, '../../../.github/workflows/deploy.yml'), 'utf8'));
type Step = { id?: string; name?: string; uses?: string; run?: string; if?: string; with?: Record<string, string | boolean> };

describe.each(['build', 'shard-plan'])('the %s job', (job) => {
  const steps: Step[] = deploy.jobs[job].steps;
  const fingerprint = steps.find((step) => step.id === 'code');
  const lookup = steps.find((step) => step.id === 'tested');
  const test = steps.find((step) => step.run === 'npm test');
  const chromium = steps.find((step) => step.run === 'bash tests/ensure-chromium.sh');
  const save = steps.find((step) => step.uses?.startsWith('actions/cache/save@'));
  const position = (step: Step | undefined) => steps.indexOf(step!);

  it('looks, when asked to skip the tests, for a passed run of this very code, without downloading anything', () => {
    expect(position(fingerprint)).toBeGreaterThanOrEqual(0);
    expect(lookup).toMatchObject({ if: '${{ inputs.skip-tests }}', with: { key: 'tests-passed-${{ steps.code.outputs.digest }}', 'lookup-only': true } });
    expect(lookup!.uses).toMatch(/^actions\/cache\/restore@/);
    expect(position(lookup)).toBeGreaterThan(position(fingerprint));
  });

  it('runs the tests unless that passed run was found, whatever skip-tests says', () => {
    const unlessFound = "steps.tested.outputs.cache-hit != 'true'";
    expect([chromium?.if, test?.if]).toEqual([unlessFound, unlessFound]);
    expect(position(test)).toBeGreaterThan(position(lookup));
  });

  it('remembers the code only after its tests passed, under the key the lookup asks for', () => {
    expect(save?.with).toMatchObject({ key: lookup!.with!.key, path: lookup!.with!.path });
    expect(position(save)).toBeGreaterThan(position(test));
    // Steps run only while every step before them succeeded: no always() or failure() lets a failed run be remembered.
    const between = steps.slice(position(test), position(save) + 1);
    expect(between.filter((step) => /always\(\)|failure\(\)|cancelled\(\)/.test(step.if ?? '')).map((step) => step.name)).toEqual([]);
    const note = between.find((step) => step.run?.includes(String(save!.with!.path)));
    expect(note, 'a step writes the file the cache saves').toBeDefined();
  });
});

describe('the code fingerprint, run for real in a scratch repository', () => {
  const script = () => (deploy.jobs.build.steps as Step[]).find((step) => step.id === 'code')?.run ?? 'echo "no fingerprint step"; exit 1';
  let scratch: string;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', ...args], { cwd: scratch, encoding: 'utf8' }).trim();
  function commit(files: Record<string, string>): string {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(scratch, file, '..'), { recursive: true });
      writeFileSync(join(scratch, file), text);
    }
    git('add', '.');
    git('commit', '--quiet', '-m', Object.keys(files).join(', '));
    const output = join(tmpdir(), `newsdesk-fingerprint-${process.pid}`);
    writeFileSync(output, '');
    try {
      execFileSync('bash', ['-e', '-c', script()], { cwd: scratch, env: { ...process.env, GITHUB_OUTPUT: output } });
      const digest = /^digest=([0-9a-f]{64})$/.exec(readFileSync(output, 'utf8').trim())?.[1];
      if (!digest) throw new Error(`no digest in ${readFileSync(output, 'utf8')}`);
      return digest;
    } finally {
      rmSync(output, { force: true });
    }
  }

  it('stays the same when only content changed, and changes with the code, the tests or the workflows', () => {
    scratch = mkdtempSync(join(tmpdir(), 'newsdesk-fingerprint-'));
    git('init', '--quiet', '--initial-branch=main');
    const first = commit({ 'src/a.ts': 'export {};', 'tests/a.test.ts': '', 'content/articles/a.md': 'a', 'package-lock.json': '{}' });
    const contentOnly = commit({ 'content/articles/b.md': 'b', 'content/.aggregate-state.json': '{}' });
    expect(contentOnly).toBe(first);
    const code = commit({ 'src/a.ts': 'export const a = 1;' });
    expect(code).not.toBe(first);
    const tests = commit({ 'tests/a.test.ts': '// changed' });
    const workflows = commit({ '.github/workflows/deploy.yml': 'name: x' });
    const lockfile = commit({ 'package-lock.json': '{"lockfileVersion":3}' });
    expect(new Set([first, code, tests, workflows, lockfile]).size).toBe(5);
  });
});
