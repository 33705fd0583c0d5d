/**
 * `npm run build`: builds into a staging folder, indexes it for search, then swaps it into dist/.
 * A failed build leaves the previous dist/ exactly as it was, never half-written.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const projectRoot = resolve(import.meta.dirname, '../..');
const outDir = resolve(projectRoot, process.env.NEWSDESK_DIST ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;
const bin = (name: string) => resolve(projectRoot, 'node_modules/.bin', name);

function fail(step: string, status: number | null): never {
  rmSync(staging, { recursive: true, force: true });
  console.error(`\nBuild failed during ${step}; ${existsSync(outDir) ? `the previous ${outDir} is unchanged` : 'nothing was written'}.`);
  process.exit(status ?? 1);
}

function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  if (result.status !== 0) fail(step, result.status);
}

/** Starts a step with its output held back; `release()` prints what it has said so far and streams the rest. */
function startHeld(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  // Piped output is not a terminal: keep colours when ours is one.
  const color = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {};
  const child = spawn(command, args, { cwd: projectRoot, stdio: ['inherit', 'pipe', 'pipe'], env: { ...env, ...color } });
  const held: Array<[NodeJS.WriteStream, Buffer]> = [];
  let live = false;
  child.stdout!.on('data', (chunk: Buffer) => (live ? process.stdout.write(chunk) : held.push([process.stdout, chunk])));
  child.stderr!.on('data', (chunk: Buffer) => (live ? process.stderr.write(chunk) : held.push([process.stderr, chunk])));
  const exited = new Promise<number | null>((done) => child.on('close', done));
  return {
    child,
    exited,
    release() {
      for (const [stream, chunk] of held.splice(0)) stream.write(chunk);
      live = true;
    },
  };
}

/**
 * The content check and Astro run side by side: Astro's build uses one core, so on the usual two-core machine the
 * check costs no extra time. Astro is only heard from once the check has passed; when it fails, Astro is stopped
 * and the check's messages are all the editor sees, as if Astro had never started.
 */
async function checkWhileBuilding(check: [string, string[]], build: [string, string[], NodeJS.ProcessEnv]): Promise<void> {
  const checking = startHeld(...check);
  const building = startHeld(...build);
  const stop = (child: ChildProcess) => child.exitCode === null && child.kill('SIGTERM');
  const checkStatus = await checking.exited;
  checking.release();
  if (checkStatus !== 0) {
    stop(building.child);
    await building.exited;
    fail('the content check', checkStatus);
  }
  building.release();
  const buildStatus = await building.exited;
  if (buildStatus !== 0) fail('astro build', buildStatus);
}

rmSync(staging, { recursive: true, force: true });
// `npm run check:content` alongside Astro: bad input fails in about a second, every problem listed, and no Astro output.
await checkWhileBuilding(
  [process.execPath, [resolve(projectRoot, 'src/cli/check-content.ts')]],
  [bin('astro'), ['build', ...process.argv.slice(2)], { ...process.env, NEWSDESK_OUT_DIR: staging }],
);
// Only elements marked data-pagefind-body (article pages) are indexed: listings would duplicate every dek. Pagefind
// still parses every file it is given, so it is given the article pages only (a fifth less CPU at 4,000 articles).
run('search indexing', bin('pagefind'), ['--site', staging, '--glob', 'articles/**/*.html', '--quiet']);

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
console.log(`Site written to ${outDir}`);
