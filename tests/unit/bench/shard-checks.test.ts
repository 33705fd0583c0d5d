import { describe, expect, it } from 'vitest';
import { failureReason, mergeProblem, overlapProblem } from '../../../src/lib/bench/shard-checks.ts';

describe('checking a sharded build', () => {
  it('quotes the build’s own error line when it rejects an option, else its last words', () => {
    const lines = ['> newsdesk@0.1.0 build', 'Error: unknown option --merge', '    at parse (src/cli/command-line.ts:12:9)', ''];
    expect(failureReason(lines)).toBe('Error: unknown option --merge');
    expect(failureReason(['building…', 'Killed'])).toBe('Killed');
    expect(failureReason([])).toBe('no output');
  });

  it('sees a part that made the whole site as an ignored --shard, and parts that share little as shares', () => {
    const whole = new Set(['index.html', 'articles/a/index.html', 'articles/b/index.html', '404.html']);
    expect(overlapProblem(whole, new Set(whole), 2)).toBe('the build ignored `--shard`: parts 1 and 2 share 4 of 4 pages, so each made the whole site');
    expect(overlapProblem(new Set(['index.html', '404.html']), new Set(['articles/a/index.html', 'articles/b/index.html', '404.html']), 3)).toBeUndefined();
  });

  it('finds pages a part made that the merged site lacks', () => {
    const parts = [new Set(['index.html', 'articles/a/index.html']), new Set(['articles/b/index.html'])];
    expect(mergeProblem(parts, new Set(['index.html', 'articles/a/index.html', 'articles/b/index.html', 'tags/index.html']))).toBeUndefined();
    expect(mergeProblem(parts, new Set(['index.html', 'articles/a/index.html']))).toBe('the merged site lacks 1 page the parts made, e.g. articles/b/index.html');
  });
});
