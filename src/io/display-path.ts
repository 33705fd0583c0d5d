/** How the command-line tools name a file: relative to the working directory when inside it, as editors and Astro do. */
import { isAbsolute, relative, sep } from 'node:path';

export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
