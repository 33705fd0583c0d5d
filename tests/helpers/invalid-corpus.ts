/**
 * Bad-input fixtures: each folder under tests/fixtures/invalid/ holds only the bad file(s); laid over a copy of
 * tests/fixtures/valid/ it makes a small corpus with exactly one thing wrong. `INVALID_CASES` says what an editor
 * must be told about each: the file, the line, the field and the gist of the message.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
export const validCorpus = join(projectRoot, 'tests/fixtures/valid');
const invalidRoot = join(projectRoot, 'tests/fixtures/invalid');

export interface InvalidCase {
  /** Folder under tests/fixtures/invalid/. */
  name: string;
  /** The file the message must name, relative to the corpus. */
  file: string;
  line?: number;
  field?: string;
  message: RegExp;
  /** Other files the message must name (the other half of a duplicate). */
  alsoNames?: string[];
}

export const INVALID_CASES: InvalidCase[] = [
  { name: 'missing-title', file: 'missing-title.md', line: 1, field: 'title', message: /is missing; add the headline/ },
  { name: 'empty-title', file: 'empty-title.md', line: 2, field: 'title', message: /is empty; write the headline/ },
  { name: 'empty-tags', file: 'empty-tags.md', line: 5, field: 'tags', message: /is empty; add at least one tag/ },
  { name: 'not-a-date', file: 'not-a-date.md', line: 4, field: 'publishedAt', message: /"sometime last week" is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z/ },
  { name: 'updated-before-published', file: 'updated-before-published.md', line: 5, field: 'updatedAt', message: /is before publishedAt/ },
  { name: 'unknown-related', file: 'unknown-related.md', line: 8, field: 'related.1', message: /no article has the slug "chip-plant-open"/ },
  { name: 'related-draft', file: 'related-draft.md', line: 6, field: 'related.0', message: /"draft-merger-talks" \((?:\S*\/)?draft-merger-talks\.md\) is a draft/ },
  { name: 'unclosed-quote', file: 'unclosed-quote.md', line: 2, field: 'title', message: /a quote is opened but not closed on this line/ },
  { name: 'tab-indent', file: 'tab-indent.md', line: 7, message: /not valid YAML \(tab characters.*indent with spaces, not tabs/ },
  { name: 'javascript-url', file: 'javascript-url.md', line: 8, field: 'source.url', message: /"javascript:alert\(document.cookie\)" is not a web address; use a full http:\/\/ or https:\/\/ URL/ },
  { name: 'image-without-alt', file: 'image-without-alt.md', line: 6, field: 'image.alt', message: /is missing; add a description of the image/ },
  { name: 'unknown-field', file: 'unknown-field.md', line: 6, field: 'tgas', message: /unknown field "tgas"; did you mean "tags"\?/ },
  { name: 'duplicate-slug', file: 'other-desk/markets-open-steady.md', message: /the slug "markets-open-steady" \(from the file name\) is also used by/, alsoNames: ['markets-open-steady.md'] },
  { name: 'missing-image', file: 'missing-image.md', line: 7, field: 'image.src', message: /"\.\/desk\/Chip-Plant\.png" does not exist next to the article/ },
  { name: 'empty-file', file: 'empty-file.md', message: /the file is empty/ },
  { name: 'no-front-matter', file: 'no-front-matter.md', line: 1, message: /the file has no front matter/ },
  { name: 'svg-with-script', file: 'chart-of-the-week.md', line: 10, message: /the SVG "\.\/chart\.svg" contains active content \(onload attribute on <svg>, <script>\)/ },
  { name: 'alias-bomb', file: 'alias-bomb.md', line: 6, field: 'related', message: /uses more than 20 YAML aliases/ },
  { name: 'long-slug', file: 'japan-ai-strategy.md', line: 6, field: 'slug', message: /is 270 bytes long; shorten it to at most 200 bytes/ },
  { name: 'not-utf8', file: 'not-utf8.md', line: 2, message: /the file is not UTF-8 text/ },
  { name: 'no-slug-file-name', file: '!!!.md', message: /the file name "!!!\.md" has no letters or digits to make the article's URL from; rename the file/ },
  { name: 'image-by-reference', file: 'plant-by-reference.md', line: 10, message: /the image "\.\/desk\/chip-plant\.png" is given by reference \(\[plant\]\).*; write it as !\[The new chip plant\]\(\.\/desk\/chip-plant\.png\)/ },
  { name: 'tif-image', file: 'scan-of-the-week.md', line: 7, field: 'image.src', message: /"\.\/scan\.tif" is not an image the build can show; .*rename a \.tif to \.tiff/ },
  { name: 'escaped-lead-image', file: 'escaped-lead-image.md', line: 7, field: 'image.src', message: /"\.\/desk\/chip%2Dplant\.png" does not exist next to the article; this path is read as written/ },
  { name: 'damaged-picture', file: 'harbour-reopens.md', line: 7, field: 'image.src', message: /"\.\/harbour\.png" is a damaged PNG file: its header cannot be read, so readers would see a broken picture; save or export the picture again as PNG/ },
  { name: 'truncated-picture', file: 'crane-arrives.md', line: 10, message: /the image "\.\/crane\.jpg" is a damaged JPEG file: its picture data is cut short or corrupt/ },
  { name: 'nul-byte', file: 'fab-output-climbs.md', line: 10, message: /the file contains an invisible NUL character \(U\+0000\); delete it/ },
  { name: 'picture-as-text', file: 'plant-at-dawn.md', line: 10, message: /"!\[The plant at dawn\]\(\.\/plant at dawn\.png\)" is not read as a picture, so readers would see it as text; a path with a space must be in angle brackets: write !\[The plant at dawn\]\(<\.\/plant at dawn\.png>\)/ },
  { name: 'mdx-undefined-component', file: 'export-licence-callout.mdx', line: 11, message: /the component <Callout> is not imported or defined in this article, so the page cannot be built; import it below the front matter/ },
];

export interface TempCorpus {
  dir: string;
  cleanup(): void;
}

/** A fresh temp copy of the valid corpus with the named case's files laid over it (none: just the valid corpus). */
export function corpusWith(caseName?: string): TempCorpus {
  const dir = mkdtempSync(join(tmpdir(), `newsdesk-corpus-${caseName ?? 'valid'}-`));
  cpSync(validCorpus, dir, { recursive: true });
  if (caseName) cpSync(join(invalidRoot, caseName), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A long article (about `megabytes` MB of Markdown), generated rather than committed. */
export function writeLongArticle(dir: string, megabytes = 5): string {
  const paragraph =
    'Regulators on three continents published overlapping rules for AI systems this year, and compliance teams are still mapping one onto another. ' +
    'The drafts differ on what counts as a general-purpose model, on who must test it, and on how incidents are reported. ';
  const section = (index: number) => `## Part ${index}\n\n${paragraph.repeat(8)}\n\n`;
  let body = '';
  for (let index = 1; body.length < megabytes * 1024 * 1024; index++) body += section(index);
  const file = join(dir, 'long-read-ai-rules.md');
  writeFileSync(
    file,
    `---\ntitle: "The long read: every AI rule in one place"\ndescription: "A very long article, to prove size alone never breaks the build."\npublishedAt: 2026-11-05T08:00:00Z\ntags: ["AI", "Policy"]\n---\n\n${body}`,
  );
  return file;
}
