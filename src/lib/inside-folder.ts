/** Whether a path lies in a folder: one rule for the tools that name files and the checker that keeps images in the content folder. */
import { isAbsolute, relative, sep } from 'node:path';

/** Whether `path` is `folder` or lies under it, by its parts, not its text (`/srv/news-public` is not in `/srv/news`). */
export function isInsideFolder(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

/**
 * The content folder whose articles a command writing into `folder` must not clash with, and whose lock it takes:
 * the site's `contentDir` when `folder` lies in it (slugs are unique across all its sub-folders), else `folder`.
 */
export function enclosingContentFolder(folder: string, contentDir: string): string {
  return isInsideFolder(contentDir, folder) ? contentDir : folder;
}
