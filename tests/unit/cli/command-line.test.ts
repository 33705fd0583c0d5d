import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCommandLine } from '../../../src/cli/command-line.ts';

const USAGE = 'Usage: npm run new -- "Headline" --tags AI';
const options = { tags: { type: 'string' }, slug: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

/** What the command prints on stderr, and the exit code it stops with, for these arguments. */
function misuse(argv: string[]): { code: unknown; printed: string } {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const code = readCommandLine(argv, { allowPositionals: true, options }, USAGE);
  const printed = error.mock.calls.map((call) => call.join(' ')).join('\n');
  error.mockRestore();
  return { code, printed };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a mistyped option', () => {
  it('names the option it is closest to, then the usage, with exit code 2', () => {
    const { code, printed } = misuse(['Headline', '--tag', 'AI']);
    expect(code).toBe(2);
    expect(printed).toBe(`Unknown option --tag; did you mean --tags?\n\n${USAGE}`);
  });

  it('is matched whatever its case or hyphens, and with its value after "="', () => {
    expect(misuse(['Headline', '--tags', 'AI', '--Slug=x']).printed).toMatch(/^Unknown option --Slug; did you mean --slug\?/);
    expect(misuse(['Headline', '--dryrun']).printed).toMatch(/^Unknown option --dryrun; did you mean --dry-run\?/);
  });

  it('with nothing close, points to the usage, and says how to give a value that starts with a dash', () => {
    const { code, printed } = misuse(['--tags', 'AI', '-10% drop']);
    expect(code).toBe(2);
    expect(printed.split('\n')[0]).toBe('Unknown option -10% drop; the options are listed below. A value that starts with "-" goes last, after a "--" of its own.');
    expect(printed).not.toMatch(/as in '--/);
  });

  it('is not confused with a value given after a lone "--"', () => {
    const parsed = readCommandLine(['--tags', 'AI', '--', '-10% drop'], { allowPositionals: true, options }, USAGE);
    expect(typeof parsed).toBe('object');
    expect(typeof parsed === 'object' && parsed.positionals).toEqual(['-10% drop']);
  });
});
