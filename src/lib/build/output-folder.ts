/**
 * The site's output folder is replaced whole by every build, and the folder it replaces is removed: it must hold
 * nothing the build reads or keeps. A NEWSDESK_DIST of `.`, `public`, the content folder or a folder above the
 * project would otherwise have the project's own files removed with the last site.
 */
import { isInsideFolder } from '../inside-folder.ts';

export interface KeptFolders {
  projectRoot: string;
  contentDir: string;
  sourcesFile: string;
  /** Astro's static files, copied into every build. */
  publicDir: string;
  /** The caches kept between builds, by the setting that names each. */
  caches: Record<string, string>;
}

/** Why `outDir` cannot be the site's output folder, naming what it would remove and what to set; undefined when it can. */
export function outputFolderProblem(outDir: string, kept: KeptFolders): string | undefined {
  const named: Array<[string, string]> = [
    ['the project folder', kept.projectRoot],
    ['the content folder', kept.contentDir],
    ['the sources registry', kept.sourcesFile],
    ["the project's public/ folder", kept.publicDir],
    ...Object.entries(kept.caches).map(([setting, folder]): [string, string] => [`the cache in ${setting}`, folder]),
  ];
  const held = named.find(([, folder]) => isInsideFolder(outDir, folder));
  if (!held) return undefined;
  const [what, folder] = held;
  const is = folder === outDir ? 'is' : 'holds';
  return `NEWSDESK_DIST=${outDir} ${is} ${what} (${folder}): every build replaces the output folder whole and removes the one it replaced. Set NEWSDESK_DIST to a folder of its own, such as ${kept.projectRoot}/dist.`;
}
