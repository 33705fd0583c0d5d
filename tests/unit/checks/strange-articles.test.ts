/**
 * Articles stranger than the fixtures: the seed article and a minimal one, mutated field by field (other YAML types,
 * removed, duplicated or recased keys, invisible and control characters, other line endings, hostile bodies), through
 * the content check; those it accepts through what their pages, feeds and structured data are made of.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { parse as parseHtml } from 'node-html-parser';
import { XMLValidator } from 'fast-xml-parser';
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../../src/lib/checks/check-content.ts';
import { formatProblem, hasErrors, problemToJson, type Problem } from '../../../src/lib/checks/problems.ts';
import { inspectFile } from '../../../src/io/inspect-file.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';
import { readArticle } from '../../../src/lib/content/article.ts';
import { buildSiteIndex } from '../../../src/lib/site/site-index.ts';
import { absoluteUrl, createPaths } from '../../../src/lib/site/paths.ts';
import { createDateFormatter } from '../../../src/lib/site/dates.ts';
import { articleDate } from '../../../src/lib/content/written-dates.ts';
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
  return {
    fields,
    body: body!,
    extension: '.md',
    lineEnd: '\n',
    bom: false,
    opening: '---',
    closing: '---',
  };
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
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  ']]><!--',
  '\uFFFE',
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
    '\n  src: "https://example.com/a.png\\"onerror=\\"alert(1)"\n  alt: "x"',
    '\n  name: "Outlet</a><script>alert(1)</script>"\n  url: "https://example.com/?q=<script>&x=\\"y"',
    '\n  name: "Outlet"\n  url: "https://user:pw@example.com/"',
    '\n  name: "Outlet"\n  url: " https://example.com/\\u0000"',
  ),
  fc.integer({ min: 1, max: 20_000 }).map((length) => ` "${'x'.repeat(length)}"`),
  oddText.map((text) => ` "${text.replace(/"/g, '\\"')}"`),
  oddText.map((text) => ` [${JSON.stringify(text)}]`),
);

type Mutation = (draft: Draft) => Draft;
const withFields = (draft: Draft, fields: Draft['fields']): Draft => ({
  ...draft,
  fields,
});

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), otherValue).map(
    ([at, value]): Mutation =>
      (draft) =>
        withFields(
          draft,
          draft.fields.map(([key, old], index) => [key, index === at % draft.fields.length ? value : old]),
        ),
  ),
  fc.tuple(fc.constantFrom(...FIELDS), otherValue).map(
    ([key, value]): Mutation =>
      (draft) =>
        withFields(draft, [...draft.fields.filter(([name]) => name !== key), [key, value]]),
  ),
  fc.nat().map(
    (at): Mutation =>
      (draft) =>
        withFields(
          draft,
          draft.fields.filter((_, index) => index !== at % draft.fields.length),
        ),
  ),
  fc.nat().map(
    (at): Mutation =>
      (draft) =>
        withFields(draft, [...draft.fields, draft.fields[at % draft.fields.length]!]),
  ),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom<(key: string) => string>(
        (key) => key.toUpperCase(),
        (key) => key[0]!.toUpperCase() + key.slice(1),
        (key) => `${key} `,
        (key) => `"${key}"`,
        (key) => `\u200b${key}`,
      ),
    )
    .map(
      ([at, recase]): Mutation =>
        (draft) =>
          withFields(
            draft,
            draft.fields.map(([key, value], index) => [index === at % draft.fields.length ? recase(key) : key, value]),
          ),
    ),
  fc.tuple(fc.nat(), oddText).map(
    ([at, text]): Mutation =>
      (draft) =>
        withFields(
          draft,
          draft.fields.map(([key, value], index) => [key, index === at % draft.fields.length ? value.replace(/"([^"]*)"/, (_, inner: string) => `"${inner}${text.replace(/"/g, '\\"')}"`) : value]),
        ),
  ),
  fc.constantFrom<Draft['lineEnd']>('\r\n', '\r').map((lineEnd): Mutation => (draft) => ({ ...draft, lineEnd })),
  fc.constant<Mutation>((draft) => ({ ...draft, bom: true })),
  fc.constantFrom(' ar', ' he', ' ja', ' de-CH', ' en-GB').map(
    (lang): Mutation =>
      (draft) =>
        withFields(draft, [...draft.fields.filter(([name]) => name !== 'lang'), ['lang', lang]]),
  ),
  fc.constant<Mutation>((draft) => ({ ...draft, extension: '.mdx' })),
  fc.constant<Mutation>((draft) =>
    withFields(
      draft,
      draft.fields.map(([key, value]) => [key, value.replace(/\n {2}/g, '\n\t')]),
    ),
  ),
  fc.tuple(fc.constantFrom('--- ', '----', '---\t', '--- # note', ' ---', '+++'), fc.boolean()).map(
    ([dashes, opening]): Mutation =>
      (draft) =>
        opening ? { ...draft, opening: dashes } : { ...draft, closing: dashes },
  ),
  fc.constantFrom('...', '').map((closing): Mutation => (draft) => ({ ...draft, closing })),
  oddText.map((text): Mutation => (draft) => ({
    ...draft,
    body: `${text}\n${draft.body}`,
  })),
);

/** Bodies an editor pastes or leaves half-written, on their own as likely as every front-matter mutation together. */
const bodyMutation: fc.Arbitrary<Mutation> = fc
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
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '[x](<javascript:alert(1)>)',
    '[x][ref]\n\n[ref]: javascript:alert(1)',
    '<javascript:alert(1)>',
    '<img src="data:text/html,<script>alert(1)</script>">',
    '<svg onload="alert(1)"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><base href="javascript:alert(1)//">',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<scr<script>ipt>alert(1)</script>',
    '<template><script>alert(1)</script></template>',
    '![x](javascript:alert(1))',
    '<a href="https://example.com" target="_blank">x</a>',
    'Some <b>bold never closed.\n\nThe next paragraph.',
    'A <a href="https://example.com/">link never closed.\n\n## A heading after it',
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
  .map((text): Mutation => (draft) => ({
    ...draft,
    body: `${draft.body}\n\n${text}\n`,
  }));

