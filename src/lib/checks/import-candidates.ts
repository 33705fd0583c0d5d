/** Where the build looks for what an MDX article imports, so the checker can look there first. */
import { isBuiltin } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';

/** Vite's `resolve.extensions`: tried, in order, after the path as written (an .astro or .mdx import needs its own). */
const EXTENSIONS = ['.mjs', '.js', '.mts', '.ts', '.jsx', '.tsx', '.json'];
/** Astro compiles MDX as TypeScript, so an import of x.js also finds x.ts. */
const TYPESCRIPT_NAMES: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * The files that would satisfy `import … from specifier` in an article in `folder`: the path itself, its TypeScript
 * namesakes, the path with each extension, and a folder's index file or package.json. A query (`?raw`) is Vite's.
 */
export function importCandidates(folder: string, specifier: string): string[] {
  const path = resolve(folder, specifier.replace(/\?.*$/, ''));
  const extension = extname(path);
  const stem = path.slice(0, path.length - extension.length);
  return [
    path,
    ...(TYPESCRIPT_NAMES[extension] ?? []).map((other) => stem + other),
    ...EXTENSIONS.map((other) => path + other),
    ...EXTENSIONS.map((other) => resolve(path, `index${other}`)),
    resolve(path, 'package.json'),
  ];
}

/** Where the build would look for what an MDX article imports, by how the import is written. */
export type ImportPlace =
  /** A path from the article's folder (./, ../), or from the project's (/src/…) or the disk's root. */
  | { kind: 'file'; rooted: boolean; candidates: string[] }
  /** A package: its folder in a node_modules from the article's folder up, as the bundler looks (a content folder outside the project does not see the project's packages). */
  | { kind: 'package'; name: string; folders: string[] }
  /** One of Node's own modules (`fs`), which the build provides. */
  | { kind: 'built in' };

export function importPlace(specifier: string, { articleFolder, projectRoot }: { articleFolder: string; projectRoot: string }): ImportPlace {
  if (/^\.\.?\//.test(specifier)) return { kind: 'file', rooted: false, candidates: importCandidates(articleFolder, specifier) };
  // Vite reads /src/x.astro from the project's folder first, then as a path on the disk.
  if (specifier.startsWith('/')) return { kind: 'file', rooted: true, candidates: [...importCandidates(projectRoot, `.${specifier}`), ...importCandidates('/', specifier)] };
  if (isBuiltin(specifier)) return { kind: 'built in' };
  const segments = specifier.split('/');
  const name = (specifier.startsWith('@') ? segments.slice(0, 2) : segments.slice(0, 1)).join('/');
  return { kind: 'package', name, folders: foldersUp(articleFolder).map((folder) => join(folder, 'node_modules', name)) };
}

/** The folder and every folder above it, to the root. */
function foldersUp(folder: string): string[] {
  const folders = [folder];
  for (let parent = dirname(folder); parent !== folders.at(-1); parent = dirname(parent)) folders.push(parent);
  return folders;
}
