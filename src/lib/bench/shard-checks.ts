/**
 * Whether a sharded build did what the options ask: each part a share of the site, the merge all of them. A build
 * that ignores `--shard` makes the whole site in every part; one that rejects it fails, and says why.
 */

/** The build's own words for why it failed: its last error-like line, else its last line. */
export function failureReason(lines: readonly string[]): string {
  const said = lines.map((line) => line.trim()).filter(Boolean);
  const errors = said.filter((line) => /error|unknown|unexpected|invalid|not (allowed|supported)|usage/i.test(line));
  return (errors.at(-1) ?? said.at(-1) ?? 'no output').slice(0, 300);
}

/** Why part `index` cannot be a share of the site, when it has most of its pages in common with part 1. */
export function overlapProblem(firstPart: ReadonlySet<string>, part: ReadonlySet<string>, index: number): string | undefined {
  let shared = 0;
  for (const page of part) if (firstPart.has(page)) shared++;
  return shared > part.size / 2 ? `the build ignored \`--shard\`: parts 1 and ${index} share ${shared} of ${part.size} pages, so each made the whole site` : undefined;
}

/** Why the merged site is not the parts joined, when it lacks pages they made. */
export function mergeProblem(parts: ReadonlyArray<ReadonlySet<string>>, merged: ReadonlySet<string>): string | undefined {
  const missing = parts.flatMap((part) => [...part].filter((page) => !merged.has(page)));
  return missing.length > 0 ? `the merged site lacks ${missing.length} page${missing.length === 1 ? '' : 's'} the parts made, e.g. ${missing[0]}` : undefined;
}
