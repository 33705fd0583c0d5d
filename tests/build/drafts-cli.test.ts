/** `npm run drafts`, run as editors run it, on a content folder with drafts of every kind. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/invalid-corpus.ts';

const node = join(projectRoot, 'node_modules/.bin/node');
let folder: string;

const article = (fields: string[], body = 'Body.') => `---\n${fields.join('\n')}\n---\n\n${body}\n`;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'newsdesk-drafts-'));
  const content = join(folder, 'articles');
  mkdirSync(join(content, 'aggregated'), { recursive: true });
  writeFileSync(join(folder, 'sources.yaml'), '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n');
  const base = (title: string, date: string) => [`title: "${title}"`, 'description: "A dek."', `publishedAt: ${date}`, 'tags: [AI]'];
  writeFileSync(join(content, 'aggregated/fab-delay.md'), article([...base('Fab delayed', '2026-11-20T08:00:00Z'), 'source:', '  id: chipwire', '  name: Chipwire Inc', '  url: https://chipwire.example.com/fab', '  excerpt: true', 'draft: true']));
  writeFileSync(join(content, 'imported.md'), article([...base('Imported piece', '2026-11-22T08:00:00Z'), 'source:', '  name: Ledger Lines', '  url: https://ledger.example.com/x', 'draft: true']));
  writeFileSync(join(content, 'own.md'), article(['title: "Our own"', 'description: "TODO: one or two sentences"', 'publishedAt: 2026-11-24', 'tags: [AI]', 'draft: true']));
  writeFileSync(join(content, 'later.md'), article([...base('Embargoed', '2026-12-24T08:00:00Z'), 'draft: true']));
  writeFileSync(join(content, 'broken.md'), article(['title: "Broken"', 'publishedAt: 2026-11-21', 'draft: true']));
  writeFileSync(join(content, 'published.md'), article(base('Already out', '2026-11-25')));
  // Not a draft, but a year ahead: off the site as surely as one.
  writeFileSync(join(content, 'next-year.md'), article(base('Mistyped year', '2027-11-26T09:00:00Z')));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function drafts(args: string[]) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEWSDESK_')));
  const result = spawnSync(node, [join(projectRoot, 'src/cli/drafts.ts'), ...args], {
    cwd: folder,
    // Folders in the environment are relative to the project, so these are absolute.
    env: { ...inherited, NEWSDESK_NOW: '2026-12-01T12:00:00Z', NEWSDESK_CONTENT_DIR: join(folder, 'articles'), NEWSDESK_SOURCES_FILE: join(folder, 'sources.yaml') },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run drafts', () => {
  it('lists every draft and scheduled piece newest first with its source, date, path and why it is not on the site; published articles are not listed', () => {
    const { code, stdout } = drafts(['--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { file: 'articles/next-year.md', title: 'Mistyped year', source: null, publishedAt: '2027-11-26T09:00:00.000Z', draft: false, reasons: ['scheduled for 2027-11-26T09:00:00Z: on the site from the first build after then'] },
      { file: 'articles/later.md', title: 'Embargoed', source: null, publishedAt: '2026-12-24T08:00:00.000Z', draft: true, reasons: ['marked draft: true', 'scheduled for 2026-12-24T08:00:00Z'] },
      { file: 'articles/own.md', title: 'Our own', source: null, publishedAt: '2026-11-24T00:00:00.000Z', draft: true, reasons: ['marked draft: true', 'the dek is still the placeholder'] },
      { file: 'articles/imported.md', title: 'Imported piece', source: 'Ledger Lines', publishedAt: '2026-11-22T08:00:00.000Z', draft: true, reasons: ['coverage from Ledger Lines, awaiting review'] },
      { file: 'articles/broken.md', title: 'Broken', source: null, publishedAt: '2026-11-21T00:00:00.000Z', draft: true, reasons: ['marked draft: true', 'has errors: run npm run check:content'] },
      // The registry's name wins over the copy in the article: renaming an outlet is one line in sources.yaml.
      { file: 'articles/aggregated/fab-delay.md', title: 'Fab delayed', source: 'Chipwire', publishedAt: '2026-11-20T08:00:00.000Z', draft: true, reasons: ['awaiting review: Chipwire is a publish: review source'] },
    ]);
  });

  it('counts a file that cannot be read as a file to fix, and tells how to fix it rather than to delete a draft line it lacks', () => {
    const content = join(folder, 'unreadable');
    mkdirSync(content);
    // Saved as Windows-1252, with no draft line: not UTF-8, so nothing in it can be read.
    writeFileSync(join(content, 'cafe.md'), Buffer.from('---\ntitle: "Caf\xe9 opens"\ndescription: "A dek."\npublishedAt: 2026-11-20\ntags: [AI]\n---\n\nBody.\n', 'latin1'));
    const { code, stdout } = drafts(['--dir', 'unreadable']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^no date {5}\(own\) {2}unreadable\/cafe\.md\n {12}\(cannot be read\)\n {12}why: cannot be read \(line 2\): /);
    expect(stdout).toMatch(/\n\n1 file to fix\. To fix a file that cannot be read, run npm run check:content, which names its line and what to do\.\n$/);
    expect(stdout).not.toContain('draft: true');
    const json = JSON.parse(drafts(['--dir', 'unreadable', '--json']).stdout) as { file: string; draft: boolean; unreadable?: boolean }[];
    // The fields tools already read keep their meaning: not a scheduled piece.
    expect(json.map(({ file, draft, unreadable }) => ({ file, draft, unreadable }))).toEqual([{ file: 'unreadable/cafe.md', draft: true, unreadable: true }]);
  });

  it('says a file given as the content folder is a file', () => {
    const { code, stderr } = drafts(['--dir', 'sources.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^The content folder sources\.yaml is a file, not a folder; give the folder, such as --dir content\/articles\./);
  });

  it('refuses a mistyped registry or content folder, naming the one meant, rather than list every aggregated draft as from an unknown source', () => {
    const registry = drafts(['--sources', 'sourcse.yaml']);
    expect(registry.code).toBe(2);
    expect(registry.stdout).toBe('');
    expect(registry.stderr).toMatch(/^sourcse\.yaml does not exist \(did you mean sources\.yaml\?\)\.\n/);
    const content = drafts(['--dir', 'artciles']);
    expect(content.code).toBe(2);
    expect(content.stderr).toMatch(/^The content folder artciles does not exist \(did you mean articles\?\); give the folder, such as --dir content\/articles\.\n/);
  });

  it('warns, naming file and line, that a registry with errors leaves every source unknown', () => {
    writeFileSync(join(folder, 'broken.yaml'), '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n  pubish: auto\n');
    const { code, stdout, stderr } = drafts(['--sources', 'broken.yaml']);
    expect(code).toBe(0);
    expect(stderr).toBe('broken.yaml:4: pubish: unknown field "pubish"; did you mean "publish"?\nWarning: broken.yaml cannot be used, so the drafts below are listed without their sources\' settings; fix it (npm run check:content).\n\n');
    expect(stdout).toContain('articles/aggregated/fab-delay.md');
  });

  it('shows a registry warning (one feed listed twice) but still lists the drafts with their sources', () => {
    writeFileSync(join(folder, 'twice.yaml'), '- id: chipwire\n  name: Chipwire\n  feed: https://chipwire.example.com/feed.xml\n- id: chipwire-www\n  name: Chipwire\n  feed: https://www.chipwire.example.com/feed.xml\n');
    const { code, stdout, stderr } = drafts(['--sources', 'twice.yaml']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^twice\.yaml:6: warning: feed: "chipwire-www" reads the same feed as "chipwire" \(twice\.yaml:3\).*\n$/);
    expect(stdout).toContain('why: awaiting review: Chipwire is a publish: review source');
  });

  it('prints a table an editor can read, and how to publish', () => {
    const { code, stdout } = drafts([]);
    expect(code).toBe(0);
    expect(stdout).toContain('2026-11-20  Chipwire  articles/aggregated/fab-delay.md\n            Fab delayed\n            why: awaiting review: Chipwire is a publish: review source\n');
    expect(stdout.indexOf('articles/later.md')).toBeLessThan(stdout.indexOf('articles/own.md'));
    expect(stdout).not.toContain('published.md');
    expect(stdout).toContain('2027-11-26  (own)  articles/next-year.md\n            Mistyped year\n            why: scheduled for 2027-11-26T09:00:00Z: on the site from the first build after then\n');
    expect(stdout).toContain(
      '5 drafts and 1 scheduled. To publish a draft, delete its "draft: true" line. To publish a scheduled piece sooner, set its publishedAt to now. Preview one with npm run dev at /articles/<slug>/.\n',
    );
  });
});
