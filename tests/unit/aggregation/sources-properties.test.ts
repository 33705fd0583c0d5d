/**
 * Property tests of the sources registry with generated inputs: the validator on registries written any way an editor
 * might (and broken any way), `npm run sources -- add`'s edit of them, and OPML export and import.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedsFromOpml, planOpmlImport, sourcesToOpml, type NewSource } from '../../../src/lib/aggregation/opml.ts';
import { appendSources } from '../../../src/lib/aggregation/registry-edit.ts';
import { parseSources, type Source } from '../../../src/lib/aggregation/registry.ts';
import { urlKey } from '../../../src/lib/authoring/import/urls.ts';
import { formatProblem, type Problem } from '../../../src/lib/checks/problems.ts';
import { MAX_SOURCE_ID_LENGTH, SOURCE_ID_PATTERN } from '../../../src/lib/content/source-id.ts';

const SEED = 20261206;
const run = (numRuns: number) => ({ seed: Number(process.env.FC_SEED ?? SEED), numRuns: Number(process.env.FC_RUNS ?? numRuns) });
const FILE = 'content/sources.yaml';

// ---- Generated sources -------------------------------------------------------------------------------------------

const word = fc.constantFrom('Chip', 'wire', 'Le', 'Monde', 'LWN.net', 'Tech', 'café', 'Ñandú', '日本', 'テック', 'Ελληνικά', 'Новости', 'AT&T', 'O’Reilly', "O'Neil", '"Quoted"', 'a#b', '#tag', 'key: value', '- dash', '* star', '!bang', '%pct', '@at', '&amp;', '<b>', '{x}', '[y]', 'a,b', '|pipe', '>fold', '?q', 'yes', 'null', '1984', '2.0', '~', '😀', 'x\u00a0y', '  ', '\\back', '$1');
const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const id = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join('-'))
  .filter((value) => value.length <= MAX_SOURCE_ID_LENGTH);
const host = fc.constantFrom('chipwire.example.com', 'www.chipwire.example.com', 'CAPS.example.org', 'xn--bcher-kva.example', 'bücher.example', '127.0.0.1', '[::1]', 'example.com:8443', 'a.b.c.example.net');
const path = fc.constantFrom('', '/', '/feed.xml', '/rss/', '/a b/feed', '/%E6%97%A5', '/日本/feed', '/feed?x=1&y=2', '/feed#top', '/feed?q=a%20b', "/it's", '/#', '/~user/rss');
const address = fc.tuple(fc.constantFrom('https://', 'http://', 'HTTPS://'), host, path).map(([scheme, name, rest]) => `${scheme}${name}${rest}`);
const pattern = fc.oneof(word, fc.constantFrom('/\\bchips?\\b/i', '/RISC-V/', '/a|b/msu', '/[/]/', '/x/', '/ /'));

interface GeneratedSource {
  id: string;
  name: string;
  feed: string;
  site?: string;
  tags?: string[];
  content?: 'excerpt' | 'full';
  publish?: 'review' | 'auto';
  include?: string[];
  exclude?: string[];
}

const source: fc.Arbitrary<GeneratedSource> = fc.record(
  {
    id,
    name: text,
    feed: address,
    site: address,
    tags: fc.array(text, { maxLength: 3 }),
    content: fc.constantFrom('excerpt', 'full'),
    publish: fc.constantFrom('review', 'auto'),
    include: fc.array(pattern, { maxLength: 3 }),
    exclude: fc.array(pattern, { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'name', 'feed'] },
).filter((entry) => errorsOf(parseSources(renderRegistry([entry], PLAIN), FILE).problems).length === 0);

/** Sources a registry may list together: ids and feeds (as the importer compares them) each once. */
const sourceList = (minLength: number) =>
  fc.uniqueArray(source, { minLength, maxLength: 5, selector: (value) => value.id }).filter((list) => new Set(list.map((value) => urlKey(value.feed))).size === list.length);

// ---- Registries written as editors write them -------------------------------------------------------------------

