/**
 * Reads the sources registry from disk; a missing file is a registry with no sources, not an error, and a folder
 * given for the file (`--sources content`) is a problem in it, reported as the file's own errors are.
 */
import { readFileSync } from 'node:fs';
import { parseSources, type Source } from '../lib/aggregation/registry.ts';
import type { Problem } from '../lib/checks/problems.ts';
import { utf8Text } from '../lib/content/utf8-text.ts';

export interface RegistryFile {
  sources: Source[];
  problems: Problem[];
  exists: boolean;
  /** The file's text as read ('' when it does not exist), for tools that rewrite it. */
  text: string;
}

/** `path` is read; `file` is how messages name it. */
export function readSourcesFile(path: string, file: string): RegistryFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { sources: [], problems: [], exists: false, text: '' };
    if (code === 'EISDIR') {
      return { sources: [], problems: [{ file, severity: 'error', message: 'is a folder, not the registry file', hint: 'give the path of the YAML file, such as content/sources.yaml' }], exists: true, text: '' };
    }
    throw error;
  }
  // Read leniently, a registry saved as Windows-1252 would lose its accented names when `npm run sources` rewrites it.
  const decoded = utf8Text(file, bytes);
  if (!decoded.ok) return { sources: [], problems: [decoded.problem], exists: true, text: '' };
  return { ...parseSources(decoded.text, file), exists: true, text: decoded.text };
}
