import { copyFileSync, readFileSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import { readArticleSource } from '../../../src/io/article-files.ts';
import { listArticleFiles } from '../../../src/io/article-paths.ts';
import { damagedPictureProblems } from '../../../src/io/decode-pictures.ts';
import { inspectFile } from '../../../src/io/inspect-file.ts';
import { formatProblem } from '../../../src/lib/checks/problems.ts';
import { corpusWith, INVALID_CASES, validCorpus, type TempCorpus } from '../../helpers/invalid-corpus.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
let corpus: TempCorpus | undefined;
afterEach(() => corpus?.cleanup());

/** Runs the checker over a corpus folder, naming files relative to it. */
function check(dir: string, only?: string[], registryIds?: string[]) {
  const sources = listArticleFiles(dir).map((file) => readArticleSource(file, relative(dir, file)));
  const registry = registryIds && { file: 'sources.yaml', ids: new Set(registryIds) };
  return checkArticles(sources, { now: NOW, contentDir: dir, projectRoot: process.cwd(), inspectFile, only: only && new Set(only), registry });
}

/** The problems of one article, its body on line 8 after a minimal front matter, with copies of a sound picture beside it. */
function checkBodyBesidePictures(name: string, body: string, pictures: string[]): string[] {
  // A test may check several bodies: each replaces the last, which is removed here rather than left behind.
  corpus?.cleanup();
  corpus = corpusWith();
  for (const picture of pictures) copyFileSync(join(validCorpus, 'desk/chip-plant.png'), join(corpus.dir, picture));
  writeFileSync(join(corpus.dir, name), `---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n${body}`);
  return check(corpus.dir, [name]).problems.map(formatProblem);
}

describe('the valid fixture corpus', () => {
  it('has no errors, only the warnings it was written to show (a tag\'s spelling, a pasted picture with no description, a link the build removes)', () => {
    corpus = corpusWith();
    const { problems, fileCount } = check(corpus.dir);
    expect(fileCount).toBe(5);
    expect(problems.map(formatProblem)).toEqual([
      'desk/chip-plant-opens.md:6: warning: tags.0: tag "ai" is shown as "AI", its most common spelling; write "AI" to match the other articles',
      'raw-html-embed.md:13: warning: the picture "https://images.example.com/pixel.png" has no description (alt text), so readers who cannot see it learn nothing of what it shows; add alt="what it shows" to its <img> tag (alt="" marks a picture as decoration only)',
      'raw-html-embed.md:15: warning: the link "javascript:alert(1)" is removed when the site is built (only http:, https:, mailto: links are kept), so readers would see its text leading nowhere; link to a web page (https://…), or remove the link and keep its text',
      'raw-html-embed.md:24: warning: the link "javascript:alert(2)" is removed when the site is built (only http:, https:, mailto: links are kept), so readers would see its text leading nowhere; link to a web page (https://…), or remove the link and keep its text',
    ]);
  });
});

describe('each kind of bad input is reported with its file, line and field', () => {
  for (const bad of INVALID_CASES) {
    it(bad.name, async () => {
      corpus = corpusWith(bad.name);
      const result = check(corpus.dir);
      // As the command does: the pictures that look sound are decoded once every file is read.
      const damaged = await damagedPictureProblems(result.pictures, { cacheFolder: join(corpus.dir, '.cache'), contentFolder: corpus.dir, complete: true });
      const errors = [...result.problems, ...damaged].filter((problem) => problem.severity === 'error');
      const mine = errors.filter((problem) => problem.file === bad.file);
      expect(mine, errors.map(formatProblem).join('\n')).toHaveLength(1);
      const [problem] = mine;
      expect(problem!.line).toBe(bad.line);
      expect(problem!.field).toBe(bad.field);
      expect(formatProblem(problem!)).toMatch(bad.message);
      expect(problem!.hint, 'every error says what to do').toBeTruthy();
      for (const other of bad.alsoNames ?? []) expect(problem!.message).toContain(other);
      // Nothing else in the corpus is blamed, apart from the other half of a duplicate.
      expect(errors.filter((p) => p.file !== bad.file).map((p) => p.file)).toEqual(bad.alsoNames ?? []);
    });
  }
});

describe('every problem, not just the first', () => {
  it('lists all the mistakes in one file at once', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'many-mistakes.md'),
      [
        '---',
        'title: 5',
        'description: "Dek"',
        'publishedAt: "sometime last week"',
        'tgas: ["AI"]',
        'source:',
        '  id: "wirre"',
        '  name: "Wire"',
        '  url: "javascript:alert(1)"',
        'related: ["nope-slug"]',
        'story: "no-such-story"',
        'image:',
        '  src: "./gone.png"',
        '  alt: ""',
        '---',
        '',
        'Body with <img src="./raw.png">.',
      ].join('\n'),
    );
    const lines = check(corpus.dir, ['many-mistakes.md'], ['wire']).problems.map(formatProblem);
    expect(lines).toEqual([
      'many-mistakes.md:1: tags: is missing; add at least one tag, e.g. tags: ["AI"]',
      'many-mistakes.md:2: title: must be text, and YAML reads 5 as a number; write it in double quotes ("5")',
      'many-mistakes.md:4: publishedAt: "sometime last week" is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z',
      'many-mistakes.md:5: tgas: unknown field "tgas"; did you mean "tags"?',
      'many-mistakes.md:7: source.id: "wirre" is not a source in sources.yaml; did you mean "wire"?',
      'many-mistakes.md:9: source.url: "javascript:alert(1)" is not a web address; use a full http:// or https:// URL',
      'many-mistakes.md:10: related.0: no article has the slug "nope-slug"; check the spelling (an article\'s slug is its file name without .md, or its slug field) or remove it',
      'many-mistakes.md:11: story: no article has the slug "no-such-story"; name the article whose story this joins (its slug), or write story: false',
      'many-mistakes.md:13: image.src: "./gone.png" does not exist next to the article; check the file name (it is case-sensitive) and that the image is committed, or use an https:// URL',
      'many-mistakes.md:14: image.alt: is empty; write a description of the image for readers who cannot see it',
      'many-mistakes.md:17: the HTML <img> path "./raw.png" is never copied to the site, so readers would see a broken image; write it as a Markdown image, ![what it shows](./raw.png), or use an https:// URL',
    ]);
  });

  it('refuses an impossible date written without quotes, as it does a quoted one', () => {
    corpus = corpusWith();
    for (const [name, date] of [['rolled-day', '2026-02-30'], ['rolled-month', '2026-13-45'], ['rolled-hour', '2026-05-01T25:61:00Z']] as const) {
      writeFileSync(join(corpus.dir, `${name}.md`), `---\ntitle: Headline\ndescription: Dek\npublishedAt: ${date}\ntags: ["AI"]\n---\n\nBody.\n`);
    }
    const lines = check(corpus.dir).problems.filter((p) => p.file.startsWith('rolled-')).map(formatProblem);
    expect(lines).toEqual([
      'rolled-day.md:4: publishedAt: "2026-02-30" is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z',
      'rolled-hour.md:4: publishedAt: "2026-05-01T25:61:00Z" is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z',
      'rolled-month.md:4: publishedAt: "2026-13-45" is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z',
    ]);
  });

  it('refuses a year no news article has, too early (0000, 0026) or mistyped years ahead, at the field\'s line', () => {
    corpus = corpusWith();
    const article = (publishedAt: string, updatedAt?: string) => `---\ntitle: Headline\ndescription: Dek\npublishedAt: ${publishedAt}\n${updatedAt ? `updatedAt: ${updatedAt}\n` : ''}tags: ["AI"]\n---\n\nBody.\n`;
    writeFileSync(join(corpus.dir, 'year-zero.md'), article('0000-01-01'));
    writeFileSync(join(corpus.dir, 'year-typo.md'), article('"0026-05-01T09:00:00Z"'));
    writeFileSync(join(corpus.dir, 'year-ahead.md'), article('2062-05-01'));
    writeFileSync(join(corpus.dir, 'year-updated.md'), article('2026-05-01', '0026-05-02'));
    // The last hour of 1899 in UTC is 1900 east of London, but the year written is 1899.
    writeFileSync(join(corpus.dir, 'year-last-hour.md'), article('1899-12-31T23:00:00Z'));
    // An embargo some months ahead, and an archive piece from the last century, are fine.
    writeFileSync(join(corpus.dir, 'year-embargo.md'), article('2027-06-01'));
    writeFileSync(join(corpus.dir, 'year-archive.md'), article('1969-07-21'));
    // A draft is held back as the hint says to: its date is judged when it is published.
    writeFileSync(join(corpus.dir, 'year-ahead-draft.md'), article('2062-05-01').replace('tags:', 'draft: true\ntags:'));
    const lines = check(corpus.dir).problems.filter((p) => p.file.startsWith('year-')).map(formatProblem);
    expect(lines).toEqual([
      'year-ahead.md:4: publishedAt: 2062-05-01 is more than a year ahead, so the article would stay off the site until then; check the year; to keep a piece unpublished for now, write draft: true',
      'year-last-hour.md:4: publishedAt: 1899-12-31T23:00:00Z is too early: dates before 1900 are not accepted; check the year (all four digits, e.g. 2026-05-01)',
      'year-typo.md:4: publishedAt: 0026-05-01T09:00:00Z is too early: dates before 1900 are not accepted; check the year (all four digits, e.g. 2026-05-01)',
      'year-updated.md:5: updatedAt: 0026-05-02 is too early: dates before 1900 are not accepted; check the year (all four digits, e.g. 2026-05-01)',
      'year-zero.md:4: publishedAt: 0000-01-01 is too early: dates before 1900 are not accepted; check the year (all four digits, e.g. 2026-05-01)',
    ]);
  });

  it('names the lines of fields in front matter written as a flow mapping', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'flow.md'), '---\n{title: "Flow", description: "Dek",\n publishedAt: sometime,\n tags: [AI], tgas: x}\n---\n\nBody.\n');
    const lines = check(corpus.dir).problems.filter((p) => p.file === 'flow.md').map((p) => `${p.line}: ${p.field}`);
    expect(lines).toEqual(['3: publishedAt', '4: tgas']);
  });

  it('refuses an update dated in the future on a published article, not on a scheduled one', () => {
    corpus = corpusWith();
    const article = (publishedAt: string, updatedAt: string) => `---\ntitle: Headline\ndescription: Dek\npublishedAt: ${publishedAt}\nupdatedAt: ${updatedAt}\ntags: ["AI"]\n---\n\nBody.\n`;
    writeFileSync(join(corpus.dir, 'updated-later.md'), article('2026-11-01', '2099-01-01'));
    writeFileSync(join(corpus.dir, 'scheduled-update.md'), article('2026-12-01T09:00:00Z', '2026-12-02T09:00:00Z'));
    writeFileSync(join(corpus.dir, 'updated-now.md'), article('2026-11-01', '2026-11-25T12:00:00Z'));
    // Within the hour's grace: a clock a little fast, or an update dated a little ahead.
    writeFileSync(join(corpus.dir, 'updated-soon.md'), article('2026-11-01', '2026-11-25T12:59:00Z'));
    writeFileSync(join(corpus.dir, 'updated-in-two-hours.md'), article('2026-11-01', '2026-11-25T14:00:00Z'));
    // A time written, which falls at midnight in UTC: named with its time, not as a day alone.
    writeFileSync(join(corpus.dir, 'updated-tonight.md'), article('2026-11-01', '2026-11-25T19:00:00-05:00'));
    const lines = check(corpus.dir).problems.filter((p) => /^(updated|scheduled)-/.test(p.file) && p.field === 'updatedAt').map(formatProblem);
    expect(lines).toEqual([
      'updated-in-two-hours.md:5: updatedAt: 2026-11-25T14:00:00Z is in the future, so the page would show an update that has not happened; set it to when the article last changed (a time without an offset is read as UTC), or remove the line',
      'updated-later.md:5: updatedAt: 2099-01-01 is in the future, so the page would show an update that has not happened; set it to when the article last changed (a time without an offset is read as UTC), or remove the line',
      'updated-tonight.md:5: updatedAt: 2026-11-26T00:00:00Z is in the future, so the page would show an update that has not happened; set it to when the article last changed (a time without an offset is read as UTC), or remove the line',
    ]);
  });

  it('names a list item indented deeper than the one above, which YAML reads as part of it, though the schema takes the one item', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'run-on-tag.md'), '---\ntitle: Headline\ndescription: Dek\npublishedAt: 2026-11-01\ntags:\n  - AI\n    - Policy\n---\n\nBody.\n');
    const lines = check(corpus.dir, ['run-on-tag.md']).problems.map(formatProblem);
    expect(lines).toEqual([
      'run-on-tag.md:7: tags: "- Policy" is read as part of the item above it, which YAML makes the one item "AI - Policy"; indent it like the item above, its - under that item\'s -',
    ]);
  });

  it('warns about a body heading that skips a level, on its line, but not about one in code or an HTML comment', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'questions.md'), '---\ntitle: Headline\ndescription: Dek\npublishedAt: 2026-11-01\ntags: ["AI"]\n---\n\nLead.\n\n```md\n#### not a heading\n```\n\n### First question\n\nAnswer.\n\n<!--\n###### put aside\n-->\n');
    const lines = check(corpus.dir).problems.filter((p) => p.file === 'questions.md').map(formatProblem);
    expect(lines).toEqual([
      "questions.md:14: warning: this heading is level 3 where the page's outline allows at most 2, so a level is skipped for screen-reader users; write it with ## (the headline is the page's only level 1; the body's top headings are ##)",
    ]);
  });

  it('names problems after a stray carriage return at the lines an editor shows, in the front matter and the body', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'stray-cr.md'), '---\ntitle: Headline\rdescription: #1 in AI\npublishedAt: someday\ntags: ["AI"]\n---\n\nLead.\rMore.\n\n### Skipped\n');
    const problems = check(corpus.dir, ['stray-cr.md']).problems;
    expect(problems.map((p) => `${p.line} ${p.field ?? p.message.slice(0, 12)}`)).toEqual(['3 description', '4 publishedAt', '11 this heading']);
    // The line the hint quotes is the one named.
    expect(problems[0]!.hint).toContain('(description: "#1 in AI")');
  });

  it('reports problems in every file of the corpus', () => {
    corpus = corpusWith('empty-title');
    writeFileSync(join(corpus.dir, 'second.md'), '---\ntitle: Second\ndescription: Dek\npublishedAt: 2026-11-01\ntags: []\n---\nBody.\n');
    const files = check(corpus.dir).problems.filter((p) => p.severity === 'error').map((p) => p.file);
    expect(files).toEqual(['empty-title.md', 'second.md']);
  });
});

