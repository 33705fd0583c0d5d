/** How the command-line tools name a file: relative to the working directory when inside it, as editors and Astro do. */
import { isAbsolute, relative, sep } from 'node:path';

export function displayPath(path: string, cwd = process.cwd()): string {
  return isInsideFolder(cwd, path) ? relative(cwd, path).split(sep).join('/') || path : path;
}

/** Whether `path` is `folder` or lies under it, by its parts, not its text (`/srv/news-public` is not in `/srv/news`). */
export function isInsideFolder(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}
