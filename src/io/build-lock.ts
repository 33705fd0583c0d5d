/**
 * The lock Newsdesk builds take around the project's shared .astro/ folder (the build tests and the bench build
 * side by side), held with flock(1) while `work` runs.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const flockBinary = ['/usr/bin/flock', '/bin/flock'].find((path) => existsSync(path));

/** Runs `work` while holding `lockFile`; without flock(1) on the machine, runs it unlocked. */
export async function withBuildLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  if (!flockBinary) return work();
  const holder = spawn(flockBinary, [lockFile, 'sh', '-c', 'echo held; cat >/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((held, failed) => {
    holder.stdout.once('data', () => held());
    holder.once('exit', (code) => failed(new Error(`could not take ${lockFile} (exit ${code})`)));
  });
  try {
    return await work();
  } finally {
    holder.stdin.end();
    await new Promise((released) => holder.once('exit', released));
  }
}
