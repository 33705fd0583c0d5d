/**
 * A build stopped part-way, by Ctrl-C (SIGINT) or a CI cancel (SIGTERM) sent to the build's own process: it says
 * so in one line, exits as a shell reports the signal, leaves dist/ exactly as it was and no process of its own
 * running, and releases the lock, so that the next build starts at once and writes what a clean build writes.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFolder } from '../../src/io/folder-lock.ts';
import { buildTogether, siteFiles, startBuild, type BuildRun } from '../helpers/build-site.ts';

const corpus = { contentDir: 'tests/fixtures/valid', now: '2026-11-20T00:00:00Z' };
const root = mkdtempSync(join(tmpdir(), 'newsdesk-stopped-'));
const outDir = join(root, 'dist');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every process started for one build carries this in its environment, whoever its parent is by now. */
const buildId = randomUUID();
const marker = `NEWSDESK_TEST_BUILD=${buildId}`;
const traced = { ...corpus, env: { NEWSDESK_TEST_BUILD: buildId } };
const build = async (): Promise<BuildRun> => (await buildTogether(traced, [0], root)).runs[0]!;

/** The command lines of the processes still running with the marker (an ended process shows no environment). */
function buildProcesses(): string[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker) ? [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')] : [];
      } catch {
        return [];
      }
    });
}

const beside = () => readdirSync(root).filter((name) => name.startsWith('dist')).sort();
const stopLine = (signal: string) =>
  `Build stopped by ${signal}${signal === 'SIGINT' ? ' (Ctrl-C)' : ''}; ${outDir} still holds the previous site, unchanged. Nothing else needs doing: every step has stopped, and the next build removes what this one left.`;

let cleanSite: Record<string, string>;
beforeAll(async () => {
  const clean = await build();
  expect(clean.exitCode, clean.stdout + clean.stderr).toBe(0);
  cleanSite = siteFiles(outDir);
});

describe('a build stopped by SIGTERM while Astro writes the pages, the cards and the search index made beside it', () => {
  let stopped: BuildRun;
  let left: string[];
  beforeAll(async () => {
    const running = await startBuild(traced, root);
    await running.printed(/generating static routes/);
    // Astro's own script, started by Node without V8's allocation-site pretenuring (src/cli/site-build.ts).
    expect(buildProcesses().join('\n')).toMatch(/--no-allocation-site-pretenuring \S*astro\.mjs build/);
    running.process.kill('SIGTERM');
    stopped = await running.finished;
    left = buildProcesses();
  });

  it('says so in its last line, that dist/ holds the previous site and that nothing else needs doing, and exits with 143', () => {
    expect(stopped.exitCode, stopped.stdout + stopped.stderr).toBe(143);
    expect(stopped.stderr.trimEnd().split('\n').at(-1)).toBe(stopLine('SIGTERM'));
    expect(stopped.stderr).not.toContain('Build failed');
  });

  it('leaves dist/ byte for byte as it was, and no process of the build running', () => {
    expect(siteFiles(outDir)).toEqual(cleanSite);
    expect(left).toEqual([]);
  });

  it('releases the lock, and the next build starts at once, removes what was left and writes what the clean build wrote', async () => {
    expect(existsSync(`${outDir}.lock`)).toBe(false);
    const next = await build();
    expect(next.exitCode, next.stdout + next.stderr).toBe(0);
    expect(next.stdout).not.toContain('is writing the site output');
    expect(siteFiles(outDir)).toEqual(cleanSite);
    // Only the site it replaced, set aside for the build after it to remove.
    expect(beside()).toEqual(['dist', expect.stringMatching(/^dist\.discarded-[0-9a-f]{12}$/)]);
  });
});

describe('a build stopped by SIGINT while it waits for another run to finish writing the output', () => {
  it('says so, exits with 130 and leaves dist/ and the other run’s lock alone', async () => {
    const site = siteFiles(outDir);
    const release = await lockFolder(outDir, { what: 'the site output' });
    try {
      const running = await startBuild(traced, root);
      await running.printed(/is writing the site output/);
      running.process.kill('SIGINT');
      const stopped = await running.finished;
      expect(stopped.exitCode, stopped.stdout + stopped.stderr).toBe(130);
      expect(stopped.stderr.trimEnd().split('\n').at(-1)).toBe(stopLine('SIGINT'));
      expect(siteFiles(outDir)).toEqual(site);
      expect(existsSync(`${outDir}.lock`)).toBe(true);
    } finally {
      await release();
    }
  });
});

describe('a build stopped by SIGTERM while it is still loading its code, before it has started anything', () => {
  it('says so in the same last line, that dist/ holds the previous site, and exits with 143', async () => {
    // Module hooks that hold back one module of the build's own, so that the stop comes while it loads, whatever the machine's speed.
    const hooks = join(root, 'hold-loading.mjs');
    writeFileSync(
      hooks,
      "import { writeSync } from 'node:fs';\n" +
        'export async function load(url, context, nextLoad) {\n' +
        "  if (url.endsWith('/src/io/held-step.ts')) { writeSync(2, 'still loading\\n'); await new Promise(() => {}); }\n" +
        '  return nextLoad(url, context);\n' +
        '}\n',
    );
    const register = join(root, 'register-hooks.mjs');
    // A module held in the hooks' thread does not keep the build's own thread alive, as a slow disk would: a timer does.
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\nsetInterval(() => {}, 60_000);\n`);
    const site = siteFiles(outDir);
    const running = await startBuild({ ...traced, nodeOptions: ['--import', pathToFileURL(register).href] }, root);
    await running.printed(/still loading/);
    running.process.kill('SIGTERM');
    const stopped = await running.finished;
    expect(stopped.exitCode, stopped.stdout + stopped.stderr).toBe(143);
    expect(stopped.stderr.trimEnd().split('\n').at(-1)).toBe(stopLine('SIGTERM'));
    expect(siteFiles(outDir)).toEqual(site);
    expect(existsSync(`${outDir}.lock`)).toBe(false);
  });
});
