import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchesAny, parseSources, toPattern } from '../../../src/lib/aggregation/registry.ts';
import { formatProblem } from '../../../src/lib/checks/problems.ts';

const FILE = 'content/sources.yaml';
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const chipwire = ['- id: chipwire', '  name: Chipwire', '  feed: https://chipwire.example.com/feed.xml'];

describe('a valid registry', () => {
  it('reads every source with the defaults filled in', () => {
    const { sources, problems } = parseSources(
      lines('# Outlets we follow', ...chipwire, '  site: https://chipwire.example.com/', '  tags: [Semiconductors]', '- id: ledger', '  name: Ledger Lines', '  feed: http://ledger.example.org/atom', '  content: full', '  publish: auto', '  include: ["RISC-V", "/\\\\bchips?\\\\b/i"]'),
      FILE,
    );
    expect(problems).toEqual([]);
    expect(sources).toEqual([
      { id: 'chipwire', name: 'Chipwire', feed: 'https://chipwire.example.com/feed.xml', site: 'https://chipwire.example.com/', tags: ['Semiconductors'], content: 'excerpt', publish: 'review', include: [], exclude: [] },
      { id: 'ledger', name: 'Ledger Lines', feed: 'http://ledger.example.org/atom', tags: [], content: 'full', publish: 'auto', include: ['RISC-V', '/\\bchips?\\b/i'], exclude: [] },
    ]);
  });

  it('treats an empty or comment-only file as no sources', () => {
    expect(parseSources('# nothing followed yet\n', FILE)).toEqual({ sources: [], problems: [] });
  });

  it('the bundled content/sources.yaml is valid', () => {
    const file = resolve(import.meta.dirname, '../../../content/sources.yaml');
    const { sources, problems } = parseSources(readFileSync(file, 'utf8'), 'content/sources.yaml');
    expect(problems.map(formatProblem)).toEqual([]);
    expect(sources.length).toBeGreaterThan(2);
  });
});

describe('one feed listed twice under different spellings', () => {
  const problemsOf = (text: string) => parseSources(text, FILE).problems.map(formatProblem);
  const source = (id: string, feed: string, ...rest: string[]) => [`- id: ${id}`, `  name: ${id}`, `  feed: ${feed}`, ...rest];

  it('warns on the later source, naming both ids and lines, and leaves the sources usable', () => {
    const text = lines(...chipwire, ...source('ledger', 'https://ledger.example.org/atom'), ...source('chipwire-www', 'http://WWW.Chipwire.example.com:80/feed.xml/', '  include: [RISC-V]'));
    const { sources, problems } = parseSources(text, FILE);
    expect(sources.map((each) => each.id)).toEqual(['chipwire', 'ledger', 'chipwire-www']);
    expect(problems.map(formatProblem)).toEqual([
      'content/sources.yaml:9: warning: feed: "chipwire-www" reads the same feed as "chipwire" (content/sources.yaml:3), written differently (http://WWW.Chipwire.example.com:80/feed.xml/ and https://chipwire.example.com/feed.xml), so each run fetches it twice and writes twice any item it gives without a link; remove one of the two sources, or keep both only if their include/exclude filters are meant to pick different items',
    ]);
  });

  it('says the addresses are the same when they are, not written differently', () => {
    const [problem] = parseSources(lines(...chipwire, ...source('again', 'https://chipwire.example.com/feed.xml')), FILE).problems;
    expect(problem!.message).toBe('"again" reads the same feed as "chipwire" (content/sources.yaml:3), at the same address (https://chipwire.example.com/feed.xml), so each run fetches it twice and writes twice any item it gives without a link');
  });

  it('names the first source for every later one', () => {
    const problems = parseSources(lines(...chipwire, ...source('two', 'https://www.chipwire.example.com/feed.xml'), ...source('three', 'http://chipwire.example.com/feed.xml')), FILE).problems;
    expect(problems.map((problem) => [problem.line, problem.message.slice(0, problem.message.indexOf(')') + 1)])).toEqual([
      [6, '"two" reads the same feed as "chipwire" (content/sources.yaml:3)'],
      [9, '"three" reads the same feed as "chipwire" (content/sources.yaml:3)'],
    ]);
  });

  it('names the earlier source by its place when the registry is one flow list on one line, where a line cannot tell them apart', () => {
    const [problem] = parseSources('[{id: a, name: A, feed: "https://a.example/rss"}, {id: b, name: B, feed: "https://www.a.example/rss/"}]\n', FILE).problems;
    expect(problem!.message).toMatch(/^"b" reads the same feed as "a" \(source 1\)/);
  });

  it('keeps feeds on other paths or with other queries apart', () => {
    expect(problemsOf(lines(...chipwire, ...source('chips', 'https://chipwire.example.com/feed.xml?topic=chips'), ...source('atom', 'https://chipwire.example.com/atom.xml'), ...source('sub', 'https://chipwire.example.com/feed.xml/chips')))).toEqual([]);
  });
});

