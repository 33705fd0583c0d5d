/**
 * Articles stranger than the fixtures: the seed article and a minimal one, mutated field by field (other YAML types,
 * removed, duplicated or recased keys, invisible and control characters, other line endings, hostile bodies), through
 * the content check; those it accepts through what their pages, feeds and structured data are made of.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import { formatProblem, hasErrors, problemToJson, type Problem } from '../../../src/lib/checks/problems.ts';
import { inspectFile } from '../../../src/io/inspect-file.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';
import { readArticle } from '../../../src/lib/content/article.ts';
import { buildSiteIndex } from '../../../src/lib/site/site-index.ts';
import { createPaths } from '../../../src/lib/site/paths.ts';
import { createDateFormatter } from '../../../src/lib/site/dates.ts';
import { pageTitle } from '../../../src/lib/site/page-title.ts';
import { newsArticleJsonLd, serializeJsonLd, socialMetaTags } from '../../../src/lib/output/seo.ts';
import { feedContext, jsonFeed, rssFeed, siteFeedScope } from '../../../src/lib/output/feeds.ts';
import { createArticleBodyRenderer } from '../../../src/lib/output/markdown-processor.ts';
import { siteConfig } from '../../../src/site.config.ts';
import { inertJson } from '../../../src/lib/text/inert-line.ts';
import { projectRoot } from '../../helpers/invalid-corpus.ts';

const NOW = new Date('2026-11-25T12:00:00Z');
const SEED = 20261206;
const contentDir = join(projectRoot, 'content/articles');
const seedText = readFileSync(join(contentDir, 'japan-ai-race.md'), 'utf8');

/** A front matter as its fields' lines, so that a mutant can change one field and keep the others as written. */
interface Draft {
  fields: Array<[key: string, value: string]>;
  body: string;
  extension: '.md' | '.mdx';
  lineEnd: '\n' | '\r\n' | '\r';
  bom: boolean;
  opening: string;
  closing: string;
}

function draftOf(text: string): Draft {
  const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  const fields: Draft['fields'] = [];
  for (const line of frontMatter!.split('\n')) {
    const top = /^([A-Za-z]+):(.*)$/.exec(line);
    if (top) fields.push([top[1]!, top[2]!]);
    else fields[fields.length - 1]![1] += `\n${line}`;
  }
  return { fields, body: body!, extension: '.md', lineEnd: '\n', bom: false, opening: '---', closing: '---' };
}

const seed = draftOf(seedText);
const minimal = draftOf('---\ntitle: "T"\ndescription: "D"\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nA body.\n');
const FIELDS = ['title', 'description', 'publishedAt', 'updatedAt', 'authors', 'tags', 'source', 'image', 'related', 'draft', 'slug', 'story', 'lang', 'formerSlugs'];

function fileText(draft: Draft): string {
  const lines = [draft.opening, ...draft.fields.map(([key, value]) => `${key}:${value}`), draft.closing, draft.body];
  return (draft.bom ? '\uFEFF' : '') + lines.join('\n').replace(/\r?\n/g, draft.lineEnd);
}

/** Odd characters as an editor's paste brings them, some only as YAML escapes (a lone surrogate cannot be UTF-8). */
const oddText = fc.constantFrom(
  '\u202Eevil\u202C',
  'emoji 🇯🇵👩🏽‍💻',
  'e\u0301\u0301\u0301',
  '\u0000',
  '\u0001\u0007\u001b[31m',
  '\u0085\u009b2J',
  '\u200b',
  '\u2028',
  '\uFEFF',
  '\\uD800',
  '\\x00',
  '\\e[2J',
  '</script><script>alert(1)</script>',
  '"quoted"',
  '::error::forged',
  'javascript:alert(1)',
  '&amp; <b>',
);

