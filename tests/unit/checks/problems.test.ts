import { describe, expect, it } from 'vitest';
import { formatProblem, problemsFromIssues, problemToJson, sortProblems, splitHint, summarizeProblems, type Problem } from '../../../src/lib/checks/problems.ts';
import { articleSchema } from '../../../src/lib/content/schema.ts';

const lineOf = (lines: Record<string, number>) => (field: string) => lines[field];

describe('formatProblem', () => {
  it('writes path:line: field: message; hint, as editors and their tools read it', () => {
    const problem: Problem = {
      file: 'content/articles/foo.md',
      line: 4,
      field: 'publishedAt',
      message: '"sometime last week" is not a date',
      hint: 'use 2026-05-01 or 2026-05-01T09:00:00Z',
      severity: 'error',
    };
    expect(formatProblem(problem)).toBe('content/articles/foo.md:4: publishedAt: "sometime last week" is not a date; use 2026-05-01 or 2026-05-01T09:00:00Z');
  });

  it('marks warnings and leaves out what is unknown', () => {
    expect(formatProblem({ file: 'a.md', message: 'the file is empty', severity: 'error' })).toBe('a.md: the file is empty');
    expect(formatProblem({ file: 'a.md', line: 6, field: 'tags.0', message: 'tag "ai" is shown as "AI"', severity: 'warning' })).toBe(
      'a.md:6: warning: tags.0: tag "ai" is shown as "AI"',
    );
  });

  it('keeps a problem on one line with no terminal codes, whatever characters a file or field name holds', () => {
    const key = '\u001b[2Jtitle\u2028x';
    expect(formatProblem({ file: 'new\nstory.md', line: 2, field: key, message: `unknown field "${key}"`, hint: 'check the spelling', severity: 'error' })).toBe(
      'new\\u000astory.md:2: \\u001b[2Jtitle\\u2028x: unknown field "\\u001b[2Jtitle\\u2028x"; check the spelling',
    );
  });

  it('lets neither a file named like a workflow command nor a value quoted in the message be read as one in a CI log', () => {
    expect(formatProblem({ file: '::error::forged.md', line: 3, field: 'related.0', message: '"a ##[warning]b" is not a slug', severity: 'error' })).toBe(
      '\\u003a:error::forged.md:3: related.0: "a ##\\u005bwarning]b" is not a slug',
    );
  });
});

describe('problemsFromIssues', () => {
  it('turns every schema issue into a problem on its own line, with the hint split off', () => {
    const result = articleSchema.safeParse({ title: '', description: 'Dek', publishedAt: 'sometime last week', tags: ['AI'], source: { name: 'X', url: 'javascript:alert(1)' } });
    expect(result.success).toBe(false);
    const problems = problemsFromIssues('foo.md', result.error!.issues, lineOf({ title: 2, publishedAt: 4, 'source.url': 8 }));
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'title', 'is empty'],
      [4, 'publishedAt', '"sometime last week" is not a date'],
      [8, 'source.url', '"javascript:alert(1)" is not a web address'],
    ]);
    expect(problems[1]!.hint).toBe('use 2026-05-01 or 2026-05-01T09:00:00Z');
  });

  it('reports each unknown field separately, with a guess at what was meant', () => {
    const result = articleSchema.safeParse({ title: 'T', description: 'D', publishedAt: '2026-05-01', tags: ['AI'], tgas: [], autor: 'me', source: { name: 'X', url: 'https://x.example', ulr: '' } });
    const problems = problemsFromIssues('foo.md', result.error!.issues, lineOf({ tgas: 5, autor: 6, 'source.ulr': 9 }));
    expect(problems.map((p) => [p.line, p.field, p.message, p.hint])).toEqual([
      [9, 'source.ulr', 'unknown field "ulr"', 'did you mean "url"?'],
      [5, 'tgas', 'unknown field "tgas"', 'did you mean "tags"?'],
      [6, 'autor', 'unknown field "autor"', 'did you mean "authors"?'],
    ]);
  });

  it("names this site's field for what other site generators call it, at the top level only", () => {
    const result = articleSchema.safeParse({ title: 'T', description: 'D', tags: ['AI'], pubDate: '2026-05-01', Last_Mod: '2026-05-02', categories: ['AI'], source: { name: 'X', url: 'https://x.example', published: '' } });
    const problems = problemsFromIssues('foo.md', result.error!.issues, lineOf({ pubDate: 4, Last_Mod: 5, categories: 6, 'source.published': 9 }));
    expect(problems.map((p) => [p.line, p.field, p.message, p.hint])).toEqual([
      [1, 'publishedAt', 'is missing', 'add a date such as 2026-05-01 or 2026-05-01T09:00:00Z'],
      [9, 'source.published', 'unknown field "published"', 'check the spelling (allowed in source: id, name, url, excerpt)'],
      [4, 'pubDate', 'unknown field "pubDate"', 'write it as "publishedAt", this site\'s name for it'],
      [5, 'Last_Mod', 'unknown field "Last_Mod"', 'write it as "updatedAt", this site\'s name for it'],
      [6, 'categories', 'unknown field "categories"', 'write it as "tags", this site\'s name for it'],
    ]);
  });

  it('points missing fields at the first line of the front matter', () => {
    const result = articleSchema.safeParse({ description: 'D', publishedAt: '2026-05-01', tags: ['AI'] });
    const [problem] = problemsFromIssues('foo.md', result.error!.issues, lineOf({}), 3);
    expect(problem).toMatchObject({ line: 3, field: 'title', message: 'is missing', hint: 'add the headline readers see' });
  });
});

describe('output helpers', () => {
  it('splits on the first "; " only', () => {
    expect(splitHint('a; b; c')).toEqual({ message: 'a', hint: 'b; c' });
    expect(splitHint('no hint')).toEqual({ message: 'no hint' });
  });

  it('sorts by file, then line', () => {
    const sorted = sortProblems([
      { file: 'b.md', line: 1, message: 'x', severity: 'error' },
      { file: 'a.md', line: 9, message: 'x', severity: 'error' },
      { file: 'a.md', line: 2, message: 'x', severity: 'warning' },
    ]);
    expect(sorted.map((p) => `${p.file}:${p.line}`)).toEqual(['a.md:2', 'a.md:9', 'b.md:1']);
  });

  it('lists files as a file browser does: letters whatever their case, numbers by their value', () => {
    const files = ['Zeta.md', 'news/10-chips.md', 'alpha.md', 'news/9-chips.md', 'Alpha.md', 'news/2-chips.md'];
    const sorted = sortProblems(files.map((file) => ({ file, line: 1, message: 'x', severity: 'error' as const })));
    expect(sorted.map((p) => p.file)).toEqual(['Alpha.md', 'alpha.md', 'news/2-chips.md', 'news/9-chips.md', 'news/10-chips.md', 'Zeta.md']);
  });

  it('gives tools every key, null when unknown', () => {
    expect(problemToJson({ file: 'a.md', message: 'the file is empty', severity: 'error' })).toEqual({ file: 'a.md', line: null, field: null, message: 'the file is empty', severity: 'error' });
  });

  it('summarises counts', () => {
    expect(summarizeProblems([], 1200)).toBe('1,200 files checked, no problems');
    expect(summarizeProblems([{ file: 'a', message: 'x', severity: 'error' }, { file: 'a', message: 'y', severity: 'warning' }], 1)).toBe('1 error and 1 warning in 1 file checked');
  });
});
