import { describe, expect, it } from 'vitest';
import { oneLine } from '../../../src/lib/text/one-line.ts';

describe('oneLine', () => {
  it('writes every kind of line break as an escape, so the text cannot start a line of its own', () => {
    const text = 'Title\n::error::a\r::warning::b\r\n::add-mask::c\u2028d\u2029e\u0085f\u000bg\u000ch';
    const shown = oneLine(text);
    expect(shown).toBe('Title\\u000a::error::a\\u000d::warning::b\\u000d\\u000a::add-mask::c\\u2028d\\u2029e\\u0085f\\u000bg\\u000ch');
    expect(shown.split(/\r\n|\r|\n/)).toHaveLength(1);
  });

  it('escapes terminal control sequences and leaves other text as written', () => {
    expect(oneLine('\u001b[2Jcleared')).toBe('\\u001b[2Jcleared');
    expect(oneLine('Ünïcode “quotes” — 100% :: fine')).toBe('Ünïcode “quotes” — 100% :: fine');
  });
});