describe('cross-article checks still see the whole corpus when only some files are reported', () => {
  it('names the clash in a checked file even when the other file is not being checked', () => {
    corpus = corpusWith('duplicate-slug');
    const { problems, fileCount } = check(corpus.dir, ['other-desk/markets-open-steady.md']);
    expect(fileCount).toBe(1);
    expect(problems.map(formatProblem)).toEqual([
      'other-desk/markets-open-steady.md: the slug "markets-open-steady" (from the file name) is also used by markets-open-steady.md; two articles cannot share a URL; rename one of the files or set a different slug',
    ]);
  });

  it('finds a clash between a slug field typed decomposed (NFD) and a composed file name, as the build does', () => {
    corpus = corpusWith();
    const fields = 'description: D\npublishedAt: 2026-11-01\ntags: [AI]\n';
    writeFileSync(join(corpus.dir, 'caf\u00e9.md'), `---\ntitle: Composed\n${fields}---\nBody.\n`);
    writeFileSync(join(corpus.dir, 'decomposed.md'), `---\ntitle: Decomposed\n${fields}slug: "cafe\u0301"\n---\nBody.\n`);
    expect(check(corpus.dir, ['decomposed.md']).problems.map(formatProblem)).toEqual([
      'decomposed.md:6: slug: the slug "caf\u00e9" is also used by caf\u00e9.md; two articles cannot share a URL; rename one of the files or set a different slug',
    ]);
  });

  it('accepts a related slug that exists elsewhere in the corpus, and reports nothing for unchecked files', () => {
    corpus = corpusWith('unknown-related');
    expect(check(corpus.dir, ['explainer.mdx']).problems).toEqual([]);
  });

  it('does not blame an article for relating to one whose own front matter is broken', () => {
    corpus = corpusWith();
    const target = join(corpus.dir, 'desk/chip-plant-opens.md');
    writeFileSync(target, readFileSync(target, 'utf8').replace('publishedAt: 2026-11-01T09:00:00Z', 'publishedAt: soon'));
    expect(check(corpus.dir).problems.filter((p) => p.severity === 'error').map((p) => `${p.file} ${p.field}`)).toEqual(['desk/chip-plant-opens.md publishedAt']);
  });
});