/** YAML values of other types and shapes than a field expects. */
const otherValue = fc.oneof(
  fc.constantFrom(
    ' 42',
    ' -1.5e3',
    ' .nan',
    ' .inf',
    ' 0x1F',
    ' [a, b]',
    ' []',
    ' {a: 1}',
    ' {}',
    ' null',
    ' ~',
    '',
    ' ""',
    " ''",
    ' true',
    ' 2026-11-24',
    ' "2026-11-24"',
    ' 2026-11-24T07:00:00Z',
    ' 0026-11-24',
    ' 9999-12-31',
    ' 2026-02-30',
    ' "not a date"',
    '\n  - - nested\n    - deeper',
    '\n  a:\n    b:\n      c: 1',
    ' *nowhere',
    ' &anchor value',
    ' !!binary aGVsbG8=',
    ' !custom x',
    ' |\n  block\n  text',
    ' >-\n  folded',
    ' "unclosed',
    ' [unclosed',
    ' key: value: more',
    ' # only a comment',
    '\n\tname: tabbed',
    '\n  name: "Outlet"\n  url: "javascript:alert(1)"',
    '\n  src: "../../etc/passwd"\n  alt: "x"',
    '\n  src: "https://example.com/a.png?x=1"\n  alt: ""',
  ),
  fc.integer({ min: 1, max: 20_000 }).map((length) => ` "${'x'.repeat(length)}"`),
  oddText.map((text) => ` "${text.replace(/"/g, '\\"')}"`),
  oddText.map((text) => ` [${JSON.stringify(text)}]`),
);

