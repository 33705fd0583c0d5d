import { describe, expect, it } from 'vitest';
import { createPageLineFilter, type AstroLogEvent } from '../../../src/lib/build/page-lines.ts';

// The events Astro's build writes, as generate.js words them (with its colours when the output is a terminal).
const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;
const pageFile = (path: string, coloured = false): AstroLogEvent => ({
  label: null,
  level: 'info',
  message: coloured ? `  \u001b[34m\u251C\u2500\u001b[39m ${dim(path)}` : `  \u251C\u2500 ${path}`,
  newLine: false,
});
const pageEnd = (ms: number, coloured = false): AstroLogEvent => ({ label: 'SKIP_FORMAT', level: 'info', message: ` ${coloured ? dim(`(+${ms}ms)`) : `(+${ms}ms)`} `, newLine: true });
const pageKept = (): AstroLogEvent => ({ label: 'SKIP_FORMAT', level: 'info', message: ' (cached)', newLine: true });
const pageEmpty = (): AstroLogEvent => ({ label: 'SKIP_FORMAT', level: 'info', message: ' (+3ms) (file not created, response body was empty)', newLine: true });
const heading: AstroLogEvent = { label: 'SKIP_FORMAT', level: 'info', message: '\n\u001b[42m\u001b[30m generating static routes \u001b[39m\u001b[49m', newLine: true };
const done: AstroLogEvent = { label: null, level: 'info', message: '\u2713 Completed in 4m 23s.\n', newLine: true };
const warning: AstroLogEvent = { label: 'build', level: 'warn', message: 'a page took long', newLine: true };

/** What the console shows for these events: a destination writes a line end only after events that have one. */
function printed(events: AstroLogEvent[]): string[] {
  return events
    .map((event) => event.message + (event.newLine ? '\n' : ''))
    .join('')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** Astro rendering `count` pages `inFlight` at a time: a page's end is written when the page `inFlight` later starts. */
function astroBuild(count: number, { inFlight = 1, coloured = false } = {}): AstroLogEvent[] {
  const events: AstroLogEvent[] = [heading];
  for (let page = 1; page <= count + inFlight - 1; page++) {
    if (page <= count) events.push(pageFile(`/page/${page}/index.html`, coloured));
    if (page >= inFlight) events.push(pageEnd(page - inFlight + 1, coloured));
  }
  events.push(done);
  return events;
}

const run = (events: AstroLogEvent[], options = { listedPages: 100, progressEvery: 5_000 }) => {
  const filter = createPageLineFilter(options);
  return events.flatMap((event) => filter(event));
};

describe('Astro page lines', () => {
  it('lists every page of a site smaller than the listed pages on a line of its own, in the order Astro started them', () => {
    const lines = printed(run(astroBuild(60, { inFlight: 4, coloured: true })));
    const pageLines = lines.filter((line) => line.includes('/page/'));
    expect(pageLines).toEqual(Array.from({ length: 60 }, (_, at) => `  \u001b[34m\u251C\u2500\u001b[39m ${dim(`/page/${at + 1}/index.html`)}`));
    // Four pages in flight: a time cannot be told to belong to its page, so none is shown.
    expect(lines.join('\n')).not.toMatch(/\(\+\d+ms\)/);
    expect(lines).toHaveLength(1 + 60 + 1);
  });

  it('keeps the mark of a page Astro kept from its cache, written at once after the page, on its line', () => {
    const lines = printed(run([heading, pageFile('/a/index.html'), pageKept(), pageFile('/b/index.html'), pageFile('/c/index.html'), pageEnd(9), pageEnd(8), done]));
    expect(lines).toEqual([expect.stringContaining('generating static routes'), '  \u251C\u2500 /a/index.html (cached)', '  \u251C\u2500 /b/index.html', '  \u251C\u2500 /c/index.html', '\u2713 Completed in 4m 23s.']);
  });

  it('still says when a page wrote no file', () => {
    const lines = printed(run([heading, pageFile('/a/index.html'), pageFile('/b/index.html'), pageEmpty(), pageEnd(4), done]));
    expect(lines).toContain(' (+3ms) (file not created, response body was empty)');
    expect(lines).toContain('  \u251C\u2500 /b/index.html');
  });

  it('lists the first pages of a large site, then one line for every so many pages', () => {
    const lines = printed(run(astroBuild(12_345, { inFlight: 4 })));
    expect(lines.filter((line) => line.includes('/page/'))).toEqual(Array.from({ length: 100 }, (_, at) => `  \u251C\u2500 /page/${at + 1}/index.html`));
    expect(lines.filter((line) => line.includes(' pages'))).toEqual(['  \u251C\u2500 … 5,000 pages', '  \u251C\u2500 … 10,000 pages']);
    expect(lines).toHaveLength(1 + 100 + 2 + 1);
    expect(lines.at(-1)).toBe('\u2713 Completed in 4m 23s.');
  });

  it('passes warnings and the build\u2019s other lines through while it leaves pages out', () => {
    const events = astroBuild(500);
    events.splice(400, 0, warning);
    const kept = run(events, { listedPages: 10, progressEvery: 1_000 });
    expect(kept).toContain(warning);
    expect(kept).toContain(heading);
    expect(kept.at(-1)).toBe(done);
  });
});
