import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../../src/io/article-files.ts';
import { listArticleFiles } from '../../../src/io/article-paths.ts';
import { checkFiles, checkFilesInOrder, type CheckedFile, type FileCheckOptions } from '../../../src/io/check-files.ts';
import { inspectFile } from '../../../src/io/inspect-file.ts';
import { checkArticles, gatherFileChecks } from '../../../src/lib/checks/check-content.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
let content: string;

const WORDS = Array.from({ length: 300 }, (_, index) => `w${index.toString(36)}x`);
/** Sixty words drawn for `seed`: bodies that share no run of words, so only a copied one is a near-duplicate. */
function body(seed: number): string {
  let state = seed * 2_654_435_761;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) % WORDS.length;
  };
  return Array.from({ length: 60 }, () => WORDS[next()]).join(' ');
}
const article = (index: number, extra = '', text = body(index)) =>
  `---\ntitle: "Chip export rules, part ${index}"\ndescription: "How the chip export rules changed the market for accelerators, part ${index} of many."\npublishedAt: 2026-${String(1 + (index % 11)).padStart(2, '0')}-0${1 + (index % 9)}T09:00:00Z\ntags: ["AI", "Chips"]\n${extra}---\n\n${text}, with [a link](https://example.com/${index}).\n`;

beforeAll(() => {
  content = mkdtempSync(join(tmpdir(), 'newsdesk-check-files-'));
  // More files than one thread takes on its own, with faults in chunks both threads check.
  for (let index = 0; index < 2_600; index++) {
    const folder = join(content, `desk-${String(Math.floor(index / 500)).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const name = join(folder, `part-${String(index).padStart(4, '0')}.md`);
    if (index === 250) writeFileSync(name, '---\ntitle: [unclosed\n---\nbody\n');
    else if (index === 1_450) writeFileSync(name, article(index, 'slug: part-0003\nrelated: ["nowhere-at-all"]\n'));
    else if (index === 2_050) writeFileSync(name, article(index, 'draft: true\n'));
    else if (index === 610) writeFileSync(name, article(index, '', body(9)));
    else writeFileSync(name, article(index));
  }
});
afterAll(() => rmSync(content, { recursive: true, force: true }));

describe('checking the files on two threads', () => {
  it('gives every file’s check and listing entry in file order, as one thread does, and the same problems as the whole check', async () => {
    const files = listArticleFiles(content).map((path) => [path, path] as const);
    const options: FileCheckOptions = { now: NOW, contentDir: content, projectRoot: process.cwd(), listing: true };
    const inOrder: CheckedFile[] = [];
    const threads = await checkFilesInOrder(files, options, (file) => inOrder.push(file));
    expect(threads).toBe(availableParallelism() > 1 ? 2 : 1);
    expect(inOrder).toEqual(checkFiles(files, options));
    expect(inOrder.map((file) => file.checked.file)).toEqual(files.map(([path]) => path));
    expect(inOrder.filter((file) => file.addition).length).toBe(2_598);

    const gathered = gatherFileChecks(options);
    inOrder.forEach((file) => gathered.add(file));
    const result = gathered.finish();
    expect(result).toEqual(checkArticles(loadArticles(content), { ...options, inspectFile }));
    expect(result.problems.map((problem) => [problem.file.slice(content.length), problem.severity, problem.message.slice(0, 30)])).toEqual([
      ['/desk-00/part-0003.md', 'error', 'the slug "part-0003" (from the'],
      ['/desk-00/part-0009.md', 'warning', 'the text is a near-duplicate o'],
      ['/desk-00/part-0250.md', 'error', 'a [ is opened on this line and'],
      ['/desk-01/part-0610.md', 'warning', 'the text is a near-duplicate o'],
      ['/desk-02/part-1450.md', 'error', 'the slug "part-0003" is also u'],
      ['/desk-02/part-1450.md', 'error', 'no article has the slug "nowhe'],
    ]);
  });
});