interface Style {
  listIndent: number;
  quote: Array<'plain' | 'double' | 'single'>;
  flowLists: boolean;
  comments: boolean;
  blankLines: boolean;
  crlf: boolean;
  bom: boolean;
  header: boolean;
  footer: boolean;
  shuffle: number;
}

/** The style `npm run sources` itself writes. */
const PLAIN: Style = { listIndent: 0, quote: ['plain'], flowLists: true, comments: false, blankLines: true, crlf: false, bom: false, header: false, footer: false, shuffle: 0 };

const style: fc.Arbitrary<Style> = fc.record({
  listIndent: fc.constantFrom(0, 2, 4),
  quote: fc.array(fc.constantFrom('plain', 'double', 'single'), { minLength: 1, maxLength: 4 }),
  flowLists: fc.boolean(),
  comments: fc.boolean(),
  blankLines: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  header: fc.boolean(),
  footer: fc.boolean(),
  shuffle: fc.nat(),
});

/** A plain scalar YAML reads back as the same text, on a line of its own or in a flow list. */
const PLAIN_SAFE = /^[A-Za-z][A-Za-z0-9 ._/\\()-]*$/;

function scalar(value: string, how: 'plain' | 'double' | 'single', inFlow: boolean): string {
  if (how === 'plain' && PLAIN_SAFE.test(value) && !value.endsWith(' ') && !(inFlow && /[,[\]{}]/.test(value)) && !/^(?:yes|no|true|false|null|on|off|y|n)$/i.test(value)) return value;
  if (how === 'single' && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return JSON.stringify(value);
}

function renderRegistry(sources: readonly GeneratedSource[], how: Style): string {
  const pad = ' '.repeat(how.listIndent);
  let count = 0;
  const quoteOf = () => how.quote[count++ % how.quote.length]!;
  const lines: string[] = [];
  if (how.header) lines.push('# The outlets the desk follows: see README.md, "Sources".', '');
  sources.forEach((entry, index) => {
    if (index > 0 && how.blankLines) lines.push('');
    if (how.comments) lines.push(`${pad}# source ${index + 1}: ${entry.name.replace(/[\r\n]/g, ' ')}`);
    const fields = Object.entries(entry).filter(([, value]) => value !== undefined);
    // The id first or not: editors order fields as they like.
    const rotation = how.shuffle % fields.length;
    const ordered = [...fields.slice(rotation), ...fields.slice(0, rotation)];
    ordered.forEach(([key, value], position) => {
      const lead = position === 0 ? `${pad}- ` : `${pad}  `;
      const comment = how.comments && position % 2 === 1 ? '   # why: kept' : '';
      if (Array.isArray(value)) {
        if (how.flowLists || value.length === 0) lines.push(`${lead}${key}: [${value.map((item) => scalar(item, quoteOf(), true)).join(', ')}]${comment}`);
        else {
          lines.push(`${lead}${key}:${comment}`);
          for (const item of value) lines.push(`${pad}    - ${scalar(item, quoteOf(), false)}`);
        }
      } else lines.push(`${lead}${key}: ${scalar(value as string, quoteOf(), false)}${comment}`);
    });
  });
  if (how.footer) lines.push('', '# - id: retired', '#   name: An outlet we stopped following');
  const body = lines.join('\n') + '\n';
  return (how.bom ? '\uFEFF' : '') + (how.crlf ? body.replaceAll('\n', '\r\n') : body);
}

/** What the registry holds for a generated source: the schema's trims and defaults. */
function expected(entry: GeneratedSource | NewSource): Source {
  return {
    id: entry.id.trim(),
    name: entry.name.trim(),
    feed: entry.feed.trim(),
    ...(entry.site === undefined ? {} : { site: entry.site.trim() }),
    tags: (entry.tags ?? []).map((tag) => tag.trim()),
    content: entry.content ?? 'excerpt',
    publish: entry.publish ?? 'review',
    include: (entry.include ?? []).map((item) => item.trim()),
    exclude: (entry.exclude ?? []).map((item) => item.trim()),
  } as Source;
}

const errorsOf = (problems: readonly Problem[]) => problems.filter((problem) => problem.severity === 'error');

// ---- Properties ---------------------------------------------------------------------------------------------------

/** Everything wrong with how a problem is reported for `text`: a line outside the file, no field, no advice, raw controls. */
function reportingFaults(problem: Problem, text: string): string[] {
  const faults: string[] = [];
  const lineCount = Math.max(1, text.replace(/(?:\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length);
  if (problem.file !== FILE) faults.push(`names ${problem.file}`);
  if (problem.line === undefined || problem.line < 1 || problem.line > lineCount) faults.push(`line ${problem.line} of ${lineCount}`);
  if (!problem.message.trim()) faults.push('has no message');
  // Only what is wrong with the file as a whole (not YAML, not a list) or with a whole entry (`- "text"`, at its own
  // line) names no field: there is none to name.
  if (!problem.field && !/^(?:the file |is not a source$)/.test(problem.message)) faults.push('names no field');
  if (!problem.hint?.trim()) faults.push('says nothing to do');
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(formatProblem(problem))) faults.push('prints a control character');
  return faults;
}

/** Edits an editor (or a broken tool) might make to a registry's text. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom('\n', ':', '- ', '  ', '"', "'", '#', '[', ']', '{', '}', '&a ', '*a', '!!binary ', '\t', '\u0000', '\u001b[31m', '\u2028', '\u0085', 'id: x\n', 'nme: y', '\n- ', '\n  tags: 5', '\n  content: both', '\n  feed: ftp://x', '\n  feed: https://u:p@x.example/', '\n  include: [/(/]', 'null', '~', '2026-01-01', '? ', '|\n  ', '<<: *a', '\uFEFF') }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
);

/** Edits that leave a registry valid, written in ways the styles above do not: markers, anchors, tags, a flow list. */
const validEdit = fc.record({
  kind: fc.constant('insert' as const),
  at: fc.nat(),
  piece: fc.constantFrom('\n', '\n# a comment\n', '---\n', '\n...\n', '%YAML 1.2\n---\n', '\n\n\n', ' ', '\t', '# c\n', '\n---\n', '\n- id: extra\n  name: Extra\n  feed: https://extra.example/feed\n', '\n- {id: flow, name: Flow, feed: "https://flow.example/feed"}\n', '!!seq\n', '&anchor ', '!!str '),
});

type Edit = { kind: 'insert'; at: number; piece: string } | { kind: 'delete'; at: number; length: number };

function mutate(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const edit of edits) {
    const at = result.length === 0 ? 0 : edit.at % (result.length + 1);
    result = edit.kind === 'insert' ? result.slice(0, at) + edit.piece + result.slice(at) : result.slice(0, at) + result.slice(at + edit.length);
  }
  return result;
}

describe('the sources registry with generated inputs', () => {
  it('reads every registry written as an editor writes one as the sources it lists', () => {
    fc.assert(
      fc.property(sourceList(0), style, (sources, how) => {
        const text = renderRegistry(sources, how);
        const { sources: read, problems } = parseSources(text, FILE);
        expect(errorsOf(problems), text).toEqual([]);
        expect(read).toEqual(sources.map(expected));
      }),
      run(200),
    );
  });

  it('never throws on a broken registry, and each problem names a line of the file, says what to do, and prints no control character', () => {
    fc.assert(
      fc.property(sourceList(1), style, fc.array(mutation, { minLength: 1, maxLength: 4 }), (sources, how, edits) => {
        const text = mutate(renderRegistry(sources, how), edits);
        const { problems } = parseSources(text, FILE);
        for (const problem of problems) expect(reportingFaults(problem, text), `${JSON.stringify(text)}\n${formatProblem(problem)}`).toEqual([]);
      }),
      run(300),
    );
  });

  it('adds sources to a registry keeping every line as written, and the result reads back as the registry plus the new ones', () => {
    fc.assert(
      fc.property(sourceList(0), style, sourceList(1), (sources, how, additions) => {
        const ids = new Set(sources.map((entry) => entry.id));
        const feeds = new Set(sources.map((entry) => urlKey(entry.feed)));
        const added = additions.filter((entry) => !ids.has(entry.id) && !feeds.has(urlKey(entry.feed)));
        const text = renderRegistry(sources, how);
        fc.pre(added.length > 0 && errorsOf(parseSources(text, FILE).problems).length === 0);
        const edited = appendSources(text, added);
        // The original text is all there, in one piece before and one after the new lines.
        let prefix = 0;
        while (prefix < text.length && edited[prefix] === text[prefix]) prefix++;
        expect(edited.endsWith(text.slice(prefix)), edited).toBe(true);
        // A file written on Windows gets no bare line feed.
        if (text.includes('\r\n')) expect(edited.replaceAll('\r\n', '')).not.toMatch(/\n/);
        const { sources: read, problems } = parseSources(edited, FILE);
        expect(errorsOf(problems), edited).toEqual([]);
        expect(read).toEqual([...sources, ...added].map(expected));
      }),
      run(200),
    );
  });

  it('adds sources to any registry the validator accepts, however it was written, or refuses a flow list saying what to do', () => {
    fc.assert(
      fc.property(sourceList(1), style, fc.array(validEdit, { minLength: 1, maxLength: 3 }), source, (sources, how, edits, addition) => {
        const text = mutate(renderRegistry(sources, how), edits);
        const registry = parseSources(text, FILE);
        const fresh = !registry.sources.some((entry) => entry.id === addition.id || urlKey(entry.feed) === urlKey(addition.feed));
        fc.pre(errorsOf(registry.problems).length === 0 && fresh);
        let edited: string;
        try {
          edited = appendSources(text, [addition]);
        } catch (error) {
          expect((error as Error).message, text).toMatch(/^its sources are written as one \[ … \] list/);
          return;
        }
        const { sources: read, problems } = parseSources(edited, FILE);
        expect(errorsOf(problems), `${text}\n---->\n${edited}`).toEqual([]);
        expect(read, `${text}\n---->\n${edited}`).toEqual([...registry.sources, expected(addition)]);
      }),
      run(300),
    );
  });

  it('gives back the same sources when an OPML export is imported into an empty registry, two reading one feed included', () => {
    fc.assert(
      // Ids once each, as the registry asks; feeds may repeat under another spelling, which it takes with a warning.
      fc.property(fc.uniqueArray(source, { minLength: 1, maxLength: 5, selector: (value) => value.id }), (sources) => {
        const { sources: registry } = parseSources(renderRegistry(sources, PLAIN), FILE);
        fc.pre(registry.length === sources.length);
        const plan = planOpmlImport([], feedsFromOpml(sourcesToOpml(registry, 'Newsdesk')));
        expect(plan.skipped).toEqual([]);
        const repeated = registry.filter((entry, index) => registry.slice(0, index).some((earlier) => urlKey(earlier.feed) === urlKey(entry.feed)));
        expect(plan.notes.map((note) => note.id)).toEqual(repeated.map((entry) => entry.id));
        for (const { note } of plan.notes) expect(note).toMatch(/^it reads the same feed as /);
        const { sources: read, problems } = parseSources(appendSources('', plan.added), FILE);
        expect(errorsOf(problems)).toEqual([]);
        expect(read).toEqual(registry);
      }),
      run(200),
    );
  });
});

// ---- OPML from other feed readers ---------------------------------------------------------------------------------

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An attribute's value as exporters write it: escaped, with entities and numeric references, or odd characters. */
const attributeText = fc.oneof(
  text.map(escapeXml),
  fc.constantFrom('', ' ', '&#10;Line&#13;break', '&#x9;tabbed', 'Caf&#233;', '&#x65E5;&#x672C;', 'A&amp;B', '&lt;b&gt;bold&lt;/b&gt;', '&#xA0;&#xA0;', '&#x200B;', '&#x202E;evil', '&#x85;next', '&#x2028;sep', '\u00ad', 'x&#x1B;[31m', '&quot;q&quot;', "'apos'", '---', '...', '🙂', '   spaced   out   '),
);
const feedAttribute = fc.oneof(
  address.map(escapeXml),
  fc.constantFrom('', ' ', 'feed://chipwire.example.com/rss', 'feed:https://chipwire.example.com/atom', 'gopher://old.example/feed', 'javascript:alert(1)', '/relative/feed', 'https://user:pass@x.example/feed', 'https://x.example/feed?a=1&amp;b=2', '  https://spaced.example/feed  ', 'https://', 'http://[bad', 'HTTPS://CAPS.EXAMPLE/Feed'),
);

interface Outline {
  title?: string;
  text?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  type?: string;
  newsdeskId?: string;
  newsdeskSettings?: string;
  children: Outline[];
}

const outlineFields = {
  title: attributeText,
  text: attributeText,
  xmlUrl: feedAttribute,
  htmlUrl: feedAttribute,
  type: fc.constantFrom('rss', 'RSS', 'atom', 'link', ''),
  newsdeskId: fc.oneof(id, id.map((value) => ` ${value}\t`), fc.constantFrom('', 'Bad Id', 'x--y', 'a'.repeat(70), 'source', '&#10;source')),
  newsdeskSettings: fc
    .constantFrom('{}', '{"content":"full"}', '{"publish":"auto","tags":["AI"]}', '{&quot;content&quot;:&quot;full&quot;}', 'not json', '{"content":"both"}', '{"extra":1}', '[]', 'null', '{"include":["/(/"]}')
    .map(escapeXml),
};

/** Outlines nested at most `depth` deep: folders in folders, as readers export them. */
const outlineAt = (depth: number): fc.Arbitrary<Outline> =>
  fc.record({ ...outlineFields, children: depth === 0 ? fc.constant([]) : fc.array(outlineAt(depth - 1), { maxLength: 3 }) }, { requiredKeys: ['children'] });

/** Now and then a feed at the bottom of a long chain of folders. */
const outline = fc.oneof(
  { weight: 4, arbitrary: outlineAt(3) },
  { weight: 1, arbitrary: fc.tuple(outlineAt(0), fc.integer({ min: 4, max: 30 })).map(([leaf, depth]) => Array.from({ length: depth }).reduce<Outline>((inner) => ({ children: [inner] }), leaf)) },
);

function renderOutline(node: Outline, depth: number): string {
  const indent = '  '.repeat(depth);
  const attributes = (['text', 'title', 'type', 'xmlUrl', 'htmlUrl', 'newsdeskId', 'newsdeskSettings'] as const)
    .filter((key) => node[key] !== undefined)
    .map((key) => ` ${key}="${node[key]}"`)
    .join('');
  if (node.children.length === 0) return `${indent}<outline${attributes}/>`;
  return `${indent}<outline${attributes}>\n${node.children.map((child) => renderOutline(child, depth + 1)).join('\n')}\n${indent}</outline>`;
}

const opmlDocument = fc.array(outline, { maxLength: 5 }).map((outlines) => `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n<head><title>Export</title></head>\n<body>\n${outlines.map((node) => renderOutline(node, 1)).join('\n')}\n</body>\n</opml>\n`);

describe('importing OPML files nobody has seen', () => {
  it('adds only sources with unique, valid ids that the registry then reads back, next to the ones it had', () => {
    fc.assert(
      fc.property(sourceList(0), style, opmlDocument, (sources, how, opml) => {
        const text = renderRegistry(sources, how);
        const registry = parseSources(text, FILE);
        fc.pre(errorsOf(registry.problems).length === 0);
        const plan = planOpmlImport(registry.sources, feedsFromOpml(opml));
        const ids = [...registry.sources, ...plan.added].map((entry) => entry.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const added of plan.added) {
          expect(added.id.length).toBeLessThanOrEqual(MAX_SOURCE_ID_LENGTH);
          expect(added.id).toMatch(SOURCE_ID_PATTERN);
        }
        const edited = appendSources(text, plan.added);
        const { sources: read, problems } = parseSources(edited, FILE);
        expect(errorsOf(problems), `${opml}\n${edited}`).toEqual([]);
        expect(read).toEqual([...registry.sources, ...plan.added.map(expected)]);
      }),
      run(200),
    );
  });
});
