/**
 * The rules of `npm run build -- --merge`: the parts given must be parts 1..k of one sharded build, each exactly
 * once, and a file several parts wrote (the pages every shard makes, the scripts and styles) must be the same in each.
 */
import { MAX_SHARDS } from './shards.ts';

/** The marker a shard build leaves at the root of its part; the merge reads it and leaves it out of the site. */
export const SHARD_MARKER = '.newsdesk-shard.json';

/** What a build's output depends on besides the code: parts of one site agree on all of it. */
export interface BuildFingerprint {
  /** The publish instant (NEWSDESK_NOW), ISO 8601. */
  now: string;
  siteUrl: string;
  basePath: string;
  /** A digest of every content file's path, size and SHA-256, and of the sources registry. */
  content: string;
  /** How many content files went into `content`, for messages. */
  files: number;
}

export interface ShardMarker {
  part: number;
  parts: number;
  fingerprint: BuildFingerprint;
}

/** A part as given on the command line, with its marker. */
export interface GivenPart {
  dir: string;
  marker: ShardMarker;
}

const FINGERPRINT_FIELDS: Array<[keyof BuildFingerprint, string]> = [
  ['now', 'build clock (NEWSDESK_NOW)'],
  ['siteUrl', 'SITE_URL'],
  ['basePath', 'BASE_PATH'],
  ['content', 'content (article files or sources registry)'],
];

/** The marker's JSON read back; throws naming the file when it is not one. */
export function parseShardMarker(text: string, file: string): ShardMarker {
  let value: Partial<ShardMarker> | undefined;
  try {
    value = JSON.parse(text) as Partial<ShardMarker>;
  } catch {
    // Reported below with the rest of what is wrong.
  }
  const fingerprint = value?.fingerprint;
  const valid =
    Number.isInteger(value?.parts) &&
    Number.isInteger(value?.part) &&
    value!.parts! >= 1 &&
    value!.parts! <= MAX_SHARDS &&
    value!.part! >= 1 &&
    value!.part! <= value!.parts! &&
    typeof fingerprint === 'object' &&
    fingerprint !== null &&
    FINGERPRINT_FIELDS.every(([field]) => typeof fingerprint[field] === 'string');
  if (!valid) throw new Error(`${file}: not a shard marker written by \`npm run build -- --shard\``);
  return value as ShardMarker;
}

const named = ({ dir, marker }: GivenPart) => `${dir} (part ${marker.part}/${marker.parts})`;

/** How two fingerprints differ, one phrase per setting, e.g. "SITE_URL: https://a.example vs https://b.example". */
export function fingerprintDifferences(a: BuildFingerprint, b: BuildFingerprint): string[] {
  return FINGERPRINT_FIELDS.flatMap(([field, label]) => {
    if (a[field] === b[field]) return [];
    return [field === 'content' ? `${label}: ${a.files} files digest ${a.content.slice(0, 12)} vs ${b.files} files digest ${b.content.slice(0, 12)}` : `${label}: ${a[field]} vs ${b[field]}`];
  });
}

/** Everything that stops these parts from being merged; empty when they are parts 1..k of one build. */
export function partProblems(parts: readonly GivenPart[]): string[] {
  if (parts.length === 0) return ['no parts given: name the folders of every part, e.g. --merge part-1 part-2 part-3'];
  const [first] = parts as [GivenPart, ...GivenPart[]];
  const problems: string[] = [];
  const counts = new Set(parts.map((part) => part.marker.parts));
  if (counts.size > 1) problems.push(`the parts come from splits into different numbers of parts: ${parts.map(named).join(', ')}`);
  for (const part of parts.slice(1)) {
    const differences = fingerprintDifferences(first.marker.fingerprint, part.marker.fingerprint);
    if (differences.length > 0) problems.push(`${named(part)} is from a different build than ${named(first)}: ${differences.join('; ')}`);
  }
  if (counts.size > 1) return problems;
  const count = first.marker.parts;
  for (let index = 1; index <= count; index++) {
    const given = parts.filter((part) => part.marker.part === index);
    if (given.length === 0) problems.push(`part ${index}/${count} is missing: build it with \`npm run build -- --shard ${index}/${count}\` and name its folder too`);
    if (given.length > 1) problems.push(`part ${index}/${count} is given more than once: ${given.map((part) => part.dir).join(', ')}`);
  }
  return problems;
}

/** A file that parts wrote differently: the merge cannot choose, so the parts are not of one build (or a step is not deterministic). */
export function conflictMessage(path: string, dirs: readonly string[]): string {
  return `${path} differs between ${dirs.join(' and ')}`;
}

/**
 * The pages of a merged site, as Astro names them to its build hooks ("" for the home page, "tags/ai/" for a
 * listing), from the site's files: every page of a directory-format build is a folder's index.html.
 */
export function pageNames(files: Iterable<string>): string[] {
  const names: string[] = [];
  for (const file of files) {
    if (file === 'index.html') names.push('');
    else if (file.endsWith('/index.html')) names.push(file.slice(0, -'index.html'.length));
  }
  return names;
}