describe('registry errors name the file, the line and the field', () => {
  const errorsOf = (text: string) => parseSources(text, FILE).problems.map(formatProblem);

  it('a duplicate id, on the second one’s line', () => {
    expect(errorsOf(lines(...chipwire, '- id: other', '  name: Other', '  feed: https://other.example/rss', '- id: chipwire', '  name: Chipwire again', '  feed: https://chipwire.example.com/rss'))).toEqual([
      'content/sources.yaml:7: id: "chipwire" is already the id of source 1 (Chipwire); give each source its own id',
    ]);
  });

  it('an id too long to name a folder and a URL segment', () => {
    const id = 'the-weekly-semiconductor-and-supply-chain-industry-report-for-engineers';
    expect(id).toHaveLength(71);
    expect(errorsOf(lines(...chipwire, `- id: ${id}`, '  name: The Weekly', '  feed: https://weekly.example/rss'))).toEqual([
      'content/sources.yaml:4: id: is 71 characters long; shorten it to at most 64 (it names a folder and a URL segment)',
    ]);
  });

  it('a feed that is not a web address', () => {
    expect(errorsOf(lines(...chipwire.slice(0, 2), '  feed: ftp://chipwire.example.com/feed.xml'))).toEqual([
      'content/sources.yaml:3: feed: "ftp://chipwire.example.com/feed.xml" is not a web address; use a full http:// or https:// URL such as https://chipwire.example.com/feed.xml',
    ]);
  });

  it('a feed or home page holding a user name or password, which the message never repeats', () => {
    const errors = errorsOf(lines(...chipwire.slice(0, 2), '  feed: https://reader:hunter2@chipwire.example.com/feed.xml', '  site: https://editor@chipwire.example.com/'));
    expect(errors).toEqual([
      'content/sources.yaml:3: feed: holds a user name or password, which the registry (committed, and shown on the site) would publish; ask the outlet for a public address such as https://chipwire.example.com/feed.xml',
      'content/sources.yaml:4: site: holds a user name or password, which the registry (committed, and shown on the site) would publish; ask the outlet for a public address such as https://chipwire.example.com/',
    ]);
  });

  it('a bad site address in the second source', () => {
    const [error] = errorsOf(lines(...chipwire, '- id: ledger', '  name: Ledger', '  feed: https://ledger.example/rss', '  site: ledger.example'));
    expect(error).toMatch(/^content\/sources\.yaml:7: site: "ledger\.example" is not a web address; /);
  });

  it('an unknown field, with the likely one', () => {
    expect(errorsOf(lines(...chipwire, '  tgas: [AI]'))).toEqual(['content/sources.yaml:4: tgas: unknown field "tgas"; did you mean "tags"?']);
    expect(errorsOf(lines(...chipwire, '  colour: red'))[0]).toMatch(/^content\/sources\.yaml:4: colour: unknown field "colour"; check the spelling \(allowed in a source: id, name, feed, site, tags/);
  });

  it('a list written as one line: the fix is made of what was written, a regular expression kept whole', () => {
    expect(errorsOf(lines(...chipwire, '  tags: Chips, Fabs', '  include: /\\bchips?, fabs\\b/i', '  exclude: sponsored'))).toEqual([
      'content/sources.yaml:4: tags: must be a list; write tags: ["Chips", "Fabs"]',
      'content/sources.yaml:5: include: must be a list; write include: ["/\\\\bchips?, fabs\\\\b/i"]',
      'content/sources.yaml:6: exclude: must be a list; write exclude: ["sponsored"]',
    ]);
  });

  it('a regular expression that does not compile, naming the list item', () => {
    expect(errorsOf(lines(...chipwire, '  exclude:', '    - sponsored', '    - "/(unclosed/"'))).toEqual([
      expect.stringMatching(/^content\/sources\.yaml:6: exclude\.1: "\/\(unclosed\/" is not a valid regular expression \(.+\); fix it, or write a plain word without the slashes$/),
    ]);
  });

  it('an id that cannot be a URL segment, a missing name and a wrong content value, all at once', () => {
    expect(errorsOf(lines('- id: Chip Wire', '  feed: https://chipwire.example.com/feed.xml', '  content: summary'))).toEqual([
      'content/sources.yaml:1: id: "Chip Wire" is not a source id; use lower-case letters, digits and single hyphens, e.g. chip-wire',
      'content/sources.yaml:1: name: is missing; add the outlet\'s name, e.g. name: Chipwire',
      'content/sources.yaml:3: content: "summary" is not one of excerpt, full; write content: excerpt',
    ]);
  });

  it('YAML that does not parse, and a file that is not a list', () => {
    expect(errorsOf(lines(...chipwire, '\tname: tabbed'))[0]).toMatch(/^content\/sources\.yaml:4: the file is not valid YAML \(.+\); /);
    expect(errorsOf('id: chipwire\n')[0]).toMatch(/^content\/sources\.yaml:1: the file is not a list of sources; /);
  });

  it('a field written twice in one source, named with its line', () => {
    expect(errorsOf(lines(...chipwire, '  name: Chipwire Daily'))).toEqual(['content/sources.yaml:4: name: is written twice in this source; keep the one you mean and delete the other']);
  });

  it('a quote left open at the end of the file, named at its last line rather than one past it', () => {
    expect(errorsOf('- id: chipwire\n  name: "Chipwire\n')[0]).toMatch(/^content\/sources\.yaml:2: the file is not valid YAML \(.+\); /);
    expect(errorsOf('- id: chipwire\r\n  tags: [AI\r\n')[0]).toMatch(/^content\/sources\.yaml:2: the file is not valid YAML \(.+\); /);
  });
});

describe('include and exclude patterns', () => {
  it('match words whole and case-insensitively, and /regex/ as written', () => {
    const word = toPattern('chip');
    expect(matchesAny([word], 'A new CHIP plant')).toBe(true);
    expect(matchesAny([word], 'Chipmakers rally')).toBe(false);
    expect(matchesAny([toPattern('/chips?maker/i')], 'Chipmakers rally')).toBe(true);
    expect(matchesAny([toPattern('C++')], 'Why C++ still matters')).toBe(true);
  });
});
