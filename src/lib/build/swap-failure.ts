/** What the build says when the finished site cannot be renamed into place, which is how it swaps a site in. */
import { dirname } from 'node:path';

/** The message for a failed rename of `from` to `to` while swapping the site into `outDir`, with what to do about it. */
export function swapFailureMessage(outDir: string, from: string, to: string, error: NodeJS.ErrnoException): string {
  const what = `Cannot swap the new site into ${outDir}: renaming ${from} to ${to} failed (${error.code ?? error.message}).`;
  switch (error.code) {
    case 'EBUSY':
      return `${what} ${outDir} is in use by another program or is a mount point (a volume mounted there), which cannot be renamed: the build swaps a site in by renaming folders beside it. Set NEWSDESK_DIST to a folder inside the mount, or mount its parent folder instead.`;
    case 'EACCES':
    case 'EPERM':
      return `${what} The build may not rename folders in ${dirname(to)}: give it write permission there, or set NEWSDESK_DIST to a folder it may write beside.`;
    case 'EXDEV':
      return `${what} The two are on different file systems: keep ${outDir} and the folders beside it on one, or set NEWSDESK_DIST to a folder inside the mount.`;
    default:
      return `${what} ${error.message}`;
  }
}
