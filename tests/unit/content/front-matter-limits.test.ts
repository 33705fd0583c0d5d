import { describe, expect, it } from 'vitest';
import { frontMatterLimitProblem, MAX_ALIASES } from '../../../src/lib/content/front-matter-limits.ts';
import { quoteValue } from '../../../src/lib/content/quote-value.ts';

/** Nine levels of nine aliases each: a few hundred bytes standing for nine to the ninth values. */
function billionLaughs(field: string): string {
  const names = 'abcdefghi';
  const levels = [`  - &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let level = 1; level < 9; level++) levels.push(`  - &${names[level]} [${Array(9).fill(`*${names[level - 1]}`).join(', ')}]`);
  return `title: "Laughs"\ntags: ["AI"]\n${field}:\n${levels.join('\n')}\n`;
}

describe('frontMatterLimitProblem', () => {
  it.each(['slug', 'draft', 'related'])('refuses a billion laughs in %s within seconds, naming the field and its line', (field) => {
    const started = performance.now();
    const problem = frontMatterLimitProblem(billionLaughs(field));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problem).toMatchObject({ line: 3, field, message: `uses more than ${MAX_ALIASES} YAML aliases, far more than any article needs` });
  });

  it('refuses a billion laughs below a stray carriage return, which js-yaml reads as a line break, at the line an editor shows', () => {
    const text = billionLaughs('related').replace('title: "Laughs"\n', 'title: "Laughs"\r');
    expect(frontMatterLimitProblem(text)).toMatchObject({ line: 3, field: 'related', message: `uses more than ${MAX_ALIASES} YAML aliases, far more than any article needs` });
  });

  it('refuses a few aliases that still stand for too many values', () => {
    const wide = `[${Array(600).fill('"x"').join(', ')}]`;
    const text = `tags: &t ${wide}\nrelated: [${Array(10).fill('*t').join(', ')}]\n`;
    expect(frontMatterLimitProblem(text)).toMatchObject({ field: 'related', line: 2, message: /expands to more than 5000 values/ });
  });

  it('accepts ordinary front matter, asterisks in text and a tidy editor\'s anchor', () => {
    expect(frontMatterLimitProblem('title: "Five * stars"\ntags: ["AI"]\n')).toBeUndefined();
    expect(frontMatterLimitProblem('authors: &staff ["Newsdesk Staff"]\ntags: ["AI"]\nrelated: *staff\n')).toBeUndefined();
  });
});

describe('quoteValue', () => {
  it('quotes short text, cuts long text and names other kinds without printing them', () => {
    expect(quoteValue('sometime last week')).toBe('"sometime last week"');
    expect(quoteValue('x'.repeat(20_000_000))).toBe(`"${'x'.repeat(60)}…"`);
    expect([quoteValue(['a']), quoteValue({ a: 1 }), quoteValue(42), quoteValue(null)]).toEqual(['a list', 'a set of fields', '42', 'null']);
  });
});
