import { stripVTControlCharacters } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import astroLog from '../../../src/io/astro-log.ts';

afterEach(() => vi.restoreAllMocks());

/** What the destination writes to standard output while `events` run, without colours (CI may turn them on). */
function written(events: (destination: ReturnType<typeof astroLog>) => void): string {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  events(astroLog());
  return stripVTControlCharacters(chunks.join(''));
}

describe("Astro's log destination", () => {
  it('writes the first hundred of the pages Astro lists, each on its line, and Astro’s other lines', () => {
    const output = written((log) => {
      for (let page = 1; page <= 250; page++) {
        log.write({ label: null, level: 'info', message: `  \u251C\u2500 /articles/a-${page}/index.html`, newLine: false });
        log.write({ label: 'SKIP_FORMAT', level: 'info', message: ' (+3ms) ', newLine: true });
      }
      log.write({ label: 'build', level: 'info', message: '250 page(s) built in 2.00s', newLine: true });
    });
    expect(output.match(/\u251C\u2500 \/articles\//g)).toHaveLength(100);
    expect(output).toContain('/articles/a-100/index.html\n');
    expect(output).not.toContain('/articles/a-101/');
    expect(output).toMatch(/\[build\] 250 page\(s\) built in 2\.00s\n$/);
  });

  it('leaves out the warning about Shiki and a CSP, which this site\u2019s CSP answers, and no other', () => {
    const output = written((log) => {
      log.write({ label: 'config', level: 'warn', message: 'Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy (CSP). Consider using Prism syntax highlighting instead, or disable CSP if Shiki is required.', newLine: true });
      log.write({ label: 'config', level: 'warn', message: 'Another setting is not compatible', newLine: true });
    });
    expect(output).not.toContain('Shiki');
    expect(output).toContain('Another setting is not compatible');
  });

  it('writes debug lines: which levels are shown is for the logger (--verbose) to decide', () => {
    const output = written((log) => log.write({ label: 'build', level: 'debug', message: 'a detail', newLine: true }));
    expect(output).toContain('a detail');
  });

  it('lets no line of a message that quotes a file or its front matter be read as a CI workflow command', () => {
    const output = written((log) => {
      log.write({ label: 'content', level: 'warn', message: 'Invalid entry content/articles/a\n::error::forged.md:\n  title: ##[warning]forged\r::stop-commands::quiet', newLine: true });
    });
    expect(output).toContain('content/articles/a\n\\u003a:error::forged.md:\n');
    const lines = output.split(/\r\n|\r|\n/);
    expect(lines.filter((line) => line.trimStart().startsWith('::') || line.includes('##['))).toEqual([]);
  });
});