type Mutation = (draft: Draft) => Draft;
const withFields = (draft: Draft, fields: Draft['fields']): Draft => ({ ...draft, fields });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), otherValue).map(([at, value]): Mutation => (draft) => withFields(draft, draft.fields.map(([key, old], index) => [key, index === at % draft.fields.length ? value : old]))),
  fc.tuple(fc.constantFrom(...FIELDS), otherValue).map(([key, value]): Mutation => (draft) => withFields(draft, [...draft.fields.filter(([name]) => name !== key), [key, value]])),
  fc.nat().map((at): Mutation => (draft) => withFields(draft, draft.fields.filter((_, index) => index !== at % draft.fields.length))),
  fc.nat().map((at): Mutation => (draft) => withFields(draft, [...draft.fields, draft.fields[at % draft.fields.length]!])),
  fc.tuple(fc.nat(), fc.constantFrom<(key: string) => string>((key) => key.toUpperCase(), (key) => key[0]!.toUpperCase() + key.slice(1), (key) => `${key} `, (key) => `"${key}"`, (key) => `\u200b${key}`)).map(
    ([at, recase]): Mutation => (draft) => withFields(draft, draft.fields.map(([key, value], index) => [index === at % draft.fields.length ? recase(key) : key, value])),
  ),
  fc.tuple(fc.nat(), oddText).map(([at, text]): Mutation => (draft) => withFields(draft, draft.fields.map(([key, value], index) => [key, index === at % draft.fields.length ? value.replace(/"([^"]*)"/, (_, inner: string) => `"${inner}${text.replace(/"/g, '\\"')}"`) : value]))),
  fc.constantFrom<Draft['lineEnd']>('\r\n', '\r').map((lineEnd): Mutation => (draft) => ({ ...draft, lineEnd })),
  fc.constant<Mutation>((draft) => ({ ...draft, bom: true })),
  fc.constant<Mutation>((draft) => ({ ...draft, extension: '.mdx' })),
  fc.constant<Mutation>((draft) => withFields(draft, draft.fields.map(([key, value]) => [key, value.replace(/\n {2}/g, '\n\t')]))),
  fc.tuple(fc.constantFrom('--- ', '----', '---\t', '--- # note', ' ---', '+++'), fc.boolean()).map(([dashes, opening]): Mutation => (draft) => (opening ? { ...draft, opening: dashes } : { ...draft, closing: dashes })),
  fc.constantFrom('...', '').map((closing): Mutation => (draft) => ({ ...draft, closing })),
  fc
    .constantFrom(
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(1)">',
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" jav&#x09;ascript:alert(1)">x</a>',
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '<iframe src="https://evil.example"></iframe>',
      '<svg><script>alert(1)</script></svg>',
      '<style>body{display:none}</style>',
      '<div>\n\nunclosed',
      '<Callout>',
      '{unbalanced',
      '</div>',
      'import X from "./nowhere.js"',
      'export const a = 1',
      '<!-- comment',
      '---\ntitle: again\n---',
      '![](./missing.png)',
      '```\nunclosed fence',
      '\t\tindented code',
      `${'word '.repeat(20_000)}`,
      'x'.repeat(100_000),
    )
    .map((text): Mutation => (draft) => ({ ...draft, body: `${draft.body}\n\n${text}\n` })),
  oddText.map((text): Mutation => (draft) => ({ ...draft, body: `${text}\n${draft.body}` })),
);

const mutant = fc.tuple(fc.constantFrom(seed, minimal), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([start, mutations]) => {
  const draft = mutations.reduce((current, mutate) => mutate(current), start);
  return { name: `mutant${draft.extension}`, text: fileText(draft) };
});

/** The seed's curated links, as tiny published articles: a mutant that keeps them is not refused for them alone. */
const neighbours = ['ai-infrastructure-costs-hybrid-cloud', 'public-wifi-data-journey', 'smart-6g-medical-capacity', 'x-vpn-no-logs-audit', 'moneygram-mgusd-stablecoin-stellar'].map((slug) => ({
  file: `${slug}.md`,
  absolutePath: join(contentDir, `${slug}.md`),
  bytes: new TextEncoder().encode(`---\ntitle: "${slug}"\ndescription: "D"\npublishedAt: 2026-10-01\ntags: [Other]\n---\n\nUnrelated ${slug} text.\n`),
}));

function check(name: string, text: string): Problem[] {
  const bytes = new TextEncoder().encode(text);
  const mine = { file: name, absolutePath: join(contentDir, name), bytes };
  return checkArticles([mine, ...neighbours], { now: NOW, contentDir, projectRoot, inspectFile, only: new Set([name]), nearDuplicates: false }).problems;
}

const lineCount = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n?|\n/).length;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const MISLEADING = /undefined|\[object Object\]|NaN|\n\s+at /;

/** What an editor would be misled or harmed by in a problem about this file. */
function problemFaults(problem: Problem, name: string, text: string): string[] {
  const faults: string[] = [];
  const words = `${problem.message}; ${problem.hint ?? ''}`;
  if (problem.file !== name) faults.push(`names ${problem.file}`);
  if (problem.line !== undefined && !(Number.isInteger(problem.line) && problem.line >= 1 && problem.line <= lineCount(text))) faults.push(`line ${problem.line} of ${lineCount(text)}`);
  if (MISLEADING.test(words) || MISLEADING.test(problem.field ?? '')) faults.push(`says ${JSON.stringify(words)}`);
  // The message keeps the value as written; what reaches a terminal or a tool is the line and the JSON.
  if (CONTROL.test(formatProblem(problem)) || CONTROL.test(inertJson(problemToJson(problem)))) faults.push(`echoes a control character: ${JSON.stringify(words)}`);
  if (problem.severity === 'error' && problem.line === undefined) faults.push('names no line');
  if (problem.severity === 'error' && !problem.hint) faults.push('says nothing of what to do');
  return faults;
}

describe('the content check on mutated articles', () => {
  it('never throws, and names the file, a line inside it and what to do, without echoing control characters', () => {
    fc.assert(
      fc.property(mutant, ({ name, text }) => {
        const problems = check(name, text);
        const faults = problems.flatMap((problem) => problemFaults(problem, name, text).map((fault) => `${formatProblem(problem)} → ${fault}`));
        expect(faults).toEqual([]);
      }),
      { seed: Number(process.env.FC_SEED ?? SEED), numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });
});

describe('cases the mutants found', () => {
  it('names a value YAML read as a number or true/false as it is written, not as YAML read it (.nan, 0x1F, 1.50, True)', () => {
    const text = '---\ntitle: .nan\ndescription: 0x1F\npublishedAt: .nan\ntags: [AI, 1.50]\nformerSlugs: True\n---\n\nA body.\n';
    expect(check('mutant.md', text).map(formatProblem)).toEqual([
      'mutant.md:2: title: must be text, and YAML reads .nan as a number; write it in double quotes (".nan")',
      'mutant.md:3: description: must be text, and YAML reads 0x1F as a number; write it in double quotes ("0x1F")',
      'mutant.md:4: publishedAt: .nan is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z',
      'mutant.md:5: tags.1: must be text, and YAML reads 1.50 as a number; write it in double quotes ("1.50")',
      'mutant.md:6: formerSlugs: must be a list; write formerSlugs: ["old-article-slug"]',
    ]);
  });
});
