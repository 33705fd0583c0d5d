/** How `npm run build` ends when it is stopped (Ctrl-C, a CI cancel, its terminal closing), at whatever point. */
import { existsSync } from 'node:fs';
import { stopExitStatus, stoppedBuildMessage, type StopSignal } from '../lib/build/stopped-build.ts';
import { settings } from '../settings.ts';

/**
 * Says in one line that the build stopped and what the output folder holds, and exits with the signal's status.
 * A stop that comes while the build is still loading its code comes before it has taken the output's lock or
 * started anything: then there is nothing to stop, and the previous site is as it was.
 */
export function endStopped(signal: StopSignal, siteSwappedIn = false): never {
  const { outDir } = settings;
  const output = siteSwappedIn ? 'new site' : existsSync(outDir) ? 'previous site' : 'no site';
  console.error(`\n${stoppedBuildMessage({ signal, outDir, output })}`);
  process.exit(stopExitStatus(signal));
}

/** Listens for the stop signals while the build loads; the build removes it when it takes them over. */
export const stoppedWhileLoading = (signal: StopSignal): never => endStopped(signal);