const mutant = fc.tuple(fc.constantFrom(seed, minimal), fc.array(fc.oneof(mutation, bodyMutation), { minLength: 1, maxLength: 4 })).map(([start, mutations]) => {
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
  return checkArticles([mine, ...neighbours], {
    now: NOW,
    contentDir,
    projectRoot,
    inspectFile,
    only: new Set([name]),
    nearDuplicates: false,
  }).problems;
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
      {
        seed: Number(process.env.FC_SEED ?? SEED),
        numRuns: Number(process.env.FC_RUNS ?? 400),
      },
    );
  });
});

const site = 'https://news.example.org';
const paths = createPaths('/desk/');
const dates = createDateFormatter(siteConfig.locale, siteConfig.timeZone);
const publisher = {
  name: siteConfig.name,
  logo: { src: paths.asset(siteConfig.logo), width: 512, height: 512 },
};
const renderBody = await createArticleBodyRenderer(absoluteUrl(site, paths.root));
const parsedNeighbours = neighbours.map((source) => {
  const { article } = readArticle(source) as Extract<ReturnType<typeof readArticle>, { ok: true }>;
  return {
    id: source.file,
    filePath: source.file,
    data: articleSchema.parse(article.data),
    body: article.body,
  };
});

/** Markup a reader's browser or feed reader would run, or a link it would follow to a script. */
function activeMarkup(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('a <script>');
  for (const element of parseHtml(html).querySelectorAll('*')) {
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) found.push(`${element.tagName} ${name}`);
      // The schemes a browser would follow, once it has dropped the tabs, line breaks and spaces it ignores.
      if (name.toLowerCase() === 'srcdoc') found.push(`${element.tagName} srcdoc`);
      if (
        ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background'].includes(name.toLowerCase()) &&
        /^(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/i.test(value.replace(/[\u0000-\u0020]/g, ''))
      )
        found.push(`${name}="${value}"`);
    }
  }
  return found;
}

