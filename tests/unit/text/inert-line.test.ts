import { describe, expect, it } from 'vitest';
import { inertJson, inertLine, inertLines } from '../../../src/lib/text/inert-line.ts';

describe('inertLine', () => {
  it('writes every kind of line break as an escape, so the text cannot start a line of its own', () => {
    const text = 'Title\n::error::a\r::warning::b\r\n::add-mask::c\u2028d\u2029e\u0085f\u000bg\u000ch';
    const shown = inertLine(text);
    expect(shown).toBe('Title\\u000a::error::a\\u000d::warning::b\\u000d\\u000a::add-mask::c\\u2028d\\u2029e\\u0085f\\u000bg\\u000ch');
    expect(shown.split(/\r\n|\r|\n/)).toHaveLength(1);
  });

  it('escapes the bracket of the runner’s older command form, which it reads anywhere in a line', () => {
    expect(inertLine('Chips ##[error]forged and ##[stop-commands]quiet')).toBe('Chips ##\\u005berror]forged and ##\\u005bstop-commands]quiet');
    expect(inertLine('# heading [link] #[x]')).toBe('# heading [link] #[x]');
  });

  it('escapes terminal control sequences and leaves other text as written', () => {
    expect(inertLine('\u001b[2Jcleared')).toBe('\\u001b[2Jcleared');
    expect(inertLine('Ünïcode “quotes” — 100% :: fine')).toBe('Ünïcode “quotes” — 100% :: fine');
  });

  it('escapes a leading "::", as the text may start the line it is put on', () => {
    expect(inertLine(' ::error::forged.md')).toBe(' \\u003a:error::forged.md');
    expect(inertLine('a ::error:: b')).toBe('a ::error:: b');
  });
});

describe('inertLines', () => {
  it('keeps every line, and lets none start a command, whatever white space comes first', () => {
    const text = '::error::first\nError in a.md\n  ::warning::b\r\u3000::stop-commands::c\r\n\n::group::d\n  at x (##[error]e)';
    expect(inertLines(text)).toBe('\\u003a:error::first\nError in a.md\n  \\u003a:warning::b\r\u3000\\u003a:stop-commands::c\r\n\n\\u003a:group::d\n  at x (##\\u005berror]e)');
  });

  it('leaves text with no command as it is, colours included', () => {
    expect(inertLines('\u001b[31mError\u001b[39m: a: b\n  12 | x::y')).toBe('\u001b[31mError\u001b[39m: a: b\n  12 | x::y');
  });
});

describe('inertJson', () => {
  it('gives tools JSON that reads back as the value, with no control character, line break or runner command left in it', () => {
    const value = { title: 'Chips\u009b2J\u001b[31m red\u2028::error::forged\r\n##[warning]x', count: 2 };
    const text = inertJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]|##\[/);
    expect(text.split('\n').every((line) => !/^\s*::/.test(line))).toBe(true);
  });
});
