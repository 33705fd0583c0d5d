/** The build's own steps, run by hand as README shows: their usage, not a stack trace, for help and misuse. */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectRoot = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

async function step(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join(projectRoot, 'node_modules/.bin/node'), [script, ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe.each(['src/cli/cards.ts', 'src/cli/search-index.ts', 'src/cli/search-documents.ts'])('%s', (script) => {
  it('prints its usage for --help', async () => {
    const { code, stdout } = await step(script, ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: node ${script} <(output|documents) folder>`));
  });

  it('answers an unknown option or a missing folder with the usage and exit code 2, without a stack trace', async () => {
    for (const args of [['--bogus', 'out'], []]) {
      const { code, stderr } = await step(script, args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain(`Usage: node ${script}`);
      expect(stderr).not.toMatch(/^\s+at /m);
    }
  });
});
