import { describe, expect, it } from 'vitest';
import { chooseFaces, type FontFace } from '../../../src/lib/cards/font-set.ts';
import { parseUnicodeRange } from '../../../src/lib/cards/unicode-ranges.ts';

const face = (family: string, weight: number, subset: string, range: string): FontFace => ({ family, weight, subset, ranges: parseUnicodeRange(range), file: `${family}-${subset}-${weight}.woff` });
const catalogue = [
  face('Serif', 700, 'latin', 'U+0000-00FF'),
  face('Serif', 700, 'latin-ext', 'U+0100-024F'),
  face('Serif', 400, 'latin', 'U+0000-00FF'),
  face('Japanese', 700, 'latin', 'U+0000-00FF'),
  face('Japanese', 700, '119', 'U+3041-309F'),
  face('Japanese', 700, '118', 'U+3000-303F'),
  face('Japanese', 700, '5', 'U+4E00-9FFF'),
];
const names = (faces: FontFace[]) => faces.map((chosen) => `${chosen.family} ${chosen.subset} ${chosen.weight}`);

describe('choosing the font files a text needs', () => {
  it('takes only the subsets the text uses, at the weight asked for', () => {
    expect(names(chooseFaces(catalogue, { families: ['Serif', 'Japanese'], weight: 700 }, 'Plain English').faces)).toEqual(['Serif latin 700']);
    expect(names(chooseFaces(catalogue, { families: ['Serif', 'Japanese'], weight: 700 }, 'Łódź').faces)).toEqual(['Serif latin 700', 'Serif latin-ext 700']);
  });

  it('falls back to the next family for letters the first lacks, in order', () => {
    const choice = chooseFaces(catalogue, { families: ['Serif', 'Japanese'], weight: 700 }, '日本のAI');
    expect(names(choice.faces)).toEqual(['Serif latin 700', 'Japanese 119 700', 'Japanese 5 700']);
    expect(choice.uncovered).toEqual([]);
  });

  it('lists the letters no family covers, once each; spaces need no glyph', () => {
    expect(chooseFaces(catalogue, { families: ['Serif'], weight: 700 }, '한국 한국 AI').uncovered).toEqual(['한', '국']);
  });

  it('takes a space from a face that has it, as a letter; one no family has is listed', () => {
    const choice = chooseFaces(catalogue, { families: ['Serif', 'Japanese'], weight: 700 }, 'AI\u3000日本');
    expect(names(choice.faces)).toEqual(['Serif latin 700', 'Japanese 118 700', 'Japanese 5 700']);
    expect(chooseFaces(catalogue, { families: ['Serif', 'Japanese'], weight: 700 }, 'Tokyo\u1680Osaka').uncovered).toEqual(['\u1680']);
  });

  it('uses the nearest weight a family has', () => {
    expect(names(chooseFaces(catalogue, { families: ['Serif'], weight: 600 }, 'A').faces)).toEqual(['Serif latin 700']);
    expect(names(chooseFaces(catalogue, { families: ['Serif'], weight: 300 }, 'A').faces)).toEqual(['Serif latin 400']);
  });
});
