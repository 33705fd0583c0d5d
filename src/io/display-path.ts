/** How the command-line tools name a file: relative to the working directory when inside it, as editors and Astro do. */
import { relative, sep } from 'node:path';
import { isInsideFolder } from '../lib/inside-folder.ts';

export function displayPath(path: string, cwd = process.cwd()): string {
  return isInsideFolder(cwd, path) ? relative(cwd, path).split(sep).join('/') || path : path;
}
