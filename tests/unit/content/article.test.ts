import { describe, expect, it } from 'vitest';
import { readArticle } from '../../../src/lib/content/article.ts';

const parse = (text: string | Uint8Array) => readArticle({ file: 'a.md', absolutePath: '/tmp/a.md', bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });
const ok = (text: string) => {
  const result = parse(text);
  if (!result.ok) throw new Error(`expected a parsed article, got ${JSON.stringify(result.problem)}`);
  return result.article;
};
const problem = (text: string | Uint8Array) => {
  const result = parse(text);
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
};

describe('readArticle', () => {
  it('names a file the system would not let it read, with what to do', () => {
    expect(readArticle({ file: 'a.md', absolutePath: '/tmp/a.md', bytes: new Uint8Array(), unreadable: 'EACCES' })).toMatchObject({
      ok: false,
      problem: { file: 'a.md', severity: 'error', message: 'the file cannot be read (permission denied)' },
    });
  });

  it('refuses a file whose extension is spelt in capitals or as .markdown, which the build would not read, naming the one to use', () => {
    const bytes = new TextEncoder().encode('---\ntitle: Hi\n---\nBody\n');
    expect(readArticle({ file: 'desk/Story.MD', absolutePath: '/tmp/desk/Story.MD', bytes })).toMatchObject({
      ok: false,
      problem: { file: 'desk/Story.MD', severity: 'error', message: 'the file name ends in ".MD", which the build does not read as an article', hint: 'rename it to end in .md' },
    });
    expect(readArticle({ file: 'b.Mdx', absolutePath: '/tmp/b.Mdx', bytes })).toMatchObject({ ok: false, problem: { hint: 'rename it to end in .mdx' } });
    expect(readArticle({ file: 'c.markdown', absolutePath: '/tmp/c.markdown', bytes })).toMatchObject({ ok: false, problem: { message: 'the file name ends in ".markdown", which the build does not read as an article', hint: 'rename it to end in .md' } });
  });

  it('names a front matter line indented with a no-break space, which YAML reads as text, not as indentation', () => {
    expect(problem('---\ntitle: Hi\ntags:\n\u00a0\u00a0- AI\n---\nBody\n')).toMatchObject({
      line: 4,
      message: 'this line is indented with a no-break space (U+00A0), which YAML does not read as indentation',
      hint: 'delete the spaces at the start of the line and type them again as ordinary spaces',
    });
  });

  it('refuses a NUL anywhere in the file, which the page would carry invisibly, at its line', () => {
    expect(problem('---\ntitle: Hi\n---\n\nBefore\u0000after.\n')).toMatchObject({ line: 5, message: 'the file contains an invisible NUL character (U+0000)' });
    expect(problem('---\ntitle: "Nul\u0000"\n---\nBody\n')).toMatchObject({ line: 2, message: 'the file contains an invisible NUL character (U+0000)' });
    // A file saved as UTF-16 reads as UTF-8 with a NUL after every ASCII letter.
    expect(problem(new Uint8Array(Buffer.from('---\ntitle: Hi\n---\n', 'utf16le')))).toMatchObject({ line: 1, hint: expect.stringContaining('UTF-16') });
    expect(ok('---\ntitle: Hi\n---\n\tTabbed code\r\nand CRLF.\n').body).toContain('Tabbed code');
  });

  it('refuses front matter that expands through YAML aliases, naming the field and its file line', () => {
    const aliases = Array.from({ length: 25 }, () => '*a').join(', ');
    expect(problem(`\n---\ntitle: Hello\nbase: &a [x]\nrelated: [${aliases}]\n---\nBody.\n`)).toMatchObject({
      line: 5,
      field: 'related',
      message: 'uses more than 20 YAML aliases, far more than any article needs',
    });
  });

  it('keeps front-matter dates written before 1900 as written, never as 19xx or as an instant that forgets its zone', () => {
    expect(ok('---\npublishedAt: 0050-03-01\nupdatedAt: 1899-12-31T23:00:00Z\n---\n').data).toEqual({ publishedAt: '0050-03-01', updatedAt: '1899-12-31T23:00:00Z' });
  });

  it('splits front matter and body and knows where each starts', () => {
    const article = ok('---\ntitle: Hello\ntags:\n  - AI\n---\n\nBody line.\n');
    expect(article.data).toEqual({ title: 'Hello', tags: ['AI'] });
    expect(article.body).toBe('\nBody line.\n');
    expect(article.bodyLine).toBe(6);
    expect(article.lines.get('tags.0')).toBe(4);
  });

  it('reads YAML as the build does: dates become dates, tabs are refused', () => {
    expect(ok('---\npublishedAt: 2026-05-01T09:00:00Z\n---\n').data.publishedAt).toEqual(new Date('2026-05-01T09:00:00Z'));
    expect(problem('---\nsource:\n\tname: X\n---\n')).toMatchObject({ line: 3, hint: 'indent with spaces, not tabs' });
    // A tab before the first field, where js-yaml's own words say nothing of tabs.
    expect(problem('---\n\ttitle: T\ndescription: D\n---\n')).toEqual({
      file: 'a.md',
      line: 2,
      severity: 'error',
      message: 'the front matter is not valid YAML (tab characters indent this line)',
      hint: 'indent with spaces, not tabs',
    });
  });

  it('copes with a byte-order mark, Windows line endings and blank lines before the front matter', () => {
    expect(ok('\uFEFF---\r\ntitle: Hi\r\n---\r\nBody').data).toEqual({ title: 'Hi' });
    const below = ok('\n\n---\ntitle: Hi\n---\n');
    expect(below.frontMatterLine).toBe(3);
    expect(below.lines.get('title')).toBe(4);
  });

  it('names the line of a quote that is never closed, not the line where YAML gives up', () => {
    expect(problem('---\ntitle: "Broken\ndescription: "Fine"\ntags: [AI]\n---\n')).toMatchObject({ line: 2, field: 'title' });
    expect(problem("---\ntitle: 'Broken\ndescription: 'Fine'\n---\n")).toMatchObject({ line: 2, field: 'title' });
  });

  it('names the line of a quote that is never closed in a file with Windows line endings too', () => {
    expect(problem('---\r\ntitle: "Broken\r\ndescription: "Fine"\r\ntags: [AI]\r\n---\r\n')).toMatchObject({ line: 2, field: 'title', message: 'a quote is opened but not closed on this line' });
  });

  it('names the line and field of a quoted value that a quote inside it ends early', () => {
    const fix = 'write \\" for a double quote inside "…" and \'\' for an apostrophe inside \'…\', or quote the value with the other kind of quote';
    expect(problem('---\ntitle: "He said "hi" today"\ntags: [AI]\n---\n')).toMatchObject({ line: 2, field: 'title', message: 'the quoted value ends before the text that follows its closing quote', hint: fix });
    expect(problem("---\ntags: [AI]\nsource:\n  name: 'Reuters'\n  url: 'It's https://x.example'\n---\n")).toMatchObject({ line: 5, field: 'source.url', hint: fix });
  });

  it('names the line and field of a list or mapping that is never closed, not the line where YAML gives up', () => {
    expect(problem('---\ntitle: Hi\ndescription: D\ntags: ["AI", "Policy"\n---\n')).toMatchObject({
      line: 4,
      field: 'tags',
      message: 'a [ is opened on this line and never closed',
      hint: 'add the closing ] after the last item (items are separated by commas)',
    });
    expect(problem('---\ntitle: Hi\ntags: [AI, Policy\ndescription: D\n---\n')).toMatchObject({ line: 3, field: 'tags' });
    expect(problem('---\ntitle: Hi\nsource: { name: "X", url: "https://x.example"\n---\n')).toMatchObject({ line: 3, field: 'source', hint: 'add the closing } after the last item (items are separated by commas)' });
    expect(problem('---\ntitle: Hi\ntags: [\n  "AI"\n  "Policy"\n]\n---\n').message).toMatch(/not valid YAML \(missed comma/);
  });

  it('names the line and field written without ": " after its name, not the line after it where YAML gives up', () => {
    const fix = { message: 'the field\'s name is not followed by ": "', hint: 'write a colon and a space between the name and the value, e.g. title: "Headline"' };
    expect(problem('---\ntitle: T\ndescription:"D"\ntags: [AI]\n---\n')).toMatchObject({ line: 3, field: 'description', ...fix });
    expect(problem('---\ntitle:"T"\ndescription: D\n---\n')).toMatchObject({ line: 2, field: 'title', ...fix });
    expect(problem('---\ntitle: T\n\ndescription D\n\ntags: [AI]\n---\n')).toMatchObject({ line: 4, field: 'description', ...fix });
    expect(problem('---\ntitle: T\nsource:\n  name: X\n  url:https://x.example\n---\n')).toMatchObject({ line: 5, field: 'source.url', ...fix });
  });

  it('says so when the opening --- has spaces or an invisible character before it', () => {
    for (const opening of [' ---', '\t---', '\u00a0---', '\u200b---']) {
      expect(problem(`${opening}\ntitle: Hi\n---\n`), JSON.stringify(opening)).toMatchObject({
        line: 1,
        message: "the front matter's opening --- has spaces or invisible characters before it, so the file has no front matter",
        hint: 'delete everything before the dashes, so that the first line is exactly ---',
      });
    }
  });

  it('names the field that appears twice, at its second line, and the line it first appears on', () => {
    expect(problem('---\ntitle: Hi\ntags: [AI]\ntitle: Again\n---\n')).toMatchObject({
      line: 4,
      field: 'title',
      message: 'is written twice, on line 2 and on this line, and YAML refuses the whole front matter for it',
      hint: 'keep the one you mean and delete the other',
    });
    expect(problem('---\ntitle: Hi\nsource:\n  name: X\n  url: "https://x.example"\n  name: Y\n---\n')).toMatchObject({ line: 6, field: 'source.name' });
  });

  it('names a YAML problem after a stray carriage return at the line an editor shows, which js-yaml counts alike', () => {
    expect(problem('---\ntitle: Hi\rdescription: "Dek\npublishedAt: 2026-11-01\n---\n')).toMatchObject({ line: 3, field: 'description', message: 'a quote is opened but not closed on this line' });
    expect(problem('---\ntitle: Hi\rsource:\n  name: X\n   url: https://x.example\n---\n')).toMatchObject({ line: 5, message: /not valid YAML/ });
  });

  it('gives other YAML errors the line js-yaml reports', () => {
    const yamlError = problem('---\ntitle: Hi\nsource:\n  name: X\n   url: https://x.example\n---\n');
    expect(yamlError.message).toMatch(/not valid YAML/);
    expect(yamlError.line).toBe(5);
  });

  it('reports files the schema could not even look at', () => {
    expect(problem('')).toMatchObject({ message: 'the file is empty', line: undefined });
    expect(problem('  \n\n')).toMatchObject({ message: 'the file is empty' });
    expect(problem('# Just a heading\n')).toMatchObject({ message: 'the file has no front matter', line: 1 });
    expect(problem('---\ntitle: Hi\n\nBody without a closing line\n')).toMatchObject({ message: 'the front matter is never closed' });
    expect(problem('---\n- a\n- b\n---\n')).toMatchObject({ message: 'the front matter is not a set of fields' });
  });

  it('refuses a closing line with more than the three dashes, whose rest would start the body (an empty bullet for ----)', () => {
    expect(problem('---\ntitle: Hi\ntags: [AI]\n----\n\nBody.\n')).toMatchObject({ line: 4, message: 'the front matter closes with "----"', hint: 'the closing line must be exactly ---' });
    expect(problem('---\r\ntitle: Hi\r\n---more\r\nBody.\r\n')).toMatchObject({ line: 3, message: 'the front matter closes with "---more"' });
    expect(ok('---\ntitle: Hi\n---  \nBody.\n').body).toBe('  \nBody.\n');
  });

  it('says a file whose lines end in a carriage return alone has the wrong line endings, not what its first line is', () => {
    expect(problem('---\rtitle: Hi\rtags: [AI]\r---\rBody\r')).toMatchObject({
      line: 1,
      message: 'the lines end in a carriage return alone (classic Mac line endings), which the build does not take for line breaks',
      hint: 'save the file with LF (Unix) or CRLF (Windows) line endings',
    });
  });

  it('says front matter between +++ lines is TOML, which the site does not read, rather than that there is none', () => {
    expect(problem('+++\ntitle = "Hi"\n+++\nBody\n')).toMatchObject({
      line: 1,
      message: 'the front matter is TOML (between +++ lines), which the site does not read',
      hint: 'write it as YAML between --- lines: title: "Headline" for title = "Headline"',
    });
  });

  it('never evaluates front matter written as JavaScript', () => {
    const marker = '__newsdeskEvaluated';
    const result = problem(`---js\n{ title: (globalThis.${marker} = 'yes') }\n---\n`);
    expect(result.message).toMatch(/opens with "---js"/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it('refuses text that is not UTF-8 and says on which line the bad byte is', () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('---\ntitle: "Caf'), 0xe9, ...new TextEncoder().encode('"\n---\n')]);
    expect(problem(latin1)).toMatchObject({ message: /^the file is not UTF-8 text/, line: 2 });
  });

  it('says a file saved as Windows-1252 most likely is, quoting its line as that encoding reads it, and how to convert it', () => {
    const western = Uint8Array.from([...new TextEncoder().encode('---\ntitle: T\ndescription: "The '), 0x93, ...new TextEncoder().encode('caf'), 0xe9, 0x94, ...new TextEncoder().encode(' economy"\n---\n')]);
    expect(problem(western)).toMatchObject({
      line: 3,
      message: 'the file is not UTF-8 text',
      hint: 'it reads as Windows-1252 (that line has “café”): reopen it in that encoding (in VS Code: "Reopen with Encoding", then Western (Windows 1252)), then save it as UTF-8 ("Save with Encoding", UTF-8)',
    });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'---\ntitle: Café\n'].flatMap((character) => [character.charCodeAt(0), 0])]);
    expect(problem(utf16)).toMatchObject({ message: 'the file is not UTF-8 text', hint: 'it is saved as UTF-16; save it as UTF-8 in your editor (often "Save with encoding" or "Reopen with encoding", then save)' });
  });
});
