import { describe, expect, it } from 'vitest';
import { shortened } from '../../../src/lib/text/shortened.ts';

describe('shortened', () => {
  it('leaves text within the limit as it is', () => {
    expect(shortened('Tokyo at night', 14)).toBe('Tokyo at night');
  });

  it('cuts at the last space within the limit and ends in an ellipsis', () => {
    const cut = shortened('A chart of the chip makers’ market shares in 2026, by quarter and by region', 40);
    expect(cut).toBe('A chart of the chip makers’ market…');
    expect(cut.length).toBeLessThanOrEqual(40);
  });

  it('never splits an emoji or an accented letter, and cuts a long word when there is no space to cut at', () => {
    expect(shortened('👩🏽‍💻'.repeat(10), 20)).toBe(`${'👩🏽‍💻'.repeat(2)}…`);
    expect(shortened('Donaudampfschifffahrtsgesellschaftskapitän', 10)).toBe('Donaudamp…');
    expect(shortened('e\u0301'.repeat(10), 6)).toBe(`${'e\u0301'.repeat(2)}…`);
  });
});
