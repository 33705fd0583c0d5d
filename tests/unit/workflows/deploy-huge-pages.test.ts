/**
 * The whole-site build's runner allows huge pages before the build (Pagefind never asks for them), and a runner
 * that does not let the setting change still builds.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';

type Step = { name?: string; run?: string; env?: Record<string, string> };
const deploy: { jobs: Record<string, { steps: Step[] }> } = parse(readFileSync(resolve(import.meta.dirname, '../../../.github/workflows/deploy.yml'), 'utf8'));
const steps = deploy.jobs.build!.steps;
const hugePages = steps.find((step) => step.env?.HUGE_PAGES !== undefined)!;

const scratches: string[] = [];
afterEach(() => {
  for (const scratch of scratches.splice(0)) rmSync(scratch, { recursive: true, force: true });
});

/** Runs the step as GitHub's runner would, with a `sudo` of the test's own and the setting in a file of the test's own. */
function runStep(sudo: string): { stdout: string; setting: string } {
  const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-huge-pages-'));
  scratches.push(scratch);
  writeFileSync(join(scratch, 'sudo'), `#!/usr/bin/env bash\n${sudo}\n`);
  chmodSync(join(scratch, 'sudo'), 0o755);
  const setting = join(scratch, 'enabled');
  writeFileSync(setting, 'always [madvise] never\n');
  const stdout = execFileSync('bash', ['-e', '-c', hugePages.run!], { encoding: 'utf8', env: { ...process.env, PATH: `${scratch}:${process.env.PATH}`, HUGE_PAGES: setting } });
  return { stdout, setting: readFileSync(setting, 'utf8') };
}

describe('huge pages on the whole-site build’s runner', () => {
  it('are allowed before the build, on the kernel’s own setting', () => {
    const at = (name: string) => steps.findIndex((step) => step.name === name);
    expect(at(hugePages.name!)).toBeGreaterThanOrEqual(0);
    expect(at(hugePages.name!)).toBeLessThan(at('Build'));
    expect(hugePages.env!.HUGE_PAGES).toBe('/sys/kernel/mm/transparent_hugepage/enabled');
  });

  it('are set to "always" through sudo, without a password prompt, and the setting is shown', () => {
    // The test's sudo runs what it is given, past its -n, as a runner's passwordless sudo does.
    const { stdout, setting } = runStep('[ "$1" = -n ] || exit 9; shift; exec "$@"');
    expect(setting).toBe('always\n');
    expect(stdout).toBe('Transparent huge pages: always\n');
  });

  it('leave the build to run as it would have where the setting cannot be changed, with a notice', () => {
    const { stdout, setting } = runStep('cat > /dev/null; exit 1');
    expect(setting).toBe('always [madvise] never\n');
    expect(stdout).toMatch(/^::notice title=Huge pages not allowed::.*the build runs as it would have/);
  });
});
