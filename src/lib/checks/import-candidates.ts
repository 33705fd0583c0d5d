/** Where the build looks for a file an MDX article imports by a relative path, so the checker can look there first. */
import { extname, resolve } from 'node:path';

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