describe('checks beyond the schema', () => {
  it('warns about the placeholder dek the scaffolder writes', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'new-piece.md'), '---\ntitle: New piece\ndescription: "TODO: one or two sentences"\npublishedAt: 2026-11-01\ntags: [AI]\ndraft: true\n---\nBody.\n');
    const [warning] = check(corpus.dir, ['new-piece.md']).problems;
    expect(warning).toMatchObject({ severity: 'warning', field: 'description', line: 3 });
  });

  it('refuses a file name that gives no slug (no letters or digits), unless a slug field gives one', () => {
    corpus = corpusWith();
    const article = (extra = '') => `---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n${extra}---\nBody.\n`;
    writeFileSync(join(corpus.dir, '!!!.md'), article());
    writeFileSync(join(corpus.dir, '---.md'), article());
    writeFileSync(join(corpus.dir, '(1).md'), article('slug: first-of-many\n'));
    const fix = 'the file name "NAME" has no letters or digits to make the article\'s URL from; rename the file with words, e.g. japan-ai-race.md, or set a slug field';
    expect(check(corpus.dir, ['!!!.md', '---.md', '(1).md']).problems.map(formatProblem)).toEqual([
      `---.md: ${fix.replace('NAME', '---.md')}`,
      `!!!.md: ${fix.replace('NAME', '!!!.md')}`,
    ]);
  });

  it('refuses a file name whose slug is longer than a URL segment may be, unless a slug field gives a shorter one', () => {
    corpus = corpusWith();
    const article = (extra = '') => `---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n${extra}---\nBody.\n`;
    const [long, named] = ['a'.repeat(201), 'b'.repeat(201)];
    writeFileSync(join(corpus.dir, `${long}.md`), article());
    writeFileSync(join(corpus.dir, `${named}.md`), article('slug: short-name\n'));
    writeFileSync(join(corpus.dir, `${'日'.repeat(67)}.md`), article());
    expect(check(corpus.dir, [`${long}.md`, `${named}.md`, `${'日'.repeat(67)}.md`]).problems.map(formatProblem)).toEqual([
      `${long}.md: the slug made from the file name is 201 bytes long; shorten it to at most 200 bytes (a URL segment; non-Latin letters take 2-4 bytes each); rename the file with fewer words, or set a shorter slug field`,
      `${'日'.repeat(67)}.md: the slug made from the file name is 201 bytes long; shorten it to at most 200 bytes (a URL segment; non-Latin letters take 2-4 bytes each); rename the file with fewer words, or set a shorter slug field`,
    ]);
  });

  it('finds images in the body that are not there, but not ones inside code or an HTML comment', () => {
    corpus = corpusWith();
    mkdirSync(join(corpus.dir, 'img'));
    copyFileSync(join(validCorpus, 'desk/chip-plant.png'), join(corpus.dir, 'img/here.png'));
    copyFileSync(join(validCorpus, 'desk/chip-plant.png'), join(corpus.dir, 'img/shot(1).png'));
    writeFileSync(
      join(corpus.dir, 'pictures.md'),
      '---\ntitle: Pictures\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n![ok](img/here.png)\n\n![gone](./img/gone.png)\n\n```md\n![example](./not-real.png)\n```\n\n`![inline](nope.png)` and ![remote](https://example.com/a.png)\n\n<!--\n![put aside](./img/later.png)\n<img src="./img/later.png">\n-->\n\nSee `<!--` and ![after](./img/after.png) `-->`.\n\n![a [bracketed] alt](./img/gone-too.png) ![parentheses](./img/shot(1).png) ![fragment](#chart)\n',
    );
    expect(check(corpus.dir, ['pictures.md']).problems.map(formatProblem)).toEqual([
      'pictures.md:10: the image "./img/gone.png" does not exist next to the article; check the file name (it is case-sensitive) and that the image is committed, or use an https:// URL',
      'pictures.md:23: the image "./img/after.png" does not exist next to the article; check the file name (it is case-sensitive) and that the image is committed, or use an https:// URL',
      'pictures.md:25: the image "./img/gone-too.png" does not exist next to the article; check the file name (it is case-sensitive) and that the image is committed, or use an https:// URL',
      'pictures.md:25: the image "#chart" ends in "#chart", which the build cannot follow to a file, so readers would see a broken image; write the path of the file alone, e.g. ./photo.jpg (rename a file whose name has a ? or #)',
    ]);
  });

  it('warns of a published Markdown article with no text below the dek, but not of a draft or an MDX one', () => {
    corpus = corpusWith();
    const front = (title: string, more = '') => ['---', `title: ${title}`, 'description: Dek', 'publishedAt: 2026-11-01', 'tags: [AI]', `${more}---`, ''].join('\n');
    writeFileSync(join(corpus.dir, 'empty.md'), front('Empty'));
    writeFileSync(join(corpus.dir, 'headings.md'), `${front('Headings')}\n## Only a heading\n\n### And another\n`);
    writeFileSync(join(corpus.dir, 'draft.md'), front('Draft', 'draft: true\n'));
    writeFileSync(join(corpus.dir, 'embed.md'), `${front('Embed')}\n<iframe src="https://player.vimeo.com/video/1" title="Launch"></iframe>\n`);
    writeFileSync(join(corpus.dir, 'component.mdx'), `${front('Component')}\nexport const Chart = () => 'chart';\n`);
    expect(check(corpus.dir, ['empty.md', 'headings.md', 'draft.md', 'embed.md', 'component.mdx']).problems.map(formatProblem)).toEqual([
      'empty.md:7: warning: the body is empty, so readers would find only the headline and the dek; write the article below the front matter, or keep it off the site with draft: true until it is written',
      'headings.md:7: warning: the body is empty but for headings, so readers would find only the headline and the dek; write the article below the front matter, or keep it off the site with draft: true until it is written',
    ]);
  });

  it('warns of HTML typed into the headline or the dek, which readers would see as typed', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'entities.md'), '---\ntitle: "AT&amp;T buys a chip maker"\ndescription: "The deal is <em>big</em>."\npublishedAt: 2026-11-01\ntags: [AI]\n---\nBody.\n');
    expect(check(corpus.dir, ['entities.md']).problems.map(formatProblem)).toEqual([
      'entities.md:2: warning: title: readers would see "&amp;" as typed: the headline is plain text, not HTML; write "&" itself',
      'entities.md:3: warning: description: readers would see "<em>" as typed: the dek is plain text, not HTML; remove the HTML tag; the site styles headlines and deks itself',
    ]);
  });

  it('warns of HTML typed into a byline, which readers would see as typed', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'byline.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\nauthors:\n  - "<b>Jane</b> Doe"\n  - Ann Lee\n  - "AT&amp;T Labs"\ntags: [AI]\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['byline.md']).problems.map(formatProblem)).toEqual([
      'byline.md:6: warning: authors.0: readers would see "<b>" as typed: a byline is plain text, not HTML; remove the HTML tag; the site styles bylines itself',
      'byline.md:8: warning: authors.2: readers would see "&amp;" as typed: a byline is plain text, not HTML; write "&" itself',
    ]);
  });

  it('asks to remove a reference to a character no text can hold, rather than to write the U+FFFD a browser would show', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'nul.md'), '---\ntitle: "Chip&#0;maker"\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\nBody.\n');
    expect(check(corpus.dir, ['nul.md']).problems.map(formatProblem)).toEqual([
      'nul.md:2: warning: title: readers would see "&#0;" as typed: the headline is plain text, not HTML; remove it: it names a character no text can hold',
    ]);
  });

  it('warns of HTML typed into a tag, which readers would see as typed on the article, its teasers and its tag page', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'tagged.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: ["<b>AI</b>", "Policy", "R&amp;D"]\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['tagged.md']).problems.map(formatProblem)).toEqual([
      'tagged.md:5: warning: tags.0: readers would see "<b>" as typed: a tag is plain text, not HTML; remove the HTML tag; the site styles tags itself',
      'tagged.md:5: warning: tags.2: readers would see "&amp;" as typed: a tag is plain text, not HTML; write "&" itself',
    ]);
  });

  it('warns of a related slug listed twice, naming the first, and refuses one naming the article itself', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'see-also.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nrelated:\n  - chip-plant-opens\n  - see-also\n  - chip-plant-opens\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['see-also.md']).problems.map(formatProblem)).toEqual([
      'see-also.md:8: related.1: "see-also" is this article\'s own slug, and "Explore more" lists other articles; remove it, or write the slug of the other article you meant',
      'see-also.md:9: warning: related.2: related slug "chip-plant-opens" is listed twice (related.0, line 7), so "Explore more" shows it once; remove one, or write the related slug you meant',
    ]);
  });

  it('still checks the related slugs of a list that holds one that is no slug, each at its place', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'held.md'), '---\ntitle: Held\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\ndraft: true\n---\n\nNot yet.\n');
    writeFileSync(
      join(corpus.dir, 'see-also.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nrelated:\n  - held\n  - Not A Slug\n  - nowhere-at-all\n  - chip-plant-opens\n  - chip-plant-opens\n---\n\nThe plant opened.\n',
    );
    expect(check(corpus.dir, ['see-also.md']).problems.map(formatProblem)).toEqual([
      'see-also.md:7: related.0: "held" (held.md) is a draft and would never be shown; publish it or remove it here',
      'see-also.md:8: related.1: "Not A Slug" is not a slug; write not-a-slug (lower-case words joined by hyphens)',
      'see-also.md:9: related.2: no article has the slug "nowhere-at-all"; check the spelling (an article\'s slug is its file name without .md, or its slug field) or remove it',
      'see-also.md:11: warning: related.4: related slug "chip-plant-opens" is listed twice (related.3, line 10), so "Explore more" shows it once; remove one, or write the related slug you meant',
    ]);
  });

  it('names the picture beside the article whose name differs in case alone from the one written, lead or in the body', () => {
    expect(checkBodyBesidePictures('cased.md', '![The plant](./photos/Harbour.JPG)\n', ['harbour.jpg'])).toEqual([
      'cased.md:8: the image "./photos/Harbour.JPG" does not exist next to the article; check the file name (it is case-sensitive) and that the image is committed, or use an https:// URL',
    ]);
    expect(checkBodyBesidePictures('cased.md', '![The plant](./Harbour.JPG)\n', ['harbour.jpg'])).toEqual([
      'cased.md:8: the image "./Harbour.JPG" does not exist next to the article: the file there is named "harbour.jpg", and names are case-sensitive where the site is built; write "./harbour.jpg", or rename the file',
    ]);
    writeFileSync(join(corpus!.dir, 'lead.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: ./HARBOUR.jpg\n  alt: The harbour\n---\n\nThe plant opened.\n');
    expect(check(corpus!.dir, ['lead.md']).problems.map(formatProblem)).toEqual([
      'lead.md:7: image.src: "./HARBOUR.jpg" does not exist next to the article: the file there is named "harbour.jpg", and names are case-sensitive where the site is built; write "./harbour.jpg", or rename the file',
    ]);
  });

  it('names the path of a picture whose folder is written in another case than it is named, lead or in the body', () => {
    corpus = corpusWith();
    mkdirSync(join(corpus.dir, 'images'));
    copyFileSync(join(validCorpus, 'desk/chip-plant.png'), join(corpus.dir, 'images/harbour.png'));
    writeFileSync(join(corpus.dir, 'folder-case.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: ./Images/harbour.png\n  alt: The harbour\n---\n\n![The harbour](Images/Harbour.png)\n');
    expect(check(corpus.dir, ['folder-case.md']).problems.map(formatProblem)).toEqual([
      'folder-case.md:7: image.src: "./Images/harbour.png" does not exist next to the article: it is at "./images/harbour.png", and names are case-sensitive where the site is built; write "./images/harbour.png", or rename the folder to match',
      'folder-case.md:11: the image "Images/Harbour.png" does not exist next to the article: it is at "images/harbour.png", and names are case-sensitive where the site is built; write "images/harbour.png", or rename the folder and the file to match',
    ]);
  });

  it('warns of a picture file larger than the web needs, as the lead picture or in the body, and not of one just under', () => {
    corpus = corpusWith();
    const png = readFileSync(join(validCorpus, 'desk/chip-plant.png'));
    const padded = (size: number) => Buffer.concat([png, Buffer.alloc(size - png.length)]);
    writeFileSync(join(corpus.dir, 'camera.png'), padded(5 * 1024 * 1024 + 1));
    writeFileSync(join(corpus.dir, 'exported.png'), padded(2 * 1024 * 1024));
    writeFileSync(join(corpus.dir, 'map.svg'), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><!--${'x'.repeat(3 * 1024 * 1024)}--></svg>`);
    writeFileSync(
      join(corpus.dir, 'photos.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: ./camera.png\n  alt: The plant\n---\n\n![The plant](./exported.png)\n\n![The region](./map.svg)\n',
    );
    expect(check(corpus.dir, ['photos.md']).problems.map(formatProblem)).toEqual([
      'photos.md:7: warning: image.src: "./camera.png" is 5.0 MB, more than a web picture needs: the build shows readers a smaller copy, but the repository keeps every byte and builds take longer to resize it; export it again at most 2,400 pixels wide and under 2 MB (JPEG or WebP for a photo)',
      'photos.md:13: warning: the image "./map.svg" is 3.0 MB, and an SVG reaches readers as it is, so the page is slow to load; simplify it in the program that made it, or export it as PNG or WebP',
    ]);
    expect(check(corpus.dir, ['photos.md']).pictures.map((picture) => picture.named)).toEqual(['"./camera.png"', 'the image "./exported.png"']);
  });

  it('warns of a --- typed right under a line of text, which makes it a heading, on the line of the dashes, but not of one in code', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'parts.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nThe first part ends here.\n---\n\n```yaml\ntitle: x\n---\n```\n\nThe second part, after a rule.\n\n---\n\nThe third.\n');
    expect(check(corpus.dir, ['parts.md']).problems.map(formatProblem)).toEqual([
      'parts.md:9: warning: this --- right under a line of text makes that text a heading, not a rule between two parts; for a rule, leave a blank line above the ---; for a heading, write it as ## and the heading on one line',
    ]);
  });

  it('refuses MDX in a Markdown file, which readers would see as text or miss, but not MDX shown as code', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'chart.md'),
      "---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nimport Chart from './chart.astro';\n\n<Chart data={[1, 2]} />\n\n```mdx\nimport Chart from './chart.astro';\n<Chart />\n```\n\nThe plant opened.\n",
    );
    expect(check(corpus.dir, ['chart.md']).problems.map(formatProblem)).toEqual([
      'chart.md:8: this line is an MDX import, but this file is Markdown (.md), so readers would see it as text; rename the file to chart.mdx to use MDX, or remove the line',
      'chart.md:10: <Chart> is an MDX component, but this file is Markdown (.md), so the page leaves it out; rename the file to chart.mdx to use MDX, or remove the component',
    ]);
  });

  it('refuses an MDX component in a Markdown file without any import line', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'widget.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nThe plant opened.\n\n<Chart />\n');
    expect(check(corpus.dir, ['widget.md']).problems.map(formatProblem)).toEqual([
      'widget.md:10: <Chart> is an MDX component, but this file is Markdown (.md), so the page leaves it out; rename the file to widget.mdx to use MDX, or remove the component',
    ]);
  });

  it('refuses an MDX import or export line in a Markdown file without any component', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'lines.md'), "---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nimport Chart from './chart.astro';\n\nThe plant opened.\n");
    expect(check(corpus.dir, ['lines.md']).problems.map(formatProblem)).toEqual([
      'lines.md:8: this line is an MDX import, but this file is Markdown (.md), so readers would see it as text; rename the file to lines.mdx to use MDX, or remove the line',
    ]);
  });

  it('warns of a tag or byline listed twice in one article, as written or as the site reads it (case, accents, spaces), naming both and the first line, once', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'twice.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags:\n  - AI\n  - Policy\n  - ai\n  - AI\n  - "Cafe\u0301"\n  - Café\n  - "Machine learning"\n  - "machine  learning"\nauthors: [Ann Lee, ann lee]\n---\n\nThe plant opened.\n',
    );
    expect(check(corpus.dir, ['twice.md']).problems.map(formatProblem)).toEqual([
      'twice.md:8: warning: tags.2: tag "ai" is the same tag as "AI" (tags.0, line 6), so the page shows it once; remove one, or write the tag you meant',
      'twice.md:9: warning: tags.3: tag "AI" is listed twice (tags.0, line 6), so the page shows it once; remove one, or write the tag you meant',
      'twice.md:11: warning: tags.5: tag "Café" is listed twice, once with its accent typed as a separate mark (tags.4, line 10), so the page shows it once; remove one, or write the tag you meant',
      'twice.md:13: warning: tags.7: tag "machine  learning" is the same tag as "Machine learning" (tags.6, line 12), so the page shows it once; remove one, or write the tag you meant',
      'twice.md:14: warning: authors.1: byline "ann lee" is the same byline as "Ann Lee" (authors.0, line 14), so the page shows it once; remove one, or write the byline you meant',
    ]);
  });

  it('warns of a former slug listed twice, naming the first', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'moved.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nformerSlugs:\n  - old-name\n  - older-name\n  - old-name\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['moved.md']).problems.map(formatProblem)).toEqual([
      'moved.md:9: warning: formerSlugs.2: former slug "old-name" is listed twice (formerSlugs.0, line 7), so it adds no old address; remove one, or write the former slug you meant',
    ]);
  });

  it('warns of a tag or byline that holds several, giving the list with each on its own', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'joined.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\nauthors:\n  - Jane Doe and John Roe\n  - "Doe, Jane"\ntags: ["AI, Cloud", Policy]\n---\n\nThe plant opened.\n',
    );
    writeFileSync(join(corpus.dir, 'comma.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\nauthors: ["Jane Doe, John Roe"]\ntags: [AI]\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['joined.md', 'comma.md']).problems.map(formatProblem)).toEqual([
      'comma.md:5: warning: authors.0: "Jane Doe, John Roe" is one byline (with one author page), not 2 bylines; for 2 bylines, each with its own author page, write authors: ["Jane Doe", "John Roe"]',
      'joined.md:6: warning: authors.0: "Jane Doe and John Roe" is one byline (with one author page), not 2 bylines; for 2 bylines, each with its own author page, write authors: ["Jane Doe", "John Roe", "Doe, Jane"]',
      'joined.md:8: warning: tags.0: "AI, Cloud" is one tag (with one page), not 2 tags; for 2 tags, each with its own page, write tags: ["AI", "Cloud", "Policy"]',
    ]);
  });

  it('refuses bidi and control characters in the headline, dek, byline and tags at their lines, and warns of a zero-width space', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'invisible.md'),
      '---\ntitle: "Chips \\u202Eetaerc\\u202C shortage"\ndescription: "Prices rose\\u0085 again."\npublishedAt: 2026-11-01\nauthors:\n  - "Jane Roe"\n  - "Ann\\u2066 Lee"\ntags: ["AI", "Chips\\u0007"]\n---\n\nThe plant opened.\n',
    );
    writeFileSync(join(corpus.dir, 'zero-width.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\nauthors:\n  - "Jane Roe"\n  - "Ann\\u200BLee"\ntags: ["AI"]\n---\n\nThe plant opened.\n');
    // Joiners belong to emoji and to Persian and Indic spelling: no problem.
    writeFileSync(join(corpus.dir, 'joiners.md'), '---\ntitle: "Coders 👩\u200d💻 at work"\ndescription: "می\u200cخواهم"\npublishedAt: 2026-11-01\ntags: ["AI"]\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['invisible.md', 'joiners.md', 'zero-width.md']).problems.map(formatProblem)).toEqual([
      'invisible.md:2: title: contains the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE), which reorders the text after it, so readers would see it jumbled or reversed; remove it (it usually comes with pasted text)',
      'invisible.md:3: description: contains the invisible control character U+0085 (NEXT LINE), which readers would see as nothing or as a box; remove it (it usually comes with pasted text)',
      'invisible.md:7: authors.1: contains the invisible character U+2066 (LEFT-TO-RIGHT ISOLATE), which reorders the text after it, so readers would see it jumbled or reversed; remove it (it usually comes with pasted text); where punctuation lands beside the wrong word, a direction mark (U+200F or U+200E) keeps it in place',
      'invisible.md:8: tags.1: contains the invisible control character U+0007 (BELL), which XML feeds cannot carry; remove it (it usually comes with pasted text)',
      'zero-width.md:7: warning: authors.1: contains the invisible character U+200B (ZERO WIDTH SPACE), so it differs from the same words typed without it (in search, and as a tag or an author with a page of their own); remove it (it usually comes with pasted text)',
    ]);
  });

  it('takes direction marks in a mixed-direction headline, warns of one in a byline or tag, and refuses hidden tag characters but a flag\'s', () => {
    corpus = corpusWith();
    // The right-to-left mark keeps the "!" after the Hebrew word; the flag of Scotland is written with tag characters.
    writeFileSync(join(corpus.dir, 'marks.md'), '---\ntitle: "Hello \u05e9\u05dc\u05d5\u05dd\u200f! from \ud83c\udff4\udb40\udc67\udb40\udc62\udb40\udc73\udb40\udc63\udb40\udc74\udb40\udc7f"\ndescription: D\npublishedAt: 2026-11-01\nauthors: ["\u200eAnn Lee"]\ntags: ["Robotics\u061c"]\n---\n\nThe plant opened.\n');
    // "ign" in tag letters after the headline: invisible on the page, read by search engines and language models.
    writeFileSync(join(corpus.dir, 'hidden.md'), '---\ntitle: "Chips shortage\udb40\udc69\udb40\udc67\udb40\udc6e"\ndescription: D\npublishedAt: 2026-11-01\ntags: ["AI"]\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['marks.md', 'hidden.md']).problems.map(formatProblem)).toEqual([
      'hidden.md:2: title: contains the invisible character U+E0069 (TAG LATIN SMALL LETTER I), which carries text no reader sees; remove it and the invisible characters beside it (they usually come with pasted text)',
      'marks.md:5: warning: authors.0: contains the invisible character U+200E (LEFT-TO-RIGHT MARK), so it differs from the same words typed without it (in search, and as a tag or an author with a page of their own); remove it (it usually comes with pasted text)',
      'marks.md:6: warning: tags.0: contains the invisible character U+061C (ARABIC LETTER MARK), so it differs from the same words typed without it (in search, and as a tag or an author with a page of their own); remove it (it usually comes with pasted text)',
    ]);
  });

  it('warns of pictures without a description in the desk’s own articles, not in an outlet’s coverage', () => {
    corpus = corpusWith();
    const body = '\n![](https://images.example.com/chart.png)\n\n<img src="https://images.example.com/plant.png">\n';
    writeFileSync(join(corpus.dir, 'own.md'), `---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n${body}`);
    writeFileSync(join(corpus.dir, 'covered.md'), `---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nsource:\n  name: Wire\n  url: https://wire.example/plant\n---\n${body}`);
    expect(check(corpus.dir, ['own.md', 'covered.md']).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^own\.md:8: warning: the picture "https:\/\/images\.example\.com\/chart\.png" has no description/),
      expect.stringMatching(/^own\.md:10: warning: the picture "https:\/\/images\.example\.com\/plant\.png" has no description/),
    ]);
  });

  it('refuses a second block of front matter opening the body, whose fields would never be read, at its line', () => {
    const body = '---\nauthors: [Mariko Tanaka]\nsource:\n  name: Nikkei\n---\n\nThe plant opened.\n';
    expect(checkBodyBesidePictures('pasted-twice.md', body, [])).toEqual([
      'pasted-twice.md:8: a second block of front matter opens the body: the fields it sets (authors, source) are never read, and readers would see its lines as a heading; move its fields into the front matter at the top of the file (between its --- lines), then delete this block',
    ]);
  });

  it('refuses a field written twice, naming both its lines, at the top level or inside another field, in a file with Windows line endings too', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'twice.md'), '---\r\ntitle: T\r\ndescription: D\r\npublishedAt: 2026-11-01\r\ntags: [AI]\r\ntitle: "Another headline"\r\n---\r\n\r\nThe plant opened.\r\n');
    writeFileSync(join(corpus.dir, 'nested.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nsource:\n  name: Wire\n  url: https://wire.example.com/\n  name: Other Wire\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['twice.md', 'nested.md']).problems.map(formatProblem)).toEqual([
      'nested.md:9: source.name: is written twice, on line 7 and on this line, and YAML refuses the whole front matter for it; keep the one you mean and delete the other',
      'twice.md:6: title: is written twice, on line 2 and on this line, and YAML refuses the whole front matter for it; keep the one you mean and delete the other',
    ]);
  });

  it('refuses a --- typed between the fields of the front matter, which ends it early, as the one problem of the fields below it', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'split.md'), '---\ntitle: T\ndescription: D\n---\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nThe plant opened.\n');
    expect(check(corpus.dir, ['split.md']).problems.map(formatProblem)).toEqual([
      'split.md:4: this --- ends the front matter above the fields publishedAt and tags, so they are read as the body and never as fields; delete this --- line, so that publishedAt and tags are inside the front matter',
    ]);
  });

  it('warns of a date-time written without an offset beside one written with a local offset, and not of one beside UTC or a date alone', () => {
    corpus = corpusWith();
    const article = (published: string, updated: string) => `---\ntitle: T\ndescription: D\npublishedAt: ${published}\nupdatedAt: ${updated}\ntags: [AI]\n---\n\nThe plant opened.\n`;
    writeFileSync(join(corpus.dir, 'tokyo.md'), article('"2026-11-01T09:00:00+09:00" # Tokyo', '2026-11-01T08:30:00'));
    writeFileSync(join(corpus.dir, 'ny.md'), article('2026-11-01T09:00:00', '2026-11-01T10:00:00-05:00'));
    writeFileSync(join(corpus.dir, 'utc.md'), article('2026-11-01T09:00:00', '2026-11-01T10:00:00+00:00'));
    writeFileSync(join(corpus.dir, 'day.md'), article('2026-11-01', '2026-11-02T10:00:00+09:00'));
    expect(check(corpus.dir, ['tokyo.md', 'ny.md', 'utc.md', 'day.md']).problems.map(formatProblem)).toEqual([
      'ny.md:4: warning: publishedAt: 2026-11-01T09:00:00 has no offset, so it is read as UTC, while updatedAt is written with -05:00; if it is the same local time, write 2026-11-01T09:00:00-05:00; if it is UTC, write 2026-11-01T09:00:00Z',
      'tokyo.md:5: warning: updatedAt: 2026-11-01T08:30:00 has no offset, so it is read as UTC, while publishedAt is written with +09:00; if it is the same local time, write 2026-11-01T08:30:00+09:00; if it is UTC, write 2026-11-01T08:30:00Z',
    ]);
  });

  it('refuses a picture Markdown shows as text, saying how to write its path, and warns of a footnote never defined', () => {
    const body = '![The plant](./Photo ONE.PNG)\n\n![Shown](<./Photo ONE.PNG>) and ![half](./plant.png\n\nA claim.[^1] Another.[^2]\n\n[^1]: The source.\n';
    expect(checkBodyBesidePictures('as-typed.md', body, ['Photo ONE.PNG'])).toEqual([
      'as-typed.md:8: "![The plant](./Photo ONE.PNG)" is not read as a picture, so readers would see it as text; a path with a space must be in angle brackets: write ![The plant](<./Photo ONE.PNG>), or rename the file without spaces',
      'as-typed.md:10: "![half](./plant.png" is not read as a picture, so readers would see it as text; write it as ![what it shows](./photo.jpg): the description in [ ], then the path in ( ) right after it',
      'as-typed.md:12: warning: the footnote "[^2]" is never defined, so readers see it as typed; add its note on a line of its own below the paragraph ([^2]: the note), or remove the reference; to show it as text, write it in backticks',
    ]);
  });

  it('refuses a link to an article\'s file, which has no address on the site, naming the page to link to instead', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'links.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nSee [the plant](./desk/chip-plant-opens.md#costs), [the page](/articles/chip-plant-opens/) and [a file](https://example.com/README.md).\n\nSave it as `notes.md`, or see [the explainer][ex].\n\n[ex]: Explainer.MDX\n',
    );
    writeFileSync(join(corpus.dir, 'downloads.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nThe [full report](./report.pdf), the [filing](sec.gov/filing) and [the data](/files/data.csv).\n');
    const fix = 'names an article\'s file, which has no address on the site, so readers would find nothing there; link to the article\'s page, e.g. [its headline]';
    expect(check(corpus.dir, ['downloads.md']).problems.map(formatProblem)).toEqual([
      'downloads.md:8: the link "./report.pdf" leads to a file beside the article, which the site does not publish, so readers would find nothing there; put the file under public/ (public/files/report.pdf, say) and link to /files/report.pdf',
      'downloads.md:8: the link "sec.gov/filing" has no https:// in front, so it leads to a page of this site that does not exist; write https://sec.gov/filing',
    ]);
    expect(check(corpus.dir, ['links.md']).problems.map(formatProblem)).toEqual([
      `links.md:8: the link "./desk/chip-plant-opens.md#costs" ${fix}(/articles/chip-plant-opens/) (its slug field, if it has one, names the page instead)`,
      `links.md:12: the link "Explainer.MDX" ${fix}(/articles/explainer/) (its slug field, if it has one, names the page instead)`,
    ]);
  });

  it('warns of a link or picture whose scheme the build removes, written in place or by reference, at its line', () => {
    const pixel = `data:image/png;base64,${'A'.repeat(120)}`;
    const body = `Call [the desk](tel:+15550100), [mail it](mailto:desk@example.org) or [see](javascript:alert(1)).\n\n![The chart](${pixel})\n\nThe [filing][f].\n\n[f]: data:text/html,filing\n`;
    expect(checkBodyBesidePictures('schemes.md', body, [])).toEqual([
      'schemes.md:8: warning: the link "tel:+15550100" is removed when the site is built (only http:, https:, mailto: links are kept), so readers would see its text leading nowhere; link to a web page (https://…), or remove the link and keep its text',
      'schemes.md:8: warning: the link "javascript:alert(1)" is removed when the site is built (only http:, https:, mailto: links are kept), so readers would see its text leading nowhere; link to a web page (https://…), or remove the link and keep its text',
      `schemes.md:10: warning: the picture "${pixel.slice(0, 60)}…" is removed when the site is built, so readers would see a broken image; save the picture beside the article and write ![what it shows](./photo.png), or use an https:// URL`,
      'schemes.md:14: warning: the link "data:text/html,filing" is removed when the site is built (only http:, https:, mailto: links are kept), so readers would see its text leading nowhere; link to a web page (https://…), or remove the link and keep its text',
    ]);
  });

  it('warns of an HTML link, picture or media file whose address the build removes, in Markdown only: MDX keeps its JSX as written', () => {
    const html = '<p>Call <a href="tel:+15550100">the desk</a> or <a href="https://example.com/">the site</a>.</p>\n\n<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A dot" />\n\n<video src="https://media.example/a.mp4" controls>\n<track src="http://media.example/en.vtt" kind="captions" />\n</video>\n';
    expect(checkBodyBesidePictures('schemes.md', html, [])).toEqual([
      'schemes.md:8: warning: the link "tel:+15550100" is removed when the site is built (only http:, https:, mailto: links are kept), so readers would see its text leading nowhere; link to a web page (https://…), or remove the link and keep its text',
      'schemes.md:10: warning: the picture "data:image/gif;base64,R0lGODlhAQABAAAAACw=" is removed when the site is built, so readers would see a broken image; save the picture beside the article and write ![what it shows](./photo.png), or use an https:// URL',
      'schemes.md:13: warning: the caption track "http://media.example/en.vtt" is removed when the site is built (only https: addresses are kept there), so readers would see no captions; use an https:// address, or put the file under public/ and write its path from there (public/files/captions.vtt is /files/captions.vtt)',
    ]);
    expect(checkBodyBesidePictures('schemes.mdx', html, [])).toEqual([]);
  });

  it('warns of a <noscript> the build removes with what it holds, at its line, in Markdown only, and not of one in code', () => {
    const body = 'Our chart.\n\n<noscript>Enable JavaScript to see the chart.</noscript>\n\n<div>\n<noscript><img src="https://charts.example/1.png" alt=""></noscript>\n</div>\n\n`<noscript>` is kept in code, and <noscript></noscript> holds nothing.\n';
    const hint = "write what it shows as the article's own text (a picture as ![what it shows](https://…)), or remove the <noscript>";
    expect(checkBodyBesidePictures('noscript.md', body, [])).toEqual([
      `noscript.md:10: warning: <noscript> is removed when the site is built, with what it holds ("Enable JavaScript to see the chart."), so readers would never see it; ${hint}`,
      `noscript.md:13: warning: <noscript> is removed when the site is built, with what it holds (a picture), so readers would never see it; ${hint}`,
    ]);
    expect(checkBodyBesidePictures('noscript.mdx', body.replace('alt="">', 'alt="" />').replace('<noscript></noscript>', ''), [])).toEqual([]);
  });

  it('warns of an <embed>, <object>, <svg>, <math> or <canvas> the build removes, in Markdown only, and not of one in code', () => {
    const body = 'Intro.\n\n<embed src="https://x.example/report.pdf" type="application/pdf">\n\n<svg viewBox="0 0 10 10"><text x="1" y="8">Sales up 5%</text></svg>\n\nArea: <math><msup><mi>r</mi><mn>2</mn></msup></math>.\n\n`<svg>` is kept in code.\n';
    const removed = (tag: string) => `<${tag}> is removed when the site is built, and only the text inside it kept, so readers would not see what it shows`;
    expect(checkBodyBesidePictures('embeds.md', body, [])).toEqual([
      `embeds.md:10: warning: ${removed('embed')}; link to the file instead: [what it shows](https://…)`,
      `embeds.md:12: warning: ${removed('svg')}; save it as a picture beside the article and write ![what it shows](./chart.svg)`,
      `embeds.md:14: warning: ${removed('math')}; write the formula as text (r² or r^2), or as a picture: ![the formula](./formula.svg)`,
    ]);
    expect(checkBodyBesidePictures('embeds.mdx', body.replace('type="application/pdf">', 'type="application/pdf" />'), [])).toEqual([]);
  });

  it('refuses an image that is a symbolic link, a folder, or a file of another kind than its extension says', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'passwords.txt'), 'root:hunter2\n');
    symlinkSync(join(corpus.dir, 'passwords.txt'), join(corpus.dir, 'lnk.png'));
    mkdirSync(join(corpus.dir, 'dir.png'));
    writeFileSync(join(corpus.dir, 'fake.png'), 'not a picture\n');
    copyFileSync(join(validCorpus, 'desk/chip-plant.png'), join(corpus.dir, 'png-named.jpg'));
    const withLeadImage = (src: string) => `---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: "${src}"\n  alt: A\n---\nBody.\n`;
    writeFileSync(join(corpus.dir, 'link.md'), withLeadImage('./lnk.png'));
    writeFileSync(join(corpus.dir, 'folder.md'), withLeadImage('dir.png'));
    writeFileSync(join(corpus.dir, 'fake.md'), withLeadImage('./fake.png'));
    writeFileSync(join(corpus.dir, 'body.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n![a](./lnk.png)\n\n![b](./png-named.jpg)\n');
    const lines = check(corpus.dir, ['link.md', 'folder.md', 'fake.md', 'body.md']).problems.map(formatProblem);
    expect(lines).toEqual([
      'body.md:8: the image "./lnk.png" is a symbolic link; images must be files inside the content folder; copy the image itself next to the article instead of linking to it',
      'body.md:10: the image "./png-named.jpg" is not a real JPEG image: its first bytes are another kind of file; save or export the picture again as JPEG, or give the file the extension of its real format',
      'fake.md:7: image.src: "./fake.png" is not a real PNG image: its first bytes are another kind of file; save or export the picture again as PNG, or give the file the extension of its real format',
      'folder.md:7: image.src: "dir.png" is a folder, not an image; name the image file inside it, e.g. ./photos/harbour.jpg',
      'link.md:7: image.src: "./lnk.png" is a symbolic link; images must be files inside the content folder; copy the image itself next to the article instead of linking to it',
    ]);
  });

  it('hands over each sound-looking local raster picture of the reported files once, to be decoded, where it is first named', () => {
    corpus = corpusWith();
    copyFileSync(join(validCorpus, 'desk/chip-plant.png'), join(corpus.dir, 'x.png'));
    writeFileSync(join(corpus.dir, 'svg.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
    writeFileSync(join(corpus.dir, 'pictures.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: ./x.png\n  alt: A\n---\n\n![again](./x.png) ![drawn](./svg.svg) ![gone](./gone.png) ![far](https://cdn.example/a.jpg)\n');
    const pictures = (only?: string[]) => check(corpus!.dir, only).pictures.map(({ absolutePath, at, named, format }) => ({ path: relative(corpus!.dir, absolutePath), ...at, named, format }));
    expect(pictures(['pictures.md'])).toEqual([{ path: 'x.png', file: 'pictures.md', line: 7, field: 'image.src', named: '"./x.png"', format: 'PNG' }]);
    expect(pictures(['markets-open-steady.md'])).toEqual([]);
    expect(pictures().map((picture) => picture.path).sort()).toEqual(['desk/chip-plant.png', 'x.png']);
  });

  it('refuses an SVG whose size the build cannot read, which would stop it, as a lead image or in the body', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'sized.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');
    writeFileSync(join(corpus.dir, 'unsized.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"><rect width="10" height="10"/></svg>');
    writeFileSync(
      join(corpus.dir, 'drawing.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: ./unsized.svg\n  alt: A\n---\n\n![a](./sized.svg)\n\n![b](./unsized.svg)\n',
    );
    const fix = 'has no size the build can read, so the build would stop on it; give its <svg> element a viewBox (viewBox="0 0 640 480"), or a width and a height without %, or export it again';
    expect(check(corpus.dir, ['drawing.md']).problems.map(formatProblem)).toEqual([
      `drawing.md:7: image.src: the SVG "./unsized.svg" ${fix}`,
      `drawing.md:13: the SVG "./unsized.svg" ${fix}`,
    ]);
  });

  it('refuses local images from outside the content folder: absolute paths, ../ and linked folders', () => {
    corpus = corpusWith();
    const png = join(validCorpus, 'desk/chip-plant.png');
    copyFileSync(png, join(corpus.dir, 'outside.png'));
    mkdirSync(join(corpus.dir, 'photos'));
    copyFileSync(png, join(corpus.dir, 'photos/harbour.png'));
    symlinkSync(join(corpus.dir, 'photos'), join(corpus.dir, 'desk/linked'));
    const withLeadImage = (src: string) => `---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: "${src}"\n  alt: A\n---\nBody.\n`;
    writeFileSync(join(corpus.dir, 'desk/absolute.md'), withLeadImage(png));
    writeFileSync(join(corpus.dir, 'desk/parent.md'), withLeadImage('../outside.png'));
    writeFileSync(join(corpus.dir, 'desk/body.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n![a](../outside.png)\n\n![b](./linked/harbour.png)\n\n![c](chip-plant.png)\n');
    // The corpus's desk/ folder is the content folder: outside.png and photos/ lie beyond it.
    const lines = check(join(corpus.dir, 'desk'), ['absolute.md', 'parent.md', 'body.md']).problems.map(formatProblem);
    const fix = 'copy the image next to the article and write its path from there, e.g. ./photo.jpg, or use an https:// URL';
    expect(lines).toEqual([
      `absolute.md:7: image.src: "${png}" is a path on the build machine, not one from the article; ${fix}`,
      `body.md:8: the image "../outside.png" is outside the content folder, and only files inside it may be published; ${fix}`,
      'body.md:10: the image "./linked/harbour.png" is inside "linked", a symbolic link; images must be files inside the content folder; copy the folder itself into the content folder instead of linking to it',
      `parent.md:7: image.src: "../outside.png" is outside the content folder, and only files inside it may be published; ${fix}`,
    ]);
  });

  it('reads image paths as the build does: a lead image as written, a body image %-decoded, neither with a query or fragment', () => {
    corpus = corpusWith();
    const png = join(validCorpus, 'desk/chip-plant.png');
    copyFileSync(png, join(corpus.dir, 'my photo.png'));
    copyFileSync(png, join(corpus.dir, 'x.png'));
    const withLeadImage = (src: string) => `---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: "${src}"\n  alt: A\n---\nBody.\n`;
    writeFileSync(join(corpus.dir, 'spaced.md'), withLeadImage('./my photo.png'));
    writeFileSync(join(corpus.dir, 'escaped.md'), withLeadImage('./my%20photo.png'));
    writeFileSync(join(corpus.dir, 'query.md'), withLeadImage('./x.png?v=2'));
    writeFileSync(join(corpus.dir, 'body.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n![a](./my%20photo.png)\n\n![b](./x.png?v=1)\n\n![c](x.png#top)\n');
    const lines = check(corpus.dir, ['spaced.md', 'escaped.md', 'query.md', 'body.md']).problems.map(formatProblem);
    const alone = 'write the path of the file alone, e.g. ./photo.jpg (rename a file whose name has a ? or #)';
    expect(lines).toEqual([
      `body.md:10: the image "./x.png?v=1" ends in "?v=1", which the build cannot follow to a file, so readers would see a broken image; ${alone}`,
      `body.md:12: the image "x.png#top" ends in "#top", which the build cannot follow to a file, so readers would see a broken image; ${alone}`,
      'escaped.md:7: image.src: "./my%20photo.png" does not exist next to the article; this path is read as written, so write the file\'s name with its spaces and other characters as they are, not %-escaped',
      `query.md:7: image.src: "./x.png?v=2" ends in "?v=2", which the build cannot follow to a file, so readers would see a broken image; ${alone}`,
    ]);
  });

  it('refuses a TIFF named .tif, which Astro does not take for an image and leaves broken, but not one named .tiff', () => {
    corpus = corpusWith();
    const tiff = Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]);
    writeFileSync(join(corpus.dir, 'scan.tif'), tiff);
    writeFileSync(join(corpus.dir, 'scan.tiff'), tiff);
    writeFileSync(join(corpus.dir, 'scans.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: ./scan.tif\n  alt: A\n---\n\n![a](scan.tif)\n\n![b](scan.tiff)\n');
    const fix = 'only files ending in .jpg, .jpeg, .png, .gif, .webp, .avif, .tiff or .svg can be shown in an article (rename a .tif to .tiff); link to other documents instead';
    expect(check(corpus.dir, ['scans.md']).problems.map(formatProblem)).toEqual([
      `scans.md:7: image.src: "./scan.tif" is not an image the build can show; ${fix}`,
      `scans.md:11: "scan.tif" is not an image the build can show; ${fix}`,
    ]);
  });

  it('lets an article checked from outside the content folder use the images beside it', () => {
    corpus = corpusWith();
    const elsewhere = join(corpus.dir, 'desk');
    writeFileSync(join(elsewhere, 'visiting.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: ./chip-plant.png\n  alt: A\n---\nBody.\n');
    const content = join(corpus.dir, 'empty-content');
    mkdirSync(content);
    const { problems } = checkArticles([readArticleSource(join(elsewhere, 'visiting.md'), 'visiting.md')], { now: NOW, contentDir: content, projectRoot: process.cwd(), inspectFile });
    expect(problems).toEqual([]);
  });

  it('refuses a Markdown picture that names a file beside the article by reference, which the build never copies', () => {
    corpus = corpusWith();
    copyFileSync(join(validCorpus, 'desk/chip-plant.png'), join(corpus.dir, 'x.png'));
    writeFileSync(
      join(corpus.dir, 'refs.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n![The plant][Plant]\n\n![remote][] and ![x.png] and [a link][plant]\n\n```md\n![shown][plant]\n```\n\n[plant]: ./x.png "The plant"\n[remote]: https://cdn.example/x.png\n',
    );
    expect(check(corpus.dir, ['refs.md']).problems.map(formatProblem)).toEqual([
      'refs.md:8: the image "./x.png" is given by reference ([Plant]), and the build copies only images written in place, so readers would see a broken image; write it as ![The plant](./x.png)',
    ]);
  });

  it('refuses a raw-HTML picture with a relative path, which would not be copied to the site, but not one in code', () => {
    const body = '<figure><img src="./x.png" alt="A"><figcaption>C</figcaption></figure>\n\n<picture>\n  <source srcset="x.png 2x">\n  <img src="https://cdn.example/x.png" alt="A">\n</picture>\n\n```html\n<img src="./shown-as-code.png">\n```\n';
    expect(checkBodyBesidePictures('figure.md', body, ['x.png'])).toEqual([
      'figure.md:8: the HTML <img> path "./x.png" is never copied to the site, so readers would see a broken image; write it as a Markdown image, ![what it shows](./x.png), or use an https:// URL',
      'figure.md:11: the HTML <source> path "x.png" is never copied to the site, so readers would see a broken image; write it as a Markdown image, ![what it shows](x.png), or use an https:// URL',
    ]);
  });

  it('refuses raw-HTML media and links to files beside the article, which the site does not publish, at their lines', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'media.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n<video controls poster="./still.jpg">\n  <source src="./clip.mp4" type="video/mp4">\n</video>\n\n<audio src="interview.mp3" controls></audio> and <a href="./report.pdf">the report</a>\n\n<video src="/files/clip.mp4" poster="https://cdn.example/still.jpg"></video> <a href="/files/report.pdf">r</a>\n',
    );
    expect(check(corpus.dir, ['media.md']).problems.map(formatProblem)).toEqual([
      'media.md:8: the HTML <video> poster "./still.jpg" leads to a file beside the article, which the site does not publish, so readers would find nothing there; put the file under public/ (public/files/still.jpg, say) and write poster="/files/still.jpg"',
      'media.md:9: the HTML <source> src "./clip.mp4" leads to a file beside the article, which the site does not publish, so readers would find nothing there; put the file under public/ (public/files/clip.mp4, say) and write src="/files/clip.mp4"',
      'media.md:12: the HTML <audio> src "interview.mp3" leads to a file beside the article, which the site does not publish, so readers would find nothing there; put the file under public/ (public/files/interview.mp3, say) and write src="/files/interview.mp3"',
      'media.md:12: the link "./report.pdf" leads to a file beside the article, which the site does not publish, so readers would find nothing there; put the file under public/ (public/files/report.pdf, say) and link to /files/report.pdf',
    ]);
  });

  it('leaves raw HTML shown as an indented code block alone, and still refuses it in a list item, where indenting is not code', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'how-to.md'),
      '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nTo embed a clip, write:\n\n    <video src="./clip.mp4" poster="./still.jpg"></video>\n    <a href="./report.pdf">the report</a>\n\n- A list item:\n\n    <audio src="interview.mp3"></audio>\n',
    );
    expect(check(corpus.dir, ['how-to.md']).problems.map(formatProblem)).toEqual([
      'how-to.md:15: the HTML <audio> src "interview.mp3" leads to a file beside the article, which the site does not publish, so readers would find nothing there; put the file under public/ (public/files/interview.mp3, say) and write src="/files/interview.mp3"',
    ]);
  });

  it('rejects an image src with a scheme other than https', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'img.md'), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nimage:\n  src: "javascript:alert(1)"\n  alt: A\n---\nBody.\n');
    expect(check(corpus.dir, ['img.md']).problems.map(formatProblem)).toEqual([
      'img.md:7: image.src: "javascript:alert(1)" is not an image; use a path next to the article such as ./photo.jpg, or an https:// URL',
    ]);
  });
});

