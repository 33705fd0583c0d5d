/**
 * An exclusive lock on a folder a command writes (the site's output, a content folder), so two builds or two
 * imports at once take turns instead of mixing their files. proper-lockfile keeps the lock fresh while the holder
 * runs; a holder that was killed leaves a lock that goes stale within `STALE_MS` and is then taken over.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';

const STALE_MS = 20_000;
/** How long a second command waits for the first before giving up. */
const WAIT_MS = 15 * 60_000;
const RETRY_MS = 500;

/** The lock cannot be taken: the folder beside which it is made cannot be written, or another run holds it. */
export class FolderLockError extends Error {}

export class FolderBusyError extends FolderLockError {}

export interface FolderLockOptions {
  /** What the folder is, for messages: "the site output /srv/dist". */
  what: string;
  /** Told once when another command holds the lock and this one starts waiting. */
  onWait?: (message: string) => void;
  /** Milliseconds to wait for the other command; default 15 minutes. */
  waitMs?: number;
}

/** Resolves with a release function once this process holds the lock; rejects with FolderLockError when it cannot be made, FolderBusyError after the wait. */
export async function lockFolder(folder: string, { what, onWait, waitMs = WAIT_MS }: FolderLockOptions): Promise<() => Promise<void>> {
  const settings = {
    realpath: false,
    lockfilePath: `${folder}.lock`,
    stale: STALE_MS,
    // Losing the lock mid-run (the disk went away, the process was frozen far longer than STALE_MS) must stop the
    // command before it writes anything more, not let two writers go on.
    onCompromised: (error: Error) => {
      console.error(`Lost the lock on ${what} (${error.message}); stopping so that nothing is written twice.`);
      process.exit(1);
    },
  };
  try {
    // The lock sits beside the folder, so a folder to be made in a new place (NEWSDESK_DIST=/srv/new/dist) needs its parent first.
    mkdirSync(dirname(folder), { recursive: true });
    return await lockfile.lock(folder, settings);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    // A read-only checkout is a situation to explain, not a crash: nothing has been written yet.
    if (code !== 'ELOCKED') throw new FolderLockError(`Cannot lock ${what}: ${folder}.lock cannot be made (${code}); check that ${dirname(folder)} is a folder you may write to.`);
  }
  onWait?.(`Another run is writing ${what}; waiting for it to finish…`);
  try {
    return await lockfile.lock(folder, { ...settings, retries: { retries: Math.ceil(waitMs / RETRY_MS), factor: 1, minTimeout: RETRY_MS, maxTimeout: RETRY_MS } });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw new FolderBusyError(`Another run is still writing ${what} after ${Math.round(waitMs / 1000)} s; try again when it has finished (or delete ${folder}.lock if no other run is going on).`);
  }
}