/** Inline elements a browser carries on into the blocks after them when they are not closed where they began. */
const INLINE = new Set(['a', 'abbr', 'b', 'cite', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u']);

/** The inline elements of rendered HTML that a block's end, or the end of the body, closes rather than their own end tag. */
function unclosedInline(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser(
    {
      onclosetag: (name, isImplied) => void (isImplied && INLINE.has(name) && found.push(name)),
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const SHOWS_A_SLIP = /undefined|\[object Object\]|NaN|Invalid Date/;

describe('the pages of the mutants the check accepts', () => {
  it('are made without a throw, with no script or javascript: link, and with JSON and XML that parse', async () => {
    let published = 0;
    await fc.assert(
      fc.asyncProperty(mutant, async ({ name, text }) => {
        if (hasErrors(check(name, text))) return;
        const read = readArticle({
          file: name,
          absolutePath: join(contentDir, name),
          bytes: new TextEncoder().encode(text),
        });
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        const data = articleSchema.parse(read.article.data);
        const index = buildSiteIndex([{ id: name, filePath: name, data, body: read.article.body }, ...parsedNeighbours], { now: NOW, relatedLimit: siteConfig.relatedLimit });
        const article = index.articles.find((candidate) => candidate.id === name);
        if (!article) return;
        published++;

        // An MDX body is compiled by Astro as a module; a Markdown one is rendered with its page.
        if (name.endsWith('.md')) {
          const html = await renderBody(read.article.body, undefined, data.lang);
          expect(activeMarkup(html), html.slice(0, 500)).toEqual([]);
          expect(unclosedInline(html), html.slice(0, 500)).toEqual([]);
          expect(html.isWellFormed(), 'the body has a lone surrogate').toBe(true);
        }

        const jsonLd = serializeJsonLd(
          newsArticleJsonLd({
            site,
            paths,
            lang: siteConfig.lang,
            publisher,
            article,
            images: typeof data.image?.src === 'string' && data.image.src.startsWith('https:') ? [data.image.src] : [],
          }),
        );
        expect(jsonLd).not.toMatch(/<\/?script/i);
        const structured = JSON.parse(jsonLd) as { headline: string };
        expect(structured.headline).toBe(data.title);

        const tags = socialMetaTags({
          site,
          siteName: siteConfig.name,
          locale: data.lang ?? siteConfig.locale,
          title: data.title,
          description: data.description,
          path: paths.article(article.slug),
        });
        for (const tag of tags) expect(tag.content).not.toMatch(SHOWS_A_SLIP);
        expect(pageTitle(data.title, siteConfig.name)).not.toMatch(SHOWS_A_SLIP);
        expect(dates.date(articleDate(data, 'publishedAt'))).not.toMatch(SHOWS_A_SLIP);
        expect(Number.isInteger(article.readingMinutes) && article.readingMinutes >= 1).toBe(true);

        const context = feedContext(site, paths, siteConfig);
        const xml = await getRssString(rssFeed(index.articles, context, siteFeedScope(paths, siteConfig, 'rss')));
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(NOT_XML.test(xml), 'a character XML forbids').toBe(false);
        expect(xml.isWellFormed(), 'the feed has a lone surrogate').toBe(true);
        expect(xml).not.toMatch(/<script/i);
        const feed = JSON.parse(JSON.stringify(jsonFeed(index.articles, context, siteFeedScope(paths, siteConfig, 'json')))) as { items: Array<{ title: string }> };
        expect(feed.items.map((item) => item.title)).toContain(data.title);
      }),
      {
        seed: Number(process.env.FC_SEED ?? SEED),
        numRuns: Number(process.env.FC_RUNS ?? 300),
      },
    );
    // Refused mutants prove nothing here: enough must reach the pages.
    expect(published).toBeGreaterThan(20);
  });
});

describe('cases the mutants found', () => {
  it('names the field whose value YAML could not read (an alias to nothing, an unknown tag)', () => {
    const text = '---\ntitle: *nowhere\ndescription: !custom D\npublishedAt: 2026-11-01\ntags: [AI]\n---\n\nA body.\n';
    expect(check('mutant.md', text).map(formatProblem)).toEqual([
      'mutant.md:2: title: the front matter is not valid YAML (unidentified alias "nowhere"); check the quoting and indentation around this line',
    ]);
    const nested = '---\ntitle: T\ndescription: D\npublishedAt: 2026-11-01\ntags: [AI]\nsource:\n  name: Wire\n  url: !custom https://wire.example.com/\n---\n\nA body.\n';
    expect(check('mutant.md', nested).map(formatProblem)).toEqual([
      'mutant.md:8: source.url: the front matter is not valid YAML (unknown tag !<!custom>); check the quoting and indentation around this line',
    ]);
  });

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

describe('bodies whose raw HTML the mutants left open', () => {
  it('end an unclosed <b> or <a> with its paragraph, so the rest of the article is neither bold nor one link', async () => {
    const html = await renderBody('Some <b>bold never closed.\n\nThe next paragraph.\n\nA <a href="https://example.com/">link never closed.\n\n## A heading after it\n');
    expect(html).toBe(
      '<p>Some <b>bold never closed.</b></p>\n<p>The next paragraph.</p>\n<p>A <a href="https://example.com/" rel="noopener noreferrer">link never closed.</a></p>\n<h2 id="a-heading-after-it">A heading after it</h2>\n',
    );
    expect(unclosedInline(html)).toEqual([]);
  });

  it('end HTML left open inside Markdown emphasis with the emphasis, and keep the end tag written after it', async () => {
    expect(await renderBody('<b>x *and <i>y* z</b> w\n\nnext\n')).toBe('<p><b>x <em>and <i>y</i></em> z</b> w</p>\n<p>next</p>\n');
  });

  it('still close an inline element at its own end tag, and a block element opened before it at the end of the article', async () => {
    const html = await renderBody('<div>\n\nA <em>word</em> and <b>more\n\nStill in the div.\n');
    expect(html).toBe('<div>\n<p>A <em>word</em> and <b>more</b></p>\n<p>Still in the div.</p></div>\n');
  });
});
