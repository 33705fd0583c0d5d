/**
 * `npm run build`: builds into a staging folder, indexes it for search, then swaps it into dist/.
 * A failed build leaves the previous dist/ exactly as it was, never half-written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');
const outDir = resolve(projectRoot, process.env.NEWSDESK_DIST ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
const bin = (name: string) => resolve(projectRoot, 'node_modules/.bin', name);

function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`\nBuild failed during ${step}; ${existsSync(outDir) ? `the previous ${outDir} is unchanged` : 'nothing was written'}.`);
    process.exit(result.status ?? 1);
  }
}

rmSync(staging, { recursive: true, force: true });
// `npm run check:content` first: bad input fails in about a second, every problem listed, before Astro starts.
run('the content check', process.execPath, [resolve(projectRoot, 'src/cli/check-content.ts')]);
run('astro build', bin('astro'), ['build', ...process.argv.slice(2)], { ...process.env, NEWSDESK_OUT_DIR: staging });
// Only elements marked data-pagefind-body (article pages) are indexed: listings would duplicate every dek.
run('search indexing', bin('pagefind'), ['--site', staging, '--quiet']);

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`Site written to ${outDir}`);
