/** The editors' commands as they are run: `npm run check:content` and `npm run new`, as child processes. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listArticles, readListing } from '../../src/io/article-listing.ts';
import { listingBodies } from '../../src/io/listing-files.ts';
import { lockFolder } from '../../src/io/folder-lock.ts';
import { EVENT_LOOP_EMPTIED, SAYS_EVENT_LOOP_ENDED } from '../helpers/event-loop.ts';
import { corpusWith, projectRoot, type TempCorpus } from '../helpers/invalid-corpus.ts';

const node = join(projectRoot, 'node_modules/.bin/node');
let corpora: TempCorpus[] = [];
afterEach(() => {
  for (const corpus of corpora) corpus.cleanup();
  corpora = [];
});
const corpus = (name?: string) => {
  const made = corpusWith(name);
  corpora.push(made);
  return made.dir;
};

/** Runs a CLI from the project root with a clean NEWSDESK_* environment; `nodeOptions` are Node's own. */
function cli(script: string, args: string[], env: Record<string, string> = {}, nodeOptions: string[] = []) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEWSDESK_')));
  const result = spawnSync(node, [...nodeOptions, join(projectRoot, 'src/cli', script), ...args], { cwd: projectRoot, env: { ...inherited, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check:content', () => {
  it('passes a corpus with warnings only, printing them with file and line', () => {
    const dir = corpus();
    const { code, stdout } = cli('check-content.ts', [], { NEWSDESK_CONTENT_DIR: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(`${dir}/desk/chip-plant-opens.md:6: warning: tags.0: tag "ai" is shown as "AI"`);
    expect(stdout).toMatch(/0 errors and 4 warnings in 5 files checked/);
  });

  it('fails with every problem, one per line, when something is wrong', () => {
    const dir = corpus('not-a-date');
    writeFileSync(join(dir, 'second.md'), '---\ntitle: ""\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\nBody.\n');
    const { code, stdout } = cli('check-content.ts', ['--dir', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${dir}/not-a-date.md:4: publishedAt: "sometime last week" is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z\n`);
    expect(stdout).toContain(`${dir}/second.md:2: title: is empty; write the headline readers see\n`);
    expect(stdout).toMatch(/2 errors and 4 warnings in 7 files checked/);
  });

  it('reports near-duplicate articles as warnings, unless asked to skip them (as the build does)', () => {
    const dir = corpus();
    const copy = readFileSync(join(dir, 'desk/chip-plant-opens.md'), 'utf8').replace(/^title: .*$/m, 'title: "The same story, filed twice"');
    writeFileSync(join(dir, 'desk/filed-twice.md'), copy);
    const full = cli('check-content.ts', ['--dir', dir]);
    expect(full.code).toBe(0);
    expect(full.stdout).toContain(`${dir}/desk/filed-twice.md:12: warning: the text is a near-duplicate of ${dir}/desk/chip-plant-opens.md (100% of their five-word phrases are shared)`);
    const skipped = cli('check-content.ts', ['--dir', dir, '--skip-near-duplicates']);
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).not.toContain('near-duplicate');
    expect(skipped.stdout).toMatch(/0 errors and 5 warnings in 6 files checked/);
  });

  it('gives tools JSON', () => {
    const dir = corpus('unknown-field');
    const { code, stdout } = cli('check-content.ts', ['--json', '--dir', dir]);
    expect(code).toBe(1);
    const problems = JSON.parse(stdout) as unknown[];
    expect(problems).toContainEqual({ file: `${dir}/unknown-field.md`, line: 6, field: 'tgas', message: 'unknown field "tgas"', severity: 'error', hint: 'did you mean "tags"?' });
    expect(problems).toContainEqual(expect.objectContaining({ file: `${dir}/desk/chip-plant-opens.md`, severity: 'warning', field: 'tags.0' }));
  });

  it('reports only on the paths given, still checking them against the whole content folder', () => {
    const dir = corpus('duplicate-slug');
    const { code, stdout } = cli('check-content.ts', ['--dir', dir, join(dir, 'other-desk')]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${dir}/other-desk/markets-open-steady.md: the slug "markets-open-steady" (from the file name) is also used by ${dir}/markets-open-steady.md`);
    expect(stdout).not.toContain(`${dir}/markets-open-steady.md: the slug`);
    expect(stdout).not.toContain('chip-plant-opens.md');
    expect(stdout).toMatch(/1 error and 0 warnings in 1 file checked/);
  });

  it('checks a named file the site leaves out, hidden behind a leading dot, and says it is left out', () => {
    const dir = corpus();
    mkdirSync(join(dir, '.drafts'));
    writeFileSync(join(dir, '.drafts/held.md'), '---\ntitle: 5\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\nBody.\n');
    for (const named of [join(dir, '.drafts/held.md'), join(dir, '.drafts')]) {
      const { code, stdout } = cli('check-content.ts', ['--dir', dir, named]);
      expect(code).toBe(1);
      expect(stdout).toContain(`${dir}/.drafts/held.md: warning: is not on the site, which leaves out files and folders whose names start with a dot; remove the dot to publish it\n`);
      expect(stdout).toContain(`${dir}/.drafts/held.md:2: title: must be text, and YAML reads 5 as a number`);
      expect(stdout).toMatch(/1 error and 1 warning in 1 file checked/);
    }
  });

  it('checks a folder outside the content folder as a corpus of its own, with project-relative names', () => {
    const { code, stdout } = cli('check-content.ts', ['tests/fixtures/valid'], { NEWSDESK_CONTENT_DIR: corpus('empty-title') });
    expect(code).toBe(0);
    expect(stdout).toContain('tests/fixtures/valid/desk/chip-plant-opens.md:6: warning:');
    expect(stdout).not.toContain('empty-title');
  });

  it('checks the sources registry, and that every source.id names one of its sources', () => {
    const dir = corpus();
    const registry = join(dir, 'sources.yaml');
    writeFileSync(registry, '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n- id: chipwire\n  name: Again\n  feed: https://again.example.com/feed.xml\n');
    const duplicate = cli('check-content.ts', ['--dir', dir, '--sources', registry]);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stdout).toContain(`${registry}:4: id: "chipwire" is already the id of source 1 (Chipwire); give each source its own id\n`);

    writeFileSync(registry, '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n');
    const article = readFileSync(join(dir, 'desk/chip-plant-opens.md'), 'utf8').replace(/^tags: .*$/m, '$&\nsource:\n  id: chipwir\n  name: Chipwire\n  url: https://chipwire.example.com/story');
    writeFileSync(join(dir, 'desk/chip-plant-opens.md'), article);
    const unknown = cli('check-content.ts', ['--dir', dir], { NEWSDESK_SOURCES_FILE: registry });
    expect(unknown.code).toBe(1);
    const line = article.split('\n').indexOf('  id: chipwir') + 1;
    expect(unknown.stdout).toContain(`${dir}/desk/chip-plant-opens.md:${line}: source.id: "chipwir" is not a source in ${registry}; did you mean "chipwire"?\n`);

    // One feed listed twice is a warning: the registry still lists its sources, so ids are still checked against it.
    writeFileSync(registry, '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n- id: chipwire-www\n  name: Chipwire\n  feed: https://www.chipwire.example.com/feed.xml\n');
    const twice = cli('check-content.ts', ['--dir', dir, '--sources', registry]);
    expect(twice.stdout).toContain(`${registry}:6: warning: feed: "chipwire-www" reads the same feed as "chipwire" (${registry}:3)`);
    expect(twice.stdout).toContain(`${dir}/desk/chip-plant-opens.md:${line}: source.id: "chipwir" is not a source in ${registry}; did you mean "chipwire"?\n`);

    writeFileSync(join(dir, 'desk/chip-plant-opens.md'), article.replace('id: chipwir', 'id: chipwire'));
    expect(cli('check-content.ts', ['--dir', dir, '--sources', registry]).code).toBe(0);
  });

  it('writes the archive listing the build reads, every valid article once, only when the check passes', () => {
    const dir = corpus();
    // Not an article file: the folder's own listing never lists it.
    const listingFile = join(dir, 'articles.jsonl');
    expect(cli('check-content.ts', ['--dir', dir, '--write-listing', listingFile]).code).toBe(0);
    // The check judges publishing at its own clock: the corpus's articles are all in the past.
    expect([...readListing(listingFile)]).toEqual([...listArticles(dir, new Date(), 72)]);
    const slugs = [...readListing(listingFile)].flatMap((entry) => ('article' in entry ? [entry.article.slug] : []));
    expect(slugs).toContain('chip-plant-opens');
    // Beside it, what Astro's site index reads of each of those bodies.
    const bodies = readFileSync(listingBodies(listingFile), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { slug: string; wordCount: number });
    expect(bodies.map((body) => body.slug)).toEqual(slugs);

    writeFileSync(join(dir, 'second.md'), '---\ntitle: ""\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\nBody.\n');
    rmSync(listingFile);
    rmSync(listingBodies(listingFile));
    expect(cli('check-content.ts', ['--dir', dir, '--write-listing', listingFile]).code).toBe(1);
    expect(existsSync(listingFile)).toBe(false);
    expect(existsSync(`${listingFile}.tmp`)).toBe(false);
    expect(existsSync(listingBodies(listingFile))).toBe(false);
  });

  it('says how it is used when a path does not exist', () => {
    const { code, stderr } = cli('check-content.ts', ['no/such/folder']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no\/such\/folder does not exist[\s\S]*Usage: npm run check:content/);
  });

  it('names the article meant when a path is given without its extension, and the folder a path is read from', () => {
    const dir = corpus();
    const slugOnly = cli('check-content.ts', ['--dir', dir, join(dir, 'desk/chip-plant-opens')]);
    expect(slugOnly.code).toBe(2);
    expect(slugOnly.stderr.split('\n')[0]).toBe(`${dir}/desk/chip-plant-opens does not exist; did you mean ${dir}/desk/chip-plant-opens.md?`);
    const missing = cli('check-content.ts', ['--dir', dir, 'no-such-story.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe(`no-such-story.md does not exist in ${projectRoot}; check the path, which is read from the folder the command is typed in.`);
  });
});

describe('npm run new', () => {
  it('writes a draft into the content folder, prints its path, and the checker accepts it', () => {
    const dir = corpus();
    const { code, stdout, stderr } = cli('new-article.ts', ['Chip makers brace for new rules', '--tags', 'ai,policy', '--author', 'Sam Okafor', '--source-name', 'Example Wire', '--source-url', 'https://wire.example.com/rules'], { NEWSDESK_CONTENT_DIR: dir, BASE_PATH: '/desk/' });
    expect(code).toBe(0);
    const file = join(dir, 'chip-makers-brace-for-new-rules.md');
    expect(stdout.trim()).toBe(file);
    expect(stderr).toContain('\nPreview it with npm run dev at /desk/articles/chip-makers-brace-for-new-rules/.\n');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: "Chip makers brace for new rules"\n/);
    expect(text).toContain('tags: ["AI", "Policy"]\n');
    expect(text).toContain('draft: true\n');
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);

    const check = cli('check-content.ts', ['--dir', dir, file]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`${file}:3: warning: description: is still the placeholder written by npm run new`);
  });

  it('refuses to overwrite a file or reuse a slug from another folder, leaving both untouched and the folder unlocked', () => {
    const dir = corpus();
    const first = cli('new-article.ts', ['Rules story', '--tags', 'AI', '--description', 'First.', '--dir', dir]);
    expect(first.code).toBe(0);
    const before = readFileSync(join(dir, 'rules-story.md'), 'utf8');
    const again = cli('new-article.ts', ['Rules story', '--tags', 'AI', '--description', 'Second.', '--dir', dir], {}, SAYS_EVENT_LOOP_ENDED);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`the slug "rules-story" is already used by ${dir}/rules-story.md`);
    // Found with the content folder locked: the command ends by its event loop (helpers/event-loop.ts), the lock released.
    expect(again.stderr).toContain(EVENT_LOOP_EMPTIED);
    expect(existsSync(`${dir}.lock`)).toBe(false);
    expect(readFileSync(join(dir, 'rules-story.md'), 'utf8')).toBe(before);

    const elsewhere = cli('new-article.ts', ['Chip plant opens', '--tags', 'AI', '--dir', dir]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain(`the slug "chip-plant-opens" is already used by ${dir}/desk/chip-plant-opens.md`);
    expect(existsSync(join(dir, 'chip-plant-opens.md'))).toBe(false);

    // A file whose slug: field gives it another slug still holds its name.
    writeFileSync(join(dir, 'renamed.md'), before.replace('draft: true', 'slug: "renamed-story"\ndraft: true'));
    const named = cli('new-article.ts', ['Renamed', '--tags', 'AI', '--dir', dir]);
    expect(named.code).toBe(1);
    expect(named.stderr).toBe(`npm run new: ${dir}/renamed.md already exists, under another slug; nothing was written: choose another headline or pass --slug\n`);
  });

  it('explains what is missing instead of writing a broken file', () => {
    const dir = corpus();
    // Misuse exits 2 with the usage, as every command; what cannot be written exits 1.
    const noTags = cli('new-article.ts', ['A headline', '--dir', dir]);
    expect(noTags.code).toBe(2);
    expect(noTags.stderr).toMatch(/give at least one tag with --tags/);
    expect(noTags.stderr).toContain('Usage: npm run new');
    const unknownOption = cli('new-article.ts', ['A headline', '--tags', 'AI', '--bogus', '--dir', dir]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('Unknown option --bogus; the options are listed below.');
    const badUrl = cli('new-article.ts', ['A headline', '--tags', 'AI', '--source-name', 'Wire', '--source-url', 'javascript:alert(1)', '--dir', dir]);
    expect(badUrl.code).toBe(1);
    expect(badUrl.stderr).toContain('--source-url: "javascript:alert(1)" is not a web address');
    expect(existsSync(join(dir, 'a-headline.md'))).toBe(false);
    const blank = cli('new-article.ts', ['  ', '--tags', 'AI', '--dir', dir]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('the headline is blank');
    const typo = join(dir, 'artciles');
    const misplaced = cli('new-article.ts', ['A headline', '--tags', 'AI', '--dir', typo]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain(`the content folder ${typo} does not exist`);
    expect(existsSync(typo)).toBe(false);
  });

  it('says a file given as the content folder is a file, not that it does not exist', () => {
    const dir = corpus();
    const file = join(dir, 'desk/chip-plant-opens.md');
    const result = cli('new-article.ts', ['A headline', '--tags', 'AI', '--dir', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`npm run new: the content folder ${file} is a file, not a folder; check --dir or NEWSDESK_CONTENT_DIR`);
  });

  it('repeats what was typed, pasted line breaks and escape sequences too, on one inert line per problem', () => {
    const dir = corpus();
    const pasted = cli('new-article.ts', ['A headline', '--tags', 'AI', '--slug', 'bad\n##[error]forged\u001b[2J', '--dir', dir]);
    expect(pasted.code).toBe(1);
    expect(pasted.stderr).toBe('npm run new: "bad\\u000a##\\u005berror]forged\\u001b[2J" is not a slug; use lower-case words joined by hyphens, e.g. --slug bad-sharp-sharp-errorforged2j\n');
  });

  it('avoids every slug of the content folder, and waits for its lock, when writing into a sub-folder with --dir', async () => {
    const dir = corpus();
    const year = join(dir, '2026');
    mkdirSync(year);
    // "Chip plant opens" is desk/chip-plant-opens.md, in another sub-folder.
    const taken = cli('new-article.ts', ['Chip plant opens', '--tags', 'AI', '--dir', year], { NEWSDESK_CONTENT_DIR: dir });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`the slug "chip-plant-opens" is already used by ${dir}/desk/chip-plant-opens.md`);
    expect(readdirSync(year)).toEqual([]);

    const release = await lockFolder(dir, { what: 'the content folder' });
    const child = spawn(node, [join(projectRoot, 'src/cli/new-article.ts'), 'Waiting story', '--tags', 'AI', '--dir', year], { cwd: projectRoot, env: { ...process.env, NEWSDESK_CONTENT_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    await vi.waitFor(() => expect(stderr).toContain(`Another run is writing the content folder ${dir}`), { timeout: 15_000 });
    expect(existsSync(join(year, 'waiting-story.md'))).toBe(false);
    await release();
    expect(await exited).toBe(0);
    expect(existsSync(join(year, 'waiting-story.md'))).toBe(true);
  });

  it('waits while an import writes the content folder, then writes its draft', async () => {
    const dir = corpus();
    const release = await lockFolder(dir, { what: 'the content folder' });
    const child = spawn(node, [join(projectRoot, 'src/cli/new-article.ts'), 'Waiting story', '--tags', 'AI', '--dir', dir], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    await vi.waitFor(() => expect(stderr).toContain('Another run is writing the content folder'), { timeout: 15_000 });
    expect(existsSync(join(dir, 'waiting-story.md'))).toBe(false);
    await release();
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, 'waiting-story.md'))).toBe(true);
  });
});