describe('MDX, which is code and not sanitised', () => {
  it('warns when an MDX body has a script, an event handler or a javascript: URL', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'widget.mdx'), '---\ntitle: Widget\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nText.\n\n<button onClick="steal()">Go</button>\n');
    writeFileSync(join(corpus.dir, 'fine.mdx'), '---\ntitle: Fine\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n```html\n<script>shown as code</script>\n```\n');
    expect(check(corpus.dir, ['widget.mdx', 'fine.mdx']).problems.map(formatProblem)).toEqual([
      `widget.mdx:10: warning: "onClick=" in MDX runs in readers' browsers: MDX is not sanitised like Markdown; use a .md file for pasted HTML, or have a developer review this component code`,
    ]);
  });

  it('reports code the build would stop on at its line in the file: tags and names it never defines', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'charted.mdx'), "---\ntitle: Charted\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nexport const Chart = () => <figure />;\n\n<Chart />\n\n<Callout>Rates were {rate}.</Callout>\n");
    expect(check(corpus.dir, ['charted.mdx']).problems.map(formatProblem)).toEqual([
      `charted.mdx:12: the component <Callout> is not imported or defined in this article, so the page cannot be built; import it below the front matter (import Callout from './Callout.astro', the path written from this file) or define it there with export const; a tag with a capital letter is a component, not HTML`,
      'charted.mdx:12: rate is not defined in this article, so the page cannot be built; import it or define it with export const below the front matter (a front matter field is frontmatter.rate), or write \\{ to show a brace as text',
    ]);
  });

  it('reports an import of a file that does not exist at its line; one found as Vite finds files is fine', () => {
    corpus = corpusWith();
    mkdirSync(join(corpus.dir, 'widgets'));
    for (const file of ['chart.astro', 'index.ts', 'table.ts']) writeFileSync(join(corpus.dir, 'widgets', file), 'export {};\n');
    writeFileSync(
      join(corpus.dir, 'charted.mdx'),
      "---\ntitle: Charted\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nimport Chart from './widgets/chart.astro'\nimport { data } from './widgets'\nimport rows from './widgets/table.js'\nimport { Image } from 'astro:assets'\nimport Map from './widgets/map.astro'\n\n<Chart data={data} rows={rows} /> <Map />\n",
    );
    expect(check(corpus.dir, ['charted.mdx']).problems.map(formatProblem)).toEqual([
      `charted.mdx:12: the import "./widgets/map.astro" names a file that does not exist, so the page cannot be built; check the path, written from the article's folder (names are case-sensitive, and an .astro or .mdx file needs its extension), and that the file is committed`,
    ]);
  });

  it('reports a component asked for by name from an .astro file, which gives only its default, at the import\'s line', () => {
    corpus = corpusWith();
    mkdirSync(join(corpus.dir, 'widgets'));
    writeFileSync(join(corpus.dir, 'widgets', 'Callout.astro'), '<aside><slot /></aside>\n');
    writeFileSync(
      join(corpus.dir, 'callouts.mdx'),
      "---\ntitle: Callouts\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nimport Box from './widgets/Callout.astro'\nimport { default as Note } from './widgets/Callout.astro'\nimport { Callout } from './widgets/Callout.astro'\n\n<Box>One</Box> <Note>Two</Note> <Callout>Three</Callout>\n",
    );
    expect(check(corpus.dir, ['callouts.mdx']).problems.map(formatProblem)).toEqual([
      `callouts.mdx:10: the import "./widgets/Callout.astro" asks for { Callout } by name, but an .astro file gives only its component, so the page cannot be built; import the component without braces, under the name the article uses: import Callout from './widgets/Callout.astro'`,
    ]);
  });

  it('says that a value starting with # was read as a comment, where a field is found empty', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'ranked.md'), '---\ntitle: #1 in AI\ndescription: Dek\npublishedAt: 2026-11-01\ntags:\n  - #AI\n---\n\nBody.\n');
    expect(check(corpus.dir, ['ranked.md']).problems.map(formatProblem)).toEqual([
      'ranked.md:2: title: is empty; write the headline readers see; YAML reads a value starting with # as a comment: to keep it, quote it (title: "#1 in AI")',
      'ranked.md:6: tags.0: is empty; write a tag name; YAML reads a value starting with # as a comment: to keep it, quote it (- "#AI")',
    ]);
  });

  it('reports an import of a package that is not installed, or of a /-rooted path the project lacks; one the build finds is fine', () => {
    corpus = corpusWith();
    // Packages are found as the bundler finds them, in a node_modules from the article's folder up.
    for (const name of ['p-limit', '@astrojs/mdx']) {
      mkdirSync(join(corpus.dir, 'node_modules', name), { recursive: true });
      writeFileSync(join(corpus.dir, 'node_modules', name, 'package.json'), JSON.stringify({ name }));
    }
    writeFileSync(
      join(corpus.dir, 'charted.mdx'),
      "---\ntitle: Charted\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nimport pLimit from 'p-limit'\nimport mdx from '@astrojs/mdx'\nimport { join } from 'path'\nimport { readFileSync } from 'node:fs'\nimport Teaser from '/src/components/ArticleTeaser.astro'\nimport Chart from 'chart-kit'\nimport Line from '@acme/charts/line'\nimport Map from '/src/components/Map.astro'\n\n<Teaser /> <Chart /> <Line /> <Map /> {String(pLimit)} {String(mdx)} {String(join)} {String(readFileSync)}\n",
    );
    expect(check(corpus.dir, ['charted.mdx']).problems.map(formatProblem)).toEqual([
      'charted.mdx:13: the import "chart-kit" names the package "chart-kit", which is not installed, so the page cannot be built; check the name\'s spelling, or install it (npm install chart-kit) and commit package.json and package-lock.json',
      'charted.mdx:14: the import "@acme/charts/line" names the package "@acme/charts", which is not installed, so the page cannot be built; check the name\'s spelling, or install it (npm install @acme/charts) and commit package.json and package-lock.json',
      `charted.mdx:15: the import "/src/components/Map.astro" names a file that does not exist, so the page cannot be built; a path starting with / is read from the project's folder (where package.json is): check it (names are case-sensitive, and an .astro or .mdx file needs its extension), and that the file is committed`,
    ]);
  });

  it('leaves out pictures an MDX comment holds: they never reach the page', () => {
    corpus = corpusWith();
    writeFileSync(
      join(corpus.dir, 'draft-chart.mdx'),
      '---\ntitle: Draft chart\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\n{/* ![Old chart](./old-chart.png) until legal signs off */}\n\n{/*\n<img src="./draft.jpg" alt="" />\n*/}\n\n![Gone](./gone.png)\n',
    );
    expect(check(corpus.dir, ['draft-chart.mdx']).problems.map(formatProblem)).toEqual([
      'draft-chart.mdx:14: the image "./gone.png" does not exist next to the article; check the file name (it is case-sensitive) and that the image is committed, or use an https:// URL',
    ]);
  });

  it('reports MDX that does not compile, naming the line in the file', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'broken.mdx'), '---\ntitle: Broken\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nThe chart:\n\n<Chart data={[1, 2, 3]\n');
    expect(check(corpus.dir, ['broken.mdx']).problems.map(formatProblem)).toEqual([
      'broken.mdx:10: the MDX cannot be compiled: Unexpected character after `<`, expected a valid JSX tag (note: to create a link in MDX, use `[text](url)`); close every tag (<Callout>…</Callout>, or <Callout /> alone), and write \\< or \\{ to show < or { as text',
    ]);
  });

  it('never compiles Markdown: tags and braces in a .md file are text or HTML, and MDX lines are named as MDX in the wrong file', () => {
    corpus = corpusWith();
    writeFileSync(join(corpus.dir, 'plain.md'), "---\ntitle: Plain\ndescription: Dek\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nimport Chart from './nowhere.astro'\n\n<Callout>Rates were {rate}.</Callout> <Chart\n");
    expect(check(corpus.dir, ['plain.md']).problems.map((problem) => [problem.line, problem.message])).toEqual([
      [8, 'this line is an MDX import, but this file is Markdown (.md), so readers would see it as text'],
      [10, '<Callout> is an MDX component, but this file is Markdown (.md), so the page leaves it out'],
    ]);
  });
});

describe('problems quoting what an article holds, as a CI log shows them', () => {
  it('say so on one line each, with no workflow command in it, whatever the file name and the field value hold', () => {
    corpus = corpusWith();
    const name = 'wire\n::error::forged.md';
    writeFileSync(join(corpus.dir, name), '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nrelated: ["next ##[warning]forged\\n::stop-commands::quiet"]\n---\n\nBody.\n');
    const shown = check(corpus.dir, [name]).problems.map(formatProblem);
    expect(shown).toEqual([expect.stringMatching(/^wire\\u000a::error::forged\.md:6: related\.0: "next ##\\u005bwarning\]forged\\n::stop-commands::quiet" is not a slug/)]);
    const lines = shown.join('\n').split(/\r\n|\r|\n/);
    expect(lines.filter((line) => line.trimStart().startsWith('::') || line.includes('##['))).toEqual([]);
  });
});
