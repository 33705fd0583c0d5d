/** The fingerprint of what a build reads (src/lib/site/shard-merge.ts): every content file and the settings that shape the site. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createPaths } from '../lib/site/paths.ts';
import type { BuildFingerprint } from '../lib/site/shard-merge.ts';

export interface FingerprintInputs {
  contentDir: string;
  sourcesFile: string;
  now: Date;
  siteUrl: string;
  basePath: string;
}

/** Reads every file of the content folder (articles, their pictures) and the sources registry. */
export function buildFingerprint({ contentDir, sourcesFile, now, siteUrl, basePath }: FingerprintInputs): BuildFingerprint {
  const files = existsSync(contentDir)
    ? readdirSync(contentDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => join(entry.parentPath, entry.name))
        .sort()
    : [];
  const digest = createHash('sha256');
  for (const [name, path] of [...files.map((path) => [relative(contentDir, path), path]), ['(sources registry)', sourcesFile]] as Array<[string, string]>) {
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    digest.update(`${name}\0${bytes.length}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
  }
  // One site however its settings are spelt: `desk` and `/desk/`, a host in capitals, an address with or without its last slash.
  const address = URL.parse(siteUrl)?.href.replace(/\/$/, '') ?? siteUrl;
  return { now: now.toISOString(), siteUrl: address, basePath: createPaths(basePath).root, content: digest.digest('hex'), files: files.length };
}
