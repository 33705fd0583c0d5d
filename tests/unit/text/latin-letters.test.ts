import { describe, expect, it } from 'vitest';
import { inLatinLetters } from '../../../src/lib/text/latin-letters.ts';

describe('inLatinLetters', () => {
  it('writes Cyrillic and Greek letters in Latin ones, in lower case, and leaves every other letter as it is', () => {
    expect(inLatinLetters('Яндекс launches Alice')).toBe('yandeks launches alice');
    expect(inLatinLetters('Щука, ёж и подъезд')).toBe('shchuka, yozh i podezd');
    expect(inLatinLetters('Київ, Ђорђе, Қазақстан')).toBe('kiyiv, djordje, qazaqstan');
    expect(inLatinLetters('Ελλάδα, Ψυχή, ΣΟΦΟΣ')).toBe('ellada, psychi, sofos');
    expect(inLatinLetters('café 日本 ok')).toBe('café 日本 ok');
  });

  it('leaves out a letter of either alphabet it has no Latin spelling for, so that none remains', () => {
    expect(inLatinLetters('Ѣ and Ϡ')).toBe(' and ');
  });
});
